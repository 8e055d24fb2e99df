/**
 * Compact explanation storage. A province keeps millions of explanation lines; as plain objects
 * (≈170 bytes each, plus a records array) they cost half a gigabyte and seconds of garbage
 * collection. Here every line is a row of typed-array columns: its rule (interned once per
 * rule and component path), kind, exact scaled points, count, note recipe, and a range of
 * record references (row numbers of the sorted record columns). `materialise` turns a row back
 * into the documented `ExplanationLine` object — record ids sorted, note text written — only
 * when someone reads it.
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

/** Writes a line's note from its two note arguments and its count. */
export type NoteFormat = (first: number, second: number, count: number | undefined) => string;

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
 * Note codes: 0 no note; 1 a stored text (first argument = text index); 2 `<count> 次，<text>`
 * (first argument = text index); ≥ 3 a format registered with `format`.
 */
export const NO_NOTE = 0;
export const TEXT_NOTE = 1;
export const PER_NOTE = 2;

/** Line columns of one evaluation; subjects own consecutive line ranges. */
export class LineStore {
  length = 0;
  private capacity: number;
  private kinds: Uint8Array;
  private rules: Int32Array;
  private points: Float64Array;
  /** NaN when the line has no count. */
  private counts: Float64Array;
  private notes: Uint16Array;
  /** Text index for text notes; for formatted notes, where the two arguments start in `noteArgs`. */
  private noteArg: Int32Array;
  private noteArgs: Float64Array;
  private noteArgLength = 0;
  /** First record reference of each line; a line's references end where the next line's begin. */
  private refFrom: Int32Array;
  /** Record references: ≥ 0 an input position (index of `ids`); < 0 the entry ~ref of `extraIds`. */
  private refs: Int32Array;
  private refLength = 0;
  private readonly ruleTable: LineRule[] = [];
  private readonly ruleIndex = new Map<RuleInfo, number>();
  private readonly rulesByKey = new Map<string, number>();
  private readonly formats: (NoteFormat | null)[] = [null, null, null];
  private readonly texts: string[] = [];
  private readonly textIndex = new Map<string, number>();
  private readonly extraIds: string[] = [];
  /** Record ids by input position, which references point into. */
  ids: readonly string[] = [];

  constructor(expectedLines = 64, expectedRefs = 64) {
    this.capacity = Math.max(16, expectedLines);
    this.kinds = new Uint8Array(this.capacity);
    this.rules = new Int32Array(this.capacity);
    this.points = new Float64Array(this.capacity);
    this.counts = new Float64Array(this.capacity);
    this.notes = new Uint16Array(this.capacity);
    this.noteArg = new Int32Array(this.capacity);
    this.noteArgs = new Float64Array(64);
    this.refFrom = new Int32Array(this.capacity);
    this.refs = new Int32Array(Math.max(16, expectedRefs));
  }

  private readonly slots: number[] = [];

