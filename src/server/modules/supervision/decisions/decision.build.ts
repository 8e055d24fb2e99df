/**
 * The two documents of 第十五条's decision step as official-document view-models (pure): the
 * bureau's request to the county government (请示, an upward document with 签发人) and the
 * government's 行政执法监督决定书 as recorded (its own number and date).
 */
import { formatChineseDate } from '../../../../common/format.ts';
import {
  DECISION_GROUND_LABELS,
  DECISION_KIND_LABELS,
  DECISION_REPORT_DAYS,
  type DecisionGround,
  type DecisionKind,
} from '../../../../common/supervision.ts';
import type { OfficialDocumentContent } from '../../documents/documents.public.ts';

export interface DecisionRequestInput {
  issuerName: string;
  governmentName: string;
  numberPrefix: string;
  requestNumber: string | null;
  signedBy: string | null;
  unitName: string;
  noticeNumber: string;
  noticeIssuedOn: string;
  correctionDueOn: string;
  facts: string;
  requiredCorrection: string;
  ground: DecisionGround;
  requestReason: string;
  proposedKind: DecisionKind;
  requestedOn: string | null;
  today: string;
  isWithdrawn: boolean;
}

export function buildDecisionRequestDocument(input: DecisionRequestInput): OfficialDocumentContent {
  return {
    layout: 'official',
    issuerName: input.issuerName,
    number: input.requestNumber,
    numberPrefix: input.numberPrefix,
    signer: input.signedBy,
    isUpward: true,
    title: `关于提请对${input.unitName}作出行政执法监督决定的请示`,
    recipients: [input.governmentName],
    body: [
      {
        type: 'paragraph',
        text: `${formatChineseDate(input.noticeIssuedOn)}，我局向${input.unitName}制发《行政执法监督通知书》（${input.noticeNumber}），要求其于${formatChineseDate(input.correctionDueOn)}前改正。该单位${DECISION_GROUND_LABELS[input.ground]}。根据《博湖县行政执法协调监督工作办法》第十五条的规定，现提请县人民政府作出行政执法监督决定。`,
      },
      { type: 'heading', level: 1, text: '经查明的事实' },
      { type: 'paragraph', text: input.facts },
      { type: 'heading', level: 1, text: '通知书要求的改正' },
      { type: 'paragraph', text: input.requiredCorrection },
      { type: 'heading', level: 1, text: '报请理由' },
      { type: 'paragraph', text: input.requestReason },
      { type: 'heading', level: 1, text: '建议' },
      {
        type: 'paragraph',
        text: `建议县人民政府对该行政执法行为作出“${DECISION_KIND_LABELS[input.proposedKind]}”的行政执法监督决定，并责令该单位自收到决定书之日起${DECISION_REPORT_DAYS}日内书面报告落实情况。`,
      },
      { type: 'paragraph', text: '妥否，请批示。' },
    ],
    signatureOrg: input.issuerName,
    date: input.requestedOn ?? input.today,
    isWithdrawn: input.isWithdrawn,
    marking: input.requestNumber ? null : '未签发稿',
  };
}

export interface DecisionDocumentInput {
  governmentName: string;
  decisionNumber: string;
  decidedOn: string;
  unitName: string;
  kind: DecisionKind;
  content: string;
  noticeNumber: string;
  facts: string;
}

export function buildDecisionDocument(input: DecisionDocumentInput): OfficialDocumentContent {
  return {
    layout: 'official',
    issuerName: input.governmentName,
    number: input.decisionNumber,
    title: '行政执法监督决定书',
    recipients: [input.unitName],
    body: [
      {
        type: 'paragraph',
        text: `你单位收到《行政执法监督通知书》（${input.noticeNumber}）后未按要求改正。根据《博湖县行政执法协调监督工作办法》第十五条的规定，本府作出如下行政执法监督决定：`,
      },
      { type: 'heading', level: 1, text: '经查明的事实' },
      { type: 'paragraph', text: input.facts },
      { type: 'heading', level: 1, text: `决定：${DECISION_KIND_LABELS[input.kind]}` },
      { type: 'paragraph', text: input.content },
      {
        type: 'paragraph',
        text: `请你单位自收到本决定书之日起${DECISION_REPORT_DAYS}日内，将落实情况书面报告县司法局。`,
      },
    ],
    signatureOrg: input.governmentName,
    date: input.decidedOn,
  };
}
