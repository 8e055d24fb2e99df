import { describe, expect, it } from 'vitest';
import { rectificationStatus } from './rectification.rules.ts';

describe('rectificationStatus (第十七条: within 10 days of the circular, 正常/临期/逾期)', () => {
  it.each([
    [
      'no failing file',
      { failingFiles: 0, circularIssuedOn: '2026-03-01', latest: null },
      '2026-03-02',
      'not_required',
      null,
      null,
    ],
    [
      'before the circular',
      { failingFiles: 1, circularIssuedOn: null, latest: null },
      '2026-03-02',
      'awaiting_circular',
      null,
      null,
    ],
    [
      '8 days left',
      { failingFiles: 1, circularIssuedOn: '2026-03-01', latest: null },
      '2026-03-03',
      'missing',
      '2026-03-11',
      'normal',
    ],
    [
      '3 days left',
      { failingFiles: 1, circularIssuedOn: '2026-03-01', latest: null },
      '2026-03-08',
      'missing',
      '2026-03-11',
      'due_soon',
    ],
    [
      'the due day itself',
      { failingFiles: 1, circularIssuedOn: '2026-03-01', latest: null },
      '2026-03-11',
      'missing',
      '2026-03-11',
      'due_soon',
    ],
    [
      'the day after',
      { failingFiles: 1, circularIssuedOn: '2026-03-01', latest: null },
      '2026-03-12',
      'missing',
      '2026-03-11',
      'overdue',
    ],
    [
      'returned and late',
      { failingFiles: 1, circularIssuedOn: '2026-03-01', latest: 'returned' },
      '2026-03-20',
      'returned',
      '2026-03-11',
      'overdue',
    ],
    [
      'submitted: no deadline state',
      { failingFiles: 2, circularIssuedOn: '2026-03-01', latest: 'submitted' },
      '2026-03-20',
      'submitted',
      '2026-03-11',
      null,
    ],
    [
      'accepted',
      { failingFiles: 2, circularIssuedOn: '2026-03-01', latest: 'accepted' },
      '2026-03-20',
      'accepted',
      '2026-03-11',
      null,
    ],
  ] as const)('%s', (_name, facts, today, status, dueOn, state) => {
    expect(rectificationStatus(facts, today)).toEqual({ status, dueOn, deadlineState: state });
  });
});
