/**
 * Rows gathered into subject order while records are read. A province's records come in any
 * order over 100,000 subjects, and a random memory access costs far more than scoring a
 * record, so rows are sorted in two cache-friendly steps (a most-significant-digit radix
 * sort on the subject index):
 *
 * 1. while reading, each row is appended to the bucket of its subject's high bits (at most
 *    512 buckets, each a chain of small blocks: 512 sequential write streams);
 * 2. when scoring, each bucket in turn (a few thousand rows, some tens of kilobytes) is
 *    counting-sorted by the low bits into one reused scratch area that stays in the cache,
 *    and its subjects are scored from there — the sorted rows of a province are never all in
 *    memory at once.
 *
 * Both steps keep input order within a subject (the sort is stable).
 */
import { Scratch } from './scratch.ts';
import { type RecordColumns, STRIDE } from './subject.ts';

/** Fields of a gathered row: the STRIDE fields of a sorted row, the subject's low bits, the input position. */
const LOW = STRIDE;
const POSITION = STRIDE + 1;
const FIELDS = STRIDE + 2;
/** Rows per block of a bucket's chain. */
const BLOCK_ROWS = 64;
/** At most 2^9 buckets. */
const BUCKET_BITS = 9;

/** The record columns shared by every bucket: ids, facts and wide values by input position. */
export type SharedColumns = Pick<RecordColumns, 'ids' | 'facts' | 'wide'>;

/** Told of each subject with rows, in subject order: its rows are [from, to) of `columns`. */
export interface SubjectVisitor {
  visitSubject(subject: number, columns: RecordColumns, from: number, to: number): void;
}

export class SubjectBuckets {
  private readonly lowBits: number;
  private readonly lowMask: number;
  private readonly bucketCount: number;
  private pool: Int32Array;
  private blockNext: Int32Array;
  private blocksUsed = 0;
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  /** Rows in the bucket's last block. */
  private readonly fill: Int32Array;
  private readonly rowsIn: Int32Array;
  size = 0;

  /**
   * `expectedRows`: rows the pool holds before it has to grow. The pool and sort area come
   * from `scratch` (see scratch.ts), so a scratch serves one SubjectBuckets at a time.
   */
  constructor(
    private readonly subjectCount: number,
    expectedRows: number,
    private readonly scratch: Scratch = new Scratch(),
  ) {
    const bits = subjectCount > 1 ? Math.ceil(Math.log2(subjectCount)) : 0;
    this.lowBits = Math.max(0, bits - BUCKET_BITS);
    this.lowMask = (1 << this.lowBits) - 1;
    this.bucketCount = Math.max(1, Math.ceil(subjectCount / (1 << this.lowBits)));
    // every bucket may leave its last block partly empty
    const blocks = Math.ceil(expectedRows / BLOCK_ROWS) + this.bucketCount;
    this.pool = scratch.int32('pool', blocks * BLOCK_ROWS * FIELDS);
    this.blockNext = scratch.int32('blockNext', blocks);
    this.head = new Int32Array(this.bucketCount).fill(-1);
    this.tail = new Int32Array(this.bucketCount).fill(-1);
    this.fill = new Int32Array(this.bucketCount);
    this.rowsIn = new Int32Array(this.bucketCount);
  }

  /** Appends a row of `subject`; `points` and `count` are already stored as row values. */
  add(subject: number, item: number, count: number, points: number, tag: number, position: number): void {
    const bucket = subject >>> this.lowBits;
    let block = this.tail[bucket]!;
    let filled = this.fill[bucket]!;
    if (block === -1 || filled === BLOCK_ROWS) {
      block = this.newBlock();
      if (this.tail[bucket] === -1) this.head[bucket] = block;
      else this.blockNext[this.tail[bucket]!] = block;
      this.tail[bucket] = block;
      filled = 0;
    }
    this.fill[bucket] = filled + 1;
    this.rowsIn[bucket]! += 1;
    this.size++;
    const at = (block * BLOCK_ROWS + filled) * FIELDS;
    const pool = this.pool;
    pool[at] = item;
    pool[at + 1] = count;
    pool[at + 2] = points;
    pool[at + 3] = tag;
    pool[at + LOW] = subject & this.lowMask;
    pool[at + POSITION] = position;
  }

