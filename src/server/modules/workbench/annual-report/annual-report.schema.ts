import { z } from 'zod';
import { PENALTY_TYPES } from '../../../../common/penalties.ts';
import { zId, zIdParam, zText } from '../../../../common/validation-zod.ts';
import { CASE_KINDS } from '../../cases/cases.policy.ts';

const zYear = z.coerce
  .number({ error: '年度应为数字' })
  .int('年度应为整数')
  .min(2000, '年度不早于2000年')
  .max(2100, '年度不晚于2100年');

export const AnnualReportQuery = z.object({
  year: zYear.optional(),
  orgId: zIdParam('机构编号无效').optional(),
});
export const AnnualReportSubmitBody = z.object({ year: zYear, orgId: zId('机构编号无效') });

const Row = z.object({
  orgId: z.number().nullable(),
  name: zText(),
  /** null = 无相关职责 */
  kinds: z.record(z.enum(CASE_KINDS), z.number().nullable()),
  penalties: z.record(z.enum(PENALTY_TYPES), z.number()).nullable(),
  penaltyUntyped: z.number(),
  fineFen: z.number(),
  confiscatedFen: z.number(),
  officers: z.number(),
  certified: z.number(),
  certifiedRate: z.number().nullable(),
  reviewedFiles: z.number(),
  reviewExcellent: z.number(),
  reviewPass: z.number(),
  noticesReceived: z.number(),
  noticesOverdue: z.number(),
  kindsWithoutDuty: z.array(z.enum(CASE_KINDS)),
});

export const AnnualReportView = z.object({
  year: z.number(),
  title: zText(),
  today: zText(),
  dueOn: zText(),
  units: z.array(Row),
  total: Row.nullable(),
  submissions: z.array(z.object({ orgId: z.number(), submittedByName: zText(), submittedAt: zText() })),
});
export type AnnualReportView = z.infer<typeof AnnualReportView>;
export const AnnualReportSubmitted = z.object({ orgId: z.number(), year: z.number(), submittedAt: zText() });
