/** Shared helpers for the preset worked examples: short record builders and the line-sum check. */
import { expect } from 'vitest';
import { parseDecimal } from '../decimal.ts';
import { sumLines } from '../explain.ts';
import type { EngineRecord, EvaluationResult } from '../types.ts';

let sequence = 0;

/** A record on `date` with a fresh id unless one is given. */
export function recordOn(date: string) {
  return (subject: string, item: string, extra: Partial<EngineRecord> = {}): EngineRecord => ({
    id: extra.id ?? `r${String(++sequence).padStart(4, '0')}`,
    subject,
    item,
    date,
    ...extra,
  });
}

/** Totals and grades by subject id, for compact expectations. */
export function totalsAndGrades(result: EvaluationResult): Record<string, [string, string | null]> {
  return Object.fromEntries(
    result.subjects.map((subject) => [subject.subject, [subject.total, subject.grade]]),
  );
}

/** Asserts that every subject's explanation adds up exactly to its total. */
export function expectLinesToSum(result: EvaluationResult): void {
  for (const subject of result.subjects) {
    expect(sumLines(subject.explanation), subject.subject).toBe(parseDecimal(subject.total));
  }
}