  private newBlock(): number {
    const used = this.blocksUsed;
    if ((used + 1) * BLOCK_ROWS * FIELDS > this.pool.length || used >= this.blockNext.length) {
      const blocks = Math.max(16, Math.ceil(used * 1.5));
      this.pool = this.scratch.grow('pool', blocks * BLOCK_ROWS * FIELDS, used * BLOCK_ROWS * FIELDS);
      this.blockNext = this.scratch.grow('blockNext', blocks, used);
    }
    const block = this.blocksUsed++;
    this.blockNext[block] = -1;
    return block;
  }

  /**
   * Sorts one bucket at a time into a reused scratch area and visits the subjects in subject
   * order (with `withEmpty`, every subject, else those with rows); rows of a subject are in
   * input order. The columns passed are overwritten by the next bucket.
   */
  visit(shared: SharedColumns, withEmpty: boolean, visitor: SubjectVisitor): void {
    const { pool, blockNext, lowBits, subjectCount } = this;
    const lowSize = 1 << lowBits;
    let largest = 0;
    for (let bucket = 0; bucket < this.bucketCount; bucket++)
      largest = Math.max(largest, this.rowsIn[bucket]!);
    const { scratch } = this;
    // a literal, not a spread of `shared`: a spread object gets a new shape each evaluation,
    // and the optimised scoring code would be thrown away at every new shape
    const columns: RecordColumns = {
      ids: shared.ids,
      facts: shared.facts,
      wide: shared.wide,
      data: scratch.int32('sorted', largest * STRIDE),
      positions: scratch.int32('positions', largest),
    };
    const { data, positions } = columns;
    const next = scratch.int32('next', lowSize + 1);
    const starts = scratch.int32('starts', lowSize + 1);
    for (let bucket = 0; bucket < this.bucketCount; bucket++) {
      const first = this.head[bucket]!;
      const firstSubject = bucket << lowBits;
      if (first === -1) {
        if (withEmpty) {
          const end = Math.min(firstSubject + lowSize, subjectCount);
          for (let subject = firstSubject; subject < end; subject++)
            visitor.visitSubject(subject, columns, 0, 0);
        }
        continue;
      }
      const last = this.tail[bucket]!;
      const lastFill = this.fill[bucket]!;
      next.fill(0, 0, lowSize + 1);
      for (let block = first; block !== -1; block = blockNext[block]!) {
        const rows = block === last ? lastFill : BLOCK_ROWS;
        const from = block * BLOCK_ROWS * FIELDS;
        for (let row = 0; row < rows; row++) next[pool[from + row * FIELDS + LOW]! + 1]! += 1;
      }
      for (let low = 0; low < lowSize; low++) next[low + 1]! += next[low]!;
      starts.set(next.subarray(0, lowSize + 1));
      for (let block = first; block !== -1; block = blockNext[block]!) {
        const rows = block === last ? lastFill : BLOCK_ROWS;
        let at = block * BLOCK_ROWS * FIELDS;
        for (let row = 0; row < rows; row++, at += FIELDS) {
          const to = next[pool[at + LOW]!]!++;
          const out = to * STRIDE;
          data[out] = pool[at]!;
          data[out + 1] = pool[at + 1]!;
          data[out + 2] = pool[at + 2]!;
          data[out + 3] = pool[at + 3]!;
          positions[to] = pool[at + POSITION]!;
        }
      }
      const end = Math.min(lowSize, subjectCount - firstSubject);
      for (let low = 0; low < end; low++) {
        const from = starts[low]!;
        const to = starts[low + 1]!;
        if (withEmpty || from !== to) visitor.visitSubject(firstSubject + low, columns, from, to);
      }
    }
  }
}
