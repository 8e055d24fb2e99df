import { z } from 'zod';
import { DATE_RULES } from '../../../../common/date-rules.ts';
import {
  dateOrderRefinement,
  zId,
  zIdParam,
  zIsoDate,
  zRuleDate,
  zText,
} from '../../../../common/validation-zod.ts';
import { PagingQuery, pageOf } from '../../../lib/paging.ts';

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文本` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字符`);

export const COMPLAINT_KIND_LABELS = { complaint: '投诉举报', petition: '信访' } as const;
export const FINDING_LABELS = { substantiated: '查实', unfounded: '不属实' } as const;

/**
 * What a complaint or petition must name (Chinese message), or null: a complaint the officer and/or
 * the case; a petition the officer who handled it. Checked on create and on every edit.
 */
export function complaintTargetProblem(target: {
  kind: 'complaint' | 'petition';
  officerId?: number | null | undefined;
  caseId?: number | null | undefined;
}): string | null {
  if (!target.officerId && !target.caseId) return '请指明被投诉的执法人员或案件（信访须指明承办人员）';
  if (target.kind === 'petition' && !target.officerId) return '信访须指明处理的执法人员';
  return null;
}

const ComplaintFields = {
  kind: z.enum(['complaint', 'petition'], { error: '类型应为投诉举报或信访' }),
  officerId: zId().nullable().optional(),
  caseId: zId().nullable().optional(),
  source: text('来源', 100),
  receivedOn: zRuleDate(DATE_RULES.complaintReceivedOn),
  summary: text('内容摘要', 2000),
};

export const ComplaintCreateBody = z.object(ComplaintFields).superRefine((body, context) => {
  const problem = complaintTargetProblem(body);
  if (problem) context.addIssue({ code: 'custom', message: problem, path: ['officerId'] });
});
export type ComplaintCreateBody = z.infer<typeof ComplaintCreateBody>;

/** Any field of the complaint, its finding (查实/不属实) and handling; what is left out stays. */
export const ComplaintUpdateBody = z
  .object({
    ...ComplaintFields,
    finding: z
      .enum(['substantiated', 'unfounded'], { error: '调查结论应为查实或不属实' })
      .nullable()
      .optional(),
    handling: zText().trim().max(2000, '处理情况不能超过 2000 个字符').nullable().optional(),
    handledOn: zRuleDate(DATE_RULES.complaintHandledOn).nullable().optional(),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: '没有需要修改的内容' })
  .superRefine(dateOrderRefinement({ handledOn: DATE_RULES.complaintHandledOn }));
export type ComplaintUpdateBody = z.infer<typeof ComplaintUpdateBody>;

export const ComplaintListQuery = PagingQuery.extend({
  officerId: zIdParam().optional(),
  caseId: zIdParam().optional(),
  kind: z.enum(['complaint', 'petition']).optional(),
});
export type ComplaintListQuery = z.infer<typeof ComplaintListQuery>;

export const ComplaintView = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: zText(),
  kind: z.enum(['complaint', 'petition']),
  kindLabel: zText(),
  officerId: z.number().nullable(),
  officerName: zText().nullable(),
  caseId: z.number().nullable(),
  caseNo: zText().nullable(),
  source: zText(),
  receivedOn: zText(),
  summary: zText(),
  finding: z.enum(['substantiated', 'unfounded']).nullable(),
  findingLabel: zText().nullable(),
  handling: zText().nullable(),
  handledOn: zText().nullable(),
});
export type ComplaintView = z.infer<typeof ComplaintView>;
export const ComplaintPage = pageOf(ComplaintView);

export const CampaignBody = z.object({
  officerId: zId('请选择执法人员'),
  name: text('专项整治名称', 200),
  joinedOn: zIsoDate,
});

export const OfficerCountsQuery = z.object({
  period: z
    .string()
    .regex(/^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/, '期间应为 2025、2025-H1、2025-Q3 或 2025-03'),
  orgId: zIdParam().optional(),
});
