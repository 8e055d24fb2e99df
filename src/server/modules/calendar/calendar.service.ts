import { createWorkCalendar, type WorkCalendar } from '../../../common/calendar.ts';
import type { Db } from '../../db/database.ts';
import { type Actor, assertCan } from '../../lib/access.ts';
import { notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { deleteOverride, findOverride, findOverrides, upsertOverride } from './calendar.repository.ts';

const presentOverride = (row: { day: string; is_working_day: boolean; note: string | null }) => ({
  day: row.day,
  isWorkingDay: row.is_working_day,
  note: row.note,
});

/** The statutory calendar with this database's overrides applied: what every deadline uses. */
export async function loadWorkCalendar(db: Db): Promise<WorkCalendar> {
  const overrides = await findOverrides(db);
  return createWorkCalendar(overrides.map((row) => ({ date: row.day, isWorkingDay: row.is_working_day })));
}

export async function listOverrides(db: Db, year?: number) {
  const rows = await findOverrides(db, year ? { from: `${year}-01-01`, to: `${year}-12-31` } : undefined);
  return rows.map(presentOverride);
}

export async function setOverride(
  db: Db,
  actor: Actor,
  day: string,
  input: { isWorkingDay: boolean; note?: string | null | undefined },
) {
  assertCan(actor, 'calendar.write');
  return db.transaction().execute(async (trx) => {
    const before = await findOverride(trx, day);
    await upsertOverride(trx, {
      day,
      is_working_day: input.isWorkingDay,
      note: input.note ?? null,
      updated_by: actor.id,
    });
    const after = { day, isWorkingDay: input.isWorkingDay, note: input.note ?? null };
    await recordAudit(trx, actor, {
      action: 'calendar.override_set',
      entityType: 'calendar_override',
      entityId: day,
      before: before ? presentOverride(before) : null,
      after,
    });
    return after;
  });
}

export async function removeOverride(db: Db, actor: Actor, day: string) {
  assertCan(actor, 'calendar.write');
  await db.transaction().execute(async (trx) => {
    const before = await findOverride(trx, day);
    if (!before) throw notFound('该日期的调整记录');
    await deleteOverride(trx, day);
    await recordAudit(trx, actor, {
      action: 'calendar.override_remove',
      entityType: 'calendar_override',
      entityId: day,
      before: presentOverride(before),
    });
  });
}
