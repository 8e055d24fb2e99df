import { describe, expect, it } from 'vitest';
import { decisionRequestRefusal } from './decision.rules.ts';

describe('第十五条: when a decision may be requested from the county government', () => {
  const due = '2026-03-10';
  it.each([
    ['served, past the deadline, 逾期', 'served', 'overdue', '2026-03-11', null],
    ['served, on the deadline day, 逾期', 'served', 'overdue', '2026-03-10', 'not_overdue'],
    ['issued (not yet served), past the deadline', 'issued', 'overdue', '2026-04-01', null],
    ['reported but the report not accepted, past the deadline', 'reported', 'overdue', '2026-04-01', null],
    ['returned, before the deadline, 拒不改正', 'returned', 'refused', '2026-03-01', null],
    ['served, before the deadline, 拒不改正', 'served', 'refused', '2026-03-01', null],
    ['accepted (closed)', 'accepted', 'overdue', '2026-04-01', 'notice_not_open'],
    ['withdrawn', 'withdrawn', 'refused', '2026-04-01', 'notice_not_open'],
    ['draft', 'draft', 'refused', '2026-04-01', 'notice_not_open'],
    ['awaiting sign-off', 'awaiting_sign_off', 'overdue', '2026-04-01', 'notice_not_open'],
  ] as const)('%s', (_name, state, ground, today, expected) => {
    expect(decisionRequestRefusal({ state, correctionDueOn: due }, ground, today)).toBe(expected);
  });
});
