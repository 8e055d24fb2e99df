/**
 * 协调意见书 as an official-document view-model (pure): rendered by the documents domain's GB/T 9704
 * renderer. Before sign-off the number prints blank (博司协〔　　〕号) and the date is today's.
 */
import { formatChineseDate } from '../../../../common/format.ts';
import type { OfficialDocumentContent } from '../../documents/documents.public.ts';
import { blocksOfText } from '../coordination.documents.ts';

export interface OpinionFacts {
  bureauName: string;
  number: string | null;
  /** 发文机关代字 printed before issue (博司协) */
  numberPrefix: string | null;
  title: string;
  /** the editor's text: one paragraph a line; a line starting 一、 is a heading, （一） a sub-heading */
  body: string;
  matter: string;
  filedOn: string;
  applicantName: string;
  respondentNames: string[];
  signedOn: string | null;
  /** the day a draft is printed (its date line until it is signed) */
  today: string;
}

/**
 * The 协调意见书 (第七条 "出具书面协调意见"): addressed to every party, opening with the application
 * it answers, then the bureau's text, signed by the bureau on the day of sign-off.
 */
export function buildCoordinationOpinion(facts: OpinionFacts): OfficialDocumentContent {
  const parties = [facts.applicantName, ...facts.respondentNames];
  return {
    layout: 'official',
    issuerName: facts.bureauName,
    number: facts.number,
    numberPrefix: facts.numberPrefix,
    title: facts.title,
    recipients: parties,
    body: [
      {
        type: 'paragraph',
        text: `${facts.applicantName}于${formatChineseDate(facts.filedOn)}就“${facts.matter}”与${facts.respondentNames.join('、')}之间的行政执法职责争议书面申请协调。根据《博湖县行政执法协调监督工作办法》第七条，经审核并组织协调，各方达成一致意见如下：`,
      },
      ...blocksOfText(facts.body),
      {
        type: 'paragraph',
        text: '请各单位按照本协调意见执行，并于规定期限内将执行情况反馈我局。不执行行政执法争议协调处理决定的，依照协调监督办法第二十三条处理。',
      },
    ],
    signatureOrg: facts.bureauName,
    date: facts.signedOn ?? facts.today,
    marking: facts.number ? null : '未签发稿',
  };
}
