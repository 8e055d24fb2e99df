/**
 * 定期通报 (协调监督办法第九条 "定期通报行政执法工作中的有关情况"): the draft text generated from the
 * period's figures (pure), which the bureau edits, and the official-document view-model it prints as.
 */
import { formatChineseDate } from '../../../../common/format.ts';
import type { OfficialDocumentContent } from '../../documents/documents.public.ts';
import { blocksOfText } from '../coordination.documents.ts';
import type { PeriodFigures } from './matters.repository.ts';

/** The generated draft: one heading per kind of work, each with what the records say. */
export function buildCircularDraft(input: {
  countyName: string;
  from: string;
  to: string;
  figures: PeriodFigures;
  caseKindLabels: Readonly<Record<string, string>>;
}): { title: string; body: string } {
  const { figures } = input;
  const filed = figures.casesByKind.reduce((sum, row) => sum + row.filed, 0);
  const closed = figures.casesByKind.reduce((sum, row) => sum + row.closed, 0);
  const byKind = figures.casesByKind
    .map((row) => `${input.caseKindLabels[row.kind] ?? row.kind}${row.filed}件`)
    .join('、');
  const period = `${formatChineseDate(input.from)}至${formatChineseDate(input.to)}`;
  return {
    title: `关于${period}全县行政执法工作情况的通报`,
    body: [
      `根据《博湖县行政执法协调监督工作办法》第九条，现将${period}${input.countyName}行政执法工作有关情况通报如下：`,
      '一、行政执法案件办理情况',
      filed > 0
        ? `期间全县行政执法机关共立案${filed}件（${byKind}），其中已结案${closed}件。`
        : '期间全县行政执法机关未立案办理行政执法案件。',
      '二、行政执法协调情况',
      `受理行政执法职责争议协调申请${figures.disputesFiled}件，执行完毕${figures.disputesConcluded}件；开展联合执法行动${figures.jointStarted}次，完成总结${figures.jointClosed}次。`,
      '三、重大疑难问题研究处理情况',
      `登记重大行政执法事项${figures.mattersRaised}件，协调处理完毕${figures.mattersResolved}件。`,
      '四、工作衔接情况',
      `向人大、监察、司法机关移送案件、反映问题和交流信息共${figures.liaisonSent}件次。`,
      '五、存在的问题',
      figures.violations > 0
        ? `期间有${figures.violations}起违反协调监督办法第二十三条的情形，已按规定处理。`
        : '期间未发现违反协调监督办法第二十三条的情形。',
      '六、下一步工作要求',
      '（请在此填写下一步工作要求。）',
    ].join('\n'),
  };
}

/** The circular as a 公文 to every agency and township (number and date once signed). */
export function buildCircularDocument(input: {
  bureauName: string;
  numberPrefix: string | null;
  number: string | null;
  title: string;
  body: string;
  issuedOn: string | null;
  today: string;
}): OfficialDocumentContent {
  return {
    layout: 'official',
    issuerName: input.bureauName,
    number: input.number,
    numberPrefix: input.numberPrefix,
    title: input.title,
    recipients: ['各乡（镇）人民政府，县人民政府各行政执法部门'],
    body: blocksOfText(input.body),
    signatureOrg: input.bureauName,
    date: input.issuedOn ?? input.today,
    marking: input.number ? null : '未签发稿',
  };
}
