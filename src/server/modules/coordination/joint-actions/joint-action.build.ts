/**
 * 联合执法建议书 / 方案 / 总结 as official-document view-models (pure), rendered by the documents
 * domain's GB/T 9704 renderer: the 建议书 as a numbered 公文 to every agency, the 方案 and the 总结 as
 * plain working documents.
 */
import { formatChineseDate } from '../../../../common/format.ts';
import type { DocumentBlock, OfficialDocumentContent } from '../../documents/documents.public.ts';
import { blocksOfText } from '../coordination.documents.ts';
import type { JointView } from './joint-actions.schema.ts';

export interface JointDocumentFacts {
  bureauName: string;
  numberPrefix: string | null;
  action: Pick<
    JointView,
    | 'title'
    | 'situationLabel'
    | 'initiatingOrgName'
    | 'startsOn'
    | 'endsOn'
    | 'places'
    | 'targets'
    | 'proposalNumber'
    | 'proposalIssuedOn'
    | 'participants'
    | 'inspections'
    | 'cases'
    | 'summary'
    | 'closedOn'
    | 'startedOn'
  >;
  today: string;
}

const period = (action: JointDocumentFacts['action']) =>
  `${formatChineseDate(action.startsOn)}至${formatChineseDate(action.endsOn)}`;

function planBlocks(action: JointDocumentFacts['action']): DocumentBlock[] {
  return [
    { type: 'heading', level: 1, text: '发起和参与部门及职责分工' },
    {
      type: 'table',
      header: ['部门', '角色', '职责分工'],
      widths: [3, 1, 6],
      rows: action.participants.map((participant) => [
        participant.orgName,
        participant.role === 'initiator' ? '发起' : '参与',
        participant.duty,
      ]),
    },
    { type: 'heading', level: 1, text: '时间和地点' },
    { type: 'paragraph', text: `行动时间：${period(action)}。` },
    { type: 'paragraph', text: `行动地点：${action.places}` },
    { type: 'heading', level: 1, text: '检查对象和案件' },
    ...blocksOfText(action.targets).map((block) =>
      block.type === 'heading' ? { type: 'paragraph' as const, text: block.text } : block,
    ),
  ];
}

/** 联合执法建议书 (第八条 "提出联合执法的建议，明确发起和参与部门、职责分工等重要事项"). */
export function buildJointProposal(facts: JointDocumentFacts): OfficialDocumentContent {
  const { action } = facts;
  return {
    layout: 'official',
    issuerName: facts.bureauName,
    number: action.proposalNumber,
    numberPrefix: facts.numberPrefix,
    title: `关于开展${action.title}的联合执法建议书`,
    recipients: action.participants.map((participant) => participant.orgName),
    body: [
      {
        type: 'paragraph',
        text: `根据《博湖县行政执法协调监督工作办法》第八条第${action.situationLabel.slice(0, 3)}项（${action.situationLabel.slice(3)}），我局认为有必要开展联合执法，建议由${action.initiatingOrgName}发起，各有关部门参与，开展${action.title}。有关事项如下：`,
      },
      ...planBlocks(action),
      {
        type: 'paragraph',
        text: '请各部门收到本建议书后在系统中确认或提出异议；各部门均确认后，由发起部门组织实施，行动结束后报送总结。',
      },
    ],
    signatureOrg: facts.bureauName,
    date: action.proposalIssuedOn ?? facts.today,
    marking: action.proposalNumber ? null : '未印发稿',
  };
}

/** 联合执法行动方案: the plan as agreed (or as it stands). */
export function buildJointPlan(facts: JointDocumentFacts): OfficialDocumentContent {
  const { action } = facts;
  return {
    layout: 'plain',
    issuerName: action.initiatingOrgName,
    title: `${action.title}联合执法行动方案`,
    recipients: [],
    body: [
      { type: 'paragraph', text: `依据：《博湖县行政执法协调监督工作办法》第八条${action.situationLabel}。` },
      ...planBlocks(action),
      { type: 'heading', level: 1, text: '各部门确认情况' },
      {
        type: 'table',
        header: ['部门', '确认情况', '意见'],
        widths: [3, 2, 5],
        rows: action.participants.map((participant) => [
          participant.orgName,
          participant.responseLabel,
          participant.responseNote ?? '',
        ]),
      },
    ],
    signatureOrg: action.initiatingOrgName,
    date: facts.today,
  };
}

/** 联合执法行动总结: what was inspected, the cases produced, and the summary. */
export function buildJointSummary(facts: JointDocumentFacts): OfficialDocumentContent {
  const { action } = facts;
  return {
    layout: 'plain',
    issuerName: action.initiatingOrgName,
    title: `${action.title}联合执法行动总结`,
    recipients: [facts.bureauName],
    body: [
      {
        type: 'paragraph',
        text: `${action.initiatingOrgName}会同${action.participants
          .filter((participant) => participant.role === 'participant')
          .map((participant) => participant.orgName)
          .join('、')}，于${period(action)}开展${action.title}。现将行动情况总结如下：`,
      },
      { type: 'heading', level: 1, text: '检查情况' },
      action.inspections.length > 0
        ? {
            type: 'table',
            header: ['日期', '地点', '参加部门', '检查情况'],
            widths: [2, 2, 3, 5],
            rows: action.inspections.map((inspection) => [
              formatChineseDate(inspection.heldOn),
              inspection.place,
              inspection.orgNames,
              inspection.findings,
            ]),
          }
        : { type: 'paragraph', text: '本次行动未记录检查。' },
      { type: 'heading', level: 1, text: '查处案件' },
      action.cases.length > 0
        ? {
            type: 'table',
            header: ['案号', '案件名称', '办案部门'],
            widths: [3, 5, 3],
            rows: action.cases.map((linked) => [linked.caseNo, linked.name, linked.orgName]),
          }
        : { type: 'paragraph', text: '本次行动未立案查处案件。' },
      { type: 'heading', level: 1, text: '总结' },
      ...(action.summary
        ? blocksOfText(action.summary)
        : [{ type: 'paragraph' as const, text: '（尚未总结）' }]),
    ],
    signatureOrg: action.initiatingOrgName,
    date: action.closedOn ?? facts.today,
    ...(action.summary ? {} : { marking: '未完成稿' }),
  };
}
