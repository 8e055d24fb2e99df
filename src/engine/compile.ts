/**
 * Compiles a validated scheme file into the structure the evaluator walks: parameters
 * resolved, numbers turned into scaled integers, every record-addressable item indexed. All
 * cross-references (grades, parameters, component ids, weights) are checked here, and every
 * problem is collected before the scheme is refused.
 */

import { compileBands, compileQuota } from './compile.grades.ts';
import type {
  CompiledAverage,
  CompiledComponent,
  CompiledComposite,
  CompiledGroup,
  CompiledItem,
  CompiledLevel,
  CompiledRating,
  CompiledRollUp,
  CompiledScheme,
  CompiledTally,
  CompileOutcome,
  ParamOverrides,
} from './compiled.types.ts';
import { tallyNotes } from './components/tally.ts';
import { exactCountLimit, formatDecimal, parseDecimal, SCALE, type Scaled } from './decimal.ts';
import { type Problem, problem } from './problems.ts';
import type { Component, Group, Item, NumberOrParam, Ranking, SchemeFile } from './scheme.schema.ts';

export type * from './compiled.types.ts';

const HUNDRED = 100 * SCALE;

/** Compiles a scheme file that already passed the zod schema; `overrides` replace parameter defaults. */
export function compileScheme(file: SchemeFile, overrides: ParamOverrides = {}): CompileOutcome {
  const problems: Problem[] = [];
  const params: Record<string, Scaled> = {};
  for (const [name, param] of Object.entries(file.params ?? {})) {
    const value =
      typeof param.default === 'string' && param.default.startsWith('$') ? null : parseDecimal(param.default);
    if (value === null) {
      problems.push(
        problem(`params.${name}.default`, '参数默认值应为数值', 'a parameter default must be a number'),
      );
    } else params[name] = value;
  }
  for (const [name, override] of Object.entries(overrides)) {
    const value = parseDecimal(override);
    if (!(name in params) && !file.params?.[name]) {
      problems.push(problem(`params.${name}`, '方案中没有这个参数', 'the scheme has no such parameter'));
    } else if (value === null) {
      problems.push(problem(`params.${name}`, '参数值应为数值', 'a parameter value must be a number'));
    } else params[name] = value;
  }

  const number = (value: NumberOrParam, path: string): Scaled => {
    if (typeof value === 'string' && value.startsWith('$')) {
      const resolved = params[value.slice(1)];
      if (resolved === undefined) {
        problems.push(problem(path, `未定义的参数 ${value}`, `undefined parameter ${value}`));
        return 0;
      }
      return resolved;
    }
    return parseDecimal(value) ?? 0;
  };
  const optionalNumber = (value: NumberOrParam | null | undefined, path: string): Scaled | null =>
    value === null || value === undefined ? null : number(value, path);

  const seenIds = new Map<string, string>();
  const claimId = (id: string, path: string): void => {
    const earlier = seenIds.get(id);
    if (earlier !== undefined) {
      problems.push(
        problem(
          `${path}.id`,
          `标识 ${id} 重复(已用于 ${earlier})`,
          `id ${id} is used twice (also at ${earlier})`,
        ),
      );
    } else seenIds.set(id, path);
  };

  const items: CompiledItem[] = [];
  const components: CompiledComponent[] = [];
  const addItem = (item: Omit<CompiledItem, 'index' | 'capNote' | 'perNote' | 'maxCount'>): CompiledItem => {
    const largest = Math.max(
      item.points ?? 0,
      ...[...(item.levels?.values() ?? [])].map((level) => level.points),
    );
    const compiled: CompiledItem = {
      ...item,
      index: items.length,
      capNote: undefined,
      perNote: undefined,
      maxCount: exactCountLimit(largest),
    };
    if (compiled.cap !== null) compiled.capNote = `本项最多 ${formatDecimal(compiled.cap)} 分`;
    if (compiled.per > 1) {
      const verb = compiled.component?.kind === 'bonus' ? '加' : '扣';
      compiled.perNote = `每 ${compiled.per} 次${verb} ${formatDecimal(compiled.points ?? 0)} 分`;
    }
    items.push(compiled);
    return compiled;
  };

  const compileItem = (
    item: Item,
    path: string,
    owner: CompiledTally,
    assessor: string | undefined,
    inheritedClause: string | undefined,
  ): CompiledItem => {
    claimId(item.id, path);
    let levels: Map<string, CompiledLevel> | null = null;
    if (item.levels) {
      levels = new Map();
      item.levels.forEach((level, position) => {
        const levelPath = `${path}.levels[${position}]`;
        if (levels?.has(level.id)) {
          problems.push(
            problem(`${levelPath}.id`, `等级 ${level.id} 重复`, `level ${level.id} is listed twice`),
          );
        }
        const levelPoints = number(level.points, `${levelPath}.points`);
        if (levelPoints < 0) {
          problems.push(problem(`${levelPath}.points`, '分值应为非负数', 'points must not be negative'));
        }
        // a repeated id is a problem above; it keeps the first one's position
        const known = levels?.get(level.id);
        levels?.set(level.id, {
          id: level.id,
          label: level.label,
          points: levelPoints,
          position: known ? known.position : (levels?.size ?? 0),
        });
      });
    }
    const itemPoints = optionalNumber(item.points, `${path}.points`);
    if ((itemPoints === null) === (levels === null)) {
      problems.push(
        problem(
          path,
          '应写明 points(每次分值)或 levels(按等级分值)之一',
          'needs exactly one of points or levels',
        ),
      );
    }
    if (itemPoints !== null && itemPoints < 0) {
      problems.push(
        problem(
          `${path}.points`,
          '分值应写为正数(扣分项自动扣减)',
          'write points as positive; deductions subtract them',
        ),
      );
    }
    return addItem({
      id: item.id,
      label: item.label,
      // an item without its own clause is cited by its group's (issue 18 point 14: every line has one)
      clause: item.clause ?? inheritedClause,
      role: 'score',
      component: owner,
      points: itemPoints,
      per: item.per ?? 1,
      cap: optionalNumber(item.cap, `${path}.cap`),
      levels,
      weight: SCALE,
      assessor,
    });
  };

  const compileGroup = (
    group: Pick<Group, 'id' | 'label' | 'clause' | 'assessor' | 'items' | 'groups'> & { cap?: Group['cap'] },
    path: string,
    owner: CompiledTally,
    inheritedAssessor: string | undefined,
    inheritedClause: string | undefined,
  ): CompiledGroup => {
    const assessor = group.assessor ?? inheritedAssessor;
    const clause = group.clause ?? inheritedClause;
    const cap = optionalNumber(group.cap, `${path}.cap`);
    const verb = owner.kind === 'deduction' ? '扣' : '加';
    return {
      id: group.id,
      label: group.label,
      clause,
      assessor,
      cap,
      capNote:
        cap === null
          ? undefined
          : `${group.label}最多${verb} ${formatDecimal(cap)} 分${verb === '扣' ? '，扣完为止' : ''}`,
      items: (group.items ?? []).map((item, position) =>
        compileItem(item, `${path}.items[${position}]`, owner, assessor, clause),
      ),
      groups: (group.groups ?? []).map((child, position) => {
        const childPath = `${path}.groups[${position}]`;
        claimId(child.id, childPath);
        return compileGroup(child, childPath, owner, assessor, clause);
      }),
    };
  };

  const compileComponent = (
    component: Component,
    path: string,
    idPath: string,
    outerClause?: string,
  ): CompiledComponent => {
    claimId(component.id, path);
    // the clause an item without its own is cited by: its group's, else its component's, else the outer one's
    const inheritedClause = component.clause ?? outerClause;
    const base = {
      index: components.length,
      id: component.id,
      label: component.label,
      clause: component.clause,
      assessor: component.assessor,
      weight: optionalNumber(component.weight, `${path}.weight`),
      round: component.round ?? null,
      path: idPath ? `${idPath}.${component.id}` : component.id,
    };
    switch (component.kind) {
      case 'deduction':
      case 'bonus': {
        const isDeduction = component.kind === 'deduction';
        const compiled: CompiledTally = {
          ...base,
          kind: component.kind,
          base: isDeduction ? number(component.points, `${path}.points`) : 0,
          floor: isDeduction ? (optionalNumber(component.floor, `${path}.floor`) ?? 0) : 0,
          cap: isDeduction ? null : optionalNumber(component.cap, `${path}.cap`),
          isHighestOnly: component.sameFact === 'highest',
          root: {
            id: component.id,
            label: component.label,
            clause: undefined,
            assessor: undefined,
            cap: null,
            items: [],
            groups: [],
            capNote: undefined,
          },
          notes: { base: '', limit: '' },
        };
        compiled.notes = tallyNotes(compiled);
        components.push(compiled);
        compiled.root = compileGroup(
          { ...component, cap: null, clause: component.clause },
          path,
          compiled,
          component.assessor,
          inheritedClause,
        );
        if (!component.groups?.length && !component.items?.length) {
          problems.push(problem(path, '应至少有一个 groups 或 items', 'needs at least one group or item'));
        }
        return compiled;
      }
      case 'rating': {
        const raterIndex = new Map<string, number>();
        const raters = component.raters.map((rater, position) => {
          const raterPath = `${path}.raters[${position}]`;
          if (raterIndex.has(rater.role)) {
            problems.push(
              problem(
                `${raterPath}.role`,
                `评价人角色 ${rater.role} 重复`,
                `rater role ${rater.role} is listed twice`,
              ),
            );
          }
          raterIndex.set(rater.role, position);
          const weight = number(rater.weight, `${raterPath}.weight`);
          if (weight <= 0)
            problems.push(problem(`${raterPath}.weight`, '权重应大于0', 'a weight must be above 0'));
          return { role: rater.role, label: rater.label, weight };
        });
        const outOf = number(component.outOf, `${path}.outOf`);
        if (outOf <= 0) problems.push(problem(`${path}.outOf`, '满分应大于0', 'outOf must be above 0'));
        const compiled: CompiledRating = {
          ...base,
          kind: 'rating',
          points: number(component.points, `${path}.points`),
          outOf: outOf > 0 ? outOf : SCALE,
          raters,
          raterIndex,
          raterRules: raters.map((rater) => ({
            id: `${component.id}.${rater.role}`,
            label: `${component.label}(${rater.label})`,
            clause: component.clause,
            assessor: component.assessor,
          })),
          isFullWhenMissing: component.whenMissing === 'full',
          item: undefined as unknown as CompiledItem,
        };
        components.push(compiled);
        const itemId = component.item ?? component.id;
        if (component.item) claimId(component.item, `${path}.item`);
        compiled.item = addItem({
          id: itemId,
          label: component.label,
          clause: component.clause,
          role: 'rating',
          component: compiled,
          points: null,
          per: 1,
          cap: null,
          levels: null,
          weight: SCALE,
          assessor: component.assessor,
        });
        return compiled;
      }
      case 'scaled-average': {
        const scale = number(component.scale, `${path}.scale`);
        if (scale <= 0 || scale > HUNDRED) {
          problems.push(
            problem(
              `${path}.scale`,
              '换算比例应在0到100之间',
              'scale must be a percent above 0 and at most 100',
            ),
          );
        }
        const outOf = number(component.outOf, `${path}.outOf`);
        if (outOf <= 0) problems.push(problem(`${path}.outOf`, '满分应大于0', 'outOf must be above 0'));
        const compiled: CompiledAverage = {
          ...base,
          kind: 'scaled-average',
          outOf,
          scale,
          items: [],
          isFullWhenEmpty: component.whenEmpty !== 'zero',
        };
        components.push(compiled);
        compiled.items = component.items.map((item, position) => {
          const itemPath = `${path}.items[${position}]`;
          claimId(item.id, itemPath);
          const weight = item.weight === undefined ? SCALE : number(item.weight, `${itemPath}.weight`);
          if (weight <= 0)
            problems.push(problem(`${itemPath}.weight`, '权重应大于0', 'a weight must be above 0'));
          return addItem({
            id: item.id,
            label: item.label,
            clause: item.clause ?? inheritedClause,
            role: 'average',
            component: compiled,
            points: null,
            per: 1,
            cap: null,
            levels: null,
            weight,
            assessor: component.assessor,
          });
        });
        return compiled;
      }
      case 'weighted':
      case 'sum': {
        const compiled: CompiledComposite = {
          ...base,
          kind: component.kind,
          cap: component.kind === 'sum' ? optionalNumber(component.cap, `${path}.cap`) : null,
          children: [],
        };
        components.push(compiled);
        compiled.children = component.children.map((child, position) =>
          compileComponent(child, `${path}.children[${position}]`, compiled.path, inheritedClause),
        );
        if (component.kind === 'weighted') {
          let totalWeight = 0;
          compiled.children.forEach((child, position) => {
            if (child.weight === null) {
              problems.push(
                problem(
                  `${path}.children[${position}].weight`,
                  '加权组件的每个子项都应写明权重(%)',
                  'each child of a weighted component needs a weight (percent)',
                ),
              );
            } else totalWeight += child.weight;
          });
          if (totalWeight !== HUNDRED && compiled.children.every((child) => child.weight !== null)) {
            problems.push(
              problem(
                `${path}.children`,
                '子项权重之和应为100%',
                "the children's weights must add up to 100 percent",
              ),
            );
          }
        }
        return compiled;
      }
    }
  };

  const top = file.components.map((component, position) =>
    compileComponent(component, `components[${position}]`, ''),
  );

  const bands = compileBands(file.grades ?? [], 'grades', number, problems);
  const gradeNames = new Set(bands.map((band) => band.grade));
  const componentIds = new Map(components.map((component) => [component.id, component.index]));
  const quotas = (file.quotas ?? []).map((quota, position) =>
    compileQuota(quota, `quotas[${position}]`, bands, componentIds, number, problems),
  );

  const vetoEffects = new Map<number, { grade: string | undefined; barHonours: boolean }>();
  const vetoes = (file.vetoes ?? []).map((veto, position) => {
    const path = `vetoes[${position}]`;
    claimId(veto.id, path);
    if (veto.grade !== undefined && !gradeNames.has(veto.grade)) {
      problems.push(
        problem(
          `${path}.grade`,
          `等次 ${veto.grade} 不在 grades 中`,
          `grade ${veto.grade} is not among the grades`,
        ),
      );
    }
    const item = addItem(triggerItem(veto.id, veto.label, veto.clause, 'veto'));
    vetoEffects.set(item.index, { grade: veto.grade, barHonours: veto.barHonours ?? true });
    return item;
  });
  const ceilings = new Map<number, string>();
  (file.ceilings ?? []).forEach((ceiling, position) => {
    const path = `ceilings[${position}]`;
    claimId(ceiling.id, path);
    if (!gradeNames.has(ceiling.maxGrade)) {
      problems.push(
        problem(
          `${path}.maxGrade`,
          `等次 ${ceiling.maxGrade} 不在 grades 中`,
          `grade ${ceiling.maxGrade} is not among the grades`,
        ),
      );
    }
    const item = addItem(triggerItem(ceiling.id, ceiling.label, ceiling.clause, 'ceiling'));
    ceilings.set(item.index, ceiling.maxGrade);
  });

  const { commend, bar, rankPer } = compileRanking(file.ranking, 'ranking', number, problems);

  const rollUps = (file.rollUps ?? []).map((rollUp, position): CompiledRollUp => {
    const path = `rollUps[${position}]`;
    const rollUpBands = rollUp.grades
      ? compileBands(rollUp.grades, `${path}.grades`, number, problems)
      : bands;
    const rollUpGrades = new Set(rollUpBands.map((band) => band.grade));
    const rules = (rollUp.rules ?? []).map((rule, rulePosition) => {
      const rulePath = `${path}.rules[${rulePosition}]`;
      if (!rollUpGrades.has(rule.maxGrade)) {
        problems.push(
          problem(
            `${rulePath}.maxGrade`,
            `等次 ${rule.maxGrade} 不在汇总等次中`,
            `grade ${rule.maxGrade} is not a roll-up grade`,
          ),
        );
      }
      const triggers = 'triggers' in rule.when ? rule.when.triggers : [];
      triggers.forEach((trigger, triggerPosition) => {
        if (!seenIds.has(trigger)) {
          problems.push(
            problem(
              `${rulePath}.when.triggers[${triggerPosition}]`,
              `没有标识为 ${trigger} 的规则`,
              `no rule has the id ${trigger}`,
            ),
          );
        }
      });
      return {
        id: rule.id,
        label: rule.label,
        clause: rule.clause,
        vetoed: 'vetoed' in rule.when,
        triggers,
        atLeast: 'atLeast' in rule.when ? rule.when.atLeast : 1,
        maxGrade: rule.maxGrade,
      };
    });
    return {
      id: rollUp.id,
      label: rollUp.label,
      clause: rollUp.clause,
      period: rollUp.period,
      method: rollUp.method ?? 'mean',
      round: rollUp.round ?? null,
      bands: rollUpBands,
      rules,
      quotas: (rollUp.quotas ?? []).map((quota, quotaPosition) =>
        compileQuota(quota, `${path}.quotas[${quotaPosition}]`, rollUpBands, new Map(), number, problems),
      ),
      ...compileRanking(rollUp.ranking, `${path}.ranking`, number, problems),
      partVetoBarsHonours: rollUp.partVetoBarsHonours ?? false,
    };
  });

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    compiled: {
      file,
      params,
      items,
      itemIndex: new Map(items.map((item) => [item.id, item.index])),
      top,
      components,
      round: file.round ?? null,
      totalRule: { id: file.id, label: '总分' },
      bands,
      quotas,
      vetoes,
      vetoEffects,
      ceilings,
      commend,
      bar,
      rankPer,
      rollUps,
    },
  };
}

