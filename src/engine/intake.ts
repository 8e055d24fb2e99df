/**
 * Record intake: checks every record once, reads its fields once, and gathers the accepted
 * ones as integer rows in subject order (see buckets.ts for why and how). Rejected records are
 * kept with their reason; self-assessment records get rows of their own.
 */

import { type SharedColumns, SubjectBuckets } from './buckets.ts';
import type { CompiledScheme } from './compile.ts';
import { parseDecimal } from './decimal.ts';
import { isDateText, type PeriodRange } from './period.ts';
import { INT32_MAX } from './subject.ts';
import type { EngineRecord, RejectedRecord, RejectReason } from './types.ts';

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

export interface Intake {
  /** Record ids, facts and wide values by input position (see RecordColumns). */
  shared: SharedColumns;
  /** Rows of the official records, gathered by subject. */
  official: SubjectBuckets;
  /** Self-assessment records (source: 'self'); null when there are none. */
  self: SubjectBuckets | null;
  /** Rows accepted into `official`. */
  accepted: number;
  rejected: RejectedRecord[];
}

/** What reading gathers. */
interface ReadRows {
  /** Record ids by input position. */
  ids: string[];
  /** Fact ids named by score records, each once; a row's TAG is its fact's index here + 1. */
  facts: string[];
  factIndex: Map<string, number>;
  /** Counts and points too wide for a row (see COUNT, POINTS in subject.ts). */
  wide: number[];
  official: SubjectBuckets;
  /** Self-assessment rows, made on the first one. */
  self: SubjectBuckets | null;
  subjectCount: number;
}

interface ReadContext {
  /** Valid dates already checked, and whether each is in the period: a period has at most 366. */
  dates: Map<string, number>;
  compiled: CompiledScheme;
  subjectIndex: Map<string, number>;
  start: string;
  end: string;
  read: ReadRows;
}

/** Reads, checks and sorts the records of a period. */
export function takeRecords(
  compiled: CompiledScheme,
  subjectIndex: Map<string, number>,
  subjectCount: number,
  records: readonly EngineRecord[],
  range: PeriodRange,
): Intake {
  const total = records.length;
  const read: ReadRows = {
    ids: new Array<string>(total),
    facts: [],
    factIndex: new Map(),
    wide: [],
    official: new SubjectBuckets(subjectCount, total),
    self: null,
    subjectCount,
  };
  const context: ReadContext = {
    dates: new Map(),
    compiled,
    subjectIndex,
    start: range.start,
    end: range.end,
    read,
  };
  const rejected: RejectedRecord[] = [];
  for (let position = 0; position < total; position++) {
    const record = records[position]!;
    const reason = readRecord(context, record, position);
    if (reason !== null) {
      const [messageZh, messageEn] = rejectMessages[reason];
      const id =
        typeof record === 'object' && record !== null && typeof record.id === 'string'
          ? record.id
          : `#${position}`;
      rejected.push({ record: id, reason, messageZh, messageEn });
    }
  }
  return {
    shared: { ids: read.ids, facts: read.facts, wide: read.wide },
    official: read.official,
    self: read.self,
    accepted: read.official.size,
    rejected,
  };
}

const IN_PERIOD = 1;
const OUT_OF_PERIOD = 2;

/** 'bad-date', 'out-of-period' or null (fine) for a record's date; one map look-up when seen before. */
function checkDate(context: ReadContext, date: unknown): RejectReason | null {
  if (typeof date !== 'string') return 'bad-date';
  let state = context.dates.get(date);
  if (state === undefined) {
    if (!isDateText(date)) return 'bad-date';
    state = date < context.start || date > context.end ? OUT_OF_PERIOD : IN_PERIOD;
    if (context.dates.size < 1024) context.dates.set(date, state);
  }
  return state === IN_PERIOD ? null : 'out-of-period';
}

/**
 * Reads one record into row `position`; returns why it is rejected, or null. Optional fields
 * that are undefined or null count as absent. Fields an item does not use are not read.
 */
function readRecord(context: ReadContext, record: EngineRecord, position: number): RejectReason | null {
  if (typeof record !== 'object' || record === null) return 'bad-record';
  const id = record.id;
  const subjectId = record.subject;
  const itemId = record.item;
  if (typeof id !== 'string' || typeof subjectId !== 'string' || typeof itemId !== 'string')
    return 'bad-record';
  const subject = context.subjectIndex.get(subjectId);
  if (subject === undefined) return 'unknown-subject';
  const index = context.compiled.itemIndex.get(itemId);
  if (index === undefined) return 'unknown-item';
  const dateProblem = checkDate(context, record.date);
  if (dateProblem !== null) return dateProblem;
  const count = record.count ?? 1;
  if (!Number.isSafeInteger(count) || count < 1) return 'bad-count';
  const read = context.read;
  const item = context.compiled.items[index]!;
  const component = item.component;
  let points = 0;
  let tag = 0;
  if (item.role === 'score') {
    if (item.levels !== null) {
      const level = item.levels.get(record.level as string);
      if (level === undefined) return 'unknown-level';
      points = level.points;
    }
    const fact = record.fact;
    if (typeof fact === 'string' && fact !== '') tag = factNumber(read, fact) + 1;
  } else if (component !== null && component.kind === 'rating') {
    const rater = record.rater;
    const role = typeof rater === 'string' ? component.raterIndex.get(rater) : undefined;
    if (role === undefined) return 'unknown-rater';
    const value = record.value;
    const scaled = value === undefined || value === null ? null : parseDecimal(value);
    if (scaled === null || scaled < 0 || scaled > component.outOf) return 'bad-value';
    points = scaled;
    tag = role;
  } else if (component !== null && component.kind === 'scaled-average') {
    const value = record.value;
    const scaled = value === undefined || value === null ? null : parseDecimal(value);
    if (scaled === null || scaled < 0 || scaled > component.outOf) return 'bad-value';
    points = scaled;
  }
  read.ids[position] = id;
  const storedCount = count <= INT32_MAX ? count : -read.wide.push(count);
  const storedPoints = points >= 0 && points <= INT32_MAX ? points : -read.wide.push(points);
  let rows = read.official;
  if (record.source === 'self') {
    read.self ??= new SubjectBuckets(read.subjectCount, 0);
    rows = read.self;
  }
  rows.add(subject, index, storedCount, storedPoints, tag, position);
  return null;
}

/** The number of a fact id, interned so the same-fact rule compares numbers. */
function factNumber(read: ReadRows, fact: string): number {
  let number = read.factIndex.get(fact);
  if (number === undefined) {
    number = read.facts.push(fact) - 1;
    read.factIndex.set(fact, number);
  }
  return number;
}
