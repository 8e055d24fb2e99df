import { z } from 'zod';
import { DECISION_GROUNDS, DECISION_KINDS, DECISION_STATES } from '../../../../common/supervision.ts';
import { zIdParam, zIsoDate, zText } from '../../../../common/validation-zod.ts';
import { PagingQuery, pageOf } from '../../../lib/paging.ts';
import { RectificationView } from '../notices/notices.schema.ts';
import { DueView, idOf, OrgRef, requiredText } from '../supervision.schema.ts';

/** The bureau's request to the county government (报请本级人民政府, 第十五条). */
export const DecisionRequestBody = z.object({
  ground: z.enum(DECISION_GROUNDS, { error: '请选择报请事由（逾期不改正或拒不改正）' }),
  requestReason: requiredText('报请理由'),
  proposedKind: z.enum(DECISION_KINDS, { error: '请选择建议的决定种类' }),
  /** the case the decision concerns; the notice's case when absent */
  caseId: idOf('案件').nullable().optional(),
});
export type DecisionRequestBody = z.infer<typeof DecisionRequestBody>;
export const DecisionRequestPatch = DecisionRequestBody.partial();
export type DecisionRequestPatch = z.infer<typeof DecisionRequestPatch>;

/** The government's 行政执法监督决定书 as recorded: its own number and date, and its service. */
export const DecisionRecordBody = z.object({
  kind: z.enum(DECISION_KINDS, { error: '请选择决定种类' }),
  decisionNumber: requiredText('决定书文号', 50),
  decidedOn: zIsoDate,
  content: requiredText('决定内容'),
  servedOn: zIsoDate,
});
export type DecisionRecordBody = z.infer<typeof DecisionRecordBody>;

export const DecisionListQuery = PagingQuery.extend({
  state: z.enum(DECISION_STATES, { error: '状态无效' }).optional(),
  matterId: zIdParam().optional(),
  noticeId: zIdParam().optional(),
  unitId: zIdParam().optional(),
});
export type DecisionListQuery = z.infer<typeof DecisionListQuery>;

export const DecisionView = z.object({
  id: z.number(),
  matterId: z.number(),
  matterTitle: zText(),
  notice: z.object({ id: z.number(), number: zText().nullable() }),
  unit: OrgRef,
  issuer: OrgRef,
  caseId: z.number().nullable(),
  ground: z.enum(DECISION_GROUNDS),
  groundLabel: zText(),
  requestReason: zText(),
  proposedKind: z.enum(DECISION_KINDS),
  proposedKindLabel: zText(),
  state: z.enum(DECISION_STATES),
  stateLabel: zText(),
  signComment: zText().nullable(),
  requestNumber: zText().nullable(),
  requestSignedBy: zText().nullable(),
  requestedOn: zText().nullable(),
  kind: z.enum(DECISION_KINDS).nullable(),
  kindLabel: zText().nullable(),
  decisionNumber: zText().nullable(),
  decidedOn: zText().nullable(),
  decisionContent: zText().nullable(),
  servedOn: zText().nullable(),
  /** the unit's report while decided or returned (30 calendar days from receipt), 正常/临期/逾期 */
  due: DueView.nullable(),
  closedOn: zText().nullable(),
  withdrawnReason: zText().nullable(),
  reports: z.array(RectificationView),
  abilities: z.object({
    canEdit: z.boolean(),
    canSubmit: z.boolean(),
    canRecord: z.boolean(),
    canReport: z.boolean(),
    canReview: z.boolean(),
    canWithdraw: z.boolean(),
    canPrintDecision: z.boolean(),
  }),
});
export type DecisionView = z.infer<typeof DecisionView>;
export const DecisionPage = pageOf(DecisionView);

/** A decision as a case's page shows it (cases module, through supervision.public.ts). */
export const CaseDecisionView = z.object({
  id: z.number(),
  kind: z.enum(DECISION_KINDS),
  kindLabel: zText(),
  decisionNumber: zText(),
  decidedOn: zText(),
  noticeNumber: zText().nullable(),
  stateLabel: zText(),
});
export type CaseDecisionView = z.infer<typeof CaseDecisionView>;
