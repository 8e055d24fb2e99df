import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATE_RULES, dateRuleProblem, shanghaiToday } from './date-rules.ts';
import { dateOrderRefinement, zRuleDate } from './validation-zod.ts';

const today = '2026-06-15';

describe('the shared date rules (issue 19, issue 11 point 4)', () => {
  it('refuses a future complaint, a closing before its filing; accepts today and the order', () => {
    expect(dateRuleProblem(DATE_RULES.complaintReceivedOn, '2030-01-01', { today })).toBe(
      '收到日期不能晚于今天',
    );
    expect(dateRuleProblem(DATE_RULES.complaintReceivedOn, today, { today })).toBeNull();
    expect(dateRuleProblem(DATE_RULES.caseClosedOn, '2026-03-01', { today, earlier: '2026-03-02' })).toBe(
      '结案时间不能早于立案时间',
    );
    expect(
      dateRuleProblem(DATE_RULES.caseClosedOn, '2026-03-02', { today, earlier: '2026-03-02' }),
    ).toBeNull();
    // a work log's period may end after today (this week), never start after it
    expect(dateRuleProblem(DATE_RULES.workLogPeriodEnd, '2026-06-20', { today, earlier: today })).toBeNull();
    expect(dateRuleProblem(DATE_RULES.workLogPeriodStart, '2026-06-16', { today })).toBe(
      '开始日期不能晚于今天',
    );
  });

  it('every rule that names an earlier field names its label', () => {
    for (const rule of Object.values(DATE_RULES))
      if ('notBefore' in rule) expect(rule.notBefore.label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('the zod schema and its order refinement say the same at the field', () => {
    const received = zRuleDate(DATE_RULES.complaintReceivedOn, () => today);
    expect(received.safeParse('2030-01-01').error?.issues[0]?.message).toBe('收到日期不能晚于今天');
    expect(received.safeParse(today).success).toBe(true);
    const body = z
      .object({ filedOn: z.string(), closedOn: z.string().optional() })
      .superRefine(dateOrderRefinement({ closedOn: DATE_RULES.caseClosedOn }));
    const refused = body.safeParse({ filedOn: '2026-03-02', closedOn: '2026-03-01' });
    expect(refused.error?.issues[0]).toMatchObject({
      path: ['closedOn'],
      message: '结案时间不能早于立案时间',
    });
    expect(body.safeParse({ filedOn: '2026-03-02' }).success).toBe(true);
  });

  it("today is Shanghai's date (UTC+8)", () => {
    expect(shanghaiToday(new Date('2026-06-14T16:30:00Z'))).toBe('2026-06-15');
    expect(shanghaiToday(new Date('2026-06-14T15:59:00Z'))).toBe('2026-06-14');
  });
});
