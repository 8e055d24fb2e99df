/**
 * Compact explanation storage. A province keeps millions of explanation lines; as plain objects
 * (≈170 bytes each, plus a records array) they cost half a gigabyte and seconds of garbage
 * collection. Here a line is a few numbers in a stream: its template (kind, rule interned once
 * per rule and component path, note recipe), exact scaled points, count, note arguments, and
 * its record references (input positions, two to a number). `materialiseLines` turns lines back
 * into the documented `ExplanationLine` objects — record ids sorted, note text written — only
 * when someone reads them.
 *
 * The stream lives in plain arrays of numbers (chunks of 65,536) on the JavaScript heap, not in
 * typed arrays: a typed array's memory is "external" to V8, and V8 starts a full mark of the
 * heap whenever external memory grows 64 MB past what its last full collection left. A
 * province's lines are more than that, so every evaluation paid a mark of everything alive —
 * mostly the caller's two million input records. Heap arrays count toward the heap's own
 * limit, which grows with the heap.
 */
import { formatSigned, type Scaled } from './decimal.ts';
import type { ExplanationLine, LineKind } from './types.ts';

/** What a line needs to know about its rule. */
export interface RuleInfo {
  id: string;
  label: string;
  clause?: string | undefined;
  assessor?: string | undefined;
}

/** A rule as lines show it: the rule's fields and the component path the line belongs to. */
interface LineRule {
  id: string;
  clause: string | undefined;
  label: string;
  assessor: string | undefined;
  component: string | undefined;
}

/**
 * Writes a line's note from its two note arguments and its count. A format registered with
 * values per record also gets, for each record the line quotes (in the order of the line's
 * `records`, sorted by id), that many numbers: `values[record × stride + k]`.
 */
export type NoteFormat = (
  first: number,
  second: number,
  count: number | undefined,
  values: readonly number[],
) => string;

const NO_VALUES: readonly number[] = Object.freeze([]) as unknown as number[];

export const LINE_KINDS: readonly LineKind[] = [
  'base',
  'deduction',
  'bonus',
  'cap',
  'floor',
  'same-fact',
  'rating',
  'average',
  'scale',
  'weight',
  'round',
  'veto',
  'ceiling',
  'quota',
  'part',
  'roll-up',
];
/** Line kind codes: indexes of LINE_KINDS. */
export const KIND = Object.freeze(
  Object.fromEntries(LINE_KINDS.map((kind, code) => [kind, code])) as Record<LineKind, number>,
);

/**
 * Note codes: 0 no note; 1 a stored text; 2 `<count> 次，<text>`; ≥ 3 a format registered with
 * `format`, whose two numeric arguments follow the line's points in the stream.
 */
export const NO_NOTE = 0;
export const TEXT_NOTE = 1;
export const PER_NOTE = 2;

/** Stream numbers per chunk: 512 KB, which V8 allocates straight into its old generation. */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK - 1;
/**
 * A line's first number packs its template (16 bits), how many records it quotes (16 bits)
 * and count + 1 (21 bits; 0 = no count): 53 bits, exact in a double. A line whose fields do
 * not fit stores −1 − its index in the escape columns instead.
 */
const HEAD_SPAN = 2 ** 16;
const REFS_SPAN = 2 ** 16;
const COUNT_FIELD_LIMIT = 2 ** 21;
/** Record references go two to a number while input positions stay below 2^26. */
const REF_SPAN = 2 ** 26;

/**
 * The explanation lines of one evaluation, written subject after subject (`mark` gives where a
 * subject's lines start) and read back with `materialiseLines`.
 */
export class LineStore {
  /** Lines written. */
  length = 0;
  private readonly chunks: number[][] = [];
  /** The chunk being written, where it starts in the stream, and its next free slot (CHUNK: start a new chunk). */
  private chunk: number[] = [];
  private chunkStart = -CHUNK;
  private offset = CHUNK;
  /** The open line's first number (chunk and slot), template, count and records quoted. */
  private lineChunk: number[] | null = null;
  private lineSlot = 0;
  private lineTemplate = 0;
  private lineCount = Number.NaN;
  private lineRefs = 0;
  /** A record reference waiting for its pair; −1 when none. */
  private pendingRef = -1;
  private readonly isPacked: boolean;
  /** Lines whose fields do not fit their packed first number. */
  private readonly escapeTemplates: number[] = [];
  private readonly escapeRefs: number[] = [];
  private readonly escapeCounts: number[] = [];
  /** Line templates: kind, rule, note code and text index of each. */
  private readonly templateKinds: number[] = [];
  private readonly templateRules: number[] = [];
  private readonly templateNotes: number[] = [];
  private readonly templateTexts: number[] = [];
  private readonly templateIndex = new Map<string, number>();
  /** 1 + the last template of each rule and kind, at rule × 32 + kind (0: none yet). */
  private lastTemplate = new Int32Array(0);
  private readonly ruleTable: LineRule[] = [];
  private readonly ruleIndex = new Map<RuleInfo, number>();
  private readonly rulesByKey = new Map<string, number>();
  private readonly itemRules = new Map<number, number>();
  private readonly formats: (NoteFormat | null)[] = [null, null, null];
  /** Numbers per quoted record that each format reads (0: none), by note code. */
  private readonly formatStrides: number[] = [0, 0, 0];
  private readonly texts: string[] = [];
  private readonly textIndex = new Map<string, number>();
  /** Record ids by input position, which references point into. */
  ids: readonly string[] = [];

