/** Request and response shapes of jurisdiction disputes (第七条); the web imports these types. */
import { z } from 'zod';
import { DISPUTE_STATUSES } from '../../../../common/coordination.ts';
import { zIdParam, zIsoDate, zText } from '../../../../common/validation-zod.ts';
import { Keyword, PagingQuery, pageOf } from '../../../lib/paging.ts';
import { DeadlineView, IdParams, optionalText, orgIdField, requiredText } from '../coordination.schema.ts';

const text = requiredText;
const orgId = orgIdField;

export { IdParams };
export const DocumentParams = z.object({
  id: zIdParam(),
  documentId: zIdParam(),
});

/** 第七条 书面申请: the matter, each side's position and legal basis, and the negotiation record. */
export const DisputeApplyBody = z.object({
  matter: text('争议事项', 2000),
  position: text('本单位主张', 2000),
  legalBasis: text('本单位主张的法律依据', 2000),
  // Checked in the service, so the refusal carries 第七条's reason rather than "请填写".
  negotiationRecord: zText().trim().max(4000, '协商情况不能超过 4000 个字符').optional(),
  parties: z
    .array(
      z.object({
        orgId: orgId('争议相对单位'),
        position: text('对方主张', 2000),
        legalBasis: text('对方主张的法律依据', 2000),
      }),
      { error: '请列明争议相对单位' },
    )
    .min(1, '请至少列明一个争议相对单位')
    .max(10, '争议相对单位不能超过 10 个'),
});
export type DisputeApplyBody = z.infer<typeof DisputeApplyBody>;

export const DisputeReviewBody = z.discriminatedUnion(
  'decision',
  [
    z.object({ decision: z.literal('accept') }),
    z.object({ decision: z.literal('return'), reason: text('退回理由', 1000) }),
  ],
  { error: '审核结论应为受理或退回' },
);
export type DisputeReviewBody = z.infer<typeof DisputeReviewBody>;

export const ViewAnswerBody = z.object({
  partyOrgId: orgId('答复单位'),
  position: text('书面意见', 4000),
  legalBasis: text('法律依据', 2000),
});

export const MeetingBody = z.object({
  heldOn: zIsoDate,
  place: text('会议地点', 200),
  attendees: text('参会人员', 1000),
  experts: optionalText('参会专家', 1000),
  minutes: text('会议纪要', 8000),
});

export const EscalateBody = z.object({ reason: text('报请理由', 2000) });

export const InterimLeadBody = z.object({
  orgId: orgId('临时牵头单位'),
  reason: text('临时牵头理由', 1000),
});

export const DecisionBody = z.object({
  number: text('决定文号', 100),
  decidedOn: zIsoDate,
  content: text('决定内容', 8000),
  servedOn: zIsoDate,
});

export const ExecutionBody = z.object({
  partyOrgId: orgId('确认单位'),
  note: text('执行情况', 2000),
});

export const OpinionDraftBody = z.object({
  title: text('标题', 200),
  body: text('正文', 20000),
});

export const ServeBody = z.object({ servedOn: zIsoDate });

export const DisputeListQuery = PagingQuery.extend({
  status: z.enum(DISPUTE_STATUSES, { error: '状态无效' }).optional(),
  orgId: zIdParam().optional(),
  deadlineState: z.enum(['normal', 'due_soon', 'overdue'], { error: '期限状态无效' }).optional(),
  keyword: Keyword,
});
export type DisputeListQuery = z.infer<typeof DisputeListQuery>;

const Deadline = DeadlineView;

export const DisputeSummary = z.object({
  id: z.number(),
  matter: zText(),
  status: z.enum(DISPUTE_STATUSES),
  statusLabel: zText(),
  filedOn: zText(),
  applicantOrgId: z.number(),
  applicantName: zText(),
  respondentNames: z.array(zText()),
  opinionNumber: zText().nullable(),
  deadline: Deadline,
});
export type DisputeSummary = z.infer<typeof DisputeSummary>;
export const DisputePage = pageOf(DisputeSummary);
export type DisputePage = z.infer<typeof DisputePage>;

export const DisputePartyView = z.object({
  orgId: z.number(),
  orgName: zText(),
  role: z.enum(['applicant', 'respondent']),
  roleLabel: zText(),
  statedPosition: zText(),
  statedBasis: zText(),
  viewRequestedOn: zText().nullable(),
  viewDueOn: zText().nullable(),
  viewDeadlineState: z.enum(['normal', 'due_soon', 'overdue']).nullable(),
  viewPosition: zText().nullable(),
  viewBasis: zText().nullable(),
  viewAnsweredOn: zText().nullable(),
  executionConfirmedOn: zText().nullable(),
  executionNote: zText().nullable(),
});

export const MeetingView = z.object({
  id: z.number(),
  heldOn: zText(),
  place: zText(),
  attendees: zText(),
  experts: zText().nullable(),
  minutes: zText(),
});

export const DisputeDocumentView = z.object({
  id: z.number(),
  kind: z.enum(['opinion', 'government_decision']),
  kindLabel: zText(),
  status: z.enum(['draft', 'pending_sign', 'signed', 'served', 'superseded']),
  statusLabel: zText(),
  title: zText(),
  body: zText(),
  number: zText().nullable(),
  decidedOn: zText().nullable(),
  supersedesId: z.number().nullable(),
  signedOn: zText().nullable(),
  signComment: zText().nullable(),
  servedOn: zText().nullable(),
  isEditable: z.boolean(),
});
export type DisputeDocumentView = z.infer<typeof DisputeDocumentView>;

export const TimelineEvent = z.object({ on: zText(), label: zText(), detail: zText().nullable() });

export const DisputeView = DisputeSummary.extend({
  countyOrgId: z.number(),
  negotiationRecord: zText(),
  reviewDueOn: zText(),
  reviewedOn: zText().nullable(),
  returnReason: zText().nullable(),
  concludeDueOn: zText().nullable(),
  escalatedOn: zText().nullable(),
  escalationReason: zText().nullable(),
  interimLead: z
    .object({ orgId: z.number(), orgName: zText(), reason: zText(), namedOn: zText() })
    .nullable(),
  executionDueOn: zText().nullable(),
  executedOn: zText().nullable(),
  parties: z.array(DisputePartyView),
  meetings: z.array(MeetingView),
  documents: z.array(DisputeDocumentView),
  timeline: z.array(TimelineEvent),
  abilities: z.object({
    canReview: z.boolean(),
    canAnswerView: z.boolean(),
    canRecordMeeting: z.boolean(),
    canDraftOpinion: z.boolean(),
    canSignOpinion: z.boolean(),
    canServe: z.boolean(),
    canEscalate: z.boolean(),
    canNameInterimLead: z.boolean(),
    canRecordDecision: z.boolean(),
    canConfirmExecution: z.boolean(),
    canMarkViolation: z.boolean(),
  }),
});
export type DisputeView = z.infer<typeof DisputeView>;

export const AgencyOptions = z.object({ items: z.array(z.object({ id: z.number(), name: zText() })) });
