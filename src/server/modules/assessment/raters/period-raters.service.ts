/**
 * Named raters per period (seed 004 第二章第二条: 局领导班子成员对所有科室进行测评，局主要领导和
 * 分管领导按5:5的比例). The office names, for each rating item, who rates in which rater role. Once
 * an item has named raters only they rate it, each in their named role and over every subject
 * of the period; their sheets are what the board and the to-do list count. An item without
 * names keeps the older rule: leaders rate the subjects in their scope.
 */
import type { Db } from '../../../db/database.ts';
import type { Actor } from '../../../lib/access.ts';
import { invalid } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import {
  assertManagesPeriod,
  assertRecordingOpen,
  countyIdOf,
  getPeriodForActor,
  type PeriodRow,
} from '../assessment.access.ts';
import { catalogueOfPeriod } from '../records/assessment-records.service.ts';
import { findNamedRaters, findRaterCandidates, replaceNamedRaters } from './period-raters.repository.ts';
import type { PeriodRatersBody } from './period-raters.schema.ts';

/** A period's named raters per item: userId → role (an item absent = not named, scope rule applies). */
export async function namedRatersOf(db: Db, periodId: number): Promise<Map<string, Map<number, string>>> {
  const byItem = new Map<string, Map<number, string>>();
  for (const row of await findNamedRaters(db, periodId)) {
    if (!byItem.has(row.item)) byItem.set(row.item, new Map());
    byItem.get(row.item)!.set(row.user_id, row.role);
  }
  return byItem;
}

const countyPathOf = (period: PeriodRow) => `/${countyIdOf(period.org_path)}/`;

/** The rating items with their roles, the named raters and the accounts that may be named. */
export async function getPeriodRaters(db: Db, actor: Actor, periodId: number) {
  const period = await getPeriodForActor(db, actor, periodId);
  assertManagesPeriod(actor, period);
  const catalogue = await catalogueOfPeriod(db, period);
  const items = [...catalogue.items.values()].filter((item) => item.kind === 'rating');
  const named = await findNamedRaters(db, periodId);
  const candidates = await findRaterCandidates(db, countyPathOf(period));
  return {
    items: items.map((item) => ({
      id: item.id,
      label: item.label,
      roles: item.raters.map((role) => ({ role, label: item.raterLabels?.[role] ?? role })),
    })),
    raters: named.map((row) => ({
      item: row.item,
      role: row.role,
      userId: row.user_id,
      name: row.display_name,
      orgName: row.org_name,
    })),
    candidates: candidates.map((row) => ({
      userId: row.id,
      name: row.display_name,
      orgName: row.org_name,
      isLeader: row.roles.includes('leader'),
    })),
  };
}

/** Replaces the named raters; every bad row is refused at its field and nothing is written. */
export async function setPeriodRaters(db: Db, actor: Actor, periodId: number, body: PeriodRatersBody) {
  const period = await getPeriodForActor(db, actor, periodId);
  assertManagesPeriod(actor, period);
  assertRecordingOpen(period);
  const catalogue = await catalogueOfPeriod(db, period);
  const candidates = new Map(
    (await findRaterCandidates(db, countyPathOf(period))).map((row) => [row.id, row]),
  );
  const problems: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  body.raters.forEach((rater, index) => {
    const item = catalogue.items.get(rater.item);
    if (item?.kind !== 'rating') {
      problems.push({ field: `raters.${index}.item`, message: '本方案没有该测评项目' });
      return;
    }
    if (!item.raters.includes(rater.role)) {
      const roles = item.raters.map((role) => item.raterLabels?.[role] ?? role).join('、');
      problems.push({ field: `raters.${index}.role`, message: `评价人身份应为：${roles}` });
    }
    if (!candidates.has(rater.userId)) {
      problems.push({
        field: `raters.${index}.userId`,
        message: '测评人应为本县在用的领导或考核办账号',
      });
    }
    const key = `${rater.item}|${rater.userId}`;
    if (seen.has(key))
      problems.push({ field: `raters.${index}.userId`, message: '同一人在同一测评项目中只能有一个身份' });
    seen.add(key);
  });
  if (problems.length > 0) throw invalid(problems);
  const before = (await findNamedRaters(db, periodId)).map((row) => ({
    item: row.item,
    role: row.role,
    userId: row.user_id,
  }));
  await db.transaction().execute(async (trx) => {
    await replaceNamedRaters(
      trx,
      periodId,
      body.raters.map((rater) => ({ item: rater.item, user_id: rater.userId, role: rater.role })),
      actor.id,
    );
    await recordAudit(trx, actor, {
      action: 'assessment.raters_set',
      entityType: 'assessment_period',
      entityId: periodId,
      orgId: period.org_id,
      before,
      after: body.raters,
    });
  });
  return getPeriodRaters(db, actor, periodId);
}
