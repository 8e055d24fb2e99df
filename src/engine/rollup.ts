/**
 * Period roll-ups: quarters into a half-year or a year (seed 000 汇总表: 季度考评 + 年终考评;
 * 博湖平时考核制度第八、九条: 受到两次行政处理或一票否决的, 年度考核不能确定为称职及以上等次).
 * A part's veto reaches the roll-up only through its rules (`when: { vetoed: true }`) and, when
 * the roll-up says `partVetoBarsHonours`, by barring its honours.
 * Takes the evaluated parts, so the year shows exactly the quarters that were published.
 */
import { type CompiledRollUp, type CompiledScheme, compileScheme } from './compile.ts';
import { divideRounded, formatDecimal, parseDecimal, roundScaled, type Scaled } from './decimal.ts';
import { EngineInputError } from './evaluate.ts';
import { line } from './explain.ts';
import { parsePeriod } from './period.ts';
import { problem } from './problems.ts';
import type { SchemeFile } from './scheme.schema.ts';
import { type AppliedRule, assignStandings, flagsOf, type SubjectRules } from './standing.ts';
import type {
  EvaluationResult,
  ExplanationLine,
  QuotaSummary,
  SubjectFlags,
  SubjectGroups,
  SubjectResult,
} from './types.ts';

export interface RollUpInput {
  /** The longer period, e.g. '2024' or '2024H1'. */
  period: string;
  /** Evaluations of the shorter periods inside it (any order). */
  parts: EvaluationResult[];
  /** Which of the scheme's roll-ups; default the first whose period kind matches. */
  rollUp?: string;
  params?: Record<string, string | number>;
}

export interface RolledSubject {
  subject: string;
  name?: string;
  /** Each part's total and grade, in period order; missing parts are absent. */
  parts: { period: string; total: string; grade: string | null; isVetoed: boolean }[];
  total: string;
  grade: string | null;
  bandGrade: string | null;
  rank: number;
  flags: Omit<SubjectFlags, 'isCapped'>;
  explanation: ExplanationLine[];
}

export interface RollUpResult {
  scheme: string;
  rollUp: string;
  period: string;
  subjects: RolledSubject[];
  quotas: QuotaSummary[];
}

/** Rolls evaluated parts up into a longer period under one of the scheme's roll-ups. */
export function rollUp(scheme: SchemeFile | CompiledScheme, input: RollUpInput): RollUpResult {
  let compiled: CompiledScheme;
  if ('itemIndex' in scheme) compiled = scheme;
  else {
    const outcome = compileScheme(scheme, input.params);
    if (!outcome.ok) throw new EngineInputError(outcome.problems);
    compiled = outcome.compiled;
  }
  const range = parsePeriod(input.period);
  const definition = compiled.rollUps.find((candidate) =>
    input.rollUp ? candidate.id === input.rollUp : candidate.period === range?.kind,
  );
  if (!range || !definition || definition.period !== range.kind) {
    throw new EngineInputError([
      problem(
        'period',
        `方案没有适用于 ${input.period} 的汇总规则`,
        `the scheme has no roll-up for ${input.period}`,
      ),
    ]);
  }
  const partProblems = input.parts.flatMap((part, index) => {
    const partRange = parsePeriod(part.period);
    if (part.scheme !== compiled.file.id) {
      return [
        problem(
          `parts[${index}].scheme`,
          '汇总的各期应使用同一方案',
          'every part must come from the same scheme',
        ),
      ];
    }
    if (!partRange || partRange.start < range.start || partRange.end > range.end) {
      return [
        problem(
          `parts[${index}].period`,
          `${part.period} 不在 ${input.period} 内`,
          `${part.period} is not inside ${input.period}`,
        ),
      ];
    }
    return [];
  });
  const periods = input.parts.map((part) => part.period);
  if (new Set(periods).size !== periods.length) {
    partProblems.push(problem('parts', '同一期考核结果重复', 'a part period is given twice'));
  }
  if (partProblems.length > 0) throw new EngineInputError(partProblems);

  const parts = [...input.parts].sort((left, right) => (left.period < right.period ? -1 : 1));
  const order: string[] = [];
  const names = new Map<string, string>();
  // a subject's groups as of the latest part that gives them (an officer may change unit in the year)
  const groupsOf = new Map<string, SubjectGroups>();
  for (const part of parts) {
    for (const subject of part.subjects) {
      if (subject.groups !== undefined) groupsOf.set(subject.subject, subject.groups);
      if (!names.has(subject.subject)) {
        order.push(subject.subject);
        names.set(subject.subject, subject.name ?? '');
      }
    }
  }

  // Index each part by subject once: a province has 100,000 subjects per quarter.
  const indexed = parts.map((part) => ({
    period: part.period,
    bySubject: new Map(part.subjects.map((subject) => [subject.subject, subject])),
  }));
  const rolled = order.map((subject) => rollSubject(compiled, definition, subject, indexed));
  const { standings, quotas } = assignStandings(
    {
      subjects: rolled.map((entry) => entry.subject),
      totals: rolled.map((entry) => entry.total),
      tieKeys: () => [],
      groupOf: (key, index) => groupsOf.get(rolled[index]!.subject)?.[key] ?? '',
      rulesOf: (index) => {
        const { ceilings, honoursBars } = rolled[index]!;
        return ceilings.length === 0 && honoursBars.length === 0
          ? null
          : { ceilings, vetoes: [], honoursBars };
      },
    },
    {
      bands: definition.bands,
      quotas: definition.quotas,
      commend: definition.commend,
      bar: definition.bar,
      rankPer: definition.rankPer,
    },
  );

  return {
    scheme: compiled.file.id,
    rollUp: definition.id,
    period: input.period,
    quotas,
    subjects: rolled.map((entry, index) => {
      const { isCapped: _isCapped, ...flags } = flagsOf(standings.flags[index]!);
      const result: RolledSubject = {
        subject: entry.subject,
        parts: entry.parts,
        total: formatDecimal(entry.total),
        grade: standings.grades[index]!,
        bandGrade: standings.bandGrades[index]!,
        rank: standings.ranks[index]!,
        flags: { ...flags, isVetoed: entry.parts.some((part) => part.isVetoed) },
        explanation: [...entry.lines, ...(standings.lines[index] ?? [])],
      };
      const name = names.get(entry.subject);
      if (name) result.name = name;
      return result;
    }),
  };
}

