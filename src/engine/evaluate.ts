/**
 * Evaluates a scheme over a period's records: accepts or rejects each record with a reason,
 * scores every subject, then decides grades, quotas, ranks and flags across all subjects.
 * Pure: the same input always gives the same result, in any record order.
 */
import { type CompiledScheme, compileScheme } from './compile.ts';
import { formatDecimal, type Scaled } from './decimal.ts';
import { takeRecords } from './intake.ts';
import { parsePeriod } from './period.ts';
import type { Problem } from './problems.ts';
import { problem } from './problems.ts';
import type { SchemeFile } from './scheme.schema.ts';
import { type AppliedRule, assignStandings, type StandingInput } from './standing.ts';
import { type SubjectScore, SubjectWorkspace } from './subject.ts';
import type { ComponentScore, EvaluateInput, EvaluationResult, SubjectResult, Trigger } from './types.ts';

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
  const workspace = new SubjectWorkspace(compiled);
  const scores: SubjectScore[] = new Array(subjectCount);
  const { columns, offsets } = intake.official;
  for (let subject = 0; subject < subjectCount; subject++) {
    scores[subject] = workspace.score(columns, offsets[subject]!, offsets[subject + 1]!);
  }
  // Self-assessment (自查自评): the same scheme over a subject's own records, never in the official total.
  const selfTotals = new Map<number, Scaled>();
  if (intake.self) {
    const self = intake.self;
    for (let subject = 0; subject < subjectCount; subject++) {
      if (self.offsets[subject] === self.offsets[subject + 1]) continue;
      selfTotals.set(
        subject,
        workspace.score(self.columns, self.offsets[subject]!, self.offsets[subject + 1]!).total,
      );
    }
  }

  const standingInputs: StandingInput[] = scores.map((score, index) => ({
    subject: input.subjects[index]!.id,
    total: score.total,
    tieKeys: (quota) => quota.tieBreakBy.map((componentIndex) => score.scores[componentIndex] ?? 0),
    ...appliedTriggers(compiled, score),
  }));
  const { standings, quotas } = assignStandings(standingInputs, compiled);

  const subjects: SubjectResult[] = input.subjects.map((subject, index) => {
    const score = scores[index]!;
    const standing = standings[index]!;
    const lines = score.lines;
    for (const extra of standing.lines) lines.push(extra);
    const result: SubjectResult = {
      subject: subject.id,
      total: formatDecimal(score.total),
      grade: standing.grade,
      bandGrade: standing.bandGrade,
      rank: standing.rank,
      components: componentScores(compiled, score),
      flags: { ...standing.flags, isCapped: score.isCapped },
      triggers: triggerList(compiled, score),
      explanation: lines,
    };
    if (subject.name !== undefined) result.name = subject.name;
    const selfTotal = selfTotals.get(index);
    if (selfTotal !== undefined) result.selfTotal = formatDecimal(selfTotal);
    return result;
  });

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
  score: SubjectScore,
): Pick<StandingInput, 'ceilings' | 'vetoes'> {
  if (score.triggers === null) return NO_TRIGGERS;
  const ceilings: (AppliedRule & { maxGrade: string })[] = [];
  const vetoes: (AppliedRule & { grade: string | undefined; barHonours: boolean })[] = [];
  const ordered = [...score.triggers.keys()].sort((left, right) => left - right);
  for (const itemIndex of ordered) {
    const item = compiled.items[itemIndex]!;
    const records = score.triggers.get(itemIndex)!;
    const applied = { rule: item.id, label: item.label, clause: item.clause, records: [...records].sort() };
    const maxGrade = compiled.ceilings.get(itemIndex);
    if (maxGrade !== undefined) ceilings.push({ ...applied, maxGrade });
    const effect = compiled.vetoEffects.get(itemIndex);
    if (effect) vetoes.push({ ...applied, ...effect });
  }
  return { ceilings, vetoes };
}

const NO_TRIGGERS: Pick<StandingInput, 'ceilings' | 'vetoes'> = Object.freeze({ ceilings: [], vetoes: [] });

function triggerList(compiled: CompiledScheme, score: SubjectScore): Trigger[] {
  const triggers = score.triggers;
  if (triggers === null) return [];
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

function componentScores(compiled: CompiledScheme, score: SubjectScore): ComponentScore[] {
  return compiled.components.map((component) => {
    const own = score.scores[component.index]!;
    const counted = score.counted[component.index]!;
    const ownText = formatDecimal(own);
    return {
      id: component.id,
      path: component.path,
      label: component.label,
      score: ownText,
      counted: counted === own ? ownText : formatDecimal(counted),
    };
  });
}
