/**
 * Evaluates a scheme over a period's records: accepts or rejects each record with a reason,
 * scores every subject, then decides grades, quotas, ranks and flags across all subjects.
 * Pure: the same input always gives the same result, in any record order.
 */

import type { SubjectVisitor } from './buckets.ts';
import { type CompiledQuota, type CompiledScheme, compileScheme } from './compile.ts';
import { formatDecimal, type Scaled } from './decimal.ts';
import { takeRecords } from './intake.ts';
import { LineStore } from './lines.ts';
import { type PeriodRange, parsePeriod } from './period.ts';
import type { Problem } from './problems.ts';
import { problem } from './problems.ts';
import { type ResultColumns, SubjectView } from './results.ts';
import type { SchemeFile } from './scheme.schema.ts';
import { borrowScratch, returnScratch, type Scratch } from './scratch.ts';
import {
  type AppliedRule,
  assignStandings,
  FLAG_CAPPED,
  flagsOf,
  type StandingInput,
  type SubjectRules,
} from './standing.ts';
import { type RecordColumns, SubjectWorkspace } from './subject.ts';
import type { EvaluateInput, EvaluationResult, GroupKey, Subject, Trigger } from './types.ts';

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

  const scratch = borrowScratch();
  try {
    return evaluateRecords(compiled, input, subjectIndex, range, scratch);
  } finally {
    returnScratch(scratch);
  }
}

/** Scores the records of a checked input (see evaluate). */
function evaluateRecords(
  compiled: CompiledScheme,
  input: EvaluateInput,
  subjectIndex: Map<string, number>,
  range: PeriodRange,
  scratch: Scratch,
): EvaluationResult {
  const subjectCount = input.subjects.length;
  const intake = takeRecords(compiled, subjectIndex, subjectCount, input.records, range, scratch);
  const store = new LineStore(input.records.length);
  store.ids = intake.shared.ids;
  const workspace = new SubjectWorkspace(compiled, store);
  const official = new OfficialScoring(compiled, workspace, store, subjectCount);
  // every subject, in order, so each owns the next range of lines
  intake.official.visit(intake.shared, true, official);
  // Self-assessment (自查自评): the same scheme over a subject's own records, never in the
  // official total; its lines are not kept.
  const self = new SelfScoring(workspace, store);
  if (intake.self) intake.self.visit(intake.shared, false, self);
  store.finish();
  const { totals, scores, counted, triggers, isCapped } = official;
  const subjectIds: string[] = new Array(subjectCount);
  for (let index = 0; index < subjectCount; index++) subjectIds[index] = input.subjects[index]!.id;
  const { standings, quotas } = assignStandings(
    new PeriodStanding(compiled, subjectIds, official, input.subjects),
    compiled,
  );

  const resultColumns: ResultColumns = {
    compiled,
    store,
    lineStart: official.lineStart,
    linePosition: official.linePosition,
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
    if (subject.groups !== undefined) view.groups = subject.groups;
    const selfTotal = self.totals.get(index);
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

/**
 * Scores each subject as the buckets visit it and keeps what the result needs. A class rather
 * than a closure: a closure is a new function every evaluation, and the optimised visiting loop
 * would be thrown away each time its callee changed.
 */
class OfficialScoring implements SubjectVisitor {
  readonly totals: Float64Array;
  /** Own score and what it added to its parent, of component c of subject s at s × components + c. */
  readonly scores: Float64Array;
  readonly counted: Float64Array;
  /** Subject s has lines [lineStart[s], lineStart[s + 1]), from stream position linePosition[s]. */
  readonly lineStart: Int32Array;
  readonly linePosition: Float64Array;
  readonly triggers: (Map<number, string[]> | null)[];
  readonly isCapped: Uint8Array;
  private readonly componentCount: number;

  constructor(
    compiled: CompiledScheme,
    private readonly workspace: SubjectWorkspace,
    private readonly store: LineStore,
    subjectCount: number,
  ) {
    this.componentCount = compiled.components.length;
    this.totals = new Float64Array(subjectCount);
    this.scores = new Float64Array(subjectCount * this.componentCount);
    this.counted = new Float64Array(subjectCount * this.componentCount);
    this.lineStart = new Int32Array(subjectCount + 1);
    this.linePosition = new Float64Array(subjectCount);
    this.triggers = new Array(subjectCount).fill(null);
    this.isCapped = new Uint8Array(subjectCount);
  }

  visitSubject(subject: number, columns: RecordColumns, from: number, to: number): void {
    const { workspace, store, componentCount } = this;
    this.linePosition[subject] = store.mark();
    this.totals[subject] = workspace.score(columns, from, to);
    this.lineStart[subject + 1] = store.length;
    // a plain loop: TypedArray.set costs more than copying a handful of numbers
    const own = workspace.scores;
    const added = workspace.counted;
    const { scores, counted } = this;
    const at = subject * componentCount;
    for (let component = 0; component < componentCount; component++) {
      scores[at + component] = own[component]!;
      counted[at + component] = added[component]!;
    }
    if (workspace.triggers !== null) this.triggers[subject] = workspace.triggers;
    if (workspace.isCapped) this.isCapped[subject] = 1;
  }
}

/** Scores self-assessment records: totals only, every line dropped again. */
class SelfScoring implements SubjectVisitor {
  readonly totals = new Map<number, Scaled>();
  private readonly keptLines: number;
  private readonly kept: number;

  constructor(
    private readonly workspace: SubjectWorkspace,
    private readonly store: LineStore,
  ) {
    this.keptLines = store.length;
    this.kept = store.mark();
  }

  visitSubject(subject: number, columns: RecordColumns, from: number, to: number): void {
    this.totals.set(subject, this.workspace.score(columns, from, to));
    this.store.truncate(this.keptLines, this.kept);
  }
}

/** What deciding standings needs to know about the period's subjects. */
class PeriodStanding implements StandingInput {
  readonly totals: Float64Array;

  constructor(
    private readonly compiled: CompiledScheme,
    readonly subjects: readonly string[],
    private readonly scoring: OfficialScoring,
    private readonly subjectList: readonly Subject[],
  ) {
    this.totals = scoring.totals;
  }

  groupOf(key: GroupKey, index: number): string {
    return this.subjectList[index]!.groups?.[key] ?? '';
  }

  tieKeys(quota: CompiledQuota, index: number): Scaled[] {
    const at = index * this.compiled.components.length;
    return quota.tieBreakBy.map((componentIndex) => this.scoring.scores[at + componentIndex] ?? 0);
  }

  rulesOf(index: number): SubjectRules | null {
    return appliedTriggers(this.compiled, this.scoring.triggers[index]!);
  }
}

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
