/** 通报批评 / 通报表扬 (第二十二、二十三条) as an official-document view-model (pure). */
import {
  CIRCULAR_KIND_LABELS,
  CIRCULAR_SITUATION_CLAUSES,
  CIRCULAR_SITUATION_LABELS,
  type CircularSituation,
  circularKindOf,
} from '../../../../common/supervision.ts';
import type { DocumentBlock, OfficialDocumentContent } from '../../documents/documents.public.ts';

export interface CircularDocumentInput {
  issuerName: string;
  numberPrefix: string;
  number: string | null;
  situation: CircularSituation;
  subjectName: string;
  persons: string | null;
  title: string;
  facts: string;
  requirement: string | null;
  /** what the circular cites: 监督通知书（博司监〔2026〕3号）… */
  citations: string[];
  issuedOn: string | null;
  today: string;
  isWithdrawn: boolean;
}

export function buildCircularDocument(input: CircularDocumentInput): OfficialDocumentContent {
  const kind = circularKindOf(input.situation);
  const clause = `《博湖县行政执法协调监督工作办法》${CIRCULAR_SITUATION_CLAUSES[input.situation]}`;
  const who = input.persons ? `${input.subjectName}（${input.persons}）` : input.subjectName;
  const opening =
    kind === 'commendation'
      ? `${who}在行政执法工作中表现突出。根据${clause}的规定，现予以通报表扬。`
      : `${who}存在“${CIRCULAR_SITUATION_LABELS[input.situation]}”的情形。根据${clause}的规定，现予以通报批评。`;
  const body: DocumentBlock[] = [
    { type: 'paragraph', text: opening },
    { type: 'heading', level: 1, text: kind === 'commendation' ? '主要事迹' : '基本情况' },
    { type: 'paragraph', text: input.facts },
  ];
  if (input.citations.length > 0) {
    body.push({ type: 'paragraph', text: `相关文书：${input.citations.join('；')}。` });
  }
  if (input.requirement) {
    body.push({ type: 'heading', level: 1, text: kind === 'commendation' ? '希望' : '有关要求' });
    body.push({ type: 'paragraph', text: input.requirement });
  }
  return {
    layout: 'official',
    issuerName: input.issuerName,
    number: input.number,
    numberPrefix: input.numberPrefix,
    title: input.title || `关于对${input.subjectName}予以${CIRCULAR_KIND_LABELS[kind]}的通报`,
    recipients: ['各乡镇人民政府，县直各行政执法单位'],
    body,
    signatureOrg: input.issuerName,
    date: input.issuedOn ?? input.today,
    isWithdrawn: input.isWithdrawn,
    marking: input.number ? null : '未签发稿',
  };
}
