import { z } from 'zod';
import { DATE_RULES } from '../../../../common/date-rules.ts';
import { zId, zIdParam, zIsoDate, zMobile, zRuleDate, zText } from '../../../../common/validation-zod.ts';
import { Keyword, PagingQuery, pageOf } from '../../../lib/paging.ts';
import { CERTIFICATE_STATES } from '../certificates/certificate-state.ts';

export const GENDERS = ['male', 'female'] as const;
export const OFFICER_STATUSES = ['active', 'transferred', 'retired', 'suspended'] as const;
export const OFFICER_SERIES = ['leader', 'staff'] as const;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文本` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字符`);
/** Optional text: '' and null both clear the field. */
const optionalText = (label: string, max: number) =>
  text(label, max)
    .nullable()
    .optional()
    .transform((value) => (value === '' ? null : value));
const optionalDate = z
  .union([z.literal('').transform(() => null), zIsoDate])
  .nullable()
  .optional();
const OptionalMobile = z
  .union([z.literal('').transform(() => null), zMobile])
  .nullable()
  .optional();

export const IdParams = z.object({
  id: zIdParam('编号无效'),
});

const OfficerFields = {
  name: zText({ error: '请填写姓名' }).trim().min(1, '请填写姓名').max(50, '姓名不能超过 50 个字符'),
  gender: z.enum(GENDERS, { error: '性别应为男或女' }),
  ethnicity: optionalText('民族', 20),
  education: optionalText('学历', 30),
  birthDate: optionalDate,
  position: optionalText('职务', 50),
  orgId: zId('请选择所在单位或科室'),
  post: optionalText('执法岗位', 100),
  duties: optionalText('执法职责', 500),
  qualifiedOn: optionalDate,
  startedWorkOn: optionalDate,
  userId: zId('关联账号无效').nullable().optional(),
  phone: OptionalMobile,
  status: z.enum(OFFICER_STATUSES, { error: '状态应为在岗、调离、退休或停职' }).optional(),
  /** seed 003 篇1 序列; '' and null clear it */
  series: z
    .enum([...OFFICER_SERIES, ''], { error: '序列应为领导或一般工作人员' })
    .nullable()
    .optional()
    .transform((value) => (value === '' ? null : value)),
};

export const OfficerCreateBody = z.object(OfficerFields);
export type OfficerCreateBody = z.infer<typeof OfficerCreateBody>;

export const OfficerUpdateBody = z
  .object({
    ...OfficerFields,
    name: OfficerFields.name.optional(),
    gender: OfficerFields.gender.optional(),
    orgId: OfficerFields.orgId.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: '没有需要修改的内容' });
export type OfficerUpdateBody = z.infer<typeof OfficerUpdateBody>;

export const OfficerListQuery = PagingQuery.extend({
  keyword: Keyword,
  orgId: zIdParam().optional(),
  status: z.enum(OFFICER_STATUSES, { error: '状态无效' }).optional(),
  certificateState: z.enum([...CERTIFICATE_STATES, 'none'], { error: '执法证状态无效' }).optional(),
});
export type OfficerListQuery = z.infer<typeof OfficerListQuery>;

export const CertificateSummary = z.object({
  id: z.number(),
  number: zText(),
  validUntil: zText(),
  state: z.enum(CERTIFICATE_STATES),
  stateLabel: zText(),
});

export const OfficerListItem = z.object({
  id: z.number(),
  name: zText(),
  gender: z.enum(GENDERS),
  genderLabel: zText(),
  orgId: z.number(),
  orgName: zText(),
  agencyName: zText(),
  position: zText().nullable(),
  post: zText().nullable(),
  status: z.enum(OFFICER_STATUSES),
  statusLabel: zText(),
  phone: zText().nullable(),
  userId: z.number().nullable(),
  certificate: CertificateSummary.nullable(),
});
export type OfficerListItem = z.infer<typeof OfficerListItem>;
export const OfficerPage = pageOf(OfficerListItem);

