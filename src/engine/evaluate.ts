/**
 * Evaluates a scheme over a period's records: accepts or rejects each record with a reason,
 * scores every subject, then decides grades, quotas, ranks and flags across all subjects.
 * Pure: the same input always gives the same result, in any record order.
 */
import { type CompiledQuota, type CompiledScheme, compileScheme } from './compile.ts';
import { formatDecimal, type Scaled } from './decimal.ts';
import { takeRecords } from './intake.ts';
import { LineStore } from './lines.ts';
import { parsePeriod } from './period.ts';
import type { Problem } from './problems.ts';
import { problem } from './problems.ts';
import { type ResultColumns, SubjectView } from './results.ts';
import type { SchemeFile } from './scheme.schema.ts';
import { type AppliedRule, assignStandings, FLAG_CAPPED, flagsOf, type SubjectRules } from './standing.ts';
import { SubjectWorkspace } from './subject.ts';
import type { EvaluateInput, EvaluationResult, Trigger } from './types.ts';

/** Thrown when a scheme, its parameters or the period cannot be used; carries every problem. */
export class EngineInputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((entry) => `${entry.path}: ${entry.messageEn}`).join('; '));
    this.name = 'EngineInputError';
  }
}

/** Compiles a scheme with parameter overrides, or throws EngineInputError listing every problem. */
export function prepareScheme(scheme: SchemeFile, params?: Record<string, string | number>): CompiledScheme {
  const outcome = compileScheme(scheme, params);
  if (!outcome.ok) throw new EngineInputError(outcome.problems);
  return outcome.compiled;
}

/**
 * Scores every subject of a period under a scheme (a validated file, or one compiled once with
 * prepareScheme to evaluate many periods). Throws EngineInputError for a bad scheme, parameters,
 * period or subject list; bad records are not thrown but returned in `rejected`.
 */
export function evaluate(scheme: SchemeFile | CompiledScheme, input: EvaluateInput): EvaluationResult {
  const isCompiled = 'itemIndex' in scheme;
  if (isCompiled && input.params && Object.keys(input.params).length > 0) {
    // Parameters are resolved when compiling; silently ignoring them would publish wrong scores.
    throw new EngineInputError([
      problem(
        'params',
        '已编译的方案不能再覆盖参数，请在 prepareScheme 时传入',
        'pass parameter overrides to prepareScheme, not with a compiled scheme',
      ),
    ]);
  }
  const compiled = isCompiled ? scheme : prepareScheme(scheme, input.params);
  const range = parsePeriod(input.period);
  if (!range) {
    throw new EngineInputError([
      problem(
        'period',
        '考核周期格式应为 2024、2024H1、2024Q1 或 2024-03',
        'a period must be written 2024, 2024H1, 2024Q1 or 2024-03',
      ),
    ]);
  }
  if (range.kind !== compiled.file.period) {
    throw new EngineInputError([
      problem(
        'period',
        `本方案按${periodNames[compiled.file.period]}考核，周期 ${input.period} 不符`,
        `the scheme assesses by ${compiled.file.period}; ${input.period} is not one`,
      ),
    ]);
  }
  const subjectIndex = new Map<string, number>();
  const subjectProblems: Problem[] = [];
  input.subjects.forEach((subject, index) => {
    if (subjectIndex.has(subject.id)) {
      subjectProblems.push(
        problem(
          `subjects[${index}].id`,
          `考核对象 ${subject.id} 重复`,
          `subject ${subject.id} is listed twice`,
        ),
      );
    }
    subjectIndex.set(subject.id, index);
  });
  if (subjectProblems.length > 0) throw new EngineInputError(subjectProblems);

  const subjectCount = input.subjects.length;
  const intake = takeRecords(compiled, subjectIndex, subjectCount, input.records, range);
  // Lines run about one per record; the store grows if a scheme makes more.
  const store = new LineStore(intake.accepted + subjectCount, intake.accepted + 16);
  store.ids = intake.shared.ids;
  const workspace = new SubjectWorkspace(compiled, store);
  const componentCount = compiled.components.length;
  const totals = new Float64Array(subjectCount);
  const scores = new Float64Array(subjectCount * componentCount);
  const counted = new Float64Array(subjectCount * componentCount);
  const lineStart = new Int32Array(subjectCount + 1);
  const triggers: (Map<number, string[]> | null)[] = new Array(subjectCount).fill(null);
  const isCapped = new Uint8Array(subjectCount);
  // every subject, in order, so each owns the next range of lines
  intake.official.visit(intake.shared, true, (subject, columns, from, to) => {
    totals[subject] = workspace.score(columns, from, to);
    lineStart[subject + 1] = store.length;
    // a plain loop: TypedArray.set costs more than copying a handful of numbers
    const own = workspace.scores;
    const added = workspace.counted;
    const at = subject * componentCount;
    for (let component = 0; component < componentCount; component++) {
      scores[at + component] = own[component]!;
      counted[at + component] = added[component]!;
    }
    if (workspace.triggers !== null) triggers[subject] = workspace.triggers;
    if (workspace.isCapped) isCapped[subject] = 1;
  });
  // Self-assessment (自查自评): the same scheme over a subject's own records, never in the
  // official total; its lines are not kept.
  const selfTotals = new Map<number, Scaled>();
  if (intake.self) {
    const kept = store.length;
    intake.self.visit(intake.shared, false, (subject, columns, from, to) => {
      selfTotals.set(subject, workspace.score(columns, from, to));
      store.truncate(kept);
    });
  }

  // One shared tie-break function instead of a closure per subject.
  const tieKeys = (quota: CompiledQuota, index: number) =>
    quota.tieBreakBy.map((componentIndex) => scores[index * componentCount + componentIndex] ?? 0);
  const subjectIds: string[] = new Array(subjectCount);
  for (let index = 0; index < subjectCount; index++) subjectIds[index] = input.subjects[index]!.id;
  const { standings, quotas } = assignStandings(
    {
      subjects: subjectIds,
      totals,
      tieKeys,
      rulesOf: (index) => appliedTriggers(compiled, triggers[index]!),
    },
    compiled,
  );

  const resultColumns: ResultColumns = {
    compiled,
    store,
    lineStart,
    extraLines: standings.lines,
    scores,
    counted,
  };
  const { grades, bandGrades, ranks, flags } = standings;
  const subjects: SubjectView[] = new Array(subjectCount);
  for (let index = 0; index < subjectCount; index++) {
    const subject = input.subjects[index]!;
    const view = new SubjectView(
      resultColumns,
      index,
      subjectIds[index]!,
      formatDecimal(totals[index]!),
      grades[index]!,
      bandGrades[index]!,
      ranks[index]!,
      flagsOf(flags[index]! | (isCapped[index] === 1 ? FLAG_CAPPED : 0)),
      triggerList(compiled, triggers[index]!),
    );
    if (subject.name !== undefined) view.name = subject.name;
    const selfTotal = selfTotals.get(index);
    if (selfTotal !== undefined) view.selfTotal = formatDecimal(selfTotal);
    subjects[index] = view;
  }

  return {
    scheme: compiled.file.id,
    period: input.period,
    params: Object.fromEntries(
      Object.entries(compiled.params).map(([name, value]) => [name, formatDecimal(value)]),
    ),
    subjects,
    quotas,
    rejected: intake.rejected,
  };
}

