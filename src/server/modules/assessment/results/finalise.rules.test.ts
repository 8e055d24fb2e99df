import { describe, expect, it } from 'vitest';
import { finaliseRefusal } from './finalise.rules.ts';

describe('finaliseRefusal', () => {
  it.each([
    // [window's last day, pending appeals, today, code]
    ['2025-10-13', [], '2025-10-10', 'APPEAL_WINDOW_OPEN'],
    ['2025-10-13', [], '2025-10-13', 'APPEAL_WINDOW_OPEN'], // the last day is still inside
    ['2025-10-13', [7], '2025-10-13', 'APPEAL_WINDOW_OPEN'], // the window is named first
    ['2025-10-13', [7, 8], '2025-10-14', 'CONFLICT'],
    ['2025-10-13', [], '2025-10-14', null],
    [null, [], '2025-10-14', null],
  ] as const)('window to %s, pending %j, on %s: %s', (closesOn, pending, today, code) => {
    expect(finaliseRefusal(closesOn, pending, today)?.code ?? null).toBe(code);
  });

  it('names the day the window ends, and how many appeals wait', () => {
    expect(finaliseRefusal('2025-10-13', [], '2025-10-11')).toEqual({
      code: 'APPEAL_WINDOW_OPEN',
      message: '申诉期至2025年10月13日截止，截止后方可定档',
      details: { appealClosesOn: '2025-10-13' },
    });
    expect(finaliseRefusal('2025-10-13', [3, 4], '2025-10-14')?.message).toBe(
      '尚有 2 件申诉未作决定，不能定档',
    );
  });
});