export const CertificateReviewView = z.object({
  id: z.number(),
  reviewedOn: zText(),
  result: z.enum(['pass', 'fail']),
  resultLabel: zText(),
  note: zText().nullable(),
});

export const CertificateView = z.object({
  id: z.number(),
  officerId: z.number(),
  number: zText(),
  issuer: zText(),
  area: zText(),
  categories: z.array(zText()),
  issuedOn: zText(),
  validUntil: zText(),
  isSuspended: z.boolean(),
  isRevoked: z.boolean(),
  note: zText().nullable(),
  state: z.enum(CERTIFICATE_STATES),
  stateLabel: zText(),
  daysLeft: z.number(),
  warningLevel: z.union([z.literal(90), z.literal(30)]).nullable(),
  isReviewOverdue: z.boolean(),
  reviews: z.array(CertificateReviewView),
});
export type CertificateView = z.infer<typeof CertificateView>;

/** One entry of the officer's 奖惩记录 (seed 000 奖惩记录表), from the domain that holds it. */
export const RewardPunishmentView = z.object({
  date: zText(),
  column: zText(),
  category: zText(),
  content: zText(),
  basis: zText(),
});
export type RewardPunishmentView = z.infer<typeof RewardPunishmentView>;

export const PostChangeView = z.object({
  id: z.number(),
  officerId: z.number(),
  changedOn: zText(),
  fromPost: zText().nullable(),
  fromDuties: zText().nullable(),
  toPost: zText(),
  toDuties: zText().nullable(),
  reason: zText().nullable(),
});
export type PostChangeView = z.infer<typeof PostChangeView>;

export const OfficerView = OfficerListItem.extend({
  /** shown to personal-data readers and to the officer; null otherwise */
  email: zText().nullable(),
  series: z.enum(OFFICER_SERIES).nullable(),
  seriesLabel: zText().nullable(),
  ethnicity: zText().nullable(),
  education: zText().nullable(),
  birthDate: zText().nullable(),
  duties: zText().nullable(),
  qualifiedOn: zText().nullable(),
  startedWorkOn: zText().nullable(),
  hasPhoto: z.boolean(),
  certificates: z.array(CertificateView),
  postChanges: z.array(PostChangeView),
  caseHandler: z.object({ ok: z.boolean(), reason: zText().nullable() }),
  updatedAt: zText(),
});
export type OfficerView = z.infer<typeof OfficerView>;

export const HistoryEntry = z.object({
  id: z.number(),
  at: zText(),
  actorName: zText().nullable(),
  action: zText(),
  entityType: zText(),
  before: z.unknown(),
  after: z.unknown(),
});

const Categories = z
  .array(zText().trim().min(1, '执法类别不能为空').max(50, '执法类别不能超过 50 个字符'), {
    error: '执法类别应为列表',
  })
  .max(30, '执法类别最多 30 项');

const CertificateFields = {
  number: z
    .string({ error: '请填写执法证编号' })
    .trim()
    .min(1, '请填写执法证编号')
    .max(40, '执法证编号不能超过 40 个字符')
    .regex(/^[A-Za-z0-9-]+$/, '执法证编号只能包含字母、数字和连字符'),
  issuer: z
    .string({ error: '请填写发证机关' })
    .trim()
    .min(1, '请填写发证机关')
    .max(100, '发证机关不能超过 100 个字符'),
  area: z
    .string({ error: '请填写执法区域' })
    .trim()
    .min(1, '请填写执法区域')
    .max(100, '执法区域不能超过 100 个字符'),
  categories: Categories.default([]),
  issuedOn: zIsoDate,
  validUntil: zIsoDate,
  note: optionalText('备注', 500),
};

const validRange = (body: { issuedOn?: string | undefined; validUntil?: string | undefined }) =>
  !body.issuedOn || !body.validUntil || body.validUntil >= body.issuedOn;
const rangeProblem = { message: '有效期至不能早于发证日期', path: ['validUntil'] };

export const CertificateCreateBody = z.object(CertificateFields).refine(validRange, rangeProblem);
export type CertificateCreateBody = z.infer<typeof CertificateCreateBody>;

