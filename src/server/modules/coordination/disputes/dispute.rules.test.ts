import { describe, expect, it } from 'vitest';
import { currentDeadline, type DisputeDeadlineFacts, deadlineOf } from './dispute.rules.ts';

const base: DisputeDeadlineFacts = {
  status: 'submitted',
  reviewDueOn: '2026-03-04',
  concludeDueOn: '2026-04-15',
  executionDueOn: '2026-05-06',
  openViewDueOns: ['2026-03-13', '2026-03-11'],
};

describe('currentDeadline', () => {
  it.each([
    ['submitted', base.openViewDueOns, { label: '申请审核', dueOn: '2026-03-04' }],
    ['consulting', base.openViewDueOns, { label: '书面意见答复', dueOn: '2026-03-11' }],
    ['consulting', [], { label: '协调办结', dueOn: '2026-04-15' }],
    ['signing', [], { label: '协调办结', dueOn: '2026-04-15' }],
    ['served', [], { label: '执行确认', dueOn: '2026-05-06' }],
    ['decided', [], { label: '执行确认', dueOn: '2026-05-06' }],
    ['returned', [], null],
    ['escalated', [], null],
    ['executed', [], null],
  ] as const)('%s (open views %j) → %j', (status, openViewDueOns, expected) => {
    expect(currentDeadline({ ...base, status, openViewDueOns })).toEqual(expected);
  });
});

describe('deadlineOf', () => {
  it.each([
    ['2026-03-01', 'normal'],
    ['2026-03-02', 'due_soon'],
    ['2026-03-04', 'due_soon'],
    ['2026-03-05', 'overdue'],
  ] as const)('review due 2026-03-04, today %s → %s (warn 2 days)', (today, state) => {
    expect(deadlineOf(base, today, 2)?.state).toBe(state);
  });
});
