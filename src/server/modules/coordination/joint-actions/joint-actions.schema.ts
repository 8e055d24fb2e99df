/** Request and response shapes of joint enforcement actions (联合执法, 第八条); the web imports these. */
import { z } from 'zod';
import { JOINT_SITUATIONS, JOINT_STATUSES } from '../../../../common/coordination.ts';
import { zId, zIdParam, zIsoDate, zText } from '../../../../common/validation-zod.ts';
import { Keyword, PagingQuery, pageOf } from '../../../lib/paging.ts';
import { optionalText, orgIdField, requiredText } from '../coordination.schema.ts';

const Situation = z.enum(JOINT_SITUATIONS, { error: '请选择第八条规定的情形' });

/** The plan (方案): who initiates, who takes part with which duty, when, where, whom or what. */
export const JointPlanBody = z.object({
  title: requiredText('行动名称', 200),
  situation: Situation.optional(),
  /** the bureau names it; an agency proposing among themselves is the initiator itself */
  initiatingOrgId: orgIdField('发起部门').optional(),
  initiatorDuty: requiredText('发起部门职责分工', 1000),
  participants: z
    .array(z.object({ orgId: orgIdField('参与部门'), duty: requiredText('职责分工', 1000) }), {
      error: '请列明参与部门',
    })
    .min(1, '请至少列明一个参与部门')
    .max(20, '参与部门不能超过 20 个'),
  startsOn: zIsoDate,
  endsOn: zIsoDate,
  places: requiredText('行动地点', 1000),
  targets: requiredText('检查对象或案件', 2000),
});
export type JointPlanBody = z.infer<typeof JointPlanBody>;

export const JointResponseBody = z.object({
  orgId: orgIdField('答复部门'),
  response: z.enum(['confirmed', 'objected'], { error: '请选择确认或提出异议' }),
  note: optionalText('意见', 1000),
});

export const CoordinationRequestBody = z.object({ reason: requiredText('未能达成一致的情况', 2000) });

export const JointInspectionBody = z.object({
  heldOn: zIsoDate,
  place: requiredText('检查地点', 200),
  orgNames: requiredText('参加部门', 500),
  findings: requiredText('检查情况', 4000),
});

export const JointCaseBody = z.object({ caseId: zId('请选择案件') });
export const JointCloseBody = z.object({ summary: requiredText('行动总结', 8000) });

export const JointListQuery = PagingQuery.extend({
  status: z.enum(JOINT_STATUSES, { error: '状态无效' }).optional(),
  situation: Situation.optional(),
  orgId: zIdParam().optional(),
  keyword: Keyword,
});
export type JointListQuery = z.infer<typeof JointListQuery>;

export const JointSummary = z.object({
  id: z.number(),
  title: zText(),
  origin: z.enum(['bureau', 'agency']),
  situation: Situation,
  situationLabel: zText(),
  status: z.enum(JOINT_STATUSES),
  statusLabel: zText(),
  initiatingOrgName: zText(),
  participantNames: z.array(zText()),
  startsOn: zText(),
  endsOn: zText(),
  proposalNumber: zText().nullable(),
  confirmedCount: z.number(),
  objectedCount: z.number(),
  inspectionCount: z.number(),
  caseCount: z.number(),
});
export type JointSummary = z.infer<typeof JointSummary>;
export const JointPage = pageOf(JointSummary);
export type JointPage = z.infer<typeof JointPage>;

export const JointView = JointSummary.extend({
  countyOrgId: z.number(),
  initiatingOrgId: z.number(),
  places: zText(),
  targets: zText(),
  coordinationReason: zText().nullable(),
  coordinationRequestedOn: zText().nullable(),
  proposalIssuedOn: zText().nullable(),
  startedOn: zText().nullable(),
  summary: zText().nullable(),
  closedOn: zText().nullable(),
  participants: z.array(
    z.object({
      orgId: z.number(),
      orgName: zText(),
      role: z.enum(['initiator', 'participant']),
      duty: zText(),
      response: z.enum(['pending', 'confirmed', 'objected']),
      responseLabel: zText(),
      responseNote: zText().nullable(),
      respondedOn: zText().nullable(),
    }),
  ),
  inspections: z.array(
    z.object({ id: z.number(), heldOn: zText(), place: zText(), orgNames: zText(), findings: zText() }),
  ),
  cases: z.array(z.object({ id: z.number(), caseNo: zText(), name: zText(), orgName: zText() })),
  abilities: z.object({
    canEditPlan: z.boolean(),
    canIssueProposal: z.boolean(),
    canRevise: z.boolean(),
    canRespondFor: z.array(z.number()),
    canRequestCoordination: z.boolean(),
    canStart: z.boolean(),
    canRecord: z.boolean(),
    canClose: z.boolean(),
  }),
});
export type JointView = z.infer<typeof JointView>;
