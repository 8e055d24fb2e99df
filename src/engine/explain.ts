/**
 * Explanation lines: one per point added or taken, per cap, veto or rounding. Lines carry
 * scaled points while a subject is scored and are formatted once at the end, so the
 * arithmetic stays exact and `sumLines` can prove they add up to the total.
 */
import { formatSigned, parseDecimal, type Scaled } from './decimal.ts';
import type { ExplanationLine, LineKind } from './types.ts';

/** A line while scoring: points still scaled. */
export interface WorkingLine {
  rule: string;
  clause: string | undefined;
  label: string;
  kind: LineKind;
  points: Scaled;
  component: string | undefined;
  assessor: string | undefined;
  records: string[];
  count: number | undefined;
  note: string | undefined;
}

/** Creates a working line; `records` are sorted here so record order never shows. */
export function line(
  kind: LineKind,
  rule: { id: string; label: string; clause?: string | undefined; assessor?: string | undefined },
  points: Scaled,
  component: string | undefined,
  extra: { records?: string[]; count?: number; note?: string } = {},
): WorkingLine {
  const records = extra.records ?? [];
  if (records.length > 1) records.sort(compareText);
  return {
    rule: rule.id,
    clause: rule.clause,
    label: rule.label,
    kind,
    points,
    component,
    assessor: rule.assessor,
    records,
    count: extra.count,
    note: extra.note,
  };
}

/** Code-unit order, the same in every locale (localeCompare is not). */
export function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Formats a working line for the result, leaving out absent fields. */
export function formatLine(working: WorkingLine): ExplanationLine {
  const formatted: ExplanationLine = { rule: working.rule } as ExplanationLine;
  if (working.clause !== undefined) formatted.clause = working.clause;
  formatted.label = working.label;
  formatted.kind = working.kind;
  formatted.points = formatSigned(working.points);
  if (working.component !== undefined) formatted.component = working.component;
  if (working.assessor !== undefined) formatted.assessor = working.assessor;
  formatted.records = working.records;
  if (working.count !== undefined) formatted.count = working.count;
  if (working.note !== undefined) formatted.note = working.note;
  return formatted;
}

/** Sums formatted lines exactly (what a reader of a stored explanation can check). */
export function sumLines(lines: readonly ExplanationLine[]): Scaled {
  let total = 0;
  for (const explanation of lines) total += parseDecimal(explanation.points.replace(/^\+/, '')) ?? Number.NaN;
  return total;
}
