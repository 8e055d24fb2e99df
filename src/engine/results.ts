/**
 * Subject results as views over the evaluation's compact columns. Each `SubjectResult` keeps
 * its plain fields (subject, total, grade, rank, flags, triggers …) as ordinary properties;
 * `components` and `explanation` are made from the columns on every read, so a province's
 * millions of explanation lines are not millions of objects. `toJSON` gives the documented
 * plain object, so `JSON.stringify` of a result is exactly the documented JSON.
 */
import type { CompiledScheme } from './compile.ts';
import { formatDecimal } from './decimal.ts';
import type { LineStore } from './lines.ts';
import type {
  ComponentScore,
  ExplanationLine,
  SubjectFlags,
  SubjectGroups,
  SubjectResult,
  Trigger,
} from './types.ts';

/** The columns every subject view of one evaluation reads from. */
export interface ResultColumns {
  compiled: CompiledScheme;
  store: LineStore;
  /**
   * Subject s has lineStart[s + 1] − lineStart[s] lines in the store, from stream position
   * linePosition[s], then `extraLines[s]`.
   */
  lineStart: Int32Array;
  linePosition: Float64Array;
  /** Lines decided across subjects (ceilings, vetoes, quotas); undefined when none. */
  extraLines: (ExplanationLine[] | undefined)[];
  /** Own score of component c of subject s at s × componentCount + c (scaled). */
  scores: Float64Array;
  /** What component c of subject s added to its parent (scaled). */
  counted: Float64Array;
}

export class SubjectView implements SubjectResult {
  readonly #columns: ResultColumns;
  readonly #index: number;
  subject: string;
  declare name?: string;
  total: string;
  grade: string | null;
  bandGrade: string | null;
  rank: number;
  flags: SubjectFlags;
  triggers: Trigger[];
  declare selfTotal?: string;
  declare groups?: SubjectGroups;

  constructor(
    columns: ResultColumns,
    index: number,
    subject: string,
    total: string,
    grade: string | null,
    bandGrade: string | null,
    rank: number,
    flags: SubjectFlags,
    triggers: Trigger[],
  ) {
    this.#columns = columns;
    this.#index = index;
    this.subject = subject;
    this.total = total;
    this.grade = grade;
    this.bandGrade = bandGrade;
    this.rank = rank;
    this.flags = flags;
    this.triggers = triggers;
  }

  /** Component scores, made on each read. */
  get components(): ComponentScore[] {
    const { compiled, scores, counted } = this.#columns;
    const at = this.#index * compiled.components.length;
    return compiled.components.map((component) => {
      const own = scores[at + component.index]!;
      const added = counted[at + component.index]!;
      const ownText = formatDecimal(own);
      return {
        id: component.id,
        path: component.path,
        label: component.label,
        score: ownText,
        counted: added === own ? ownText : formatDecimal(added),
      };
    });
  }

  /** Number of explanation lines, without making them. */
  get lineCount(): number {
    const { lineStart, extraLines } = this.#columns;
    const index = this.#index;
    return lineStart[index + 1]! - lineStart[index]! + (extraLines[index]?.length ?? 0);
  }

  /** The explanation lines, made from the columns on each read (a fresh array each time). */
  get explanation(): ExplanationLine[] {
    const { store, lineStart, linePosition, extraLines } = this.#columns;
    const index = this.#index;
    const lines = store.materialiseLines(linePosition[index]!, lineStart[index + 1]! - lineStart[index]!);
    const extra = extraLines[index];
    if (extra) for (const entry of extra) lines.push({ ...entry, records: [...entry.records] });
    return lines;
  }

  /** The documented plain object. */
  toJSON(): SubjectResult {
    const plain: SubjectResult = {
      subject: this.subject,
      total: this.total,
      grade: this.grade,
      bandGrade: this.bandGrade,
      rank: this.rank,
      components: this.components,
      flags: this.flags,
      triggers: this.triggers,
      explanation: this.explanation,
    };
    if (this.name !== undefined) plain.name = this.name;
    if (this.selfTotal !== undefined) plain.selfTotal = this.selfTotal;
    if (this.groups !== undefined) plain.groups = this.groups;
    return plain;
  }
}
