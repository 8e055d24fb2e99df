import { z } from 'zod';
import {
  EVIDENCE_MEANS,
  INSPECTION_STATES,
  MIN_ON_SITE_SUPERVISORS,
  REPORT_REQUEST_STATES,
} from '../../../../common/supervision.ts';
import { zIdParam, zIsoDate, zText } from '../../../../common/validation-zod.ts';
import { PagingQuery, pageOf } from '../../../lib/paging.ts';
import { AttachmentView, DueView, idOf, OrgRef, requiredText } from '../supervision.schema.ts';

const supervisorIds = z.array(idOf('监督人员'), { error: '请选择监督人员' }).max(10, '监督人员最多 10 名');

export const InspectionCreateBody = z.object({
  plannedOn: zIsoDate,
  place: requiredText('检查地点', 200),
  /** 第十四条: on site needs at least MIN_ON_SITE_SUPERVISORS supervisors */
  isOnSite: z.boolean({ error: '请说明是否现场检查' }),
  supervisorIds,
});
export type InspectionCreateBody = z.infer<typeof InspectionCreateBody>;

export const InspectionRecordBody = z.object({
  inspectedOn: zIsoDate,
  findings: requiredText('检查发现的问题'),
  /** who was actually on site, when it differs from the plan */
  supervisorIds: supervisorIds.optional(),
});
export type InspectionRecordBody = z.infer<typeof InspectionRecordBody>;

export const EvidenceBody = z.object({
  means: z.enum(EVIDENCE_MEANS, { error: '取证方式无效' }),
  description: requiredText('证据说明', 2000),
  collectedOn: zIsoDate,
  caseId: idOf('案件').nullable().optional(),
  caseFileId: idOf('案卷').nullable().optional(),
});
export type EvidenceBody = z.infer<typeof EvidenceBody>;

export const EvidenceView = z.object({
  id: z.number(),
  means: z.enum(EVIDENCE_MEANS),
  meansLabel: zText(),
  description: zText(),
  collectedOn: zText(),
  case: z.object({ id: z.number(), caseNo: zText() }).nullable(),
  caseFileId: z.number().nullable(),
  attachments: z.array(AttachmentView),
});
export type EvidenceView = z.infer<typeof EvidenceView>;

export const InspectionView = z.object({
  id: z.number(),
  matterId: z.number(),
  plannedOn: zText(),
  place: zText(),
  isOnSite: z.boolean(),
  state: z.enum(INSPECTION_STATES),
  stateLabel: zText(),
  inspectedOn: zText().nullable(),
  findings: zText().nullable(),
  supervisors: z.array(z.object({ id: z.number(), name: zText() })),
  evidence: z.array(EvidenceView),
});
export type InspectionView = z.infer<typeof InspectionView>;

export const MIN_SUPERVISORS_MESSAGE = `现场监督检查的监督人员不得少于 ${MIN_ON_SITE_SUPERVISORS} 人（协调监督工作办法第十四条）`;

export const ReportRequestBody = z.object({
  unitId: idOf('被监督单位'),
  subject: requiredText('报告事项', 2000),
  requestedOn: zIsoDate,
  dueOn: zIsoDate,
});
export type ReportRequestBody = z.infer<typeof ReportRequestBody>;

export const ReportReplyBody = z.object({ reply: requiredText('报告内容') });
export type ReportReplyBody = z.infer<typeof ReportReplyBody>;

export const ReportRequestView = z.object({
  id: z.number(),
  matterId: z.number(),
  matterTitle: zText(),
  unit: OrgRef,
  subject: zText(),
  requestedOn: zText(),
  due: DueView.nullable(),
  dueOn: zText(),
  state: z.enum(REPORT_REQUEST_STATES),
  stateLabel: zText(),
  reply: zText().nullable(),
  repliedOn: zText().nullable(),
  attachments: z.array(AttachmentView),
  abilities: z.object({ canReply: z.boolean() }),
});
export type ReportRequestView = z.infer<typeof ReportRequestView>;
export const ReportRequestPage = pageOf(ReportRequestView);
export const ReportRequestListQuery = PagingQuery.extend({
  state: z.enum(REPORT_REQUEST_STATES, { error: '状态无效' }).optional(),
  matterId: zIdParam('监督事项无效').optional(),
});
export type ReportRequestListQuery = z.infer<typeof ReportRequestListQuery>;
