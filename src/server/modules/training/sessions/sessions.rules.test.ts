import { describe, expect, it } from 'vitest';
import { judgeFinish } from './sessions.rules.ts';

const base = { heldOn: '2026-05-10', today: '2026-05-10', isGraded: false, attendeeIds: [1, 2], results: [] };

describe('judgeFinish (培训制度第八条)', () => {
  it('writes one record per attendee of an ungraded session', () => {
    expect(judgeFinish(base)).toEqual({
      problems: [],
      records: [
        { officerId: 1, score: null, passed: null },
        { officerId: 2, score: null, passed: null },
      ],
    });
  });
  it.each([
    [{ heldOn: '2026-05-11' }, 'heldOn', '培训日期晚于今天，培训举办后才能结业'],
    [{ attendeeIds: [] }, 'attendees', '请先添加参训人员'],
    [{ results: [{ officerId: 9, score: 80 }] }, 'results.0.officerId', '该人员不在参训名单中'],
    [{ results: [{ officerId: 1, score: 80 }] }, 'results.0.score', '该培训不考核，不能登记成绩'],
    [
      { isGraded: true, results: [{ officerId: 1, score: 80 }] },
      'results.1.score',
      '请登记每位参训人员的考核成绩',
    ],
    [
      {
        isGraded: true,
        results: [
          { officerId: 1, score: 80 },
          { officerId: 1, score: 70 },
          { officerId: 2, score: 90 },
        ],
      },
      'results.1.officerId',
      '同一人员的成绩重复',
    ],
  ])('%o is refused at %s', (change, field, message) => {
    const outcome = judgeFinish({ ...base, ...change });
    expect(outcome.problems).toContainEqual({ field, message });
    expect(outcome.records).toEqual([]);
  });
  it.each([
    [60, undefined, true],
    [59.5, undefined, false],
    [40, true, true],
    [null, false, false],
  ] as const)('score %s, passed %s → passed %s (pass mark 60)', (score, passed, expected) => {
    const outcome = judgeFinish({
      ...base,
      isGraded: true,
      attendeeIds: [1],
      results: [{ officerId: 1, score, passed }],
    });
    expect(outcome.records).toEqual([{ officerId: 1, score, passed: expected }]);
  });
});
