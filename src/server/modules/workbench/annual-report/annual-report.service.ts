/**
 * 行政执法数据年报 (issue 17): computed from the year's records whenever it is opened (never stored),
 * per agency and for the county; handed in by the agency's legal unit by 31 January of the next year
 * (国办发〔2018〕118号: 每年1月31日前公开本机关上年度行政执法总体情况有关数据).
 */
import { todayInShanghai } from '../../../../common/format.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan, can } from '../../../lib/access.ts';
import { conflict, forbidden } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { dutiesOfOrgs } from '../../org/org-duties.ts';
import { bandOf } from '../../reviews/scoring/scoring.rules.ts';
import { countCertified, findScoredReviewFiles } from '../cockpit/cockpit.repository.ts';
import { resolveRoot, unitMapOf } from '../cockpit/cockpit.service.ts';
import { type AnnualReport, buildAnnualReport, type UnitFacts } from './annual-report.build.ts';
import {
  countClosedByKind,
  countNoticesPerOrg,
  findSubmissions,
  groupPenalties,
  insertSubmission,
} from './annual-report.repository.ts';

/** The report is due on this day of the next year (MM-DD). */
export const ANNUAL_REPORT_DUE = '01-31';
export const annualReportDueOn = (year: number) => `${year + 1}-${ANNUAL_REPORT_DUE}`;

export interface AnnualReportResult extends AnnualReport {
  today: string;
  submissions: { orgId: number; submittedByName: string; submittedAt: string }[];
  dueOn: string;
}

/** The year's report for the actor's scope (the county, or its own agency), narrowed by the org filter. */
export async function getAnnualReport(
  db: Db,
  actor: Actor,
  query: { year?: number | undefined; orgId?: number | undefined },
  today = todayInShanghai(new Date()),
): Promise<AnnualReportResult> {
  assertCan(actor, 'annual_report.read');
  const year = query.year ?? Number(today.slice(0, 4)) - 1;
  const { root, orgs, byId } = await resolveRoot(db, actor, query.orgId);
  const { unitOf, units: allUnits } = unitMapOf(root, orgs, byId);
  const reportUnits = allUnits.filter((unit) => unit.kind === 'agency' || unit.kind === 'township');
  const units = reportUnits.length > 0 ? reportUnits : [root];
  const orgIds = orgs.map((org) => org.id);
  const unitIdOf = (orgId: number) => unitOf.get(orgId)?.id ?? root.id;
  // 持证率 on the year's last day, or today while the year runs
  const asOf = `${year}-12-31` < today ? `${year}-12-31` : today;
  const [duties, closed, penalties, certified, reviewFiles, notices, submissions] = await Promise.all([
    dutiesOfOrgs(
      db,
      units.map((unit) => unit.id),
    ),
    countClosedByKind(db, orgIds, year),
    groupPenalties(db, orgIds, year),
    countCertified(db, orgIds, asOf),
    findScoredReviewFiles(db, orgIds, year),
    countNoticesPerOrg(db, orgIds, year, today),
    findSubmissions(
      db,
      units.map((unit) => unit.id),
      year,
    ),
  ]);
  const facts = new Map<number, UnitFacts>(
    units.map((unit) => [
      unit.id,
      {
        orgId: unit.id,
        name: unit.name,
        duties: duties.get(unit.id) ?? [],
        closedByKind: {},
        penaltyGroups: [],
        officers: 0,
        certified: 0,
        reviewedFiles: 0,
        reviewExcellent: 0,
        reviewPass: 0,
        noticesReceived: 0,
        noticesOverdue: 0,
      },
    ]),
  );
  const factsOf = (orgId: number) => facts.get(unitIdOf(orgId));
  for (const row of closed) {
    const unit = factsOf(row.org_id);
    if (unit) unit.closedByKind[row.kind] = (unit.closedByKind[row.kind] ?? 0) + Number(row.count);
  }
  for (const row of penalties) {
    const unit = factsOf(row.org_id);
    if (unit)
      unit.penaltyGroups = [
        ...unit.penaltyGroups,
        {
          types: row.penalty_types,
          cases: Number(row.cases),
          fineFen: Number(row.fine_fen),
          confiscatedFen: Number(row.confiscated_fen),
        },
      ];
  }
  for (const row of certified) {
    const unit = factsOf(row.org_id);
    if (!unit) continue;
    unit.officers += Number(row.officers);
    unit.certified += Number(row.certified);
  }
  for (const file of reviewFiles) {
    const unit = factsOf(file.unit_org_id);
    if (!unit) continue;
    const band = bandOf(Number(file.sum_tenths), Number(file.submitted), {
      excellentFromTenths: Math.round(Number(file.excellent_from) * 10),
      passFromTenths: Math.round(Number(file.pass_from) * 10),
    });
    unit.reviewedFiles += 1;
    if (band === 'excellent') unit.reviewExcellent += 1;
    if (band !== 'fail') unit.reviewPass += 1;
  }
  for (const row of notices) {
    const unit = factsOf(row.unit_org_id);
    if (!unit) continue;
    unit.noticesReceived += Number(row.received);
    unit.noticesOverdue += Number(row.overdue);
  }
  const report = buildAnnualReport(year, root.name, [...facts.values()], root.kind === 'government');
  return {
    ...report,
    today,
    dueOn: annualReportDueOn(year),
    submissions: submissions.map((submission) => ({
      orgId: submission.org_id,
      submittedByName: submission.submitted_by_name,
      submittedAt: submission.submitted_at.toISOString(),
    })),
  };
}

/** 报送: the agency's legal officer hands in the year's report (once), audited `annual_report.submit`. */
export async function submitAnnualReport(
  db: Db,
  actor: Actor,
  body: { year: number; orgId: number },
  today = todayInShanghai(new Date()),
) {
  if (!actor.roles.includes('legal_officer') || !can(actor, 'annual_report.read'))
    throw forbidden('只有本单位法制机构可以报送年报');
  if (body.year >= Number(today.slice(0, 4))) throw conflict('年度结束后才能报送该年度的年报');
  const { root } = await resolveRoot(db, actor, body.orgId);
  if (root.kind !== 'agency' && root.kind !== 'township') throw conflict('年报由执法部门（或乡镇）报送');
  const existing = await findSubmissions(db, [root.id], body.year);
  if (existing.length > 0) throw conflict(`${root.name}${body.year}年度年报已报送`);
  return db.transaction().execute(async (trx) => {
    const row = await insertSubmission(trx, {
      org_id: root.id,
      year: body.year,
      submitted_by: actor.id,
      submitted_by_name: actor.displayName,
    });
    await recordAudit(trx, actor, {
      action: 'annual_report.submit',
      entityType: 'org',
      entityId: root.id,
      orgId: root.id,
      after: { year: body.year },
    });
    return { orgId: row.org_id, year: row.year, submittedAt: row.submitted_at.toISOString() };
  });
}
