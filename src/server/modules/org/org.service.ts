import type { Db } from '../../db/database.ts';
import type { Org } from '../../db/schema.ts';
import { type Actor, assertCan, isInScope } from '../../lib/access.ts';
import { isForeignKeyViolation, isUniqueViolation } from '../../lib/db-errors.ts';
import { conflict, invalid, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { ALLOWED_CHILD_KINDS, canContain, ORG_KIND_LABELS } from './org.policy.ts';
import {
  countDependents,
  deleteOrgRow,
  findOrgById,
  findOrgsInScope,
  insertOrg,
  moveSubtree,
  updateOrgRow,
} from './org.repository.ts';
import type { OrgCreateBody, OrgListQuery, OrgUpdateBody, OrgView } from './org.schema.ts';

export function presentOrg(org: Org): OrgView {
  return {
    id: org.id,
    parentId: org.parent_id,
    path: org.path,
    kind: org.kind,
    kindLabel: ORG_KIND_LABELS[org.kind],
    name: org.name,
    shortName: org.short_name,
    uscc: org.uscc,
    docPrefix: org.doc_prefix,
    sortOrder: org.sort_order,
    isActive: org.is_active,
  };
}

/** The organisations the actor may see; officers and reviewers see their own organisation only. */
export async function listOrgs(db: Db, actor: Actor, query: OrgListQuery): Promise<OrgView[]> {
  assertCan(actor, 'org.read');
  if (actor.scopePaths.length === 0) {
    const own = await findOrgById(db, actor.orgId);
    return own ? [presentOrg(own)] : [];
  }
  return (await findOrgsInScope(db, actor.scopePaths, query)).map(presentOrg);
}

/** An org in the actor's scope, or NOT_FOUND (never revealing what exists elsewhere). */
export async function getOrgInScope(db: Db, actor: Actor, id: number): Promise<Org> {
  const org = await findOrgById(db, id);
  if (!org || !(isInScope(actor, org.path) || org.id === actor.orgId)) throw notFound('机构');
  return org;
}

function assertNesting(parent: Org, childKind: Org['kind'], field: string) {
  if (!canContain(parent.kind, childKind)) {
    const allowed = ALLOWED_CHILD_KINDS[parent.kind].map((kind) => ORG_KIND_LABELS[kind]).join('、') || '无';
    throw invalid([
      {
        field,
        message: `${ORG_KIND_LABELS[parent.kind]}“${parent.name}”下不能设立${ORG_KIND_LABELS[childKind]}（可设立：${allowed}）`,
      },
    ]);
  }
}

function mapWriteError(error: unknown): never {
  if (isUniqueViolation(error)) {
    const text = String((error as Error).message);
    if (text.includes('uscc')) throw conflict('统一社会信用代码已被其他机构使用');
    throw conflict('同一上级机构下已有同名机构');
  }
  throw error;
}

export async function createOrg(db: Db, actor: Actor, body: OrgCreateBody): Promise<OrgView> {
  assertCan(actor, 'org.write');
  const parent = await getOrgInScope(db, actor, body.parentId);
  if (!parent.is_active) throw invalid([{ field: 'parentId', message: '上级机构已停用' }]);
  assertNesting(parent, body.kind, 'kind');
  try {
    return await db.transaction().execute(async (trx) => {
      const org = await insertOrg(
        trx,
        {
          parent_id: parent.id,
          kind: body.kind,
          name: body.name,
          short_name: body.shortName ?? null,
          uscc: body.uscc ?? null,
          doc_prefix: body.docPrefix ?? null,
          sort_order: body.sortOrder ?? 0,
        },
        parent.path,
      );
      const view = presentOrg(org);
      await recordAudit(trx, actor, {
        action: 'org.create',
        entityType: 'org',
        entityId: org.id,
        orgId: org.id,
        after: view,
      });
      return view;
    });
  } catch (error) {
    mapWriteError(error);
  }
}

export async function updateOrg(db: Db, actor: Actor, id: number, body: OrgUpdateBody): Promise<OrgView> {
  assertCan(actor, 'org.write');
  const org = await getOrgInScope(db, actor, id);
  if (body.isActive === false && org.is_active) {
    if (actor.scopePaths.includes(org.path)) throw conflict('不能停用您所管辖范围的根机构');
    const dependents = await countDependents(db, org);
    if (dependents.activeChildren > 0)
      throw conflict(`该机构下还有 ${dependents.activeChildren} 个启用的下级机构，请先停用或迁移`);
    if (dependents.activeAccounts > 0)
      throw conflict(`该机构下还有 ${dependents.activeAccounts} 个启用的账号，请先停用或调整`);
  }
  try {
    return await db.transaction().execute(async (trx) => {
      const updated = await updateOrgRow(trx, id, {
        ...(body.name !== undefined && { name: body.name }),
        ...(body.shortName !== undefined && { short_name: body.shortName }),
        ...(body.uscc !== undefined && { uscc: body.uscc }),
        ...(body.docPrefix !== undefined && { doc_prefix: body.docPrefix }),
        ...(body.sortOrder !== undefined && { sort_order: body.sortOrder }),
        ...(body.isActive !== undefined && { is_active: body.isActive }),
      });
      const view = presentOrg(updated);
      const action =
        body.isActive === false ? 'org.deactivate' : body.isActive === true ? 'org.activate' : 'org.update';
      await recordAudit(trx, actor, {
        action,
        entityType: 'org',
        entityId: id,
        orgId: id,
        before: presentOrg(org),
        after: view,
      });
      return view;
    });
  } catch (error) {
    mapWriteError(error);
  }
}

/** Moves an org (and its subtree) under a new parent in the actor's scope, never under itself. */
export async function moveOrg(db: Db, actor: Actor, id: number, parentId: number): Promise<OrgView> {
  assertCan(actor, 'org.write');
  const org = await getOrgInScope(db, actor, id);
  const parent = await getOrgInScope(db, actor, parentId);
  if (actor.scopePaths.includes(org.path)) throw conflict('不能移动您所管辖范围的根机构');
  if (parent.path.startsWith(org.path)) {
    throw invalid([{ field: 'parentId', message: '不能把机构移动到它自己或它的下级机构之下' }]);
  }
  if (parent.id === org.parent_id) return presentOrg(org);
  assertNesting(parent, org.kind, 'parentId');
  const newPath = `${parent.path}${org.id}/`;
  try {
    return await db.transaction().execute(async (trx) => {
      await moveSubtree(trx, org.id, parent.id, org.path, newPath);
      const moved = presentOrg((await findOrgById(trx, org.id))!);
      await recordAudit(trx, actor, {
        action: 'org.move',
        entityType: 'org',
        entityId: id,
        orgId: id,
        before: presentOrg(org),
        after: moved,
      });
      return moved;
    });
  } catch (error) {
    mapWriteError(error);
  }
}

/** Deletes an org created by mistake; one with sub-organisations, accounts or records is deactivated instead. */
export async function deleteOrg(db: Db, actor: Actor, id: number): Promise<void> {
  assertCan(actor, 'org.write');
  const org = await getOrgInScope(db, actor, id);
  if (actor.scopePaths.includes(org.path)) throw conflict('不能删除您所管辖范围的根机构');
  const dependents = await countDependents(db, org);
  if (dependents.children > 0 || dependents.accounts > 0) {
    throw conflict('该机构已有下级机构或账号等历史数据，不能删除，只能停用');
  }
  try {
    await db.transaction().execute(async (trx) => {
      await deleteOrgRow(trx, id);
      await recordAudit(trx, actor, {
        action: 'org.delete',
        entityType: 'org',
        entityId: id,
        orgId: org.parent_id,
        before: presentOrg(org),
      });
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw conflict('该机构已有业务数据，不能删除，只能停用');
    throw error;
  }
}
