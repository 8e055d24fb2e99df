/**
 * The cockpit (驾驶舱, issue 17; seed 001 第五条 系统性协调监督, 评查办法第七条 信息分析): every figure
 * computed from the records of the period, for the county (supervisors, admins, county leaders) or
 * for the actor's own unit (an agency's legal officer and leaders) — the scope is the actor's, the
 * org filter only narrows inside it.
 */

import { DISPUTE_STATUS_LABELS, DISPUTE_STATUSES } from '../../../../common/coordination.ts';
import { todayInShanghai } from '../../../../common/format.ts';
import type { Db } from '../../../db/database.ts';
import type { CaseKind, QualityGrade } from '../../../db/schema.ts';
import { type Actor, assertCan, isInScope } from '../../../lib/access.ts';
import { notFound } from '../../../lib/errors.ts';
import {
  CASE_KIND_LABELS,
  CASE_KINDS,
  CASE_UNIT_KINDS,
  closedOnBounds,
  QUALITY_GRADE_LABELS,
  QUALITY_GRADES,
} from '../../cases/cases.policy.ts';
import {
  DEFAULT_MIN_TRAINING_HOURS,
  judgeTrainingYear,
} from '../../officers/training/training-compliance.ts';
import { bandOf } from '../../reviews/scoring/scoring.rules.ts';
import {
  countAssessmentGrades,
  countCasesByMonth,
  countCertified,
  countDisputes,
  countNotices,
  countRecordOutcomes,
  findMinTrainingHours,
  findOrgsUnder,
  findScoredReviewFiles,
  findTrainingYears,
  type OrgRow,
} from './cockpit.repository.ts';
import type { CockpitQuery, CockpitView } from './cockpit.schema.ts';

/** A share with one decimal in percent (87.5), null when there is nothing to divide. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 1000) / whole) / 10;
}

/** The period's first and last day: the year, or its quarter. */
export function periodBounds(
  year: number,
  quarter: number | null,
): { from: string; to: string; label: string } {
  if (quarter === null) return { from: `${year}-01-01`, to: `${year}-12-31`, label: `${year}年` };
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const pad = (value: number) => String(value).padStart(2, '0');
  return {
    from: `${year}-${pad(firstMonth)}-01`,
    to: `${year}-${pad(lastMonth)}-${pad(lastDay)}`,
    label: `${year}年第${'一二三四'[quarter - 1]}季度`,
  };
}

/** The months 'YYYY-MM' from `from` to `to` (first days of the period's months). */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** The root org the figures cover: the filter's org if in scope, else the actor's (widest) scope root. */
export async function resolveRoot(db: Db, actor: Actor, orgId: number | undefined) {
  const rootPath = actor.scopePaths[0];
  if (rootPath === undefined) throw notFound('驾驶舱数据');
  const scopeOrgs = (await Promise.all(actor.scopePaths.map((path) => findOrgsUnder(db, path)))).flat();
  const byId = new Map(scopeOrgs.map((org) => [org.id, org]));
  let root = scopeOrgs.find((org) => org.path === rootPath)!;
  if (orgId !== undefined) {
    const chosen = byId.get(orgId);
    if (!chosen || !isInScope(actor, chosen.path)) throw notFound('机构');
    root = chosen;
  }
  const orgs = scopeOrgs.filter((org) => org.path.startsWith(root.path));
  return { root, orgs, byId };
}

/** The unit (agency, township, bureau) an org belongs to, nearest up its path within the covered orgs. */
export function unitMapOf(root: OrgRow, orgs: readonly OrgRow[], byId: ReadonlyMap<number, OrgRow>) {
  const unitOf = new Map<number, OrgRow>();
  for (const org of orgs) {
    const ids = org.path.split('/').filter(Boolean).map(Number).reverse();
    const unit = ids
      .map((id) => byId.get(id))
      .find((candidate) => candidate !== undefined && CASE_UNIT_KINDS.includes(candidate.kind));
    unitOf.set(org.id, unit?.path.startsWith(root.path) ? unit : root);
  }
  const units = [...new Map([...unitOf.values()].map((unit) => [unit.id, unit])).values()];
  return { unitOf, units };
}

const countyIdOf = (path: string) => Number(path.split('/').filter(Boolean)[0]);

