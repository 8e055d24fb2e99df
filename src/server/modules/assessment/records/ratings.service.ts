/**
 * 班子测评 (seed 004 第二章第二条): each leader rates every subject on their own sheet, as one of
 * the scheme's rater roles (main / deputy …); the engine averages within a role and weighs the
 * roles. A rater sees and changes only their own sheet, and rates only the subjects they lead
 * (their scope: a bureau-level leader the county, an agency's leader that agency).
 */
import { parseDecimal, parsePeriod } from '../../../../engine/index.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, can, isInScope } from '../../../lib/access.ts';
import { AppError, forbidden, invalid } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { assertRecordingOpen, getPeriodForActor } from '../assessment.access.ts';
import { findSubjectRows } from '../assessment.repository.ts';
import { namedRatersOf } from '../raters/period-raters.service.ts';
import { type CatalogueItem, toEnginePeriod } from '../schemes/scheme-catalogue.ts';
import { findRecords, insertRecord, updateRecordRow } from './assessment-records.repository.ts';
import { catalogueOfPeriod, checkScale } from './assessment-records.service.ts';

/**
 * The rating items the actor rates, each with the role they are named in (null = not named, any
 * of the item's roles) and whether they rate every subject (named) or those in their scope.
 */
async function itemsRatedBy(db: Db, actor: Actor, periodId: number, ratingItems: CatalogueItem[]) {
  const named = await namedRatersOf(db, periodId);
  const rated: { item: CatalogueItem; role: string | null; isNamed: boolean }[] = [];
  for (const item of ratingItems) {
    const names = named.get(item.id);
    if (names) {
      const role = names.get(actor.id);
      if (role !== undefined) rated.push({ item, role, isNamed: true });
    } else if (can(actor, 'assessment.rate')) rated.push({ item, role: null, isNamed: false });
  }
  if (rated.length === 0) throw forbidden('您不是本考核周期的测评人');
  return rated;
}

/** The actor's own rating sheet: the rating items with their rater roles, and the actor's values. */
export async function getMySheet(db: Db, actor: Actor, periodId: number) {
  const period = await getPeriodForActor(db, actor, periodId);
  const catalogue = await catalogueOfPeriod(db, period);
  const ratingItems = [...catalogue.items.values()].filter((item) => item.kind === 'rating');
  const rated = await itemsRatedBy(db, actor, periodId, ratingItems);
  const isNamedAnywhere = rated.some((entry) => entry.isNamed);
  const subjects = (await findSubjectRows(db, periodId)).filter(
    (subject) => isNamedAnywhere || isInScope(actor, subject.org_path),
  );
  const own = await findRecords(db, periodId, { kind: 'rating', status: 'active', createdBy: actor.id });
  return {
    items: rated.map(({ item, role }) => ({
      id: item.id,
      label: item.label,
      raters: role === null ? item.raters : [role],
      raterLabels: item.raterLabels ?? {},
      namedRole: role,
      outOf: item.outOf,
    })),
    rows: subjects.map((subject) => ({
      subjectKey: subject.subject_key,
      name: subject.name,
      ratings: own
        .filter((row) => row.subject_key === subject.subject_key)
        .map((row) => ({ item: row.item, rater: row.rater, value: row.value })),
    })),
  };
}

/** Sets the actor's rating of one subject (one value per rater, subject and rating item). */
export async function putRating(
  db: Db,
  actor: Actor,
  periodId: number,
  body: { subjectKey: string; rater: string; value: string; item?: string | undefined },
) {
  const period = await getPeriodForActor(db, actor, periodId);
  assertRecordingOpen(period);
  const [subject] = await findSubjectRows(db, periodId, [body.subjectKey]);
  if (!subject) throw invalid([{ field: 'subjectKey', message: '考核对象不在本考核周期内' }]);
  const catalogue = await catalogueOfPeriod(db, period);
  const ratingItems = [...catalogue.items.values()].filter((item) => item.kind === 'rating');
  if (ratingItems.length === 0) throw new AppError('CONFLICT', '本方案没有测评项目');
  const rated = await itemsRatedBy(db, actor, periodId, ratingItems);
  const entry = body.item ? rated.find((candidate) => candidate.item.id === body.item) : rated[0];
  if (!entry) {
    if (body.item && ratingItems.some((candidate) => candidate.id === body.item))
      throw forbidden('您不是该测评项目的测评人');
    throw invalid([{ field: 'item', message: '本方案没有该测评项目' }]);
  }
  const item = entry.item;
  if (!entry.isNamed && !isInScope(actor, subject.org_path))
    throw forbidden(`${subject.name}不在您分管的范围内，不能测评`);
  const roleLabel = (role: string) => item.raterLabels?.[role] ?? role;
  if (entry.role !== null && body.rater !== entry.role) {
    throw invalid([{ field: 'rater', message: `您在本考核周期的评价人身份为：${roleLabel(entry.role)}` }]);
  }
  if (!item.raters.includes(body.rater)) {
    throw invalid([{ field: 'rater', message: `评价人身份应为：${item.raters.map(roleLabel).join('、')}` }]);
  }
  if (parseDecimal(body.value) === null) throw invalid([{ field: 'value', message: '测评分格式不正确' }]);
  const scaleProblem = checkScale(item, body.value);
  if (scaleProblem) throw invalid([{ field: 'value', message: scaleProblem }]);
  const existing = (
    await findRecords(db, periodId, { kind: 'rating', subjectKey: body.subjectKey, createdBy: actor.id })
  ).find((row) => row.item === item.id && row.status === 'active');
  return db.transaction().execute(async (trx) => {
    const row = existing
      ? await updateRecordRow(trx, existing.id, { value: body.value, rater: body.rater })
      : await insertRecord(trx, {
          period_id: periodId,
          subject_key: body.subjectKey,
          item: item.id,
          occurred_on: parsePeriod(toEnginePeriod(period.period_key))!.end,
          value: body.value,
          level: null,
          fact: null,
          rater: body.rater,
          note: null,
          evidence_kind: null,
          evidence_id: null,
          kind: 'rating',
          proposal_key: null,
          created_by: actor.id,
        });
    await recordAudit(trx, actor, {
      action: 'assessment.rating_set',
      entityType: 'assessment_record',
      entityId: row.id,
      orgId: subject.org_id,
      before: existing ? { value: existing.value, rater: existing.rater } : null,
      after: { subjectKey: body.subjectKey, item: item.id, rater: body.rater, value: body.value },
    });
    return { subjectKey: body.subjectKey, item: item.id, rater: body.rater, value: row.value };
  });
}
