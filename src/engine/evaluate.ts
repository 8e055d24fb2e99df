/**
 * Evaluates a scheme over a period's records: accepts or rejects each record with a reason,
 * scores every subject, then decides grades, quotas, ranks and flags across all subjects.
 * Pure: the same input always gives the same result, in any record order.
 */
import { type CompiledScheme, compileScheme } from './compile.ts';
import { formatDecimal, parseDecimal, type Scaled } from './decimal.ts';
import { formatLine, type WorkingLine } from './explain.ts';
import { isDateText, parsePeriod } from './period.ts';
import type { Problem } from './problems.ts';
import { problem } from './problems.ts';
import type { SchemeFile } from './scheme.schema.ts';
import { type AppliedRule, assignStandings, type StandingInput } from './standing.ts';
import { type AcceptedRecords, type SubjectScore, SubjectWorkspace } from './subject.ts';
import type {
  ComponentScore,
  EngineRecord,
  EvaluateInput,
  EvaluationResult,
  RejectedRecord,
  RejectReason,
  SubjectResult,
  Trigger,
} from './types.ts';

/** Thrown when a scheme, its parameters or the period cannot be used; carries every problem. */
export class EngineInputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((entry) => `${entry.path}: ${entry.messageEn}`).join('; '));
    this.name = 'EngineInputError';
  }
}

const rejectMessages: Record<RejectReason, [string, string]> = {
  'unknown-subject': ['考核对象不在名单中', 'the subject is not in the list of subjects'],
  'unknown-item': ['方案中没有这个考核项目', 'the scheme has no such item'],
  'bad-date': ['日期应为 YYYY-MM-DD 格式的有效日期', 'the date must be a real date written YYYY-MM-DD'],
  'out-of-period': ['日期不在考核周期内', 'the date is outside the period'],
  'bad-count': ['次数应为正整数', 'the count must be a positive whole number'],
  'bad-value': [
    '分值缺失、不是数值或超出评分范围',
    'the value is missing, not a number, or outside the scale',
  ],
  'unknown-level': ['该项目没有这个等级', 'the item has no such level'],
  'unknown-rater': ['该测评没有这个评价人角色', 'the rating has no such rater role'],
  'bad-record': ['记录缺少 id、subject 或 item', 'the record lacks id, subject or item'],
};

/** Compiles a scheme with parameter overrides, or throws EngineInputError listing every problem. */
export function prepareScheme(scheme: SchemeFile, params?: Record<string, string | number>): CompiledScheme {
  const outcome = compileScheme(scheme, params);
  if (!outcome.ok) throw new EngineInputError(outcome.problems);
  return outcome.compiled;
}

/** Scores every subject of a period under a scheme. Throws EngineInputError for a bad scheme, period or subject list. */
export function evaluate(scheme: SchemeFile | CompiledScheme, input: EvaluateInput): EvaluationResult {
  const compiled = 'itemIndex' in scheme ? scheme : prepareScheme(scheme, input.params);
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

  const records = input.records;
  const count = records.length;
  const accepted: AcceptedRecords = {
    records,
    item: new Int32Array(count),
    value: new Float64Array(count),
    rater: new Int32Array(count),
  };
  const recordSubject = new Int32Array(count);
  const rejected: RejectedRecord[] = [];
  const selfPositions: number[] = [];
  const perSubject = new Int32Array(input.subjects.length + 1);
  const { start, end } = range;

  for (let position = 0; position < count; position++) {
    const record = records[position]!;
    const reason = acceptRecord(compiled, subjectIndex, record, position, accepted, start, end);
    if (reason !== null) {
      recordSubject[position] = -1;
      const [messageZh, messageEn] = rejectMessages[reason];
      rejected.push({
        record: typeof record?.id === 'string' ? record.id : `#${position}`,
        reason,
        messageZh,
        messageEn,
      });
      continue;
    }
    const subject = subjectIndex.get(record.subject)!;
    if (record.source === 'self') {
      recordSubject[position] = -1;
      selfPositions.push(position);
      continue;
    }
    recordSubject[position] = subject;
    perSubject[subject + 1]! += 1;
  }

  // Counting sort of record positions by subject: one pass, no per-subject arrays.
  for (let subject = 0; subject < input.subjects.length; subject++)
    perSubject[subject + 1]! += perSubject[subject]!;
  const offsets = perSubject.slice();
  const positions = new Int32Array(offsets[input.subjects.length]!);
  for (let position = 0; position < count; position++) {
    const subject = recordSubject[position]!;
    if (subject >= 0) positions[offsets[subject]!++] = position;
  }

  const workspace = new SubjectWorkspace(compiled);
  const scores: SubjectScore[] = new Array(input.subjects.length);
  for (let subject = 0; subject < input.subjects.length; subject++) {
    scores[subject] = workspace.score(accepted, positions, perSubject[subject]!, perSubject[subject + 1]!);
  }
  const selfTotals = scoreSelfAssessments(accepted, selfPositions, subjectIndex, workspace);

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
    const lines: WorkingLine[] = score.lines;
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
      explanation: lines.map(formatLine),
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
    rejected,
  };
}

