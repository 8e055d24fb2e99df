/**
 * The unit's written report (落实情况书面报告, 第十五条: within 30 days of receiving the notice or the
 * decision) and its review, the same for a notice and for a decision: the report row and its audit
 * here; the owner's own state change stays with its service, in the same transaction.
 */
import type { AuditAction } from '../../../../common/audit-labels.ts';
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

/** Stores the unit's report on the owner and audits it as `action`. */
export async function submitRectificationReport(
  trx: Db,
  actor: Actor,
  owner: ReportOwner,
  content: string,
  action: AuditAction,
) {
  const { id } = await insertRectification(trx, {
    notice_id: owner.of === 'notice_id' ? owner.id : null,
    decision_id: owner.of === 'decision_id' ? owner.id : null,
    content,
    submitted_on: todayInShanghai(new Date()),
    submitted_by: actor.id,
  });
  await recordAudit(trx, actor, {
    action,
    entityType: 'supervision_rectification',
    entityId: id,
    orgId: owner.orgId,
    after: { [ownerKey(owner)]: owner.id, content },
  });
}

/** Accepts or returns (with the reason) the owner's latest report, audited as the matching action. */
export async function reviewLatestRectificationReport(
  trx: Db,
  actor: Actor,
  owner: ReportOwner,
  body: { accept: boolean; reason?: string | undefined },
  actions: { accept: AuditAction; return: AuditAction },
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
    action: body.accept ? actions.accept : actions.return,
    entityType: 'supervision_rectification',
    entityId: report.id,
    orgId: owner.orgId,
    after: owner.of === 'notice_id' ? body : { decisionId: owner.id, ...body },
  });
}
