/**
 * Rectification reports (评查办法第十七条、十二条(九)): a unit with failing files files its 整改情况报告
 * (with the list of attached material) within 10 days of the circular; the organiser accepts it or
 * returns it with the reason, after which the unit files again. Every step is audited.
 */
import { DEADLINE_STATE_LABELS } from '../../../../common/calendar.ts';
import { todayInShanghai } from '../../../../common/format.ts';
import { RECTIFICATION_STATE_LABELS } from '../../../../common/reviews.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan } from '../../../lib/access.ts';
import { conflict, forbidden, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { type LoadedCampaign, loadCampaign, loadManagedCampaign } from '../campaigns/campaigns.service.ts';
import { computeCampaignResults } from '../rechecks/results.service.ts';
import { canActForUnit, canManageCampaign } from '../reviews.policy.ts';
import { RECTIFICATION_STATUS_LABELS, rectificationStatus } from './rectification.rules.ts';
import {
  decideRectificationRow,
  findRectificationAttachments,
  findRectificationById,
  findRectifications,
  insertRectification,
} from './rectifications.repository.ts';
import type {
  RectificationBody,
  RectificationDecisionBody,
  UnitRectification,
} from './rectifications.schema.ts';

function unitOf(loaded: LoadedCampaign, orgId: number) {
  const unit = loaded.units.find((candidate) => candidate.org_id === orgId);
  if (!unit) throw notFound('被评查单位');
  return unit;
}

/** The unit's rectification: whether it owes one, the due day and state, every report filed. */
export async function getUnitRectification(
  db: Db,
  actor: Actor,
  campaignId: number,
  orgId: number,
  today = todayInShanghai(new Date()),
): Promise<UnitRectification> {
  const loaded = await loadCampaign(db, actor, campaignId);
  const unit = unitOf(loaded, orgId);
  const isOrganiser = canManageCampaign(loaded.viewer, { scopePath: loaded.row.scope_path });
  const isUnit = canActForUnit(loaded.viewer, unit.path);
  const isReader = loaded.viewer.readPaths.some(
    (path) => unit.path.startsWith(path) || loaded.row.scope_path.startsWith(path),
  );
  if (!isOrganiser && !isUnit && !isReader) throw notFound('被评查单位');
  const { files } = await computeCampaignResults(db, loaded.row);
  const failingFiles = files.filter(
    (entry) =>
      entry.file.unit_org_id === orgId && entry.result.state === 'final' && entry.result.band === 'fail',
  ).length;
  const published = loaded.row.state === 'published' || loaded.row.state === 'closed';
  const rows = (await findRectifications(db, [campaignId])).filter((row) => row.unit_org_id === orgId);
  const latest = rows.at(-1);
  const attachments = await findRectificationAttachments(
    db,
    rows.map((row) => row.id),
  );
  const status = rectificationStatus(
    {
      failingFiles: published ? failingFiles : 0,
      circularIssuedOn: loaded.row.circular_issued_on,
      latest: latest?.state ?? null,
    },
    today,
  );
  return {
    orgId,
    name: unit.name,
    failingFiles: published ? failingFiles : 0,
    circularNumber: loaded.row.circular_number,
    circularIssuedOn: loaded.row.circular_issued_on,
    status: status.status,
    statusLabel: RECTIFICATION_STATUS_LABELS[status.status],
    dueOn: status.dueOn,
    deadlineState: status.deadlineState,
    deadlineLabel: status.deadlineState ? DEADLINE_STATE_LABELS[status.deadlineState] : null,
    history: rows.map((row) => ({
      id: row.id,
      report: row.report,
      attachmentNames: row.attachment_names,
      attachments: attachments
        .filter((attachment) => attachment.rectification_id === row.id)
        .map((attachment) => ({
          id: attachment.id,
          fileName: attachment.file_name,
          contentType: attachment.content_type,
          sizeBytes: attachment.size_bytes,
          sha256: attachment.sha256,
          createdAt: attachment.created_at.toISOString(),
        })),
      submittedBy: row.submitted_by_name,
      submittedAt: row.submitted_at.toISOString(),
      state: row.state,
      stateLabel: RECTIFICATION_STATE_LABELS[row.state],
      decisionNote: row.decision_note,
      decidedBy: row.decided_by_name,
      decidedAt: row.decided_at?.toISOString() ?? null,
    })),
    abilities: {
      canSubmit: isUnit && (status.status === 'missing' || status.status === 'returned'),
      canDecide: isOrganiser && status.status === 'submitted',
      /** the unit adds material to its report while it waits for the decision */
      canAttach: isUnit && latest?.state === 'submitted',
    },
  };
}

/** The unit files its report (after the circular, when it has failing files and none is pending). */
export async function submitRectification(
  db: Db,
  actor: Actor,
  campaignId: number,
  orgId: number,
  body: RectificationBody,
) {
  assertCan(actor, 'review.unit');
  const current = await getUnitRectification(db, actor, campaignId, orgId);
  if (!current.abilities.canSubmit) {
    const loaded = await loadCampaign(db, actor, campaignId);
    if (!canActForUnit(loaded.viewer, unitOf(loaded, orgId).path)) throw forbidden();
    throw conflict(
      current.status === 'submitted'
        ? '整改报告已报送，等待审核'
        : current.status === 'accepted'
          ? '整改报告已通过'
          : current.status === 'awaiting_circular'
            ? '评查通报发出后再报送整改报告'
            : '本单位没有不合格案卷，无需报送整改报告',
    );
  }
  await db.transaction().execute(async (trx) => {
    const { id } = await insertRectification(trx, {
      campaign_id: campaignId,
      unit_org_id: orgId,
      report: body.report,
      attachment_names: body.attachmentNames,
      submitted_by_id: actor.id,
      submitted_by_name: actor.displayName,
    });
    await recordAudit(trx, actor, {
      action: 'review.rectification.submit',
      entityType: 'review_rectification',
      entityId: id,
      orgId,
      after: { ...body, dueOn: current.dueOn, deadlineState: current.deadlineState },
    });
  });
  return getUnitRectification(db, actor, campaignId, orgId);
}

/** The organiser accepts the report or returns it with the reason. */
export async function decideRectification(
  db: Db,
  actor: Actor,
  campaignId: number,
  orgId: number,
  rectificationId: number,
  body: RectificationDecisionBody,
) {
  const loaded = await loadManagedCampaign(db, actor, campaignId);
  unitOf(loaded, orgId);
  const row = await findRectificationById(db, campaignId, rectificationId);
  if (!row || row.unit_org_id !== orgId) throw notFound('整改报告');
  await db.transaction().execute(async (trx) => {
    const updated = await decideRectificationRow(trx, rectificationId, {
      state: body.decision,
      decision_note: body.note,
      decided_by_name: actor.displayName,
    });
    if (!updated) throw conflict('该整改报告已审核');
    await recordAudit(trx, actor, {
      action: 'review.rectification.decide',
      entityType: 'review_rectification',
      entityId: rectificationId,
      orgId,
      before: { state: row.state },
      after: { state: body.decision, note: body.note },
    });
  });
  return getUnitRectification(db, actor, campaignId, orgId);
}
