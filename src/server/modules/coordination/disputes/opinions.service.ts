/**
 * 协调意见书 (第七条 "经协调达成一致意见的，出具书面协调意见"): the supervisor drafts it and sends it
 * for sign-off through the documents layer; a leader of the bureau signs it there (it takes its
 * number from the bureau's 博司协 register) or returns it; the supervisor serves it on every party.
 * A served opinion is never edited: a new draft supersedes it, and once that is served the parties
 * confirm execution again.
 */

import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan } from '../../../lib/access.ts';
import { conflict, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { loadWorkCalendar } from '../../calendar/calendar.service.ts';
import {
  registerDocumentKind,
  registerSignOffHandler,
  renderOfficialDocx,
  requestSignOff,
} from '../../documents/documents.public.ts';
import {
  COORDINATION_DOMAIN,
  COORDINATION_RECORD_TYPES,
  coordinationPrefixOf,
  issueCoordinationDocument,
} from '../coordination.documents.ts';
import {
  findDisputeById,
  findDocumentById,
  findJusticeBureau,
  findParties,
  insertDocument,
  lockDispute,
  updateDocumentRow,
} from './disputes.repository.ts';
import { changeManagedDispute, getDispute, startExecution } from './disputes.service.ts';
import { loadVisibleDispute } from './disputes.view.ts';
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

/** 送签: the draft waits in the bureau leaders' 待签发 list (documents layer, 签发). */
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
      const bureau = await findJusticeBureau(trx, row.county_path);
      if (!bureau) throw conflict('本县未设置司法局，不能送签');
      await updateDocumentRow(trx, documentId, { status: 'pending_sign', sign_comment: null });
      await trx
        .updateTable('coordination_dispute')
        .set({ status: 'signing', updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      await requestSignOff(trx, actor, {
        domain: COORDINATION_DOMAIN,
        recordType: COORDINATION_RECORD_TYPES.opinion,
        recordId: documentId,
        orgId: bureau.id,
        title: document.title,
      });
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

/** The opinion and its dispute, locked for the leader's decision; refused unless it waits for sign-off. */
async function lockPendingOpinion(trx: Db, documentId: number) {
  const document = await findDocumentById(trx, documentId);
  if (!document) throw notFound('协调意见书');
  const locked = await lockDispute(trx, document.dispute_id);
  if (locked?.status !== 'signing' || document.status !== 'pending_sign')
    throw conflict('该协调意见书不在待签发状态');
  const dispute = (await findDisputeById(trx, document.dispute_id))!;
  return { document, dispute };
}

registerDocumentKind(COORDINATION_RECORD_TYPES.opinion, {
  label: '协调意见书',
  linkOf: (documentId) => `/coordination/opinions/${documentId}`,
});

/**
 * 签发 (documents layer): a leader whose scope covers the bureau signs — the opinion takes the next
 * number of the bureau's coordination register (博司协〔2026〕3号) and enters the register book in
 * the same transaction — or returns it with a comment (back to draft).
 */
registerSignOffHandler(COORDINATION_RECORD_TYPES.opinion, {
  async onSigned(trx, request, signer) {
    const { document, dispute } = await lockPendingOpinion(trx, request.recordId);
    const parties = await findParties(trx, [dispute.id]);
    const { number } = await issueCoordinationDocument(trx, signer, {
      bureauOrgId: request.orgId,
      recordType: COORDINATION_RECORD_TYPES.opinion,
      recordId: document.id,
      title: document.title,
      recipient: parties.map((party) => party.org_name).join('、'),
    });
    await updateDocumentRow(trx, document.id, {
      status: 'signed',
      number,
      signed_by: signer.accountId,
      signed_on: signer.signedOn,
    });
    await recordAudit(trx, signer.actor, {
      action: 'coordination.opinion_sign',
      entityType: 'coordination_document',
      entityId: document.id,
      orgId: dispute.applicant_org_id,
      after: { number, signedOn: signer.signedOn },
    });
  },
  async onReturned(trx, request, comment) {
    const { document, dispute } = await lockPendingOpinion(trx, request.recordId);
    await updateDocumentRow(trx, document.id, { status: 'draft', sign_comment: comment });
    await trx
      .updateTable('coordination_dispute')
      .set({ status: await stateWithoutPendingOpinion(trx, dispute.id), updated_at: new Date() })
      .where('id', '=', dispute.id)
      .execute();
  },
});

/** Which dispute an opinion belongs to (the register book and the sign-off list link to opinions). */
export async function locateOpinion(db: Db, actor: Actor, documentId: number) {
  assertCan(actor, 'coordination.read');
  const document = await findDocumentById(db, documentId);
  if (!document) throw notFound('协调意见书');
  await loadVisibleDispute(db, actor, document.dispute_id);
  return { disputeId: document.dispute_id };
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

/** The opinion as Word (a draft prints without number, marked 未签发稿: the editor's preview). */
export async function opinionDocx(db: Db, actor: Actor, id: number, documentId: number, today: string) {
  assertCan(actor, 'coordination.read');
  const { row, parties } = await loadVisibleDispute(db, actor, id);
  const document = await documentOf(db, id, documentId);
  if (document.kind !== 'opinion') throw notFound('协调意见书');
  const bureau = await findJusticeBureau(db, row.county_path);
  const content = buildCoordinationOpinion({
    bureauName: bureau?.name ?? '司法局',
    number: document.number,
    numberPrefix: bureau ? await coordinationPrefixOf(db, bureau.id) : null,
    title: document.title,
    body: document.body,
    matter: row.matter,
    filedOn: row.filed_on,
    applicantName: row.applicant_name,
    respondentNames: parties.filter((party) => party.role === 'respondent').map((party) => party.org_name),
    signedOn: document.signed_on,
    today,
  });
  return {
    fileName: `${document.number ?? '协调意见书（草稿）'}.docx`,
    bytes: await renderOfficialDocx(content),
    content,
  };
}
