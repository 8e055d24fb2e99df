/**
 * Explanation lines: one per point added or taken, per cap, veto or rounding. Lines are built
 * in their final JSON shape as a subject is scored (a province has millions of them, so they
 * are made once), while the subject's total is kept in scaled integers beside them; `sumLines`
 * lets any reader of a stored explanation prove that the lines add up to the total.
 */
import { formatSigned, parseDecimal, type Scaled } from './decimal.ts';
import type { ExplanationLine, LineKind } from './types.ts';

/** What a line needs to know about its rule. */
export interface RuleInfo {
  id: string;
  label: string;
  clause?: string | undefined;
  assessor?: string | undefined;
}

const NO_RECORDS: string[] = Object.freeze([]) as unknown as string[];

/**
 * Creates a line. `records` are sorted here (code-unit order) so record order never shows;
 * absent fields stay undefined, which JSON leaves out.
 */
export function line(
  kind: LineKind,
  rule: RuleInfo,
  points: Scaled,
  component: string | undefined,
  extra?: { records?: string[]; count?: number | undefined; note?: string | undefined },
): ExplanationLine {
  let records = extra?.records ?? NO_RECORDS;
  // A pushed-to array keeps spare capacity (17 slots for 2 ids); a province keeps millions of
  // these, so store an exact-size copy.
  if (records.length > 1) records = records.slice().sort(compareText);
  return {
    rule: rule.id,
    clause: rule.clause,
    label: rule.label,
    kind,
    points: signedText(points),
    component,
    assessor: rule.assessor,
    records,
    count: extra?.count,
    note: extra?.note,
  };
}

const signedTexts = new Map<Scaled, string>();
const SIGNED_TEXT_CACHE_LIMIT = 4096;

/** formatSigned, sharing the strings of common values (−1, −0.5, +90 …) across millions of lines. */
function signedText(points: Scaled): string {
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

/** Sums lines exactly (what a reader of a stored explanation can check). */
export function sumLines(lines: readonly ExplanationLine[]): Scaled {
  let total = 0;
  for (const explanation of lines) total += parseDecimal(explanation.points.replace(/^\+/, '')) ?? Number.NaN;
  return total;
}
