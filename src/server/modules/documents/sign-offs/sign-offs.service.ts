/**
 * 签发: a domain asks for a leader's sign-off of one of its records; the request waits in the
 * leader's list (and workbench); the leader signs or returns it with a comment, and the owning
 * domain's handler runs in the same transaction (numbering and issuing on sign). Audited.
 */
import { todayInShanghai } from '../../../../common/format.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan, can, isInScope, resolveScopePaths } from '../../../lib/access.ts';
import { isUniqueViolation } from '../../../lib/db-errors.ts';
import { conflict, forbidden, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findAncestry, findOrgById } from '../../org/org.repository.ts';
import { describeRecord } from '../documents.kinds.ts';
import type { DocumentSource } from '../registers/registers.service.ts';
import { type SignOffRequestInfo, signOffHandlerOf } from './sign-offs.handlers.ts';
import {
  findLeaderAccounts,
  findPendingFor,
  findSignOffById,
  findSignOffs,
  findSignOffsBySource,
  insertSignOff,
  lockSignOff,
  type SignOffRow,
  updateSignOffDecision,
} from './sign-offs.repository.ts';
import { SIGN_OFF_STATUS_LABELS, type SignOffListQuery, type SignOffView } from './sign-offs.schema.ts';

/** True when the actor may sign or return this request now. */
function canDecide(
  actor: Actor,
  row: Pick<SignOffRow, 'status' | 'signer_account_id' | 'org_path'>,
): boolean {
  if (row.status !== 'pending' || !can(actor, 'document.sign')) return false;
  return row.signer_account_id === null ? isInScope(actor, row.org_path) : row.signer_account_id === actor.id;
}

export function presentSignOff(actor: Actor, row: SignOffRow): SignOffView {
  return {
    id: row.id,
    domain: row.domain,
    recordType: row.record_type,
    recordId: row.record_id,
    record: describeRecord(row.record_type, row.record_id),
    orgId: row.org_id,
    orgName: row.org_name,
    title: row.title,
    signerAccountId: row.signer_account_id,
    signerName: row.signer_name,
    requestedByName: row.requested_by_name,
    requestedAt: row.requested_at.toISOString(),
    status: row.status,
    statusLabel: SIGN_OFF_STATUS_LABELS[row.status],
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at?.toISOString() ?? null,
    comment: row.comment,
    abilities: { canDecide: canDecide(actor, row) },
  };
}

/** Leaders whose scope covers an organisation: who may sign its documents. */
async function leadersCovering(db: Db, orgPath: string) {
  const leaders = await findLeaderAccounts(db);
  const covering = [];
  for (const leader of leaders) {
    const ancestry = await findAncestry(db, { path: leader.org_path });
    const scope = resolveScopePaths(['leader'], ancestry);
    if (scope.some((prefix) => orgPath.startsWith(prefix))) covering.push(leader);
  }
  return covering;
}

/** The leaders a requester may address a sign-off of `orgId` to. */
export async function listSigners(db: Db, actor: Actor, orgId: number) {
  const org = await findOrgById(db, orgId);
  if (!org || !isInScope(actor, org.path)) throw notFound('单位');
  const leaders = await leadersCovering(db, org.path);
  return leaders.map((leader) => ({ id: leader.id, name: leader.display_name, orgName: leader.org_name }));
}

/**
 * Asks for a leader's sign-off of a record, in the owning domain's transaction. `signerAccountId`
 * names the leader; without it any leader whose scope covers `orgId` may sign. One request of a
 * record waits at a time.
 */
export async function requestSignOff(
  trx: Db,
  actor: Actor,
  input: DocumentSource & { orgId: number; title: string; signerAccountId?: number | null },
): Promise<{ id: number }> {
  signOffHandlerOf(input.recordType);
  const org = await findOrgById(trx, input.orgId);
  if (!org) throw notFound('单位');
  if (input.signerAccountId) {
    const leaders = await leadersCovering(trx, org.path);
    if (!leaders.some((leader) => leader.id === input.signerAccountId)) {
      throw invalid([{ field: 'signerAccountId', message: `所选签发人不是${org.name}的领导，不能签发` }]);
    }
  }
  try {
    const { id } = await insertSignOff(trx, {
      domain: input.domain,
      record_type: input.recordType,
      record_id: input.recordId,
      org_id: input.orgId,
      title: input.title,
      signer_account_id: input.signerAccountId ?? null,
      requested_by: actor.id,
    });
    await recordAudit(trx, actor, {
      action: 'sign_off.request',
      entityType: 'sign_off_request',
      entityId: id,
      orgId: input.orgId,
      after: input,
    });
    return { id };
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('该文件已在等待签发，不能重复提交');
    throw error;
  }
}