/** GET /api/workbench/cockpit. */
export async function getCockpit(
  db: Db,
  actor: Actor,
  query: CockpitQuery,
  today = todayInShanghai(new Date()),
): Promise<CockpitView> {
  assertCan(actor, 'cockpit.read');
  const year = query.year ?? Number(today.slice(0, 4));
  const quarter = query.quarter ?? null;
  const period = periodBounds(year, quarter);
  const { root, orgs, byId } = await resolveRoot(db, actor, query.orgId);
  const orgIds = orgs.map((org) => org.id);
  const { unitOf, units } = unitMapOf(root, orgs, byId);
  const unitIdOf = (orgId: number) => unitOf.get(orgId)?.id ?? root.id;
  const countyId = countyIdOf(root.path);

  const [cases, outcomes, certified, trainingRows, minHoursSet, reviewFiles, notices, disputes, grades] =
    await Promise.all([
      countCasesByMonth(db, orgIds, period.from, period.to),
      countRecordOutcomes(db, orgIds, period.from, period.to, closedOnBounds(today)),
      countCertified(db, orgIds, today),
      findTrainingYears(db, orgIds, year),
      findMinTrainingHours(db, countyId),
      findScoredReviewFiles(db, orgIds, year),
      countNotices(db, orgIds, period.from, period.to, today),
      countDisputes(db, orgIds, period.from, period.to),
      countAssessmentGrades(db, orgIds, year),
    ]);

  // cases by kind and month
  const months = monthsOf(period.from, period.to);
  const monthIndex = new Map(months.map((month, index) => [month, index]));
  const byKind = new Map<CaseKind, number[]>();
  for (const row of cases) {
    const counts = byKind.get(row.kind) ?? months.map(() => 0);
    counts[monthIndex.get(row.month)!]! += Number(row.count);
    byKind.set(row.kind, counts);
  }
  const kinds = CASE_KINDS.filter((kind) => byKind.has(kind)).map((kind) => {
    const counts = byKind.get(kind)!;
    return {
      kind,
      label: CASE_KIND_LABELS[kind],
      counts,
      total: counts.reduce((sum, value) => sum + value, 0),
    };
  });

  // records and quality
  const outcome = { on_time: 0, late: 0, overdue: 0, due_soon: 0, normal: 0 } as Record<string, number>;
  const gradeCounts = new Map<QualityGrade, number>();
  let ungraded = 0;
  for (const row of outcomes) {
    const count = Number(row.count);
    outcome[row.outcome] = (outcome[row.outcome] ?? 0) + count;
    const handedIn = row.outcome === 'on_time' || row.outcome === 'late';
    if (handedIn && row.quality_grade)
      gradeCounts.set(row.quality_grade, (gradeCounts.get(row.quality_grade) ?? 0) + count);
    else if (handedIn) ungraded += count;
  }
  const handedIn = outcome.on_time! + outcome.late!;
  const closed = handedIn + outcome.overdue! + outcome.due_soon! + outcome.normal!;

  // 持证率 per unit
  const certificateUnits = new Map<number, { officers: number; certified: number }>();
  for (const row of certified) {
    const unit = certificateUnits.get(unitIdOf(row.org_id)) ?? { officers: 0, certified: 0 };
    unit.officers += Number(row.officers);
    unit.certified += Number(row.certified);
    certificateUnits.set(unitIdOf(row.org_id), unit);
  }

  // training compliance per unit
  const minHours = minHoursSet ?? DEFAULT_MIN_TRAINING_HOURS;
  const trainingUnits = new Map<number, { officers: number; compliant: number }>();
  for (const row of trainingRows) {
    const unit = trainingUnits.get(unitIdOf(row.org_id)) ?? { officers: 0, compliant: 0 };
    unit.officers += 1;
    const verdict = judgeTrainingYear(
      { hoursTenths: Number(row.hours_tenths), bureauTrainings: Number(row.bureau_trainings) },
      minHours,
    );
    if (verdict.isCompliant) unit.compliant += 1;
    trainingUnits.set(unitIdOf(row.org_id), unit);
  }

  // review results per unit (评查办法第十六条 bands of each campaign's criteria)
  const reviewUnits = new Map<number, { files: number; excellent: number; pass: number; fail: number }>();
  for (const file of reviewFiles) {
    const band = bandOf(Number(file.sum_tenths), Number(file.submitted), {
      excellentFromTenths: Math.round(Number(file.excellent_from) * 10),
      passFromTenths: Math.round(Number(file.pass_from) * 10),
    });
    const unit = reviewUnits.get(unitIdOf(file.unit_org_id)) ?? { files: 0, excellent: 0, pass: 0, fail: 0 };
    unit.files += 1;
    unit[band] += 1;
    reviewUnits.set(unitIdOf(file.unit_org_id), unit);
  }

  // assessment grades per period
  const periods = new Map<number, CockpitView['assessment'][number]>();
  for (const row of grades) {
    const entry = periods.get(row.period_id) ?? {
      periodId: row.period_id,
      label: row.label,
      subjects: 0,
      grades: [],
    };
    entry.subjects += Number(row.count);
    entry.grades.push({ grade: row.grade ?? '未定等次', count: Number(row.count) });
    periods.set(row.period_id, entry);
  }

  const unitName = (unit: OrgRow) => unit.short_name ?? unit.name;
  const sum = <T>(rows: Iterable<T>, pick: (row: T) => number) => {
    let total = 0;
    for (const row of rows) total += pick(row);
    return total;
  };
  const disputeCounts = new Map(disputes.map((row) => [row.status, Number(row.count)]));
  const certifiedTotal = sum(certificateUnits.values(), (unit) => unit.certified);
  const officersTotal = sum(certificateUnits.values(), (unit) => unit.officers);
  const trainedOfficers = sum(trainingUnits.values(), (unit) => unit.officers);
  const compliantTotal = sum(trainingUnits.values(), (unit) => unit.compliant);

  return {
    today,
    period: { year, quarter, ...period },
    org: { id: root.id, name: root.name, isCounty: root.kind === 'government' },
    units: units.map((unit) => ({ orgId: unit.id, name: unitName(unit) })),
    casesByMonth: { months, kinds, total: sum(kinds, (kind) => kind.total) },
    records: {
      closed,
      onTime: outcome.on_time!,
      late: outcome.late!,
      overdue: outcome.overdue!,
      dueSoon: outcome.due_soon!,
      normal: outcome.normal!,
      // of the records already due: handed in (on time or late) or overdue; those not yet due are left out
      onTimeRate: percent(outcome.on_time!, handedIn + outcome.overdue!),
    },
    quality: {
      grades: QUALITY_GRADES.map((grade) => ({
        grade,
        label: QUALITY_GRADE_LABELS[grade],
        count: gradeCounts.get(grade) ?? 0,
      })),
      ungraded,
    },
    certificates: {
      officers: officersTotal,
      certified: certifiedTotal,
      rate: percent(certifiedTotal, officersTotal),
      units: units
        .filter((unit) => certificateUnits.has(unit.id))
        .map((unit) => {
          const counts = certificateUnits.get(unit.id)!;
          return {
            orgId: unit.id,
            name: unitName(unit),
            ...counts,
            rate: percent(counts.certified, counts.officers),
          };
        }),
    },
    training: {
      minHours,
      officers: trainedOfficers,
      compliant: compliantTotal,
      rate: percent(compliantTotal, trainedOfficers),
      units: units
        .filter((unit) => trainingUnits.has(unit.id))
        .map((unit) => {
          const counts = trainingUnits.get(unit.id)!;
          return {
            orgId: unit.id,
            name: unitName(unit),
            ...counts,
            rate: percent(counts.compliant, counts.officers),
          };
        }),
    },
    reviews: {
      files: reviewFiles.length,
      units: units
        .filter((unit) => reviewUnits.has(unit.id))
        .map((unit) => {
          const counts = reviewUnits.get(unit.id)!;
          return {
            orgId: unit.id,
            name: unitName(unit),
            ...counts,
            excellentRate: percent(counts.excellent, counts.files),
            passRate: percent(counts.excellent + counts.pass, counts.files),
          };
        }),
    },
    notices: {
      issued: Number(notices.issued),
      open: Number(notices.open),
      overdue: Number(notices.overdue),
      closed: Number(notices.closed),
    },
    disputes: {
      total: sum(disputeCounts.values(), (count) => count),
      statuses: DISPUTE_STATUSES.filter((status) => disputeCounts.has(status)).map((status) => ({
        status,
        label: DISPUTE_STATUS_LABELS[status],
        count: disputeCounts.get(status)!,
      })),
    },
    assessment: [...periods.values()],
  };
}
