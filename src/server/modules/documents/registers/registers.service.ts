/**
 * 发文登记: registers per organisation (博司监, 博司评 …), numbers taken in the issuing transaction
 * (gapless, never reused, safe under concurrent issues), the register book of what was issued and
 * withdrawal, which keeps the number. Every write is audited.
 */
import { formatDocNo, todayInShanghai } from '../../../../common/format.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan, can, isInScope } from '../../../lib/access.ts';
import { isUniqueViolation } from '../../../lib/db-errors.ts';
import { AppError, conflict, invalid, notFound } from '../../../lib/errors.ts';
import type { SheetModel } from '../../../lib/xlsx.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findOrgById } from '../../org/org.repository.ts';
import { describeRecord } from '../documents.kinds.ts';
import {
  findAllIssuedDocuments,
  findIssuedBySource,
  findIssuedDocuments,
  findMaxSequence,
  findNearestRegister,
  findRegisterByCode,
  findRegisters,
  type IssuedRow,
  insertIssuedDocument,
  insertRegister,
  markWithdrawnRow,
  type RegisterRow,
  setNextNumber,
  takeNextSequence,
  updateRegisterRow,
} from './registers.repository.ts';
import type {
  IssuedDocumentView,
  IssuedListQuery,
  RegisterCreateBody,
  RegisterUpdateBody,
  RegisterView,
} from './registers.schema.ts';

type AuditActor = Pick<Actor, 'id' | 'displayName' | 'orgId' | 'ip'> | null;

/** A record of another domain that a register entry or a sign-off belongs to. */
export interface DocumentSource {
  domain: string;
  recordType: string;
  recordId: number;
}

const currentYear = () => Number(todayInShanghai(new Date()).slice(0, 4));

/** Next number of an organisation's register in the caller's transaction: gapless, never reused, concurrency-safe. */
export async function takeDocumentNumber(
  trx: Db,
  input: { orgId: number; registerCode: string; year: number },
): Promise<{ sequence: number; number: string }> {
  const register = await findRegisterByCode(trx, input.orgId, input.registerCode);
  if (!register) {
    const org = await findOrgById(trx, input.orgId);
    throw conflict(
      `${org?.name ?? '发文单位'}未设置“${input.registerCode}”发文登记簿，请管理员先在发文登记簿中设置`,
    );
  }
  if (!register.is_active) throw conflict(`发文登记簿“${register.name}”已停用，不能编号`);
  const sequence = await takeNextSequence(trx, register.id, input.year);
  return { sequence, number: formatDocNo({ prefix: register.prefix, year: input.year, seq: sequence }) };
}

/** Records an issued document in the register (发文登记簿) in the same transaction. */
export async function recordIssuedDocument(
  trx: Db,
  actor: AuditActor,
  input: {
    orgId: number;
    registerCode: string;
    number: string;
    sequence: number;
    year: number;
    title: string;
    recipient: string;
    issuedOn: string;
    signedBy?: string | null;
    source: DocumentSource;
  },
): Promise<{ id: number }> {
  const register = await findRegisterByCode(trx, input.orgId, input.registerCode);
  if (!register) throw conflict(`未设置“${input.registerCode}”发文登记簿`);
  try {
    const { id } = await insertIssuedDocument(trx, {
      register_id: register.id,
      org_id: input.orgId,
      year: input.year,
      sequence: input.sequence,
      number: input.number,
      title: input.title,
      recipient: input.recipient,
      issued_on: input.issuedOn,
      signed_by: input.signedBy ?? null,
      source_domain: input.source.domain,
      source_record_type: input.source.recordType,
      source_record_id: input.source.recordId,
      created_by: actor?.id ?? null,
    });
    await recordAudit(trx, actor, {
      action: 'document.issue',
      entityType: 'issued_document',
      entityId: id,
      orgId: input.orgId,
      after: { ...input },
    });
    return { id };
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`文号${input.number}已登记，文号不能重复使用`);
    throw error;
  }
}