/** Withdraws a pending request (the owning domain's draft was deleted or changed), in its transaction. */
export async function cancelSignOff(trx: Db, actor: Actor, source: DocumentSource): Promise<void> {
  const pending = (await findSignOffsBySource(trx, source)).find((row) => row.status === 'pending');
  if (!pending) throw notFound('待签发的请求');
  await updateSignOffDecision(trx, pending.id, {
    status: 'cancelled',
    decided_by: actor.id,
    decided_by_name: actor.displayName,
    comment: null,
  });
  await recordAudit(trx, actor, {
    action: 'sign_off.cancel',
    entityType: 'sign_off_request',
    entityId: pending.id,
    orgId: pending.org_id,
    before: { status: 'pending' },
    after: { status: 'cancelled' },
  });
}

/** Every request of a record, newest first (the owning domain's page shows the sign-off history). */
export async function listSignOffsOfRecord(
  db: Db,
  actor: Actor,
  source: DocumentSource,
): Promise<SignOffView[]> {
  const rows = await findSignOffsBySource(db, source);
  return rows.map((row) => presentSignOff(actor, row));
}

/** The reader's list: `mine` what waits for this leader, `all` every request in scope. */
export async function listSignOffRequests(db: Db, actor: Actor, query: SignOffListQuery) {
  assertCan(actor, query.view === 'mine' ? 'document.sign' : 'document.read');
  const { rows, total } = await findSignOffs(db, {
    scopePaths: actor.scopePaths,
    deciderId: query.view === 'mine' ? actor.id : undefined,
    status: query.view === 'mine' ? (query.status ?? 'pending') : query.status,
    page: query.page,
    pageSize: query.pageSize,
  });
  return {
    items: rows.map((row) => presentSignOff(actor, row)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Pending requests this account may decide (the workbench to-dos). */
export async function findSignOffsAwaiting(db: Db, actor: Actor): Promise<SignOffRow[]> {
  if (!can(actor, 'document.sign')) return [];
  return findPendingFor(db, { scopePaths: actor.scopePaths, deciderId: actor.id });
}

const infoOf = (row: SignOffRow): SignOffRequestInfo => ({
  id: row.id,
  domain: row.domain,
  recordType: row.record_type,
  recordId: row.record_id,
  orgId: row.org_id,
  title: row.title,
  requestedBy: row.requested_by,
});

/** Loads a request the actor may see and decide, locked for the decision, else the reason why not. */
async function lockDecidable(trx: Db, actor: Actor, id: number): Promise<SignOffRow> {
  assertCan(actor, 'document.sign');
  const row = await findSignOffById(trx, id);
  if (!row || !isInScope(actor, row.org_path)) throw notFound('签发请求');
  const locked = await lockSignOff(trx, id);
  if (locked?.status !== 'pending')
    throw conflict(`该文件已${SIGN_OFF_STATUS_LABELS[locked?.status ?? 'cancelled']}，不能再处理`);
  if (!canDecide(actor, row)) throw forbidden('该文件指定由其他领导签发');
  return row;
}

/** The leader signs: the request is closed and the owning domain numbers and issues its record. */
export async function signSignOff(
  db: Db,
  actor: Actor,
  id: number,
  body: { comment?: string | undefined },
  today = todayInShanghai(new Date()),
): Promise<SignOffView> {
  await db.transaction().execute(async (trx) => {
    const row = await lockDecidable(trx, actor, id);
    await updateSignOffDecision(trx, id, {
      status: 'signed',
      decided_by: actor.id,
      decided_by_name: actor.displayName,
      comment: body.comment || null,
    });
    await recordAudit(trx, actor, {
      action: 'sign_off.sign',
      entityType: 'sign_off_request',
      entityId: id,
      orgId: row.org_id,
      before: { status: 'pending' },
      after: {
        status: 'signed',
        comment: body.comment ?? null,
        record: `${row.record_type}#${row.record_id}`,
      },
    });
    await signOffHandlerOf(row.record_type).onSigned(trx, infoOf(row), {
      accountId: actor.id,
      name: actor.displayName,
      signedOn: today,
      actor,
    });
  });
  return presentSignOff(actor, (await findSignOffById(db, id))!);
}

/** The leader returns it with a comment: the owning domain puts its record back for editing. */
export async function returnSignOff(
  db: Db,
  actor: Actor,
  id: number,
  body: { comment: string },
): Promise<SignOffView> {
  await db.transaction().execute(async (trx) => {
    const row = await lockDecidable(trx, actor, id);
    await updateSignOffDecision(trx, id, {
      status: 'returned',
      decided_by: actor.id,
      decided_by_name: actor.displayName,
      comment: body.comment,
    });
    await recordAudit(trx, actor, {
      action: 'sign_off.return',
      entityType: 'sign_off_request',
      entityId: id,
      orgId: row.org_id,
      before: { status: 'pending' },
      after: { status: 'returned', comment: body.comment },
    });
    await signOffHandlerOf(row.record_type).onReturned(trx, infoOf(row), body.comment);
  });
  return presentSignOff(actor, (await findSignOffById(db, id))!);
}