/** Whether the scheme's veto `rule` bars honours. */
function barsHonours(compiled: CompiledScheme, rule: string): boolean {
  const index = compiled.itemIndex.get(rule);
  return index !== undefined && compiled.vetoEffects.get(index)?.barHonours === true;
}

function rollSubject(
  compiled: CompiledScheme,
  definition: CompiledRollUp,
  subject: string,
  parts: { period: string; bySubject: Map<string, SubjectResult> }[],
) {
  const lines: ExplanationLine[] = [];
  const partRows: RolledSubject['parts'] = [];
  const triggerCounts = new Map<string, string[]>();
  // With partVetoBarsHonours, a part's veto that bars honours (取消评优资格) bars them for the
  // roll-up too, as a period's veto does for its own ranking and quotas.
  const honoursBars = new Map<string, AppliedRule & { periods: string[] }>();
  let sum: Scaled = 0;
  let isVetoed = false;
  for (const part of parts) {
    const result = part.bySubject.get(subject);
    if (!result) continue;
    const total = parseDecimal(result.total) ?? 0;
    sum += total;
    isVetoed ||= result.flags.isVetoed;
    partRows.push({
      period: part.period,
      total: result.total,
      grade: result.grade,
      isVetoed: result.flags.isVetoed,
    });
    lines.push(
      line(
        'part',
        { id: `${definition.id}.${part.period}`, label: `${part.period} 得分`, clause: definition.clause },
        total,
        undefined,
        {
          note: `${part.period}:${result.total} 分${result.grade ? `,${result.grade}` : ''}`,
        },
      ),
    );
    for (const trigger of result.triggers) {
      const list = triggerCounts.get(trigger.rule) ?? [];
      list.push(...trigger.records);
      triggerCounts.set(trigger.rule, list);
      if (definition.partVetoBarsHonours && trigger.kind === 'veto' && barsHonours(compiled, trigger.rule)) {
        let bar = honoursBars.get(trigger.rule);
        if (!bar) {
          bar = {
            rule: trigger.rule,
            label: trigger.label,
            clause: trigger.clause,
            records: [],
            periods: [],
          };
          honoursBars.set(trigger.rule, bar);
        }
        bar.records.push(...trigger.records);
        if (!bar.periods.includes(part.period)) bar.periods.push(part.period);
      }
    }
  }
  let total = sum;
  if (definition.method === 'mean' && partRows.length > 0) {
    total = divideRounded(sum, partRows.length, 'half-up');
    lines.push(
      line('roll-up', definition, total - sum, undefined, {
        note: `${partRows.length} 期平均：${formatDecimal(sum)} ÷ ${partRows.length} = ${formatDecimal(total)}`,
      }),
    );
  }
  if (definition.round) {
    const rounded = roundScaled(total, definition.round.places, definition.round.mode);
    if (rounded !== total) {
      lines.push(
        line('round', definition, rounded - total, undefined, {
          note: `保留 ${definition.round.places} 位小数`,
        }),
      );
      total = rounded;
    }
  }
  const ceilings: SubjectRules['ceilings'] = [];
  for (const rule of definition.rules) {
    const records = rule.vetoed ? [] : rule.triggers.flatMap((trigger) => triggerCounts.get(trigger) ?? []);
    const fires = rule.vetoed ? isVetoed : records.length >= rule.atLeast;
    if (fires)
      ceilings.push({
        rule: rule.id,
        label: rule.label,
        clause: rule.clause,
        records: records.sort(),
        maxGrade: rule.maxGrade,
      });
  }
  return {
    subject,
    total,
    parts: partRows,
    lines,
    ceilings,
    honoursBars: [...honoursBars.values()].map(({ periods, ...bar }) => ({
      ...bar,
      note: `${periods.join('、')} 一票否决，取消评优资格`,
    })),
  };
}