/** Marks a register entry withdrawn (keeps its number): the newest issued entry of the record. */
export async function markDocumentWithdrawn(
  trx: Db,
  actor: AuditActor,
  input: DocumentSource & { reason: string },
): Promise<void> {
  const row = await findIssuedBySource(trx, input);
  if (row?.status !== 'issued') throw notFound('已发文登记');
  await markWithdrawnRow(trx, row.id, input.reason);
  await recordAudit(trx, actor, {
    action: 'document.withdraw',
    entityType: 'issued_document',
    entityId: row.id,
    orgId: row.org_id,
    before: { number: row.number, status: row.status },
    after: { status: 'withdrawn', reason: input.reason },
  });
}

const STATUS_LABELS = { issued: '已发文', withdrawn: '已撤回' } as const;

function presentIssued(row: IssuedRow): IssuedDocumentView {
  return {
    id: row.id,
    registerId: row.register_id,
    registerName: row.register_name,
    orgId: row.org_id,
    orgName: row.org_name,
    year: row.year,
    sequence: row.sequence,
    number: row.number,
    title: row.title,
    recipient: row.recipient,
    issuedOn: row.issued_on,
    signedBy: row.signed_by,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    withdrawnReason: row.withdrawn_reason,
    source: {
      domain: row.source_domain,
      recordType: row.source_record_type,
      recordId: row.source_record_id,
      ...describeRecord(row.source_record_type, row.source_record_id),
    },
  };
}

/** The newest register entry of a record (to print its number), or null before it is issued. */
export async function findIssuedDocument(db: Db, source: DocumentSource): Promise<IssuedDocumentView | null> {
  const row = await findIssuedBySource(db, source);
  return row ? presentIssued(row) : null;
}

/**
 * Which organisation numbers a record of `registerCode` for `orgId`: the register of the
 * organisation itself or its nearest ancestor, else the first in its county; null when none is set.
 */
export async function findIssuingRegister(
  db: Db,
  input: { orgId: number; registerCode: string },
): Promise<{ registerId: number; orgId: number; orgName: string; prefix: string; name: string } | null> {
  const org = await findOrgById(db, input.orgId);
  if (!org) return null;
  const register = await findNearestRegister(db, org.path, input.registerCode);
  return register
    ? {
        registerId: register.id,
        orgId: register.org_id,
        orgName: register.org_name,
        prefix: register.prefix,
        name: register.name,
      }
    : null;
}

function presentRegister(actor: Actor, row: RegisterRow, year: number): RegisterView {
  const nextNumber = row.next_number ?? 1;
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    code: row.code,
    name: row.name,
    prefix: row.prefix,
    isActive: row.is_active,
    year,
    nextNumber,
    nextDocumentNumber: formatDocNo({ prefix: row.prefix, year, seq: nextNumber }),
    canManage: can(actor, 'document.manage'),
  };
}

/** The registers in the reader's scope with their next number in `year` (this year by default). */
export async function listRegisters(db: Db, actor: Actor, query: { year?: number | undefined }) {
  assertCan(actor, 'document.read');
  const year = query.year ?? currentYear();
  const rows = await findRegisters(db, { scopePaths: actor.scopePaths, year });
  return rows.map((row) => presentRegister(actor, row, year));
}

async function getRegisterInScope(db: Db, actor: Actor, id: number, year: number) {
  const [row] = await findRegisters(db, { scopePaths: actor.scopePaths, year, id });
  if (!row) throw notFound('发文登记簿');
  return row;
}

/** Sets up a register for an organisation in the manager's scope. */
export async function createRegister(db: Db, actor: Actor, body: RegisterCreateBody): Promise<RegisterView> {
  assertCan(actor, 'document.manage');
  const org = await findOrgById(db, body.orgId);
  if (!org || !isInScope(actor, org.path)) throw notFound('发文单位');
  const id = await db.transaction().execute(async (trx) => {
    try {
      const register = await insertRegister(trx, {
        org_id: org.id,
        code: body.code,
        name: body.name,
        prefix: body.prefix,
      });
      await recordAudit(trx, actor, {
        action: 'document_register.create',
        entityType: 'document_register',
        entityId: register.id,
        orgId: org.id,
        after: body,
      });
      return register.id;
    } catch (error) {
      if (isUniqueViolation(error))
        throw invalid([{ field: 'code', message: `${org.name}已有代码为 ${body.code} 的登记簿` }]);
      throw error;
    }
  });
  const year = currentYear();
  return presentRegister(actor, await getRegisterInScope(db, actor, id, year), year);
}

