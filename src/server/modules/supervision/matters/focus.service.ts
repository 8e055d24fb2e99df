/**
 * The yearly focus list of supervision (协调监督工作办法 第十二条): the bureau's own list of key
 * fields and topics per year, which it adjusts as problems, 人大代表建议, 政协委员提案, complaints
 * and 热点 come in. Data the bureau edits; a matter may name the item it serves.
 */
import { MATTER_FIELD_LABELS } from '../../../../common/supervision.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan } from '../../../lib/access.ts';
import { isUniqueViolation } from '../../../lib/db-errors.ts';
import { invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { countyIdOf, getActorOrg } from '../supervision.links.ts';
import { findFocusById, findFocusItems, insertFocus, updateFocusRow } from './matters.repository.ts';
import type { FocusBody, FocusUpdateBody, FocusView } from './matters.schema.ts';

type FocusRow = Awaited<ReturnType<typeof findFocusItems>>[number];

function presentFocus(row: FocusRow): FocusView {
  return {
    id: row.id,
    year: row.year,
    field: row.field,
    fieldLabel: MATTER_FIELD_LABELS[row.field],
    title: row.title,
    description: row.description,
    sortOrder: row.sort_order,
    isActive: row.is_active,
    matterCount: Number(row.matter_count ?? 0),
  };
}

const duplicateTitle = () => invalid([{ field: 'title', message: '本年度已有同名的监督重点' }]);

/** The county's focus items, of one year or all, in their order. */
export async function listFocus(db: Db, actor: Actor, year: number | undefined): Promise<FocusView[]> {
  assertCan(actor, 'supervision.read');
  const org = await getActorOrg(db, actor);
  return (await findFocusItems(db, countyIdOf(org.path), year)).map(presentFocus);
}

async function getFocusForWrite(db: Db, actor: Actor, id: number) {
  assertCan(actor, 'supervision.manage');
  const org = await getActorOrg(db, actor);
  const row = await findFocusById(db, id);
  if (!row || row.county_org_id !== countyIdOf(org.path)) throw notFound('年度监督重点');
  return row;
}

async function reload(db: Db, countyId: number, id: number) {
  const rows = await findFocusItems(db, countyId, undefined);
  return presentFocus(rows.find((row) => row.id === id)!);
}

export async function createFocus(db: Db, actor: Actor, body: FocusBody): Promise<FocusView> {
  assertCan(actor, 'supervision.manage');
  const countyId = countyIdOf((await getActorOrg(db, actor)).path);
  try {
    const id = await db.transaction().execute(async (trx) => {
      const { id } = await insertFocus(trx, {
        county_org_id: countyId,
        year: body.year,
        field: body.field,
        title: body.title,
        description: body.description,
        sort_order: body.sortOrder ?? 0,
        is_active: body.isActive ?? true,
        created_by: actor.id,
      });
      await recordAudit(trx, actor, {
        action: 'supervision.focus_create',
        entityType: 'supervision_focus',
        entityId: id,
        after: body,
      });
      return id;
    });
    return reload(db, countyId, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateTitle();
    throw error;
  }
}

export async function updateFocus(
  db: Db,
  actor: Actor,
  id: number,
  body: FocusUpdateBody,
): Promise<FocusView> {
  const row = await getFocusForWrite(db, actor, id);
  try {
    await db.transaction().execute(async (trx) => {
      await updateFocusRow(trx, id, {
        ...(body.year !== undefined && { year: body.year }),
        ...(body.field !== undefined && { field: body.field }),
        ...(body.title !== undefined && { title: body.title }),
        ...(body.description !== undefined && { description: body.description }),
        ...(body.sortOrder !== undefined && { sort_order: body.sortOrder }),
        ...(body.isActive !== undefined && { is_active: body.isActive }),
      });
      await recordAudit(trx, actor, {
        action: 'supervision.focus_update',
        entityType: 'supervision_focus',
        entityId: id,
        before: row,
        after: body,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateTitle();
    throw error;
  }
  return reload(db, row.county_org_id, id);
}