  /** `recordCount`: how many input records the lines may quote. */
  constructor(recordCount = 0) {
    this.isPacked = recordCount <= REF_SPAN;
  }

  /**
   * The rule number of a scheme item (by item index) under its component's path, looked up by
   * the item's index.
   */
  itemRule(rule: RuleInfo & { index: number }, component: string | undefined): number {
    const known = this.itemRules.get(rule.index);
    if (known !== undefined) return known;
    const index = this.rule(rule, component);
    this.itemRules.set(rule.index, index);
    return index;
  }

  /** The rule number of a rule shown under a component path; interned once. */
  rule(rule: RuleInfo, component: string | undefined): number {
    const known = this.ruleIndex.get(rule);
    if (known !== undefined && this.ruleTable[known]!.component === component) return known;
    const key = `${rule.id}\u0000${rule.label}\u0000${rule.clause ?? ''}\u0000${rule.assessor ?? ''}\u0000${component ?? '\u0001'}`;
    let index = this.rulesByKey.get(key);
    if (index === undefined) {
      index = this.ruleTable.length;
      this.ruleTable.push({
        id: rule.id,
        clause: rule.clause,
        label: rule.label,
        assessor: rule.assessor,
        component,
      });
      this.rulesByKey.set(key, index);
    }
    if (known === undefined) this.ruleIndex.set(rule, index);
    return index;
  }

  /**
   * Registers a note format; returns its note code. With `valuesPerRecord` > 0, a line of the
   * format carries that many numbers per record it quotes (the individual scores behind an
   * average): the writer calls `addValue` for them right after `addFormatted`, before any
   * `addRow`, in the same record order as its `addRow` calls.
   */
  format(format: NoteFormat, valuesPerRecord = 0): number {
    this.formats.push(format);
    this.formatStrides.push(valuesPerRecord);
    return this.formats.length - 1;
  }

  /** Appends a note value to the open line (see `format`). */
  addValue(value: number): void {
    this.push(value);
  }

  /** A text as a note argument: interned, since most notes are fixed per rule. */
  text(text: string): number {
    let index = this.textIndex.get(text);
    if (index === undefined) {
      index = this.texts.length;
      this.texts.push(text);
      this.textIndex.set(text, index);
    }
    return index;
  }

  /**
   * Appends a line (kind: a KIND code; `count` NaN means none). With TEXT_NOTE or PER_NOTE,
   * `first` is the note's text index; with a format, `first` and `second` are its arguments.
   */
  add(
    kind: number,
    rule: number,
    points: Scaled,
    count: number,
    note: number,
    first: number,
    second: number,
  ): void {
    if (note > PER_NOTE) this.addFormatted(this.template(kind, rule, note, 0), points, count, first, second);
    else this.addLine(this.template(kind, rule, note, note === NO_NOTE ? 0 : first), points, count);
  }

  /** Appends a line of a template (see `template`) whose note, if any, is not a format. */
  addLine(template: number, points: Scaled, count: number): void {
    if (this.lineChunk !== null) this.closeLine();
    this.lineTemplate = template;
    this.lineCount = count;
    this.lineRefs = 0;
    if (this.offset === CHUNK) this.nextChunk();
    // the first number is written when the line closes, once its records are known
    this.lineChunk = this.chunk;
    this.lineSlot = this.offset++;
    if (this.offset === CHUNK) this.nextChunk();
    this.chunk[this.offset++] = points;
    this.length++;
  }

  /** Appends a line of a template with a format note, and the format's two arguments. */
  addFormatted(template: number, points: Scaled, count: number, first: number, second: number): void {
    this.addLine(template, points, count);
    this.push(first);
    this.push(second);
  }