/**
 * Renames a register, changes its prefix, (de)activates it or sets the next number of a year; the
 * next number never goes back to one already issued (numbers are never reused).
 */
export async function updateRegister(
  db: Db,
  actor: Actor,
  id: number,
  body: RegisterUpdateBody,
): Promise<RegisterView> {
  assertCan(actor, 'document.manage');
  const year = body.year ?? currentYear();
  const before = await getRegisterInScope(db, actor, id, year);
  if (body.year !== undefined && body.nextNumber === undefined) {
    throw invalid([{ field: 'nextNumber', message: '设置年度时请同时填写下一个文号' }]);
  }
  await db.transaction().execute(async (trx) => {
    if (body.nextNumber !== undefined) {
      // set first: the upsert waits for (and then holds) the counter's lock, so an issue running
      // now has committed its entry before the floor is checked, and none can start until we end
      await setNextNumber(trx, id, year, body.nextNumber);
      const issued = await findMaxSequence(trx, id, year);
      if (body.nextNumber <= issued) {
        throw invalid([
          {
            field: 'nextNumber',
            message: `${year}年已发至第 ${issued} 号，下一个文号不能小于 ${issued + 1}`,
          },
        ]);
      }
    }
    await updateRegisterRow(trx, id, {
      ...(body.name !== undefined && { name: body.name }),
      ...(body.prefix !== undefined && { prefix: body.prefix }),
      ...(body.isActive !== undefined && { is_active: body.isActive }),
    });
    await recordAudit(trx, actor, {
      action: 'document_register.update',
      entityType: 'document_register',
      entityId: id,
      orgId: before.org_id,
      before: {
        name: before.name,
        prefix: before.prefix,
        isActive: before.is_active,
        year,
        nextNumber: before.next_number ?? 1,
      },
      after: body,
    });
  });
  return presentRegister(actor, await getRegisterInScope(db, actor, id, year), year);
}

/** A page of the register book (发文登记簿) in the reader's scope. */
export async function listIssuedDocuments(db: Db, actor: Actor, query: IssuedListQuery) {
  assertCan(actor, 'document.read');
  const { rows, total } = await findIssuedDocuments(db, { scopePaths: actor.scopePaths, ...query });
  return { items: rows.map(presentIssued), total, page: query.page, pageSize: query.pageSize };
}

/** Rows per register-book export. */
export const REGISTER_EXPORT_MAX_ROWS = 10_000;

/** The register book as a sheet, in register and number order (what the office prints and files). */
export async function exportIssuedDocuments(
  db: Db,
  actor: Actor,
  query: Omit<IssuedListQuery, 'page' | 'pageSize'>,
): Promise<SheetModel> {
  assertCan(actor, 'document.read');
  const rows = await findAllIssuedDocuments(
    db,
    { scopePaths: actor.scopePaths, ...query },
    REGISTER_EXPORT_MAX_ROWS,
  );
  if (rows.length === REGISTER_EXPORT_MAX_ROWS) {
    throw new AppError(
      'VALIDATION_FAILED',
      `一次最多导出 ${REGISTER_EXPORT_MAX_ROWS} 条，请按年度或登记簿筛选`,
    );
  }
  return {
    name: '发文登记簿',
    columns: [
      { header: '登记簿', width: 16 },
      { header: '文号', width: 22 },
      { header: '标题', width: 48 },
      { header: '主送', width: 28 },
      { header: '发文日期', width: 12 },
      { header: '签发人', width: 10 },
      { header: '所属记录', width: 16 },
      { header: '状态', width: 8 },
      { header: '撤回原因', width: 24 },
    ],
    rows: rows.map((row) => {
      const view = presentIssued(row);
      return [
        `${row.org_name} ${row.register_name}`,
        view.number,
        view.title,
        view.recipient,
        view.issuedOn,
        view.signedBy ?? '',
        `${view.source.label} #${view.source.recordId}`,
        view.statusLabel,
        view.withdrawnReason ?? '',
      ];
    }),
  };
}
