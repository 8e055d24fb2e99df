/**
 * 协调意见书 and the parties' notice of the government's decision as official-document view-models
 * (pure: the renderer in coordination.documents.ts prints them).
 */
import { formatChineseDate } from '../../../../common/format.ts';
import type { OfficialBlock, OfficialDocumentContent } from '../coordination.documents.ts';

export interface OpinionFacts {
  bureauName: string;
  number: string | null;
  title: string;
  /** the editor's text: one paragraph a line; a line starting 一、二、… is a heading */
  body: string;
  matter: string;
  filedOn: string;
  applicantName: string;
  respondentNames: string[];
  signedOn: string | null;
}

const HEADING_PATTERN = /^[一二三四五六七八九十]+、/;

/** Paragraphs from the editor's text: blank lines dropped, 一、… lines as headings. */
export function blocksOfText(text: string): OfficialBlock[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) =>
      HEADING_PATTERN.test(line) ? { type: 'heading', text: line } : { type: 'paragraph', text: line },
    );
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
    date: facts.signedOn,
  };
}
