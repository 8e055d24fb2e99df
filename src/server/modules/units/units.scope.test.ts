import { beforeAll } from 'vitest';
import { todayInShanghai } from '../../../common/format.ts';
import { type County, expectNoCrossCounty, type Probe, scopeWorld } from '../../testing/scope-probes.ts';
import { actorOfAccount } from '../assessment/account-actor.ts';
import { computePeriod } from '../assessment/results/results.service.ts';
import { submitForApproval } from './approvals/approvals.service.ts';
import { recordCheck } from './checks/checks.service.ts';
import { addDossierEntry } from './dossier/dossier.service.ts';
import { submitReport, uploadReportAttachment } from './reports/reports.service.ts';
import { openTownshipPeriod } from './units.fixtures.ts';

const world = scopeWorld();
const year = Number(todayInShanghai(new Date()).slice(0, 4));
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

// Per county: a township with a dossier entry, a report with a file and a check; an agency; the
// county's township period, computed and submitted for 审定.
const targets = new Map<
  string,
  { townshipId: number; agencyId: number; entryId: number; attachmentId: number; periodId: number }
>();
beforeAll(async () => {
  const { db } = world.ctx;
  for (const county of world.counties) {
    const supervisor = await actorOfAccount(db, county.usernames.supervisor);
    const office = await actorOfAccount(db, county.usernames.justice_office);
    const orgs = await db
      .selectFrom('org')
      .select(['id', 'kind', 'path'])
      .where('id', 'in', county.orgIds)
      .execute();
    const township = orgs.filter((org) => org.kind === 'township').sort((a, b) => a.id - b.id)[0]!;
    const agency = orgs.filter((org) => org.kind === 'agency').sort((a, b) => a.id - b.id)[0]!;
    const root = await db
      .selectFrom('org')
      .select('id')
      .where('path', '=', supervisor.scopePaths[0]!)
      .executeTakeFirstOrThrow();
    const entry = await addDossierEntry(db, supervisor, township.id, {
      year,
      kind: 'document',
      title: '探针',
      occurredOn: `${year}-03-01`,
    });
    const ownTownship = office.scopePaths.some((path) => township.path.startsWith(path))
      ? township.id
      : orgs.find(
          (org) => org.kind === 'township' && office.scopePaths.some((path) => org.path.startsWith(path)),
        )!.id;
    await submitReport(db, office, ownTownship, year, { body: '探针报告' });
    const attachment = await uploadReportAttachment(db, office, ownTownship, year, {
      fileName: '探针.png',
      bytes: png,
      declaredType: 'image/png',
    });
    const period = await openTownshipPeriod(db, supervisor, year, root.id);
    await recordCheck(db, supervisor, township.id, {
      year,
      kind: 'spot',
      checkedOn: `${year}-06-01`,
      checkers: '探针',
      methods: ['online'],
      findings: '探针',
    });
    await computePeriod(db, supervisor, period.id);
    await submitForApproval(db, supervisor, period.id, 'township', {});
    targets.set(county.name, {
      townshipId: ownTownship,
      agencyId: agency.id,
      entryId: entry.id,
      attachmentId: attachment.id,
      periodId: period.id,
    });
  }
});
const target = (county: County) => targets.get(county.name)!;
const unit = (county: County) => `/api/units/${target(county).townshipId}`;
const report = (county: County) => `${unit(county)}/reports/${year}`;
const period = (county: County) => `/api/unit-periods/${target(county).periodId}`;
const hasOrg = (json: { items: { orgId: number }[] }, county: County) =>
  json.items.some((item) => county.orgIds.includes(item.orgId));

