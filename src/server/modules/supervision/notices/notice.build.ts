/**
 * 行政执法监督通知书 as an official-document view-model (pure): rendered by the documents domain's
 * GB/T 9704 renderer. Before issue the number prints blank (〔　　〕号) and the date is today's.
 */
import { formatChineseDate } from '../../../../common/format.ts';
import { NOTICE_REPORT_DAYS } from '../../../../common/supervision.ts';
import type { OfficialDocumentContent } from '../../documents/documents.public.ts';

export interface NoticeDocumentInput {
  issuerName: string;
  numberPrefix: string;
  number: string | null;
  unitName: string;
  facts: string;
  reasons: string;
  legalBasis: string;
  requiredCorrection: string;
  correctionDueOn: string;
  issuedOn: string | null;
  today: string;
  isWithdrawn: boolean;
}

export function buildNoticeDocument(input: NoticeDocumentInput): OfficialDocumentContent {
  return {
    layout: 'official',
    issuerName: input.issuerName,
    number: input.number,
    numberPrefix: input.numberPrefix,
    title: '行政执法监督通知书',
    recipients: [input.unitName],
    body: [
      {
        type: 'paragraph',
        text: `我局在行政执法监督中发现你单位存在以下违法或者不当的行政执法行为。根据《博湖县行政执法协调监督工作办法》第十五条的规定，现通知如下：`,
      },
      { type: 'heading', level: 1, text: '经查明的事实' },
      { type: 'paragraph', text: input.facts },
      { type: 'heading', level: 1, text: '理由和依据' },
      { type: 'paragraph', text: input.reasons },
      { type: 'paragraph', text: `依据：${input.legalBasis}` },
      { type: 'heading', level: 1, text: '改正要求' },
      { type: 'paragraph', text: input.requiredCorrection },
      {
        type: 'paragraph',
        text: `请你单位于${formatChineseDate(input.correctionDueOn)}前改正，并自收到本通知书之日起${NOTICE_REPORT_DAYS}日内将落实情况书面报告我局。逾期不改正的，我局将依法报请县人民政府制发《行政执法监督决定书》。`,
      },
    ],
    signatureOrg: input.issuerName,
    date: input.issuedOn ?? input.today,
    isWithdrawn: input.isWithdrawn,
    marking: input.number ? null : '未签发稿',
  };
}
