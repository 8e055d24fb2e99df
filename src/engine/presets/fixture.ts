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

/**
 * Full casework on the Bohu routine preset (第五条(一)(二)): five closed cases (执法办案数量 100),
 * the leader and the public rating 100 and no case-practice deduction (质量和实效 100), so the
 * quarter is 50 + half the 作风纪律 score. For tests about discipline, quotas and grades.
 */
export function bohuFullCasework(subject: string, date: string): EngineRecord[] {
  return [
    { id: `cw-${subject}-cases`, subject, item: 'bohu.001.a5.case-closed', date, count: 5 },
    {
      id: `cw-${subject}-leader`,
      subject,
      item: 'bohu.001.a3.evaluation',
      date,
      rater: 'leader',
      value: '100',
    },
    {
      id: `cw-${subject}-public`,
      subject,
      item: 'bohu.001.a3.evaluation',
      date,
      rater: 'public',
      value: '100',
    },
  ];
}
