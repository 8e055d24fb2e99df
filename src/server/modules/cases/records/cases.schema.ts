import { z } from 'zod';
import { DATE_RULES } from '../../../../common/date-rules.ts';
import { MAX_PENALTY_AMOUNT, PENALTY_TYPES } from '../../../../common/penalties.ts';
import {
  dateOrderRefinement,
  zId,
  zIdNumber,
  zIdParam,
  zIsoDate,
  zPhone,
  zRuleDate,
  zText,
  zUscc,
} from '../../../../common/validation-zod.ts';
import { Keyword, PagingQuery, pageOf } from '../../../lib/paging.ts';
import { CASE_KINDS, QUALITY_GRADES, RECORD_STATES, RECORD_TIMINGS } from '../cases.policy.ts';

export const text = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文本` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字符`);
export const requiredText = (label: string, max: number) => text(label, max).min(1, `请填写${label}`);
/** Optional text: '' and null both clear the field. */
export const optionalText = (label: string, max: number) =>
  text(label, max)
    .nullable()
    .optional()
    .transform((value) => (value === '' ? null : (value ?? null)));
/** Optional: '' or null clears it; a given value must pass its checksum (the reason is shown). */
const emptyToNull = (value: unknown) => (value === '' ? null : value);
const optionalPhone = z
  .preprocess(emptyToNull, zPhone.nullable())
  .optional()
  .transform((value) => value ?? null);

export const IdParams = z.object({
  id: zIdParam('编号无效'),
});
export const PartyParams = IdParams.extend({
  partyId: zIdParam('编号无效'),
});

export const PersonParty = z.object({
  kind: z.literal('person'),
  name: requiredText('当事人姓名', 50),
  gender: z.enum(['male', 'female'], { error: '性别应为男或女' }).nullable().optional(),
  idNumber: z.preprocess(emptyToNull, zIdNumber().nullable()).optional(),
  address: optionalText('住址', 200),
  phone: optionalPhone,
});
export const OrganizationParty = z.object({
  kind: z.literal('organization'),
  name: requiredText('单位名称', 100),
  uscc: z.preprocess(emptyToNull, zUscc.nullable()).optional(),
  legalRepresentative: optionalText('法定代表人', 50),
  address: optionalText('地址', 200),
  phone: optionalPhone,
});
export const PartyBody = z.discriminatedUnion('kind', [PersonParty, OrganizationParty], {
  error: '当事人类型应为个人或单位',
});
export type PartyBody = z.infer<typeof PartyBody>;

/** A sum in yuan with at most two decimals; '' or null = none. */
function penaltyAmount(label: string) {
  return z
    .preprocess(
      emptyToNull,
      z
        .number({ error: `${label}应为数字` })
        .min(0, `${label}不能为负数`)
        .max(MAX_PENALTY_AMOUNT, `${label}过大`)
        .refine((value) => Math.round(value * 100) === value * 100, `${label}最多保留两位小数`)
        .nullable(),
    )
    .optional();
}

const CaseFields = {
  orgId: zId('请选择执法部门'),
  kind: z.enum(CASE_KINDS, { error: '案件类别无效' }),
  caseNo: requiredText('案号', 60),
  name: requiredText('案件名称', 200),
  source: requiredText('案件来源', 100),
  filedOn: zRuleDate(DATE_RULES.caseFiledOn),
  closedOn: z.preprocess(emptyToNull, zRuleDate(DATE_RULES.caseClosedOn).nullable()).optional(),
  handlerIds: z.array(zId('执法人无效'), { error: '请选择执法人' }).max(10, '执法人最多 10 名'),
  parties: z.array(PartyBody).min(1, '请填写当事人').max(20, '当事人最多 20 个'),
  summary: optionalText('案情简介', 5000),
  process: optionalText('办案经过', 10000),
  opinion: optionalText('办案意见', 5000),
  result: optionalText('办案结果', 5000),
  isSupervised: z.boolean().optional(),
  isAssigned: z.boolean().optional(),
  isMajorStability: z.boolean().optional(),
  // 行政执法数据年报 (issue 17): 《行政处罚法》第九条 penalty types and the sums, in yuan (two decimals)
  penaltyTypes: z
    .array(z.enum(PENALTY_TYPES, { error: '处罚种类无效' }), { error: '处罚种类应为列表' })
    .max(PENALTY_TYPES.length, '处罚种类重复')
    .refine((types) => new Set(types).size === types.length, '处罚种类重复')
    .optional(),
  fineAmount: penaltyAmount('罚款金额'),
  confiscatedAmount: penaltyAmount('没收金额'),
};
export const CaseCreateBody = z
  .object(CaseFields)
  .superRefine(dateOrderRefinement({ closedOn: DATE_RULES.caseClosedOn }));
export type CaseCreateBody = z.infer<typeof CaseCreateBody>;
export const CaseUpdateBody = z
  .object(CaseFields)
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: '没有需要修改的内容' })
  .superRefine(dateOrderRefinement({ closedOn: DATE_RULES.caseClosedOn }));