const periodNames = { month: '月度', quarter: '季度', half: '半年', year: '年度' } as const;

/** Checks one record and stores its item, value and rater; returns why it is rejected, or null. */
function acceptRecord(
  compiled: CompiledScheme,
  subjectIndex: Map<string, number>,
  record: EngineRecord,
  position: number,
  accepted: AcceptedRecords,
  start: string,
  end: string,
): RejectReason | null {
  if (typeof record !== 'object' || record === null || typeof record.id !== 'string') return 'bad-record';
  if (typeof record.subject !== 'string' || typeof record.item !== 'string') return 'bad-record';
  if (!subjectIndex.has(record.subject)) return 'unknown-subject';
  const itemPosition = compiled.itemIndex.get(record.item);
  if (itemPosition === undefined) return 'unknown-item';
  const date = record.date;
  if (!isDateText(date)) return 'bad-date';
  if (date < start || date > end) return 'out-of-period';
  const occurrences = record.count;
  if (occurrences !== undefined && (!Number.isSafeInteger(occurrences) || occurrences < 1))
    return 'bad-count';
  const item = compiled.items[itemPosition]!;
  accepted.item[position] = itemPosition;
  switch (item.role) {
    case 'score':
      if (item.levels && (typeof record.level !== 'string' || !item.levels.has(record.level)))
        return 'unknown-level';
      return null;
    case 'rating': {
      const component = item.component;
      if (component?.kind !== 'rating') return 'unknown-item';
      const role = typeof record.rater === 'string' ? component.raterIndex.get(record.rater) : undefined;
      if (role === undefined) return 'unknown-rater';
      const value = record.value === undefined ? null : parseDecimal(record.value);
      if (value === null || value < 0 || value > component.outOf) return 'bad-value';
      accepted.value[position] = value;
      accepted.rater[position] = role;
      return null;
    }
    case 'average': {
      const component = item.component;
      if (component?.kind !== 'scaled-average') return 'unknown-item';
      const value = record.value === undefined ? null : parseDecimal(record.value);
      if (value === null || value < 0 || value > component.outOf) return 'bad-value';
      accepted.value[position] = value;
      return null;
    }
    default:
      return null;
  }
}

/** Self-assessment (自查自评) totals: the same scheme over the subject's own records, never in the official total. */
function scoreSelfAssessments(
  accepted: AcceptedRecords,
  selfPositions: number[],
  subjectIndex: Map<string, number>,
  workspace: SubjectWorkspace,
): Map<number, Scaled> {
  const totals = new Map<number, Scaled>();
  if (selfPositions.length === 0) return totals;
  const bySubject = new Map<number, number[]>();
  for (const position of selfPositions) {
    const subject = subjectIndex.get(accepted.records[position]!.subject)!;
    const list = bySubject.get(subject);
    if (list) list.push(position);
    else bySubject.set(subject, [position]);
  }
  for (const [subject, list] of bySubject) {
    const positions = Int32Array.from(list);
    totals.set(subject, workspace.score(accepted, positions, 0, positions.length).total);
  }
  return totals;
}

function appliedTriggers(
  compiled: CompiledScheme,
  score: SubjectScore,
): Pick<StandingInput, 'ceilings' | 'vetoes'> {
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

function triggerList(compiled: CompiledScheme, score: SubjectScore): Trigger[] {
  return [...score.triggers.keys()]
    .sort((left, right) => left - right)
    .map((itemIndex) => {
      const item = compiled.items[itemIndex]!;
      const trigger: Trigger = {
        rule: item.id,
        kind: item.role === 'veto' ? 'veto' : 'ceiling',
        label: item.label,
        records: [...score.triggers.get(itemIndex)!].sort(),
      };
      if (item.clause !== undefined) trigger.clause = item.clause;
      return trigger;
    });
}

function componentScores(compiled: CompiledScheme, score: SubjectScore): ComponentScore[] {
  return compiled.components.map((component) => ({
    id: component.id,
    path: component.path,
    label: component.label,
    score: formatDecimal(score.scores[component.index]!),
    counted: formatDecimal(score.counted[component.index]!),
  }));
}
