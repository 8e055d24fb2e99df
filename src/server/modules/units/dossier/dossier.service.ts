/**
 * 依法行政档案 (seed 002 三(二)): 考核机关对考核对象逐一建立依法行政档案，动态记录…；考核对象完成…某项工作后，
 * 应当及时向考核机关报送有关资料或信息. The office adds to any unit's dossier, a unit to its own.
 */
import { DOSSIER_ENTRY_KIND_LABELS, DOSSIER_SIDE_LABELS } from '../../../../common/units.ts';
import type { Db } from '../../../db/database.ts';
import type { Actor } from '../../../lib/access.ts';
import { forbidden, invalid } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { isOwnUnit, resolveUnitsActor } from '../units.policy.ts';
import type { DossierEntryBody, DossierEntryView } from '../units.schema.ts';
import { loadVisibleUnit } from '../units.service.ts';
import { findDossierPage, insertDossierEntry } from './dossier.repository.ts';

type EntryRow = Awaited<ReturnType<typeof findDossierPage>>['items'][number];

function presentEntry(row: EntryRow): DossierEntryView {
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: DOSSIER_ENTRY_KIND_LABELS[row.kind],
    title: row.title,
    occurredOn: row.occurred_on,
    content: row.content,
    side: row.added_side,
    sideLabel: DOSSIER_SIDE_LABELS[row.added_side],
    createdByName: row.created_by_name,
  };
}

/** One unit's entries of a year, newest first. */
export async function listDossier(
  db: Db,
  actor: Actor,
  orgId: number,
  query: { year: number; page: number; pageSize: number },
) {
  const ctx = await resolveUnitsActor(db, actor);
  const unit = await loadVisibleUnit(db, ctx, orgId);
  const page = await findDossierPage(db, { unitOrgId: unit.id, ...query });
  return {
    total: page.total,
    page: query.page,
    pageSize: query.pageSize,
    items: page.items.map(presentEntry),
  };
}

/** Adds an entry: the office to any unit of the county, a unit's legal officer or justice office to its own. */
export async function addDossierEntry(
  db: Db,
  actor: Actor,
  orgId: number,
  body: DossierEntryBody,
): Promise<DossierEntryView> {
  const ctx = await resolveUnitsActor(db, actor);
  const unit = await loadVisibleUnit(db, ctx, orgId);
  const own = isOwnUnit(ctx, unit.path);
  if (!ctx.isOffice && !own) throw forbidden('只有考核机关或本单位可以向依法行政档案添加材料');
  if (Number(body.occurredOn.slice(0, 4)) !== body.year)
    throw invalid([{ field: 'occurredOn', message: `日期须在${body.year}年内` }]);
  const side = ctx.isOffice ? 'office' : 'unit';
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await insertDossierEntry(trx, {
      county_org_id: ctx.countyOrgId,
      unit_org_id: unit.id,
      year: body.year,
      kind: body.kind,
      title: body.title,
      occurred_on: body.occurredOn,
      content: body.content || null,
      added_side: side,
      created_by: actor.id,
    });
    await recordAudit(trx, actor, {
      action: 'units.dossier_add',
      entityType: 'unit_dossier_entry',
      entityId: inserted.id,
      orgId: unit.id,
      after: { ...body, side },
    });
    return inserted;
  });
  return presentEntry({ ...row, created_by_name: actor.displayName });
}