  /** Appends a line whose note is a text. */
  addText(kind: number, rule: number, points: Scaled, count: number, note: string | undefined): void {
    if (note === undefined) this.add(kind, rule, points, count, NO_NOTE, 0, 0);
    else this.add(kind, rule, points, count, TEXT_NOTE, this.text(note), 0);
  }

  /** Adds a record (by input position) to the last line. */
  addRow(position: number): void {
    this.lineRefs++;
    if (!this.isPacked) this.push(position);
    else if (this.pendingRef === -1) this.pendingRef = position;
    else {
      this.push(this.pendingRef + REF_SPAN * position);
      this.pendingRef = -1;
    }
  }

  /**
   * Adds the records of a linked list of sorted rows (head, then next[row − base]) to the last
   * line, by input position.
   */
  addRowList(head: number, list: { next: Int32Array; base: number; positions: Int32Array }): void {
    const { next, base, positions } = list;
    for (let row = head; row !== -1; row = next[row - base]!) this.addRow(positions[row]!);
  }

  /** Closes the last line; returns where the next line will start (a subject's first line). */
  mark(): number {
    if (this.lineChunk !== null) this.closeLine();
    return this.chunkStart + this.offset;
  }

  /** Drops what was written after `mark()` returned `position` with `lines` lines written. */
  truncate(lines: number, position: number): void {
    this.mark();
    const chunkCount = Math.ceil(position / CHUNK);
    this.chunks.length = chunkCount;
    this.chunk = chunkCount === 0 ? [] : this.chunks[chunkCount - 1]!;
    this.chunkStart = (chunkCount - 1) * CHUNK;
    this.offset = position - this.chunkStart;
    this.length = lines;
  }

  /** Ends writing: closes the last line and trims the last chunk to what it holds. */
  finish(): void {
    this.mark();
    if (this.chunkStart >= 0) this.chunk.length = this.offset;
  }

  /** `count` documented line objects, from the line starting at `position` (see `mark`). */
  materialiseLines(position: number, count: number): ExplanationLine[] {
    const lines = new Array<ExplanationLine>(count);
    const { chunks, ids } = this;
    let at = position;
    for (let index = 0; index < count; index++) {
      const packed = chunks[at >>> CHUNK_BITS]![at & CHUNK_MASK]!;
      at++;
      let template: number;
      let refCount: number;
      let lineCount: number | undefined;
      if (packed >= 0) {
        template = packed % HEAD_SPAN;
        const rest = (packed - template) / HEAD_SPAN;
        refCount = rest % REFS_SPAN;
        const countField = (rest - refCount) / REFS_SPAN;
        lineCount = countField === 0 ? undefined : countField - 1;
      } else {
        const wide = -1 - packed;
        template = this.escapeTemplates[wide]!;
        refCount = this.escapeRefs[wide]!;
        const raw = this.escapeCounts[wide]!;
        lineCount = Number.isNaN(raw) ? undefined : raw;
      }
      const points = chunks[at >>> CHUNK_BITS]![at & CHUNK_MASK]!;
      at++;
      const noteCode = this.templateNotes[template]!;
      let note: string | undefined;
      let values = NO_VALUES;
      let stride = 0;
      let first = 0;
      let second = 0;
      if (noteCode === NO_NOTE) note = undefined;
      else if (noteCode === TEXT_NOTE) note = this.texts[this.templateTexts[template]!];
      else if (noteCode === PER_NOTE) note = `${lineCount} 次，${this.texts[this.templateTexts[template]!]}`;
      else {
        first = chunks[at >>> CHUNK_BITS]![at & CHUNK_MASK]!;
        second = chunks[(at + 1) >>> CHUNK_BITS]![(at + 1) & CHUNK_MASK]!;
        at += 2;
        stride = this.formatStrides[noteCode]!;
        if (stride > 0) {
          const read: number[] = new Array(refCount * stride);
          for (let slot = 0; slot < read.length; slot++) {
            read[slot] = chunks[at >>> CHUNK_BITS]![at & CHUNK_MASK]!;
            at++;
          }
          values = read;
        }
        // a note with values is written once the records are sorted: the values follow them
        else note = this.formats[noteCode]!(first, second, lineCount, NO_VALUES);
      }
      const records = new Array<string>(refCount);
      if (this.isPacked) {
        for (let ref = 0; ref < refCount; ref += 2) {
          const pair = chunks[at >>> CHUNK_BITS]![at & CHUNK_MASK]!;
          at++;
          const low = pair % REF_SPAN;
          records[ref] = ids[low]!;
          if (ref + 1 < refCount) records[ref + 1] = ids[(pair - low) / REF_SPAN]!;
        }
      } else {
        for (let ref = 0; ref < refCount; ref++) {
          records[ref] = ids[chunks[at >>> CHUNK_BITS]![at & CHUNK_MASK]!]!;
          at++;
        }
      }
      if (stride > 0) {
        if (refCount > 1) values = sortWithRecords(records, values, stride);
        note = this.formats[noteCode]!(first, second, lineCount, values);
      } else if (refCount > 1) records.sort(compareText);
      const rule = this.ruleTable[this.templateRules[template]!]!;
      lines[index] = {
        rule: rule.id,
        clause: rule.clause,
        label: rule.label,
        kind: LINE_KINDS[this.templateKinds[template]!]!,
        points: signedText(points),
        component: rule.component,
        assessor: rule.assessor,
        records,
        count: lineCount,
        note,
      };
    }
    return lines;
  }

