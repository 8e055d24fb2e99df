/**
 * Explanation lines: one per point added or taken, per cap, veto or rounding. Scoring writes
 * them to compact columns (lines.ts); the few lines made after scoring (ceilings, vetoes,
 * quotas, roll-ups) are built here in their final JSON shape. `sumLines` lets any reader of a
 * stored explanation prove that the lines add up to the total.
 */
import { parseDecimal, type Scaled } from './decimal.ts';
import { compareText, type RuleInfo, signedText } from './lines.ts';
import type { ExplanationLine, LineKind } from './types.ts';

export type { RuleInfo } from './lines.ts';
export { compareText } from './lines.ts';

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

/** Sums lines exactly (what a reader of a stored explanation can check). */
export function sumLines(lines: readonly ExplanationLine[]): Scaled {
  let total = 0;
  for (const explanation of lines) total += parseDecimal(explanation.points.replace(/^\+/, '')) ?? Number.NaN;
  return total;
}
