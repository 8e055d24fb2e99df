/**
 * Record intake: checks every record once, reads its fields once, and lays the accepted ones
 * out as numeric rows sorted by subject. Rejected records are kept with their reason;
 * self-assessment records get rows of their own.
 *
 * Speed: a province has millions of records scattered over 100,000 subjects, and a random
 * memory access costs far more than the arithmetic of scoring. So records are read in input
 * order into rows written one after another, then moved into subject order by a radix sort
 * whose passes each write to at most 1,024 places at once (sequential streams the processor
 * prefetches), and scoring then reads the rows of each subject one after another.
 */
import type { CompiledScheme } from './compile.ts';
import { parseDecimal } from './decimal.ts';
import { isDateText, type PeriodRange } from './period.ts';
import { COUNT, INT32_MAX, ITEM, POINTS, type RecordColumns, STRIDE, TAG } from './subject.ts';
import type { EngineRecord, RejectedRecord, RejectReason } from './types.ts';

/** Sort key of a rejected record; self-assessment records have SELF − subject. */
const REJECTED = -1;
const SELF = -2;

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

/** Rows of one subject space, in subject order: rows of subject s are [offsets[s], offsets[s + 1]). */
export interface SortedRecords {
  columns: RecordColumns;
  offsets: Int32Array;
}

export interface Intake {
  official: SortedRecords;
  /** Self-assessment records (source: 'self'); null when there are none. */
  self: SortedRecords | null;
  rejected: RejectedRecord[];
}

/** Rows and keys as read, in input order (row i is record i). */
interface ReadRows {
  /** Interleaved rows (see STRIDE). */
  data: Int32Array;
  /** Subject index; REJECTED; or SELF − subject for self-assessment records. */
  keys: Int32Array;
  ids: string[];
  /** Fact ids named by score records, each once; a row's TAG is its fact's index here + 1. */
  facts: string[];
  factIndex: Map<string, number>;
  /** Counts and points too wide for a row (see COUNT, POINTS in subject.ts). */
  wide: number[];
  /** Official rows per subject, at subject + 1 (so a prefix sum gives the offsets). */
  counts: Int32Array;
  selfCount: number;
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
    data: new Int32Array(total * STRIDE),
    keys: new Int32Array(total),
    ids: new Array<string>(total),
    facts: [],
    factIndex: new Map(),
    wide: [],
    counts: new Int32Array(subjectCount + 1),
    selfCount: 0,
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
      read.keys[position] = REJECTED;
      const [messageZh, messageEn] = rejectMessages[reason];
      const id =
        typeof record === 'object' && record !== null && typeof record.id === 'string'
          ? record.id
          : `#${position}`;
      rejected.push({ record: id, reason, messageZh, messageEn });
    }
  }
  // Self rows first: the official sort may reuse the input-order buffers.
  const self = read.selfCount === 0 ? null : sortBySubject(read, subjectCount, true);
  return { official: sortBySubject(read, subjectCount, false), self, rejected };
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
  const data = read.data;
  const at = position * STRIDE;
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
  data[at + ITEM] = index;
  data[at + COUNT] = count <= INT32_MAX ? count : -read.wide.push(count);
  data[at + POINTS] = points >= 0 && points <= INT32_MAX ? points : -read.wide.push(points);
  data[at + TAG] = tag;
  if (record.source === 'self') {
    read.keys[position] = SELF - subject;
    read.selfCount++;
  } else {
    read.keys[position] = subject;
    read.counts[subject + 1]! += 1;
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

/** Widest radix digit: 2^10 destinations per pass keep the writes in the processor's caches. */
const MAX_DIGIT_BITS = 10;

/**
 * Sorts the official (or the self-assessment) rows by subject, stable in input position, with
 * a least-significant-digit radix sort on the subject index. The first pass also drops the
 * rows not being sorted and records each row's input position (ids and facts are read
 * through it); the official sort may reuse the input-order buffers, so it runs last.
 */
function sortBySubject(read: ReadRows, subjectCount: number, isSelf: boolean): SortedRecords {
  const { keys } = read;
  const total = keys.length;
  let offsets: Int32Array;
  if (isSelf) {
    offsets = new Int32Array(subjectCount + 1);
    for (let position = 0; position < total; position++) {
      const key = keys[position]!;
      if (key <= SELF) offsets[SELF - key + 1]! += 1;
    }
  } else offsets = read.counts; // counted while reading
  for (let subject = 0; subject < subjectCount; subject++) offsets[subject + 1]! += offsets[subject]!;
  const size = offsets[subjectCount]!;

  const bits = subjectCount > 1 ? Math.ceil(Math.log2(subjectCount)) : 1;
  const passes = Math.ceil(bits / MAX_DIGIT_BITS);
  const digitBits = Math.ceil(bits / passes);
  const mask = (1 << digitBits) - 1;
  const starts = new Int32Array(mask + 2);

  // Pass 0 reads the input-order rows (every record; position = row) and writes only the rows
  // being sorted; later passes move those between two buffers. The official sort's last pass
  // writes into the input-order buffers, which are no longer needed.
  let fromData = read.data;
  let fromKeys = keys;
  let fromPositions: Int32Array | null = null;
  let spareData: Int32Array | null = isSelf ? null : read.data;
  const spareKeys: Int32Array | null = isSelf ? null : keys;
  for (let pass = 0; pass < passes; pass++) {
    const shift = pass * digitBits;
    const isLast = pass === passes - 1;
    starts.fill(0);
    const rowCount = pass === 0 ? total : size;
    for (let row = 0; row < rowCount; row++) {
      const key = sortKey(fromKeys[row]!, pass === 0, isSelf);
      if (key >= 0) starts[((key >>> shift) & mask) + 1]! += 1;
    }
    for (let digit = 0; digit <= mask; digit++) starts[digit + 1]! += starts[digit]!;
    const toData =
      pass > 0 && spareData !== null ? spareData.subarray(0, size * STRIDE) : new Int32Array(size * STRIDE);
    const toPositions =
      isLast && pass > 0 && spareKeys !== null ? spareKeys.subarray(0, size) : new Int32Array(size);
    const toKeys = isLast ? null : new Int32Array(size);
    for (let row = 0; row < rowCount; row++) {
      const key = sortKey(fromKeys[row]!, pass === 0, isSelf);
      if (key < 0) continue;
      const to = starts[(key >>> shift) & mask]!++;
      const from = row * STRIDE;
      const at = to * STRIDE;
      toData[at] = fromData[from]!;
      toData[at + 1] = fromData[from + 1]!;
      toData[at + 2] = fromData[from + 2]!;
      toData[at + 3] = fromData[from + 3]!;
      toPositions[to] = fromPositions === null ? row : fromPositions[row]!;
      if (toKeys !== null) toKeys[to] = key;
    }
    // after pass 0 the input-order rows are free; after a later pass, the rows it read
    if (pass > 0) spareData = fromData;
    fromData = toData;
    fromPositions = toPositions;
    if (toKeys !== null) fromKeys = toKeys;
  }
  return {
    columns: { ids: read.ids, facts: read.facts, wide: read.wide, data: fromData, positions: fromPositions! },
    offsets,
  };
}

/** A row's subject for the sort being made, or −1 when the row is not part of it. */
function sortKey(key: number, isInput: boolean, isSelf: boolean): number {
  if (!isInput) return key;
  if (isSelf) return key <= SELF ? SELF - key : -1;
  return key;
}