  /**
   * The rule number of a scheme item (by item index) under its component's path: an array
   * look-up, since item lines are most lines.
   */
  itemRule(rule: RuleInfo & { index: number }, component: string | undefined): number {
    const known = this.slots[rule.index];
    if (known !== undefined) return known;
    const index = this.rule(rule, component);
    this.slots[rule.index] = index;
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

  /** Registers a note format; returns its note code. */
  format(format: NoteFormat): number {
    this.formats.push(format);
    return this.formats.length - 1;
  }

  /** A text as note arguments: interned, since most notes are fixed per rule. */
  text(text: string): number {
    let index = this.textIndex.get(text);
    if (index === undefined) {
      index = this.texts.length;
      this.texts.push(text);
      if (this.textIndex.size < 65536) this.textIndex.set(text, index);
    }
    return index;
  }

  /** Appends a line without records (kind: a KIND code); returns its number. `count` NaN means none. */
  add(
    kind: number,
    rule: number,
    points: Scaled,
    count: number,
    note: number,
    first: number,
    second: number,
  ): number {
    if (this.length === this.capacity) this.grow();
    const at = this.length++;
    this.kinds[at] = kind;
    this.rules[at] = rule;
    this.points[at] = points;
    this.counts[at] = count;
    this.notes[at] = note;
    if (note <= PER_NOTE) this.noteArg[at] = first;
    else {
      // formatted notes are a few per subject: their two arguments go to a side column
      if (this.noteArgLength + 2 > this.noteArgs.length) {
        this.noteArgs = resized(this.noteArgs, new Float64Array(this.noteArgs.length * 2));
      }
      this.noteArg[at] = this.noteArgLength;
      this.noteArgs[this.noteArgLength++] = first;
      this.noteArgs[this.noteArgLength++] = second;
    }
    this.refFrom[at] = this.refLength;
    return at;
  }

  /** Appends a line whose note is a text. */
  addText(kind: number, rule: number, points: Scaled, count: number, note: string | undefined): number {
    if (note === undefined) return this.add(kind, rule, points, count, NO_NOTE, 0, 0);
    // Most notes are fixed per rule and kind: remember the last one's text index by identity.
    const key = rule * 32 + kind;
    let text: number;
    if (this.lastNotes[key] === note) text = this.lastNoteTexts[key]!;
    else {
      text = this.text(note);
      this.lastNotes[key] = note;
      this.lastNoteTexts[key] = text;
    }
    return this.add(kind, rule, points, count, TEXT_NOTE, text, 0);
  }

  private readonly lastNotes: (string | undefined)[] = [];
  private readonly lastNoteTexts: number[] = [];

  /** Adds a record row to the last line. */
  addRow(row: number): void {
    if (this.refLength === this.refs.length) this.growRefs();
    this.refs[this.refLength++] = row;
  }

  /**
   * Adds the records of a linked list of sorted rows (head, then next[row − base]) to the last
   * line, by input position.
   */
  addRowList(head: number, list: { next: Int32Array; base: number; positions: Int32Array }): void {
    const { next, base, positions } = list;
    let length = this.refLength;
    let refs = this.refs;
    for (let row = head; row !== -1; row = next[row - base]!) {
      if (length === refs.length) {
        this.refLength = length;
        this.growRefs();
        refs = this.refs;
      }
      refs[length++] = positions[row]!;
    }
    this.refLength = length;
  }

  /** Adds a record by id (records outside the sorted columns) to the last line. */
  addId(id: string): void {
    this.extraIds.push(id);
    this.addRow(~(this.extraIds.length - 1));
  }

  /** Drops the lines from `length` on (used for scoring that keeps no lines). */
  truncate(length: number): void {
    if (length < this.length) {
      this.refLength = this.refFrom[length]!;
      for (let line = length; line < this.length; line++) {
        if (this.notes[line]! > PER_NOTE) {
          this.noteArgLength = this.noteArg[line]!;
          break;
        }
      }
    }
    this.length = length;
  }

  pointsOf(line: number): Scaled {
    return this.points[line]!;
  }

  /** The documented line object of line `line`; a fresh object on every call. */
  materialise(line: number): ExplanationLine {
    const rule = this.ruleTable[this.rules[line]!]!;
    const from = this.refFrom[line]!;
    const to = line + 1 < this.length ? this.refFrom[line + 1]! : this.refLength;
    let records: string[];
    if (from === to) records = [];
    else {
      records = new Array<string>(to - from);
      for (let at = from; at < to; at++) {
        const ref = this.refs[at]!;
        records[at - from] = ref >= 0 ? this.ids[ref]! : this.extraIds[~ref]!;
      }
      if (records.length > 1) records.sort(compareText);
    }
    const rawCount = this.counts[line]!;
    const count = Number.isNaN(rawCount) ? undefined : rawCount;
    const noteCode = this.notes[line]!;
    const note =
      noteCode === NO_NOTE
        ? undefined
        : noteCode === TEXT_NOTE
          ? this.texts[this.noteArg[line]!]
          : noteCode === PER_NOTE
            ? `${count} 次，${this.texts[this.noteArg[line]!]}`
            : this.formats[noteCode]!(
                this.noteArgs[this.noteArg[line]!]!,
                this.noteArgs[this.noteArg[line]! + 1]!,
                count,
              );
    return {
      rule: rule.id,
      clause: rule.clause,
      label: rule.label,
      kind: LINE_KINDS[this.kinds[line]!]!,
      points: signedText(this.points[line]!),
      component: rule.component,
      assessor: rule.assessor,
      records,
      count,
      note,
    };
  }

  /** Lines [from, to) as documented line objects. */
  materialiseRange(from: number, to: number): ExplanationLine[] {
    const lines = new Array<ExplanationLine>(to - from);
    for (let line = from; line < to; line++) lines[line - from] = this.materialise(line);
    return lines;
  }

  private grow(): void {
    const capacity = Math.max(16, this.capacity * 2);
    this.kinds = resized(this.kinds, new Uint8Array(capacity));
    this.rules = resized(this.rules, new Int32Array(capacity));
    this.points = resized(this.points, new Float64Array(capacity));
    this.counts = resized(this.counts, new Float64Array(capacity));
    this.notes = resized(this.notes, new Uint16Array(capacity));
    this.noteArg = resized(this.noteArg, new Int32Array(capacity));
    this.refFrom = resized(this.refFrom, new Int32Array(capacity));
    this.capacity = capacity;
  }

  private growRefs(): void {
    this.refs = resized(this.refs, new Int32Array(Math.max(16, this.refs.length * 2)));
  }
}

function resized<T extends Uint8Array | Uint16Array | Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
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

/** Code-unit order, the same in every locale (localeCompare is not). */
export function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
