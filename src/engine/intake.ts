/**
 * Record intake: checks every record once, reads its fields once, and gathers the accepted
 * ones as integer rows in subject order (see buckets.ts for why and how). Rejected records are
 * kept with their reason; self-assessment records get rows of their own.
 */

import { type SharedColumns, SubjectBuckets } from './buckets.ts';
import type { CompiledScheme } from './compile.ts';
import { parseDecimal } from './decimal.ts';
import { dateNumber, type PeriodRange } from './period.ts';
import type { Scratch } from './scratch.ts';
import { INT32_MAX } from './subject.ts';
import type { EngineRecord, RejectedRecord, RejectReason } from './types.ts';

const rejectMessages: Record<RejectReason, [string, string]> = {
  'unknown-subject': ['考核对象不在名单中', 'the subject is not in the list of subjects'],
  'unknown-item': ['方案中没有这个考核项目', 'the scheme has no such item'],
  'bad-date': ['日期应为 YYYY-MM-DD 格式的有效日期', 'the date must be a real date written YYYY-MM-DD'],
  'out-of-period': ['日期不在考核周期内', 'the date is outside the period'],
  'bad-count': ['次数应为正整数', 'the count must be a positive whole number'],
  'count-too-large': [
    '次数过大，次数 × 分值超过可精确合计的范围(2^53 个百万分之一分)',
    'the count is too large: count × points exceeds what sums exactly (2^53 millionths of a point)',
  ],
  'bad-value': ['分值缺失或不是数值', 'the value is missing or not a number'],
  'out-of-scale': [
    '评分超出评分表的范围(0 至满分 outOf)',
    "the score is outside the sheet's scale (0 to outOf)",
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
  compiled: CompiledScheme;
  subjectIndex: Map<string, number>;
  itemIndex: Map<string, number>;
  /** 1 for score items charged per occurrence (no levels), by item index: most records. */
  isPlain: Uint8Array;
  /** The largest count whose count × points is exact, by item index (see exactCountLimit). */
  maxCount: Float64Array;
  /** What `readValue` read. */
  points: number;
  tag: number;
  /** First and last day of the period as YYYYMMDD numbers. */
  start: number;
  end: number;
  read: ReadRows;
}

/** Reads, checks and sorts the records of a period. */
export function takeRecords(
  compiled: CompiledScheme,
  subjectIndex: Map<string, number>,
  subjectCount: number,
  records: readonly EngineRecord[],
  range: PeriodRange,
  scratch?: Scratch,
): Intake {
  const total = records.length;
  const read: ReadRows = {
    ids: new Array<string>(total),
    facts: [],
    factIndex: new Map(),
    wide: [],
    official: new SubjectBuckets(subjectCount, total, scratch),
    self: null,
    subjectCount,
  };
  const context: ReadContext = {
    compiled,
    subjectIndex,
    itemIndex: compiled.itemIndex,
    isPlain: Uint8Array.from(compiled.items, (item) =>
      item.role === 'score' && item.levels === null ? 1 : 0,
    ),
    maxCount: Float64Array.from(compiled.items, (item) => item.maxCount),
    points: 0,
    tag: 0,
    start: dateNumber(range.start),
    end: dateNumber(range.end),
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

/**
 * Reads one record into row `position`; returns why it is rejected, or null. Optional fields
 * that are undefined or null count as absent. Fields an item does not use are not read. The
 * common record (a score item charged per occurrence) takes the short path; items scored by
 * level, ratings and averages go through `readValue`.
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
  const index = context.itemIndex.get(itemId);
  if (index === undefined) return 'unknown-item';
  const date = dateNumber(record.date);
  if (date < 0) return 'bad-date';
  if (date < context.start || date > context.end) return 'out-of-period';
  const count = record.count ?? 1;
  if (!Number.isSafeInteger(count) || count < 1) return 'bad-count';
  if (count > context.maxCount[index]!) return 'count-too-large';
  const read = context.read;
  let points = 0;
  let tag = 0;
  if (context.isPlain[index] === 1) {
    const fact = record.fact;
    if (typeof fact === 'string' && fact !== '') tag = factNumber(read, fact) + 1;
  } else {
    const reason = readValue(context, record, index);
    if (reason !== null) return reason;
    points = context.points;
    tag = context.tag;
  }
  read.ids[position] = id;
  let rows = read.official;
  if (record.source === 'self') rows = read.self ??= new SubjectBuckets(read.subjectCount, 0);
  rows.add(
    subject,
    index,
    count <= INT32_MAX ? count : -read.wide.push(count),
    points >= 0 && points <= INT32_MAX ? points : -read.wide.push(points),
    tag,
    position,
  );
  return null;
}

/**
 * The points and tag of a record of an item other than a plain score item (into
 * `context.points` and `context.tag`); returns why the record is rejected, or null.
 */
function readValue(context: ReadContext, record: EngineRecord, index: number): RejectReason | null {
  const item = context.compiled.items[index]!;
  const component = item.component;
  context.points = 0;
  context.tag = 0;
  if (item.role === 'score') {
    if (item.levels !== null) {
      const level = item.levels.get(record.level as string);
      if (level === undefined) return 'unknown-level';
      context.points = level.position;
    }
    const fact = record.fact;
    if (typeof fact === 'string' && fact !== '') context.tag = factNumber(context.read, fact) + 1;
  } else if (component !== null && component.kind === 'rating') {
    const rater = record.rater;
    const role = typeof rater === 'string' ? component.raterIndex.get(rater) : undefined;
    if (role === undefined) return 'unknown-rater';
    const value = record.value;
    const scaled = value === undefined || value === null ? null : parseDecimal(value);
    if (scaled === null) return 'bad-value';
    if (scaled < 0 || scaled > component.outOf) return 'out-of-scale';
    context.points = scaled;
    context.tag = role;
  } else if (component !== null && component.kind === 'scaled-average') {
    const value = record.value;
    const scaled = value === undefined || value === null ? null : parseDecimal(value);
    if (scaled === null) return 'bad-value';
    if (scaled < 0 || scaled > component.outOf) return 'out-of-scale';
    context.points = scaled;
  }
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
