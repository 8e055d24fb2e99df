import { beforeAll } from 'vitest';
import { type County, expectNoCrossCounty, type Probe, scopeWorld } from '../../testing/scope-probes.ts';

const world = scopeWorld();

// Assessment (issue 6): one officer period, one uploaded scheme, one record and one appeal per county.
const probeAssessment = new Map<
  string,
  {
    periodId: number;
    versionId: number;
    recordId: number;
    appealId: number;
    subjectKey: string;
    evidenceId: number;
    proofId: number;
  }
>();
beforeAll(async () => {
  const { ctx } = world;
  for (const county of world.counties) {
    const admin = await ctx.login(county.usernames.admin);
    const schemes = await ctx.request({ method: 'GET', url: '/api/assessment/schemes', cookie: admin });
    const preset = schemes.json.find(
      (entry: { schemeId: string }) => entry.schemeId === 'xx-officer-performance',
    );
    const upload = await ctx.request({
      method: 'POST',
      url: '/api/assessment/schemes',
      cookie: admin,
      payload: {
        content: `id: probe-${county.target.orgId}\nname: 探针方案\nsubjectKind: officer\nperiod: quarter\ncomponents:\n  - { kind: deduction, id: probe.d, label: 扣分, points: 100, items: [{ id: probe.late, label: 迟到, points: 1 }] }\n`,
      },
    });
    const period = await ctx.request({
      method: 'POST',
      url: '/api/assessment/periods',
      cookie: admin,
      payload: { schemeVersionId: preset.id, periodKey: '2025-Q2', subjectIds: [county.target.officerId] },
    });
    const subjectKey = `officer:${county.target.officerId}`;
    const record = await ctx.db
      .insertInto('assessment_record')
      .values({
        period_id: period.json.id,
        subject_key: subjectKey,
        item: 'xx.000.t1.1.1.unskilled',
        occurred_on: '2025-05-01',
        value: null,
        level: null,
        fact: null,
        rater: null,
        note: null,
        evidence_kind: null,
        evidence_id: null,
        proposal_key: null,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const appeal = await ctx.db
      .insertInto('assessment_appeal')
      .values({
        period_id: period.json.id,
        subject_key: subjectKey,
        reasons: '探针',
        proof: '[]',
        submitted_on: '2025-07-01',
        decide_by: '2025-07-04',
        decision: null,
        changes: null,
        before_result: null,
        after_result: null,
        submitted_by: null,
        decided_by: null,
        decided_on: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const attach = async (owner: { record_id: number } | { appeal_id: number }) => {
      const row = await ctx.db
        .insertInto('assessment_attachment')
        .values({
          period_id: period.json.id,
          record_id: null,
          appeal_id: null,
          ...owner,
          file_name: '探针.pdf',
          content_type: 'application/pdf',
          size_bytes: 8,
          sha256: '0'.repeat(64),
          created_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await ctx.db
        .insertInto('assessment_attachment_content')
        .values({ attachment_id: row.id, bytes: Buffer.from('%PDF-1.4') })
        .execute();
      return row.id;
    };
    probeAssessment.set(county.name, {
      periodId: period.json.id,
      versionId: upload.json.id,
      recordId: record.id,
      appealId: appeal.id,
      subjectKey,
      evidenceId: await attach({ record_id: record.id }),
      proofId: await attach({ appeal_id: appeal.id }),
    });
  }
});
const assessmentOf = (county: County) => probeAssessment.get(county.name)!;
const periodUrl = (county: County, rest = '') =>
  `/api/assessment/periods/${assessmentOf(county).periodId}${rest}`;
const PROBES: Probe[] = [
  {
    name: 'list scheme versions',
    method: 'GET',
    url: () => '/api/assessment/schemes',
    list: (json, county) => json.some((row: { id: number }) => row.id === assessmentOf(county).versionId),
  },
  {
    name: 'get uploaded scheme version',
    method: 'GET',
    url: (county) => `/api/assessment/schemes/${assessmentOf(county).versionId}`,
  },
  {
    name: 'open period with the other county’s scheme and officers',
    method: 'POST',
    url: () => '/api/assessment/periods',
    payload: (county) => ({
      schemeVersionId: assessmentOf(county).versionId,
      periodKey: '2025-Q3',
      subjectIds: [county.target.officerId],
    }),
  },
  {
    name: 'list periods',
    method: 'GET',
    url: () => '/api/assessment/periods',
    list: (json, county) => json.some((row: { id: number }) => row.id === assessmentOf(county).periodId),
  },
  { name: 'get period', method: 'GET', url: (county) => periodUrl(county) },
  {
    name: 'set group owner',
    method: 'PUT',
    url: (county) => periodUrl(county, '/group-owners'),
    payload: () => ({ groupId: 'x', orgId: null }),
  },
  { name: 'list records', method: 'GET', url: (county) => periodUrl(county, '/records') },
  { name: 'period board', method: 'GET', url: (county) => periodUrl(county, '/board') },
  { name: 'list subjects', method: 'GET', url: (county) => periodUrl(county, '/subjects') },
  { name: 'my subject', method: 'GET', url: (county) => periodUrl(county, '/my-subject') },
  {
    name: 'self-assessment view',
    method: 'GET',
    url: (county) => periodUrl(county, `/subjects/${assessmentOf(county).subjectKey}/self-assessment`),
  },
  {
    name: 'create record',
    method: 'POST',
    url: (county) => periodUrl(county, '/records'),
    payload: (county) => ({
      subjectKey: assessmentOf(county).subjectKey,
      item: 'xx.000.t1.1.1.unskilled',
      occurredOn: '2025-05-02',
    }),
  },
  {
    name: 'withdraw record',
    method: 'POST',
    url: (county) => periodUrl(county, `/records/${assessmentOf(county).recordId}/withdraw`),
  },
  // evidence files and appeal proof (assessment-attachments.routes.ts); the permission checks come
  // before the file is read, so the probes send no file
  {
    name: 'upload record evidence',
    method: 'POST',
    url: (county) => periodUrl(county, `/records/${assessmentOf(county).recordId}/attachments`),
  },
  {
    name: 'upload appeal proof',
    method: 'POST',
    url: (county) => periodUrl(county, `/appeals/${assessmentOf(county).appealId}/attachments`),
  },
  ...(['evidenceId', 'proofId'] as const).flatMap((file): Probe[] => [
    {
      name: `download ${file}`,
      method: 'GET',
      url: (county) => periodUrl(county, `/attachments/${assessmentOf(county)[file]}`),
    },
    {
      name: `delete ${file}`,
      method: 'DELETE',
      url: (county) => periodUrl(county, `/attachments/${assessmentOf(county)[file]}`),
    },
  ]),
  { name: 'period raters', method: 'GET', url: (county) => periodUrl(county, '/raters') },
  {
    name: 'name period raters',
    method: 'PUT',
    url: (county) => periodUrl(county, '/raters'),
    payload: () => ({ raters: [] }),
  },
  { name: 'own rating sheet', method: 'GET', url: (county) => periodUrl(county, '/ratings/mine') },
  {
    name: 'put rating',
    method: 'PUT',
    url: (county) => periodUrl(county, '/ratings'),
    payload: (county) => ({ subjectKey: assessmentOf(county).subjectKey, rater: 'main', value: 1 }),
  },
  {
    name: 'self-assessment',
    method: 'PUT',
    url: (county) => periodUrl(county, `/subjects/${assessmentOf(county).subjectKey}/self-assessment`),
    payload: () => ({ items: [] }),
  },
  {
    name: 'provisional score',
    method: 'GET',
    url: (county) => periodUrl(county, `/subjects/${assessmentOf(county).subjectKey}/provisional`),
  },
  { name: 'compute', method: 'POST', url: (county) => periodUrl(county, '/compute') },
  { name: 'publish', method: 'POST', url: (county) => periodUrl(county, '/publish') },
  { name: 'finalise', method: 'POST', url: (county) => periodUrl(county, '/finalise') },
  { name: 'results', method: 'GET', url: (county) => periodUrl(county, '/results') },
  {
    name: 'scorecard',
    method: 'GET',
    url: (county) => periodUrl(county, `/subjects/${assessmentOf(county).subjectKey}/scorecard`),
  },
  { name: 'list appeals', method: 'GET', url: (county) => periodUrl(county, '/appeals') },
  {
    name: 'submit appeal',
    method: 'POST',
    url: (county) => periodUrl(county, `/subjects/${assessmentOf(county).subjectKey}/appeals`),
    payload: () => ({ reasons: '越界' }),
  },
  {
    name: 'decide appeal',
    method: 'POST',
    url: (county) => periodUrl(county, `/appeals/${assessmentOf(county).appealId}/decision`),
    payload: () => ({ decision: 'rejected', reasons: '越界' }),
  },
  { name: 'generate proposals', method: 'POST', url: (county) => periodUrl(county, '/proposals/generate') },
  {
    name: 'decide proposal',
    method: 'POST',
    url: (county) => periodUrl(county, `/proposals/${assessmentOf(county).recordId}/decision`),
    payload: () => ({ action: 'dismiss' }),
  },
  {
    name: 'what-if',
    method: 'POST',
    url: (county) => periodUrl(county, '/what-if'),
    payload: () => ({ params: {} }),
  },
  {
    name: 'roll-up',
    method: 'GET',
    url: () => '/api/assessment/roll-up?schemeId=xx-officer-performance&target=2025',
    list: (json, county) =>
      json.result.subjects.some(
        (row: { subject: string }) => row.subject === assessmentOf(county).subjectKey,
      ),
  },
  // documents (assessment-documents.routes.ts): seed 000's forms, the 汇总表 and the circular
  ...(['xlsx', 'docx'] as const).flatMap((format): Probe[] => [
    {
      name: `quality-supervision form (${format})`,
      method: 'GET',
      url: (county) =>
        periodUrl(county, `/subjects/${assessmentOf(county).subjectKey}/quality-supervision.${format}`),
    },
    {
      name: `rewards-punishments record (${format})`,
      method: 'GET',
      url: (county) =>
        periodUrl(county, `/subjects/${assessmentOf(county).subjectKey}/rewards-punishments.${format}`),
    },
    {
      name: `annual summary (${format})`,
      method: 'GET',
      url: (county) => periodUrl(county, `/annual-summary.${format}`),
    },
  ]),
  { name: 'results circular', method: 'GET', url: (county) => periodUrl(county, '/circular.docx') },
  { name: 'circular register entry', method: 'GET', url: (county) => periodUrl(county, '/circular/issue') },
  {
    name: 'ask for the circular’s 签发',
    method: 'POST',
    url: (county) => periodUrl(county, '/circular/sign-off'),
    payload: () => ({}),
  },
];

expectNoCrossCounty(world, PROBES);
