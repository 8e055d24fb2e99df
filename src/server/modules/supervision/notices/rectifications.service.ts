/**
 * The unit's written report (落实情况书面报告, 第十五条: within 30 days of receiving the notice or the
 * decision) and its review, the same for a notice and for a decision: the report row and its audit
 * here; the owner's own state change stays with its service, in the same transaction.
 */
import { todayInShanghai } from '../../../../common/format.ts';
import type { Db } from '../../../db/database.ts';
import type { Actor } from '../../../lib/access.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findRectifications, insertRectification, updateRectificationRow } from './notices.repository.ts';

/** What a report belongs to: a notice or a decision, and the organisation its audit entry names. */
export interface ReportOwner {
  of: 'notice_id' | 'decision_id';
  id: number;
  orgId: number;
}

const ownerKey = (owner: ReportOwner) => (owner.of === 'notice_id' ? 'noticeId' : 'decisionId');

/** Stores the unit's report on the owner and audits it (the actions are literals: the audit-label scan reads them). */
export async function submitRectificationReport(trx: Db, actor: Actor, owner: ReportOwner, content: string) {
  const { id } = await insertRectification(trx, {
    notice_id: owner.of === 'notice_id' ? owner.id : null,
    decision_id: owner.of === 'decision_id' ? owner.id : null,
    content,
    submitted_on: todayInShanghai(new Date()),
    submitted_by: actor.id,
  });
  await recordAudit(trx, actor, {
    action:
      owner.of === 'notice_id' ? 'supervision.rectification_submit' : 'supervision.decision_report_submit',
    entityType: 'supervision_rectification',
    entityId: id,
    orgId: owner.orgId,
    after: { [ownerKey(owner)]: owner.id, content },
  });
}

/** Accepts or returns (with the reason) the owner's latest report, audited as the owner's accept/return action. */
export async function reviewLatestRectificationReport(
  trx: Db,
  actor: Actor,
  owner: ReportOwner,
  body: { accept: boolean; reason?: string | undefined },
  today: string,
) {
  const report = (await findRectifications(trx, [owner.id], owner.of)).at(-1)!;
  await updateRectificationRow(trx, report.id, {
    state: body.accept ? 'accepted' : 'returned',
    reviewed_on: today,
    reviewed_by: actor.id,
    return_reason: body.accept ? null : body.reason!,
  });
  await recordAudit(trx, actor, {
    action: body.accept
      ? owner.of === 'notice_id'
        ? 'supervision.rectification_accept'
        : 'supervision.decision_report_accept'
      : owner.of === 'notice_id'
        ? 'supervision.rectification_return'
        : 'supervision.decision_report_return',
    entityType: 'supervision_rectification',
    entityId: report.id,
    orgId: owner.orgId,
    after: owner.of === 'notice_id' ? body : { decisionId: owner.id, ...body },
  });
}