const periodNames = { month: '月度', quarter: '季度', half: '半年', year: '年度' } as const;

function appliedTriggers(
  compiled: CompiledScheme,
  triggers: Map<number, string[]> | null,
): SubjectRules | null {
  if (triggers === null) return null;
  const ceilings: SubjectRules['ceilings'] = [];
  const vetoes: SubjectRules['vetoes'] = [];
  const ordered = [...triggers.keys()].sort((left, right) => left - right);
  for (const itemIndex of ordered) {
    const item = compiled.items[itemIndex]!;
    const records = triggers.get(itemIndex)!;
    const applied: AppliedRule = {
      rule: item.id,
      label: item.label,
      clause: item.clause,
      records: [...records].sort(),
    };
    const maxGrade = compiled.ceilings.get(itemIndex);
    if (maxGrade !== undefined) ceilings.push({ ...applied, maxGrade });
    const effect = compiled.vetoEffects.get(itemIndex);
    if (effect) vetoes.push({ ...applied, ...effect });
  }
  return { ceilings, vetoes };
}

/** Subjects without triggers share one empty, frozen list. */
const NO_TRIGGER_LIST: Trigger[] = Object.freeze([]) as unknown as Trigger[];

function triggerList(compiled: CompiledScheme, triggers: Map<number, string[]> | null): Trigger[] {
  if (triggers === null) return NO_TRIGGER_LIST;
  return [...triggers.keys()]
    .sort((left, right) => left - right)
    .map((itemIndex) => {
      const item = compiled.items[itemIndex]!;
      const trigger: Trigger = {
        rule: item.id,
        kind: item.role === 'veto' ? 'veto' : 'ceiling',
        label: item.label,
        records: [...triggers.get(itemIndex)!].sort(),
      };
      if (item.clause !== undefined) trigger.clause = item.clause;
      return trigger;
    });
}