export type CaseUpdateBody = z.infer<typeof CaseUpdateBody>;

export const SignBody = z.object({
  part: z.enum(['opinion', 'result'], { error: '签字栏应为办案意见或办案结果' }),
});
/** 报送: a record past its due date needs lateReason (seed 000 填表说明1; the service checks it). */
export const SubmitRecordBody = z
  .object({ lateReason: optionalText('逾期报送原因', 500) })
  .nullish() // a POST without a body arrives as null
  .transform((body) => ({ lateReason: body?.lateReason ?? null }));
export type SubmitRecordBody = z.infer<typeof SubmitRecordBody>;

export const QualityBody = z.object({
  opinion: requiredText('案件质量分析意见', 5000),
  grade: z.enum(QUALITY_GRADES, { error: '质量等次应为优秀、合格或不合格' }),
});

export const CaseListQuery = PagingQuery.extend({
  keyword: Keyword,
  orgId: zIdParam().optional(),
  kind: z.enum(CASE_KINDS).optional(),
  filedFrom: zIsoDate.optional(),
  filedTo: zIsoDate.optional(),
  closedFrom: zIsoDate.optional(),
  closedTo: zIsoDate.optional(),
  state: z.enum(RECORD_STATES, { error: '记录表状态无效' }).optional(),
  qualityGrade: z.enum(QUALITY_GRADES, { error: '质量等次应为优秀、合格或不合格' }).optional(),
  officerId: zIdParam().optional(),
  /** 按时报送 (handed in within 30 days of closing) or 逾期报送 (later): the cockpit's drill-down */
  recordTiming: z.enum(RECORD_TIMINGS, { error: '报送时效无效' }).optional(),
  penaltyType: z.enum(PENALTY_TYPES, { error: '处罚种类无效' }).optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

const Signature = z.object({ name: zText(), at: zText() }).nullable();

export const PartyView = z.object({
  id: z.number(),
  kind: z.enum(['person', 'organization']),
  kindLabel: zText(),
  name: zText(),
  gender: z.enum(['male', 'female']).nullable(),
  idNumber: zText().nullable(),
  uscc: zText().nullable(),
  legalRepresentative: zText().nullable(),
  address: zText().nullable(),
  phone: zText().nullable(),
  isMasked: z.boolean(),
});
export type PartyView = z.infer<typeof PartyView>;

export const CaseListItem = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: zText(),
  kind: z.enum(CASE_KINDS),
  kindLabel: zText(),
  caseNo: zText(),
  name: zText(),
  partyNames: zText(),
  source: zText(),
  filedOn: zText(),
  closedOn: zText().nullable(),
  recordDueOn: zText().nullable(),
  recordState: z.enum(RECORD_STATES),
  recordStateLabel: zText(),
  qualityGrade: z.enum(QUALITY_GRADES).nullable(),
});
export type CaseListItem = z.infer<typeof CaseListItem>;
/** isTotalCapped: more than `total` cases match (the count stops at 10,000; shown as "10,000+"). */
export const CasePage = pageOf(CaseListItem).extend({ isTotalCapped: z.boolean() });

export const CaseView = CaseListItem.extend({
  summary: zText().nullable(),
  process: zText().nullable(),
  opinion: zText().nullable(),
  opinionSigned: Signature,
  result: zText().nullable(),
  resultSigned: Signature,
  qualityOpinion: zText().nullable(),
  qualityGradeLabel: zText().nullable(),
  qualitySigned: Signature,
  recordSubmittedOn: zText().nullable(),
  /** why the record was handed in after its due date; null = on time or not yet handed in */
  recordLateReason: zText().nullable(),
  isSupervised: z.boolean(),
  isAssigned: z.boolean(),
  isMajorStability: z.boolean(),
  penaltyTypes: z.array(z.enum(PENALTY_TYPES)),
  /** yuan, as a number with two decimals; null = none */
  fineAmount: z.number().nullable(),
  confiscatedAmount: z.number().nullable(),
  handlers: z.array(z.object({ officerId: z.number(), name: zText(), certificateNumber: zText() })),
  parties: z.array(PartyView),
  /** the county government's supervision decisions on this case (协调监督办法第十五条; supervision domain) */
  supervisionDecisions: z.array(
    z.object({
      id: z.number(),
      kindLabel: zText(),
      decisionNumber: zText(),
      decidedOn: zText(),
      noticeNumber: zText().nullable(),
      stateLabel: zText(),
    }),
  ),
  updatedAt: zText(),
});
export type CaseView = z.infer<typeof CaseView>;

export const DueReport = z.object({
  today: zText(),
  byOfficer: z.array(
    z.object({ officerId: z.number(), name: zText(), dueSoon: z.number(), overdue: z.number() }),
  ),
  /** per unit (agency or township) the cases belong to: its org id and name */
  byAgency: z.array(z.object({ orgId: z.number(), name: zText(), dueSoon: z.number(), overdue: z.number() })),
});