  /**
   * The template of lines of a kind, rule and note code (with TEXT_NOTE and PER_NOTE, the
   * note's text index; else 0); interned. Callers writing many lines look theirs up once.
   */
  template(kind: number, rule: number, note: number, text: number): number {
    const slot = rule * 32 + kind;
    const last = slot < this.lastTemplate.length ? this.lastTemplate[slot]! - 1 : -1;
    if (last >= 0 && this.templateNotes[last] === note && this.templateTexts[last] === text) return last;
    const key = `${slot},${note},${text}`;
    let template = this.templateIndex.get(key);
    if (template === undefined) {
      template = this.templateKinds.length;
      this.templateKinds.push(kind);
      this.templateRules.push(rule);
      this.templateNotes.push(note);
      this.templateTexts.push(text);
      this.templateIndex.set(key, template);
    }
    if (slot >= this.lastTemplate.length) {
      const grown = new Int32Array(Math.max(slot + 1, this.lastTemplate.length * 2));
      grown.set(this.lastTemplate);
      this.lastTemplate = grown;
    }
    this.lastTemplate[slot] = template + 1;
    return template;
  }

  private push(value: number): void {
    if (this.offset === CHUNK) this.nextChunk();
    this.chunk[this.offset++] = value;
  }

  private nextChunk(): void {
    // filled with a fraction, so the chunk holds unboxed doubles from the start
    const chunk = new Array<number>(CHUNK).fill(0.5);
    this.chunks.push(chunk);
    this.chunk = chunk;
    this.chunkStart += CHUNK;
    this.offset = 0;
  }

  /** Writes the open line's first number, now that its records are known. */
  private closeLine(): void {
    if (this.pendingRef !== -1) {
      this.push(this.pendingRef);
      this.pendingRef = -1;
    }
    const template = this.lineTemplate;
    const refs = this.lineRefs;
    const count = this.lineCount;
    const countField = Number.isNaN(count)
      ? 0
      : Number.isInteger(count) && count >= 0 && count + 1 < COUNT_FIELD_LIMIT
        ? count + 1
        : -1;
    let packed: number;
    if (template < HEAD_SPAN && refs < REFS_SPAN && countField >= 0) {
      packed = template + HEAD_SPAN * (refs + REFS_SPAN * countField);
    } else {
      packed = -1 - this.escapeTemplates.length;
      this.escapeTemplates.push(template);
      this.escapeRefs.push(refs);
      this.escapeCounts.push(count);
    }
    this.lineChunk![this.lineSlot] = packed;
    this.lineChunk = null;
  }
}

const signedTexts = new Map<Scaled, string>();
const SIGNED_TEXT_CACHE_LIMIT = 4096;

/** formatSigned, sharing the strings of common values (−1, −0.5, +90 …) across many lines. */
export function signedText(points: Scaled): string {
  let text = signedTexts.get(points);
  if (text === undefined) {
    text = formatSigned(points);
    if (signedTexts.size < SIGNED_TEXT_CACHE_LIMIT) signedTexts.set(points, text);
  }
  return text;
}

/**
 * Sorts `records` by id in place and returns `values` (`stride` per record) in the same order,
 * so the i-th record's values stay at i × stride.
 */
function sortWithRecords(records: string[], values: readonly number[], stride: number): number[] {
  const order = records.map((_record, index) => index);
  order.sort((left, right) => compareText(records[left]!, records[right]!));
  const ids = order.map((index) => records[index]!);
  const sorted = new Array<number>(values.length);
  order.forEach((from, to) => {
    for (let k = 0; k < stride; k++) sorted[to * stride + k] = values[from * stride + k]!;
  });
  for (let index = 0; index < ids.length; index++) records[index] = ids[index]!;
  return sorted;
}

/** Code-unit order, the same in every locale (localeCompare is not). */
export function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
