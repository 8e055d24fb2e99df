/**
 * Misconduct findings about officers (issue 15): 执法过错认定, 执法过错责任追究, 违法违纪被查处,
 * 国家赔偿追偿 and 执法工作惩处 (e.g. 通报批评), recorded by the matter's supervisor from an issued
 * notice or from the county government's recorded decision (协调监督办法第十五条; 第二十三条: 处分 of
 * the persons directly responsible). A finding names an officer of the supervised unit; it is never
 * edited, only withdrawn with a reason. Findings in force feed seed 000 奖惩记录表's columns on the
 * officer's archive and the assessment's proposals (supervision.public.ts).
 */

import { todayInShanghai } from '../../../../common/format.ts';
import { FINDING_KIND_LABELS } from '../../../../common/supervision.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan } from '../../../lib/access.ts';
import { conflict, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findAttendeeOfficers } from '../../officers/officers.public.ts';
import { findDecisionById } from '../decisions/decisions.repository.ts';
import { findNoticeById } from '../notices/notices.repository.ts';
import { canManageMatter, canReadAddressed } from '../supervision.policy.ts';
import {
  type FindingRow,
  findFindingById,
  findFindingsOf,
  insertFinding,
  withdrawFindingRow,
} from './findings.repository.ts';
import type { FindingBody, FindingView } from './findings.schema.ts';

export type FindingSource = { noticeId: number } | { decisionId: number };

/** The document a finding rests on: an issued notice, or a decision the government has made. */
async function findBasis(db: Db, on: FindingSource) {
  if ('noticeId' in on) {
    const notice = await findNoticeById(db, on.noticeId);
    if (!notice) return null;
    return {
      what: '监督通知书',
      ownerPath: notice.owner_path,
      unitPath: notice.unit_path,
      number: notice.number,
      issuedOn: notice.issued_on,
      isInForce: notice.number !== null && notice.state !== 'withdrawn',
    };
  }
  const decision = await findDecisionById(db, on.decisionId);
  if (!decision) return null;
  return {
    what: '监督决定',
    ownerPath: decision.owner_path,
    unitPath: decision.unit_path,
    number: decision.decision_number,
    issuedOn: decision.decided_on,
    isInForce: decision.decision_number !== null,
  };
}

/** The matter's runners, and readers whose scope covers the officer's unit, read a finding. */
function canReadFinding(actor: Actor, row: FindingRow): boolean {
  return (
    canManageMatter(actor, { ownerPath: row.owner_path, unitPaths: [] }) ||
    canReadAddressed(actor, { ownerPath: row.owner_path, unitPath: row.officer_path })
  );
}

function present(actor: Actor, row: FindingRow): FindingView {
  const onDecision = row.decision_id !== null;
  return {
    id: row.id,
    officer: { id: row.officer_id, name: row.officer_name, unitName: row.officer_org_name },
    kind: row.kind,
    kindLabel: FINDING_KIND_LABELS[row.kind],
    foundOn: row.found_on,
    description: row.description,
    basis: {
      kind: onDecision ? 'decision' : 'notice',
      id: onDecision ? row.decision_id! : row.notice_id!,
      number: (onDecision ? row.decision_number : row.notice_number) ?? '',
    },
    withdrawnReason: row.withdrawn_reason,
    abilities: {
      canWithdraw:
        row.withdrawn_at === null && canManageMatter(actor, { ownerPath: row.owner_path, unitPaths: [] }),
    },
  };
}

/** The findings on a notice or a decision the actor reads (those about people in their view). */
export async function listFindings(db: Db, actor: Actor, on: FindingSource) {
  assertCan(actor, 'supervision.read');
  const basis = await findBasis(db, on);
  if (!basis || !canReadAddressed(actor, { ownerPath: basis.ownerPath, unitPath: basis.unitPath }))
    throw notFound('noticeId' in on ? '监督通知书' : '监督决定');
  const rows = await findFindingsOf(db, on);
  return { items: rows.filter((row) => canReadFinding(actor, row)).map((row) => present(actor, row)) };
}

/** Records a finding about an officer of the unit the notice or decision is addressed to. */
export async function recordFinding(db: Db, actor: Actor, on: FindingSource, body: FindingBody) {
  assertCan(actor, 'supervision.manage');
  const basis = await findBasis(db, on);
  if (!basis || !canManageMatter(actor, { ownerPath: basis.ownerPath, unitPaths: [] }))
    throw notFound('noticeId' in on ? '监督通知书' : '监督决定');
  if (!basis.isInForce)
    throw conflict(`${basis.what}尚未印发（或县政府尚未作出决定）或已撤回，不能据此认定执法过错`);
  const [officer] = await findAttendeeOfficers(db, [body.officerId]);
  if (!officer) throw invalid([{ field: 'officerId', message: '执法人员不存在' }]);
  if (!officer.orgPath.startsWith(basis.unitPath))
    throw invalid([{ field: 'officerId', message: `该执法人员不属于${basis.what}的被监督单位` }]);
  if (body.foundOn > todayInShanghai(new Date()))
    throw invalid([{ field: 'foundOn', message: '认定日期不能晚于今天' }]);
  if (basis.issuedOn && body.foundOn < basis.issuedOn)
    throw invalid([{ field: 'foundOn', message: `认定日期不能早于${basis.what}的日期` }]);
  return db.transaction().execute(async (trx) => {
    const { id } = await insertFinding(trx, {
      notice_id: 'noticeId' in on ? on.noticeId : null,
      decision_id: 'decisionId' in on ? on.decisionId : null,
      officer_id: officer.id,
      kind: body.kind,
      found_on: body.foundOn,
      description: body.description,
      created_by: actor.id,
    });
    const view = present(actor, (await findFindingById(trx, id))!);
    await recordAudit(trx, actor, {
      action: 'supervision.finding_record',
      entityType: 'supervision_finding',
      entityId: id,
      orgId: officer.orgId,
      after: view,
    });
    return view;
  });
}

/** Withdraws a finding recorded in error (it leaves the archive; a proposal already made stays for the assessor). */
export async function withdrawFinding(db: Db, actor: Actor, id: number, reason: string) {
  assertCan(actor, 'supervision.manage');
  const row = await findFindingById(db, id);
  if (!row || !canManageMatter(actor, { ownerPath: row.owner_path, unitPaths: [] }))
    throw notFound('执法过错认定');
  return db.transaction().execute(async (trx) => {
    if (!(await withdrawFindingRow(trx, id, reason))) throw conflict('该认定已撤销');
    const view = present(actor, (await findFindingById(trx, id))!);
    await recordAudit(trx, actor, {
      action: 'supervision.finding_withdraw',
      entityType: 'supervision_finding',
      entityId: id,
      before: { withdrawnReason: null },
      after: { withdrawnReason: reason },
    });
    return view;
  });
}
