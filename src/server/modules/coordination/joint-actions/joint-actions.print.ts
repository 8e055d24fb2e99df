/** The joint action's Word documents (建议书, 方案, 总结) and the list as a sheet. */
import type { Db } from '../../../db/database.ts';
import type { Actor } from '../../../lib/access.ts';
import type { SheetModel } from '../../../lib/xlsx.ts';
import { renderOfficialDocx } from '../../documents/documents.public.ts';
import { coordinationPrefixOf } from '../coordination.documents.ts';
import { findJusticeBureau } from '../disputes/disputes.repository.ts';
import { buildJointPlan, buildJointProposal, buildJointSummary } from './joint-action.build.ts';
import type { JointSummary } from './joint-actions.schema.ts';
import { getJointAction, loadVisibleJoint } from './joint-actions.service.ts';

export const JOINT_DOCUMENT_KINDS = { proposal: '建议书', plan: '方案', summary: '总结' } as const;
export type JointDocumentKind = keyof typeof JOINT_DOCUMENT_KINDS;

const BUILDERS = { proposal: buildJointProposal, plan: buildJointPlan, summary: buildJointSummary };

/** One of the action's documents as DOCX, for any reader of the action. */
export async function jointDocx(db: Db, actor: Actor, id: number, kind: JointDocumentKind, today: string) {
  const { row } = await loadVisibleJoint(db, actor, id);
  const action = await getJointAction(db, actor, id);
  const bureau = await findJusticeBureau(db, row.county_path);
  const content = BUILDERS[kind]({
    bureauName: bureau?.name ?? '司法局',
    numberPrefix: bureau ? await coordinationPrefixOf(db, bureau.id) : null,
    action,
    today,
  });
  const name =
    kind === 'proposal' && action.proposalNumber
      ? action.proposalNumber
      : `${action.title}${JOINT_DOCUMENT_KINDS[kind]}`;
  return { fileName: `${name}.docx`, bytes: await renderOfficialDocx(content) };
}

/** The list as a sheet (pure). */
export function buildJointSheet(items: readonly JointSummary[]): SheetModel {
  return {
    name: '联合执法',
    columns: [
      { header: '行动名称', width: 36 },
      { header: '第八条情形', width: 40 },
      { header: '发起部门', width: 24 },
      { header: '参与部门', width: 36 },
      { header: '开始日期', width: 12 },
      { header: '结束日期', width: 12 },
      { header: '状态', width: 14 },
      { header: '建议书文号', width: 20 },
      { header: '已确认/有异议', width: 14 },
      { header: '检查次数', width: 10 },
      { header: '查处案件', width: 10 },
    ],
    rows: items.map((item) => [
      item.title,
      item.situationLabel,
      item.initiatingOrgName,
      item.participantNames.join('、'),
      item.startsOn,
      item.endsOn,
      item.statusLabel,
      item.proposalNumber,
      `${item.confirmedCount}/${item.objectedCount}`,
      item.inspectionCount,
      item.caseCount,
    ]),
  };
}