export const CertificateUpdateBody = z
  .object({
    number: CertificateFields.number.optional(),
    issuer: CertificateFields.issuer.optional(),
    area: CertificateFields.area.optional(),
    categories: Categories.optional(),
    issuedOn: zIsoDate.optional(),
    validUntil: zIsoDate.optional(),
    isSuspended: z.boolean({ error: '暂扣应为是或否' }).optional(),
    isRevoked: z.boolean({ error: '注销应为是或否' }).optional(),
    note: CertificateFields.note,
  })
  .refine((body) => Object.keys(body).length > 0, { message: '没有需要修改的内容' })
  .refine(validRange, rangeProblem);
export type CertificateUpdateBody = z.infer<typeof CertificateUpdateBody>;

export const CertificateReviewBody = z.object({
  reviewedOn: zRuleDate(DATE_RULES.certificateReviewedOn),
  result: z.enum(['pass', 'fail'], { error: '年审结果应为合格或不合格' }),
  note: optionalText('备注', 500),
});
export type CertificateReviewBody = z.infer<typeof CertificateReviewBody>;

export const CertificateWarningQuery = z.object({
  orgId: zIdParam().optional(),
});

export const CertificateWarning = z.object({
  kind: z.enum(['expiry', 'expired', 'review_overdue']),
  level: z.union([z.literal(90), z.literal(30)]).nullable(),
  message: zText(),
  officerId: z.number(),
  officerName: zText(),
  /** the officer's organisation */
  orgId: z.number(),
  orgName: zText(),
  agencyName: zText(),
  certificateId: z.number(),
  number: zText(),
  validUntil: zText(),
  daysLeft: z.number(),
});
export const CertificateWarningReport = z.object({
  today: zText(),
  items: z.array(CertificateWarning),
  byAgency: z.array(
    z.object({
      agencyName: zText(),
      expiring90: z.number(),
      expiring30: z.number(),
      expired: z.number(),
      reviewOverdue: z.number(),
    }),
  ),
});
export type CertificateWarningReport = z.infer<typeof CertificateWarningReport>;

export const PostChangeBody = z.object({
  changedOn: zRuleDate(DATE_RULES.postChangedOn),
  toPost: z
    .string({ error: '请填写变更后的执法岗位' })
    .trim()
    .min(1, '请填写变更后的执法岗位')
    .max(100, '执法岗位不能超过 100 个字符'),
  toDuties: optionalText('执法职责', 500),
  reason: optionalText('变更原因', 500),
});
export type PostChangeBody = z.infer<typeof PostChangeBody>;

export const CaseHandlerQuery = z.object({ onDate: zIsoDate.optional() });
export const CaseHandlerVerdictView = z.object({
  ok: z.boolean(),
  reason: zText().nullable(),
  certificateNumber: zText().nullable(),
});

/** The contact fields an officer corrects on their own profile (issue 19); nothing else. */
export const OFFICER_SELF_FIELDS = ['phone', 'email'] as const;

/**
 * 本人更正联系方式. Loose on purpose: a field outside OFFICER_SELF_FIELDS reaches the service, which
 * refuses it at that field (a strict object would answer with one message for the whole body).
 */
export const OfficerContactBody = z
  .looseObject({
    phone: OptionalMobile,
    email: z
      .union([
        z.literal('').transform(() => null),
        z
          .email({ error: '电子邮箱格式不正确，如 zhangsan@example.com' })
          .max(100, '电子邮箱不能超过 100 个字符'),
      ])
      .nullable()
      .optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: '没有需要修改的内容' });
export type OfficerContactBody = z.infer<typeof OfficerContactBody>;

/** 账号管理: the officer archive an account is linked to; null unlinks. */
export const AccountOfficerBody = z.object({
  officerId: zId('请选择执法人员').nullable(),
});
export type AccountOfficerBody = z.infer<typeof AccountOfficerBody>;

export const AccountOfficerView = z.object({
  userId: z.number(),
  officer: z.object({ id: z.number(), name: zText() }).nullable(),
});
export type AccountOfficerView = z.infer<typeof AccountOfficerView>;
