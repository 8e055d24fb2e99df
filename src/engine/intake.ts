/**
 * Record intake: checks every record once, reads its fields once (JSON records come in many
 * shapes, and reading them again and again is what makes a naive loop slow), and lays the
 * accepted ones out as columns sorted by subject with a counting sort. Rejected records are
 * kept with their reason; self-assessment records go to their own columns.
 */
import type { CompiledScheme } from './compile.ts';
import { parseDecimal } from './decimal.ts';
import { isDateText, type PeriodRange } from './period.ts';
import { COUNT, HAS_FACT, ITEM, POINTS, RATER, type RecordColumns, STRIDE } from './subject.ts';
import type { EngineRecord, RejectedRecord, RejectReason } from './types.ts';

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

/** Columns of one subject space: rows of subject s are [offsets[s], offsets[s + 1]). */
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

/** Reads, checks and sorts the records of a period. */
export function takeRecords(
  compiled: CompiledScheme,
  subjectIndex: Map<string, number>,
  subjectCount: number,
  records: readonly EngineRecord[],
  range: PeriodRange,
): Intake {
  const total = records.length;
  const read: ReadColumns = {
    ids: new Array<string>(total),
    subjectOf: new Int32Array(total),
    data: new Float64Array(total * STRIDE),
    facts: null,
    selfCount: 0,
    counts: new Int32Array(subjectCount + 1),
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
      read.subjectOf[position] = REJECTED;
      const [messageZh, messageEn] = rejectMessages[reason];
      const id =
        typeof record === 'object' && record !== null && typeof record.id === 'string'
          ? record.id
          : `#${position}`;
      rejected.push({ record: id, reason, messageZh, messageEn });
    }
  }
  return {
    official: sortBySubject(read, subjectCount, false),
    self: read.selfCount === 0 ? null : sortBySubject(read, subjectCount, true),
    rejected,
  };
}

interface ReadContext {
  /** Valid dates already checked, and whether each is in the period: a period has at most 366. */
  dates: Map<string, number>;
  compiled: CompiledScheme;
  subjectIndex: Map<string, number>;
  start: string;
  end: string;
  read: ReadColumns;
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

/** Reads one record into the columns at `position`; returns why it is rejected, or null. */
function readRecord(context: ReadContext, record: EngineRecord, position: number): RejectReason | null {
  if (typeof record !== 'object' || record === null) return 'bad-record';
  const { id, subject: subjectId, item: itemId, date, count, fact, source } = record;
  if (typeof id !== 'string' || typeof subjectId !== 'string' || typeof itemId !== 'string')
    return 'bad-record';
  const subject = context.subjectIndex.get(subjectId);
  if (subject === undefined) return 'unknown-subject';
  const index = context.compiled.itemIndex.get(itemId);
  if (index === undefined) return 'unknown-item';
  const dateProblem = checkDate(context, date);
  if (dateProblem !== null) return dateProblem;
  if (count !== undefined && (!Number.isSafeInteger(count) || count < 1)) return 'bad-count';
  const read = context.read;
  const at = position * STRIDE;
  const item = context.compiled.items[index]!;
  const component = item.component;
  if (item.role === 'score') {
    if (item.levels) {
      const level = item.levels.get(record.level as string);
      if (level === undefined) return 'unknown-level';
      read.data[at + POINTS] = level.points;
    }
  } else if (component?.kind === 'rating') {
    const role = typeof record.rater === 'string' ? component.raterIndex.get(record.rater) : undefined;
    if (role === undefined) return 'unknown-rater';
    const value = record.value === undefined ? null : parseDecimal(record.value);
    if (value === null || value < 0 || value > component.outOf) return 'bad-value';
    read.data[at + POINTS] = value;
    read.data[at + RATER] = role;
  } else if (component?.kind === 'scaled-average') {
    const value = record.value === undefined ? null : parseDecimal(record.value);
    if (value === null || value < 0 || value > component.outOf) return 'bad-value';
    read.data[at + POINTS] = value;
  }
  read.ids[position] = id;
  read.data[at + ITEM] = index;
  read.data[at + COUNT] = count ?? 1;
  if (fact !== undefined && fact !== '') {
    read.facts ??= new Array(read.ids.length).fill(undefined);
    read.facts[position] = fact;
    // score items have no rater: the field marks rows with a fact, so scoring reads facts
    // (in input order, a cache miss) only for them
    if (item.role === 'score') read.data[at + RATER] = HAS_FACT;
  }
  if (source === 'self') {
    read.subjectOf[position] = SELF - subject;
    read.selfCount++;
  } else {
    read.subjectOf[position] = subject;
    read.counts[subject + 1]! += 1;
  }
  return null;
}

interface ReadColumns {
  ids: string[];
  /** Subject index; REJECTED; or SELF − subject for self-assessment records. */
  subjectOf: Int32Array;
  /** Interleaved rows (see STRIDE), in input order. */
  data: Float64Array;
  facts: (string | undefined)[] | null;
  selfCount: number;
  /** Official rows per subject, at subject + 1 (so a prefix sum gives the offsets). */
  counts: Int32Array;
}

/**
 * Counting sort of the official (or the self-assessment) rows by subject, stable in input
 * position. Subjects are scattered through the input, so every row written is a cache miss:
 * rows are interleaved (one miss for four fields) and only the input position travels beside
 * them (ids and facts are read through it).
 */
function sortBySubject(read: ReadColumns, subjectCount: number, isSelf: boolean): SortedRecords {
  const { subjectOf } = read;
  const total = subjectOf.length;
  let offsets: Int32Array;
  if (isSelf) {
    offsets = new Int32Array(subjectCount + 1);
    for (let position = 0; position < total; position++) {
      const code = subjectOf[position]!;
      if (code <= SELF) offsets[SELF - code + 1]! += 1;
    }
  } else offsets = read.counts; // counted while reading
  for (let subject = 0; subject < subjectCount; subject++) offsets[subject + 1]! += offsets[subject]!;
  const size = offsets[subjectCount]!;
  const next = offsets.slice(0, subjectCount);
  // Ids and facts stay in input order; a sorted row keeps its input position instead, so the
  // scatter writes numbers only.
  const columns: RecordColumns = {
    ids: read.ids,
    facts: read.facts,
    data: read.data,
    positions: new Int32Array(size),
  };
  const { positions } = columns;
  for (let position = 0; position < total; position++) {
    const code = subjectOf[position]!;
    const subject = isSelf ? (code <= SELF ? SELF - code : -1) : code;
    if (subject < 0) continue;
    positions[next[subject]!++] = position;
  }
  return { columns, offsets };
}
