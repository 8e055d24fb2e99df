/**
 * Compiling grade bands and quotas: checks that bands fall strictly from the best grade down
 * and that a quota names a grade that exists and is not the lowest.
 */
import type { CompiledBand, CompiledQuota } from './compiled.types.ts';
import { SCALE, type Scaled } from './decimal.ts';
import { type Problem, problem } from './problems.ts';
import type { Band, NumberOrParam, Quota } from './scheme.schema.ts';

const HUNDRED = 100 * SCALE;

/** Compiles grade bands (best first, inclusive lower bounds). */
export function compileBands(
  bands: Band[],
  path: string,
  number: (value: NumberOrParam, path: string) => Scaled,
  problems: Problem[],
): CompiledBand[] {
  const seen = new Set<string>();
  let previous: Scaled | null = null;
  return bands.map((band, position) => {
    const bandPath = `${path}[${position}]`;
    if (seen.has(band.grade))
      problems.push(
        problem(`${bandPath}.grade`, `等次 ${band.grade} 重复`, `grade ${band.grade} is listed twice`),
      );
    seen.add(band.grade);
    const min = band.min === null ? null : number(band.min, `${bandPath}.min`);
    if (min === null && position !== bands.length - 1) {
      problems.push(
        problem(
          `${bandPath}.min`,
          '只有最后一个等次可以不设下限',
          'only the last grade may have no lower bound',
        ),
      );
    }
    if (min !== null && previous !== null && min >= previous) {
      problems.push(
        problem(
          `${bandPath}.min`,
          '等次下限应从高到低严格递减',
          'grade lower bounds must fall strictly from the best grade down',
        ),
      );
    }
    if (min !== null) previous = min;
    return { grade: band.grade, min };
  });
}

/** Compiles a quota against the bands it limits. */
export function compileQuota(
  quota: Quota,
  path: string,
  bands: CompiledBand[],
  componentIds: Map<string, number>,
  number: (value: NumberOrParam, path: string) => Scaled,
  problems: Problem[],
): CompiledQuota {
  const position = bands.findIndex((band) => band.grade === quota.grade);
  if (position < 0) {
    problems.push(
      problem(
        `${path}.grade`,
        `等次 ${quota.grade} 不在 grades 中`,
        `grade ${quota.grade} is not among the grades`,
      ),
    );
  } else if (position === bands.length - 1) {
    problems.push(problem(`${path}.grade`, '最低等次不能设比例上限', 'the lowest grade cannot have a quota'));
  }
  const maxShare = number(quota.maxShare, `${path}.maxShare`);
  if (maxShare < 0 || maxShare > HUNDRED) {
    problems.push(
      problem(`${path}.maxShare`, '比例应在0到100之间', 'maxShare must be a percent from 0 to 100'),
    );
  }
  const tieBreakBy = (quota.tieBreak?.by ?? []).map((id, byPosition) => {
    const index = componentIds.get(id);
    if (index === undefined) {
      problems.push(
        problem(
          `${path}.tieBreak.by[${byPosition}]`,
          `没有标识为 ${id} 的组件`,
          `no component has the id ${id}`,
        ),
      );
    }
    return index ?? -1;
  });
  return {
    grade: quota.grade,
    per: quota.per ?? null,
    maxShare,
    clause: quota.clause,
    rounding: quota.rounding ?? 'floor',
    tieBreakBy,
    final: quota.tieBreak?.final ?? 'spare',
  };
}
