/**
 * 协调意见书 (第七条 "经协调达成一致意见的，出具书面协调意见"): the supervisor drafts it, sends it for
 * sign-off, a leader of the bureau signs it (and it takes its number from the bureau's register)
 * or returns it, the supervisor serves it on every party. A served opinion is never edited: a new
 * draft supersedes it, and once that is served the parties confirm execution again.
 */

import { COORDINATION_REGISTER_SUFFIX } from '../../../../common/coordination.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan, isInScope } from '../../../lib/access.ts';
import { conflict, forbidden, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { loadWorkCalendar } from '../../calendar/calendar.service.ts';
import { renderOfficialDocx, takeDocumentNumber } from '../coordination.documents.ts';
import {
  findDocumentById,
  findJusticeBureau,
  insertDocument,
  lockDispute,
  updateDocumentRow,
} from './disputes.repository.ts';
import { changeManagedDispute, getDispute, startExecution } from './disputes.service.ts';
import { type LoadedDispute, loadVisibleDispute } from './disputes.view.ts';
import { buildCoordinationOpinion } from './opinion.build.ts';

/** A document of this dispute, else NOT_FOUND. */
async function documentOf(db: Db, disputeId: number, documentId: number) {
  const document = await findDocumentById(db, documentId);
  if (!document || document.dispute_id !== disputeId) throw notFound('文书');
  return document;
}

/** A new draft; when an opinion is in force, the draft supersedes it. One draft at a time. */
export async function createOpinionDraft(
  db: Db,
  actor: Actor,
  id: number,
  body: { title: string; body: string },
  today: string,
) {
  await changeManagedDispute(
    db,
    actor,
    id,
    ['consulting', 'served'],
    '当前阶段不能起草协调意见书',
    async (trx, { row }) => {
      const open = await trx
        .selectFrom('coordination_document')
        .select(['id', 'status'])
        .where('dispute_id', '=', id)
        .where('kind', '=', 'opinion')
        .where('status', 'in', ['draft', 'pending_sign', 'signed'])
        .executeTakeFirst();
      if (open) throw conflict('已有未送达的协调意见书，请在其上修改');
      const inForce = await trx
        .selectFrom('coordination_document')
        .select('id')
        .where('dispute_id', '=', id)
        .where('kind', '=', 'opinion')
        .where('status', '=', 'served')
        .executeTakeFirst();
      const document = await insertDocument(trx, {
        dispute_id: id,
        kind: 'opinion',
        status: 'draft',
        title: body.title,
        body: body.body,
        number: null,
        decided_on: null,
        supersedes_id: inForce?.id ?? null,
        created_by: actor.id,
        signed_by: null,
        signed_on: null,
        sign_comment: null,
        served_on: null,
      });
      await recordAudit(trx, actor, {
        action: 'coordination.opinion_draft',
        entityType: 'coordination_document',
        entityId: document.id,
        orgId: row.applicant_org_id,
        after: { disputeId: id, supersedesId: inForce?.id ?? null, ...body },
      });
    },
  );
  return getDispute(db, actor, id, today);
}

/** Edits a draft; anything sent for sign-off, signed or served is refused. */
export async function updateOpinionDraft(
  db: Db,
  actor: Actor,
  id: number,
  documentId: number,
  body: { title: string; body: string },
  today: string,
) {
  await changeManagedDispute(
    db,
    actor,
    id,
    ['consulting', 'served'],
    '当前阶段不能修改协调意见书',
    async (trx, { row }) => {
      const document = await documentOf(trx, id, documentId);
      if (document.status === 'served' || document.status === 'superseded')
        throw conflict('已送达的文书不能修改，只能另行出具新的文书替代');
      if (document.status !== 'draft') throw conflict('协调意见书已送签，不能修改');
      await updateDocumentRow(trx, documentId, { title: body.title, body: body.body });
      await recordAudit(trx, actor, {
        action: 'coordination.opinion_update',
        entityType: 'coordination_document',
        entityId: documentId,
        orgId: row.applicant_org_id,
        before: { title: document.title, body: document.body },
        after: body,
      });
    },
  );
  return getDispute(db, actor, id, today);
}

/**
 * 送签: the draft waits for a leader's signature. (documents.public.ts requestSignOff when the
 * shared layer lands; until then the document's own status is the request.)
 */
export async function submitOpinion(db: Db, actor: Actor, id: number, documentId: number, today: string) {
  await changeManagedDispute(
    db,
    actor,
    id,
    ['consulting', 'served'],
    '当前阶段不能送签协调意见书',
    async (trx, { row }) => {
      const document = await documentOf(trx, id, documentId);
      if (document.kind !== 'opinion' || document.status !== 'draft') throw conflict('只有草稿可以送签');
      await updateDocumentRow(trx, documentId, { status: 'pending_sign', sign_comment: null });
      await trx
        .updateTable('coordination_dispute')
        .set({ status: 'signing', updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      await recordAudit(trx, actor, {
        action: 'coordination.opinion_submit',
        entityType: 'coordination_document',
        entityId: documentId,
        orgId: row.applicant_org_id,
        before: { disputeStatus: row.status },
      });
    },
  );
  return getDispute(db, actor, id, today);
}

/** The dispute's state once an opinion leaves sign-off unsigned: still served if one is in force. */
async function stateWithoutPendingOpinion(trx: Db, id: number) {
  const inForce = await trx
    .selectFrom('coordination_document')
    .select('id')
    .where('dispute_id', '=', id)
    .where('kind', '=', 'opinion')
    .where('status', '=', 'served')
    .executeTakeFirst();
  return inForce ? 'served' : 'consulting';
}

/**
 * 签发: a leader whose scope covers the county signs (the opinion takes its number, e.g.
 * 博司协〔2026〕3号) or returns it with a comment (back to draft).
 */
export async function signOpinion(
  db: Db,
  actor: Actor,
  id: number,
  documentId: number,
  body: { decision: 'sign' } | { decision: 'return'; comment: string },
  today: string,
) {
  assertCan(actor, 'coordination.sign');
  const loaded: LoadedDispute = await loadVisibleDispute(db, actor, id);
  if (!isInScope(actor, loaded.row.county_path)) throw forbidden('只有司法局负责人可以签发协调意见书');
  const bureau = await findJusticeBureau(db, loaded.row.county_path);
  await db.transaction().execute(async (trx) => {
    const locked = await lockDispute(trx, id);
    const document = await documentOf(trx, id, documentId);
    if (locked?.status !== 'signing' || document.status !== 'pending_sign')
      throw conflict('该协调意见书不在待签发状态');
    if (body.decision === 'return') {
      await updateDocumentRow(trx, documentId, { status: 'draft', sign_comment: body.comment });
      await trx
        .updateTable('coordination_dispute')
        .set({ status: await stateWithoutPendingOpinion(trx, id), updated_at: new Date() })
        .where('id', '=', id)
        .execute();
    } else {
      const { number } = await takeDocumentNumber(trx, {
        orgId: loaded.row.county_org_id,
        registerCode: `${bureau?.doc_prefix ?? ''}${COORDINATION_REGISTER_SUFFIX}`,
        year: Number(today.slice(0, 4)),
      });
      await updateDocumentRow(trx, documentId, {
        status: 'signed',
        number,
        signed_by: actor.id,
        signed_on: today,
      });
    }
    await recordAudit(trx, actor, {
      action: body.decision === 'sign' ? 'coordination.opinion_sign' : 'coordination.opinion_return',
      entityType: 'coordination_document',
      entityId: documentId,
      orgId: loaded.row.applicant_org_id,
      after: body,
    });
  });
  return getDispute(db, actor, id, today);
}

/** 送达: the signed opinion is served on every party; one it supersedes is superseded. */
export async function serveOpinion(
  db: Db,
  actor: Actor,
  id: number,
  documentId: number,
  body: { servedOn: string },
  today: string,
) {
  if (body.servedOn > today) throw invalid([{ field: 'servedOn', message: '送达日期不能晚于今天' }]);
  const calendar = await loadWorkCalendar(db);
  await changeManagedDispute(
    db,
    actor,
    id,
    ['signing'],
    '只有已签发的协调意见书可以送达',
    async (trx, { row }) => {
      const document = await documentOf(trx, id, documentId);
      if (document.status !== 'signed') throw conflict('只有已签发的协调意见书可以送达');
      if (document.signed_on && body.servedOn < document.signed_on)
        throw invalid([{ field: 'servedOn', message: '送达日期不能早于签发日期' }]);
      await updateDocumentRow(trx, documentId, { status: 'served', served_on: body.servedOn });
      if (document.supersedes_id)
        await updateDocumentRow(trx, document.supersedes_id, { status: 'superseded' });
      await startExecution(trx, id, 'served', calendar.addWorkingDays(body.servedOn, row.execution_days));
      await recordAudit(trx, actor, {
        action: 'coordination.opinion_serve',
        entityType: 'coordination_document',
        entityId: documentId,
        orgId: row.applicant_org_id,
        after: { ...body, number: document.number, supersedesId: document.supersedes_id },
      });
    },
  );
  return getDispute(db, actor, id, today);
}

/** The opinion as Word (a draft prints without number and date: the editor's preview). */
export async function opinionDocx(db: Db, actor: Actor, id: number, documentId: number) {
  assertCan(actor, 'coordination.read');
  const { row, parties } = await loadVisibleDispute(db, actor, id);
  const document = await documentOf(db, id, documentId);
  if (document.kind !== 'opinion') throw notFound('协调意见书');
  const bureau = await findJusticeBureau(db, row.county_path);
  const content = buildCoordinationOpinion({
    bureauName: bureau?.name ?? '司法局',
    number: document.number,
    title: document.title,
    body: document.body,
    matter: row.matter,
    filedOn: row.filed_on,
    applicantName: row.applicant_name,
    respondentNames: parties.filter((party) => party.role === 'respondent').map((party) => party.org_name),
    signedOn: document.signed_on,
  });
  return {
    fileName: `${document.number ?? '协调意见书（草稿）'}.docx`,
    bytes: await renderOfficialDocx(content),
    content,
  };
}