/** The commended share and the barred last N of a ranking (a scheme's or a roll-up's). */
function compileRanking(
  ranking: Ranking | undefined,
  path: string,
  number: (value: NumberOrParam, at: string) => Scaled,
  problems: Problem[],
): Pick<CompiledScheme, 'commend' | 'bar' | 'rankPer'> {
  let commend: CompiledScheme['commend'] = null;
  if (ranking?.commend) {
    const share = number(ranking.commend.share, `${path}.commend.share`);
    if (share <= 0 || share > HUNDRED) {
      problems.push(
        problem(
          `${path}.commend.share`,
          '表彰比例应在0到100之间',
          'the commended share must be a percent above 0 and at most 100',
        ),
      );
    }
    commend = {
      share,
      clause: ranking.commend.clause,
      rounding: ranking.commend.rounding ?? 'floor',
      ties: ranking.commend.ties ?? 'spare',
    };
  }
  const barFile = ranking?.bar;
  const bar = barFile ? { last: barFile.last, clause: barFile.clause, ties: barFile.ties ?? 'spare' } : null;
  return { commend, bar, rankPer: ranking?.per ?? null };
}

function triggerItem(id: string, label: string, clause: string | undefined, role: 'veto' | 'ceiling') {
  return {
    id,
    label,
    clause,
    role,
    component: null,
    points: null,
    per: 1,
    cap: null,
    levels: null,
    weight: SCALE,
    assessor: undefined,
  } satisfies Omit<CompiledItem, 'index' | 'capNote' | 'perNote' | 'maxCount'>;
}
