/**
 * 第十八条: 对于承办不合格案卷较多的行政执法人员及法制审核人员…县司法局可以向负责行政执法证件审定的
 * 上级司法行政部门提出撤销其行政执法资格的意见. The letter as a pure view-model for the shared GB/T 9704
 * renderer: an upward document (上行文) from the organiser, unnumbered until it is sent.
 */
import type { DocumentBlock, OfficialDocumentContent } from '../../documents/documents.public.ts';
import type { ReportCampaign, ReportFile } from './reports.build.ts';

export const REVOCATION_RECIPIENT = '负责行政执法证件审定的上级司法行政部门';

/** The criteria a file lost points on, once each in order (the reasons are in its score sheet). */
function problemsOf(file: ReportFile): string {
  const byNo = new Map(file.deductions.map((item) => [item.no, item.title]));
  if (byNo.size === 0) return '—';
  return [...byNo.entries()]
    .sort(([a], [b]) => a - b)
    .map(([no, title]) => `第${no}项${title}`)
    .join('；');
}

export function buildRevocationLetter(input: {
  campaign: ReportCampaign;
  person: { name: string; roleLabel: string; orgName: string | null };
  files: readonly ReportFile[];
  threshold: number;
  numberPrefix: string | null;
  date: string;
}): OfficialDocumentContent {
  const { campaign, person, files } = input;
  const who = `${person.orgName ? `${person.orgName}` : ''}${person.roleLabel}${person.name}`;
  const body: DocumentBlock[] = [
    {
      type: 'paragraph',
      text: `${campaign.organiserName}组织开展${campaign.name}（${campaign.methodLabel}）。经评查，${who}承办（审核）的案卷中有 ${files.length} 件评定为不合格，达到本次评查确定的 ${input.threshold} 件标准，已由所在单位予以通报批评。`,
    },
    {
      type: 'table',
      header: ['序号', '卷宗号', '案卷名称', '得分', '主要问题'],
      rows: files.map((file, index) => [
        String(index + 1),
        file.caseNo,
        file.name,
        file.score ?? '—',
        problemsOf(file),
      ]),
      widths: [1.6, 3.8, 3, 1.8, 5.4],
    },
    {
      type: 'paragraph',
      text: `根据《行政执法案卷评查办法》第十八条的规定，现提出撤销${person.name}行政执法资格的意见，请予审定。`,
    },
    { type: 'paragraph', text: '妥否，请批示。' },
  ];
  return {
    layout: 'official',
    issuerName: campaign.organiserName,
    // a letter to the higher authority: the 信函-style header with the organiser's name alone
    headerText: campaign.organiserName,
    number: null,
    numberPrefix: input.numberPrefix,
    isUpward: true,
    signer: null,
    title: `关于提请撤销${person.name}行政执法资格的意见`,
    recipients: [REVOCATION_RECIPIENT],
    body,
    attachments: [],
    signatureOrg: campaign.organiserName,
    date: input.date,
    marking: '未签发稿',
  };
}
