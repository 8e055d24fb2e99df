import { describe, expect, it } from 'vitest';
import type { SummaryRecipient } from '../../../../common/units.ts';
import {
  isLateCopy,
  missingRecipients,
  summaryDueOn,
  summaryState,
  summaryYearAsked,
} from './summary.rules.ts';

const both = new Set<SummaryRecipient>(['rule_of_law_office', 'administration_office']);
const one = new Set<SummaryRecipient>(['rule_of_law_office']);

describe('汇总表 submission rules (seed 000 填表说明: 元月15日之前, 两个办公室各一份)', () => {
  it('the table of a year is due on 15 January of the next, and is asked for from 1 January', () => {
    expect(summaryDueOn(2025)).toBe('2026-01-15');
    expect(summaryYearAsked('2026-01-01')).toBe(2025);
    expect(summaryYearAsked('2026-12-31')).toBe(2025);
  });

  it.each([
    ['2026-01-07', one, 'normal'],
    ['2026-01-08', one, 'due_soon'],
    ['2026-01-15', one, 'due_soon'],
    ['2026-01-16', one, 'overdue'],
    ['2026-01-16', new Set<SummaryRecipient>(), 'overdue'],
    ['2026-03-01', both, 'done'],
  ] as const)('on %s with %o the unit stands %s', (today, submitted, state) => {
    expect(summaryState(2025, submitted, today)).toBe(state);
  });

  it('a copy after the due day is late; the copies missing keep the seed’s order', () => {
    expect(isLateCopy(2025, '2026-01-15')).toBe(false);
    expect(isLateCopy(2025, '2026-01-16')).toBe(true);
    expect(missingRecipients(new Set(['administration_office']))).toEqual(['rule_of_law_office']);
    expect(missingRecipients(both)).toEqual([]);
  });
});