const PROBES: Probe[] = [
  { name: 'unit list', method: 'GET', url: () => `/api/units?year=${year}&pageSize=200`, list: hasOrg },
  { name: 'one unit', method: 'GET', url: (county) => `${unit(county)}?year=${year}` },
  {
    name: 'set an agency’s category',
    method: 'PUT',
    url: (county) => `/api/units/${target(county).agencyId}/category?year=${year}`,
    payload: () => ({ category: 'vertical' }),
  },
  { name: 'dossier', method: 'GET', url: (county) => `${unit(county)}/dossier?year=${year}` },
  {
    name: 'add to the dossier',
    method: 'POST',
    url: (county) => `${unit(county)}/dossier`,
    payload: () => ({ year, kind: 'other', title: '越权', occurredOn: `${year}-03-01` }),
  },
  { name: 'report', method: 'GET', url: report },
  { name: 'submit the report', method: 'PUT', url: report, payload: () => ({ body: '越权' }) },
  {
    name: 'upload to the report',
    method: 'POST',
    url: (county) => `${report(county)}/attachments`,
    headers: { 'content-type': 'image/png', 'x-file-name': 'x.png' },
    payload: () => png,
  },
  {
    name: 'download a report file',
    method: 'GET',
    url: (county) => `${report(county)}/attachments/${target(county).attachmentId}`,
  },
  {
    name: 'delete a report file',
    method: 'DELETE',
    url: (county) => `${report(county)}/attachments/${target(county).attachmentId}`,
  },
  { name: 'checks', method: 'GET', url: (county) => `${unit(county)}/checks?year=${year}` },
  {
    name: 'record a check',
    method: 'POST',
    url: (county) => `${unit(county)}/checks`,
    payload: () => ({
      year,
      kind: 'spot',
      checkedOn: `${year}-06-01`,
      checkers: '越权',
      methods: ['online'],
      findings: '越权',
    }),
  },
  { name: 'check items', method: 'GET', url: (county) => `${period(county)}/check-items` },
  { name: 'unit rectifications', method: 'GET', url: (county) => `${unit(county)}/rectifications` },
  {
    name: 'unit periods',
    method: 'GET',
    url: () => '/api/unit-periods',
    list: (json, county) => json.items.some((item: { id: number }) => item.id === target(county).periodId),
  },
  { name: 'one unit period', method: 'GET', url: period },
  {
    name: 'submit for 审定',
    method: 'POST',
    url: (county) => `${period(county)}/approvals/township/submit`,
    payload: () => ({}),
  },
  {
    name: 'decide 审定',
    method: 'POST',
    url: (county) => `${period(county)}/approvals/township/decision`,
    payload: () => ({ decision: 'approve' }),
  },
  { name: 'follow-up', method: 'GET', url: (county) => `${period(county)}/follow-up` },
  {
    name: '考核情况报告',
    method: 'GET',
    url: (county) => `${period(county)}/assessment-report.docx`,
  },
  {
    name: 'file a plan',
    method: 'POST',
    url: (county) => `${period(county)}/rectifications/${target(county).townshipId}`,
    payload: () => ({ plan: '越权' }),
  },
  {
    name: 'review a plan',
    method: 'POST',
    url: (county) => `${period(county)}/rectifications/${target(county).townshipId}/review`,
    payload: () => ({ decision: 'accept' }),
  },
  {
    name: 'report progress',
    method: 'POST',
    url: (county) => `${period(county)}/rectifications/${target(county).townshipId}/progress`,
    payload: () => ({ progress: '越权' }),
  },
  {
    name: 'confirm done',
    method: 'POST',
    url: (county) => `${period(county)}/rectifications/${target(county).townshipId}/done`,
  },
  {
    name: '汇总表 submissions',
    method: 'GET',
    url: () => `/api/unit-summary-submissions?year=${year - 1}`,
    list: hasOrg,
  },
  {
    name: 'record a 汇总表 copy',
    method: 'POST',
    url: (county) => `/api/units/${county.target.orgId}/summary-submissions`,
    payload: () => ({ year: year - 1, recipient: 'rule_of_law_office', submittedOn: `${year - 1}-12-20` }),
  },
  {
    name: 'commend',
    method: 'POST',
    url: (county) => `${period(county)}/commendations`,
    payload: (county) => ({ kind: 'unit', orgId: target(county).townshipId, reason: '越权' }),
  },
];

expectNoCrossCounty(world, PROBES);
