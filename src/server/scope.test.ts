import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from './db/schema.ts';
import { ALL_ROLES, createForeignCounty, type ForeignCounty } from './testing/fixtures.ts';
import { createTestContext, type ResponseJson, type TestContext } from './testing/test-app.ts';

/**
 * Permission is role × organisation subtree (DESIGN.md). For every endpoint, every role of one
 * county tries the other county's rows, in both directions: it gets 403/404, or a list without them.
 */
let ctx: TestContext;
let foreign: ForeignCounty;
interface County {
  name: string;
  orgIds: number[];
  userIds: number[];
  target: {
    orgId: number;
    sectionId: number;
    userId: number;
    officerId: number;
    certificateId: number;
    trainingId: number;
    workLogId: number;
  };
  officerIds: number[];
  usernames: Record<Role, string>;
}
let demo: County;
let other: County;

const DEMO_USERNAMES: Record<Role, string> = {
  admin: 'admin',
  supervisor: 'supervisor',
  legal_officer: 'legal',
  officer: 'officer',
  assessor: 'assessor',
  leader: 'leader',
  reviewer: 'reviewer',
  justice_office: 'sifasuo',
};

async function describeCounty(
  rootPath: string,
  usernames: Record<Role, string>,
  name: string,
): Promise<County> {
  const orgs = await ctx.db
    .selectFrom('org')
    .select(['id', 'kind', 'path'])
    .where('path', 'like', `${rootPath}%`)
    .execute();
  const users = await ctx.db
    .selectFrom('user_account')
    .innerJoin('org', 'org.id', 'user_account.org_id')
    .select(['user_account.id', 'user_account.username'])
    .where('org.path', 'like', `${rootPath}%`)
    .execute();
  const agency = orgs.find((org) => org.kind === 'agency')!;
  const section = orgs.find((org) => org.kind === 'section' && org.path.startsWith(agency.path))!;
  const { officerId, certificateId, trainingId, workLogId } = await addProbeOfficer(section.id, name);
  const officers = await ctx.db
    .selectFrom('officer')
    .innerJoin('org', 'org.id', 'officer.org_id')
    .select('officer.id')
    .where('org.path', 'like', `${rootPath}%`)
    .execute();
  return {
    name,
    orgIds: orgs.map((org) => org.id),
    userIds: users.map((user) => user.id),
    target: {
      orgId: agency.id,
      sectionId: section.id,
      userId: users.find((user) => user.username === usernames.officer)!.id,
      officerId,
      certificateId,
      trainingId,
      workLogId,
    },
    officerIds: officers.map((officer) => officer.id),
    usernames,
  };
}

/** One officer profile with a certificate about to expire in each county: the target of the officer probes. */
async function addProbeOfficer(sectionId: number, countyName: string) {
  const officer = await ctx.db
    .insertInto('officer')
    .values({
      org_id: sectionId,
      user_id: null,
      name: `${countyName}探针`,
      gender: 'female',
      ethnicity: null,
      education: null,
      birth_date: null,
      position: null,
      post: null,
      duties: null,
      qualified_on: null,
      started_work_on: null,
      phone: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const certificate = await ctx.db
    .insertInto('certificate')
    .values({
      officer_id: officer.id,
      number: `PROBE-${officer.id}`,
      issuer: '县人民政府',
      area: countyName,
      issued_on: '2020-01-01',
      valid_until: '2020-12-31',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const training = await ctx.db
    .insertInto('training')
    .values({
      officer_id: officer.id,
      held_on: '2024-05-01',
      hours: 8,
      content: '探针培训',
      kind: 'post',
      organiser: '县司法局',
      is_bureau_organised: true,
      result: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const workLog = await ctx.db
    .insertInto('work_log')
    .values({
      officer_id: officer.id,
      kind: 'daily',
      period_start: '2024-05-01',
      period_end: '2024-05-01',
      content: '探针记实',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    officerId: officer.id,
    certificateId: certificate.id,
    trainingId: training.id,
    workLogId: workLog.id,
  };
}

beforeAll(async () => {
  ctx = await createTestContext();
  foreign = await createForeignCounty(ctx.db);
  demo = await describeCounty('/1/', DEMO_USERNAMES, '博湖县');
  other = await describeCounty(foreign.root.path, foreign.usernames, '和静县');
});
afterAll(() => ctx.close());

type Probe = {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: (county: County) => string;
  payload?: (county: County) => object;
  list?: (json: ResponseJson, county: County) => boolean;
};

const PROBES: Probe[] = [
  {
    name: 'list orgs',
    method: 'GET',
    url: () => '/api/orgs?includeInactive=true',
    list: (json, county) => json.some((org: { id: number }) => county.orgIds.includes(org.id)),
  },
  { name: 'get org', method: 'GET', url: (county) => `/api/orgs/${county.target.orgId}` },
  {
    name: 'create org',
    method: 'POST',
    url: () => '/api/orgs',
    payload: (county) => ({ parentId: county.target.orgId, kind: 'section', name: '越界股' }),
  },
  {
    name: 'update org',
    method: 'PATCH',
    url: (county) => `/api/orgs/${county.target.orgId}`,
    payload: () => ({ name: '改名' }),
  },
  {
    name: 'move org',
    method: 'POST',
    url: (county) => `/api/orgs/${county.target.sectionId}/move`,
    payload: (county) => ({ parentId: county.target.orgId }),
  },
  { name: 'delete org', method: 'DELETE', url: (county) => `/api/orgs/${county.target.sectionId}` },
  {
    name: 'list users',
    method: 'GET',
    url: () => '/api/users?pageSize=200',
    list: (json, county) => json.items.some((user: { id: number }) => county.userIds.includes(user.id)),
  },
  { name: 'list users of an org', method: 'GET', url: (county) => `/api/users?orgId=${county.target.orgId}` },
  { name: 'get user', method: 'GET', url: (county) => `/api/users/${county.target.userId}` },
  {
    name: 'create user',
    method: 'POST',
    url: () => '/api/users',
    payload: (county) => ({
      username: 'intruder',
      displayName: '越界',
      orgId: county.target.sectionId,
      roles: ['officer'],
      password: 'Intrude#2025',
    }),
  },
  {
    name: 'update user',
    method: 'PATCH',
    url: (county) => `/api/users/${county.target.userId}`,
    payload: () => ({ displayName: '改名' }),
  },
  {
    name: 'reset password',
    method: 'POST',
    url: (county) => `/api/users/${county.target.userId}/reset-password`,
    payload: () => ({ newPassword: 'Hijack#2025' }),
  },
  {
    name: 'audit log',
    method: 'GET',
    url: () => '/api/audit?pageSize=200',
    list: (json, county) =>
      json.items.some(
        (row: { orgId: number | null }) => row.orgId !== null && county.orgIds.includes(row.orgId),
      ),
  },
  // officer archive (issue 4)
  {
    name: 'list officers',
    method: 'GET',
    url: () => '/api/officers?pageSize=200',
    list: (json, county) => json.items.some((row: { id: number }) => county.officerIds.includes(row.id)),
  },
  {
    name: 'list officers of an org',
    method: 'GET',
    url: (county) => `/api/officers?orgId=${county.target.orgId}`,
  },
  { name: 'get officer', method: 'GET', url: (county) => `/api/officers/${county.target.officerId}` },
  {
    name: 'create officer',
    method: 'POST',
    url: () => '/api/officers',
    payload: (county) => ({ name: '越界', gender: 'male', orgId: county.target.sectionId }),
  },
  {
    name: 'update officer',
    method: 'PATCH',
    url: (county) => `/api/officers/${county.target.officerId}`,
    payload: () => ({ name: '改名' }),
  },
  {
    name: 'officer history',
    method: 'GET',
    url: (county) => `/api/officers/${county.target.officerId}/history`,
  },
  { name: 'officer photo', method: 'GET', url: (county) => `/api/officers/${county.target.officerId}/photo` },
  {
    name: 'case-handler verdict',
    method: 'GET',
    url: (county) => `/api/officers/${county.target.officerId}/case-handler`,
  },
  {
    name: 'post changes',
    method: 'GET',
    url: (county) => `/api/officers/${county.target.officerId}/post-changes`,
  },
  {
    name: 'create post change',
    method: 'POST',
    url: (county) => `/api/officers/${county.target.officerId}/post-changes`,
    payload: () => ({ changedOn: '2024-01-01', toPost: '越界岗' }),
  },
  {
    name: 'create certificate',
    method: 'POST',
    url: (county) => `/api/officers/${county.target.officerId}/certificates`,
    payload: () => ({
      number: 'INTRUDE-1',
      issuer: '越界',
      area: '越界',
      issuedOn: '2024-01-01',
      validUntil: '2026-01-01',
    }),
  },
  {
    name: 'update certificate',
    method: 'PATCH',
    url: (county) => `/api/certificates/${county.target.certificateId}`,
    payload: () => ({ isRevoked: true }),
  },
  {
    name: 'review certificate',
    method: 'POST',
    url: (county) => `/api/certificates/${county.target.certificateId}/reviews`,
    payload: () => ({ reviewedOn: '2020-06-01', result: 'fail' }),
  },
  {
    name: 'certificate warnings',
    method: 'GET',
    url: () => '/api/certificates/warnings',
    list: (json, county) =>
      json.items.some((row: { officerId: number }) => county.officerIds.includes(row.officerId)),
  },
  {
    name: 'certificate warnings of an org',
    method: 'GET',
    url: (county) => `/api/certificates/warnings?orgId=${county.target.orgId}`,
  },
];

describe.each([
  ['和静县 → 博湖县', () => ({ from: other, to: demo })],
  ['博湖县 → 和静县', () => ({ from: demo, to: other })],
])('%s', (_label, pair) => {
  it.each(ALL_ROLES)('%s never reads or writes the other county', async (role) => {
    const { from, to } = pair();
    const cookie = await ctx.login(from.usernames[role]);
    for (const probe of PROBES) {
      const response = await ctx.request({
        method: probe.method,
        url: probe.url(to),
        cookie,
        ...(probe.payload && { payload: probe.payload(to) }),
      });
      const context = `${role} ${probe.name} → ${response.status}`;
      if (probe.list && response.status === 200) {
        expect(probe.list(response.json, to), context).toBe(false);
      } else {
        expect([403, 404], context).toContain(response.status);
      }
    }
  });
});

describe('own county, for contrast', () => {
  it('a supervisor reads the whole county, a legal officer only their agency, an officer no account list', async () => {
    const supervisor = await ctx.login('supervisor');
    const all = await ctx.request({ method: 'GET', url: '/api/orgs', cookie: supervisor });
    expect(all.json).toHaveLength(demo.orgIds.length);
    const legal = await ctx.login('legal');
    const agencyOnly = await ctx.request({ method: 'GET', url: '/api/orgs', cookie: legal });
    expect(agencyOnly.json.map((org: { name: string }) => org.name).sort()).toEqual(
      ['博湖县市场监督管理局', '市场监管综合行政执法大队', '法规股', '食品安全监督管理股'].sort(),
    );
    const officer = await ctx.login('officer');
    const own = await ctx.request({ method: 'GET', url: '/api/orgs', cookie: officer });
    expect(own.json.map((org: { name: string }) => org.name)).toEqual(['市场监管综合行政执法大队']);
  });

  it('the officer probes do reach their target inside its own county', async () => {
    const legal = await ctx.login('legal');
    for (const url of [
      `/api/officers/${demo.target.officerId}`,
      `/api/officers/${demo.target.officerId}/history`,
    ]) {
      expect((await ctx.request({ method: 'GET', url, cookie: legal })).status, url).toBe(200);
    }
    const warnings = await ctx.request({ method: 'GET', url: '/api/certificates/warnings', cookie: legal });
    expect(
      warnings.json.items.some((row: { officerId: number }) => row.officerId === demo.target.officerId),
    ).toBe(true);
  });
});

// Cases and case records (issue 5): one case per county, handled by its probe officer.
const probeCaseIds = new Map<string, { caseId: number; partyId: number }>();
beforeAll(async () => {
  for (const county of [demo, other]) {
    const row = await ctx.db
      .insertInto('enforcement_case')
      .values({
        org_id: county.target.sectionId,
        kind: 'penalty',
        case_no: `${county.name}探针罚〔2025〕1号`,
        name: `${county.name}探针案`,
        source: '日常检查',
        filed_on: '2025-01-10',
        closed_on: '2025-01-20',
        party_names: '探针当事人',
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    const party = await ctx.db
      .insertInto('case_party')
      .values({
        case_id: row.id,
        kind: 'person',
        name: '探针当事人',
        gender: null,
        id_number: '110105194912310021',
        uscc: null,
        legal_representative: null,
        address: null,
        phone: '13912345678',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('case_handler')
      .values({ case_id: row.id, officer_id: county.target.officerId, certificate_number: 'PROBE' })
      .execute();
    probeCaseIds.set(county.name, { caseId: row.id, partyId: party.id });
  }
});
const caseOf = (county: County) => probeCaseIds.get(county.name)!;
PROBES.push(
  {
    name: 'list cases',
    method: 'GET',
    url: () => '/api/cases?pageSize=200',
    list: (json, county) => json.items.some((row: { id: number }) => row.id === caseOf(county).caseId),
  },
  {
    name: 'search cases by the other county’s case number',
    method: 'GET',
    url: (county) => `/api/cases?keyword=${encodeURIComponent(county.name)}探针`,
    list: (json) => json.items.length > 0,
  },
  { name: 'list cases of an org', method: 'GET', url: (county) => `/api/cases?orgId=${county.target.orgId}` },
  {
    name: 'records due',
    method: 'GET',
    url: () => '/api/cases/records-due',
    list: (json, county) =>
      json.byOfficer.some((row: { officerId: number }) => row.officerId === county.target.officerId),
  },
  { name: 'get case', method: 'GET', url: (county) => `/api/cases/${caseOf(county).caseId}` },
  {
    name: 'create case',
    method: 'POST',
    url: () => '/api/cases',
    payload: (county) => ({
      orgId: county.target.sectionId,
      kind: 'penalty',
      caseNo: '越界罚〔2025〕1号',
      name: '越界案',
      source: '越界',
      filedOn: '2025-01-01',
      handlerIds: [county.target.officerId, county.target.officerId],
      parties: [{ kind: 'person', name: '越界' }],
    }),
  },
  {
    name: 'update case',
    method: 'PATCH',
    url: (county) => `/api/cases/${caseOf(county).caseId}`,
    payload: () => ({ name: '改名' }),
  },
  {
    name: 'sign case',
    method: 'POST',
    url: (county) => `/api/cases/${caseOf(county).caseId}/sign`,
    payload: () => ({ part: 'opinion' }),
  },
  {
    name: 'quality analysis',
    method: 'PUT',
    url: (county) => `/api/cases/${caseOf(county).caseId}/quality`,
    payload: () => ({ opinion: '越界', grade: 'fail' }),
  },
  {
    name: 'submit record',
    method: 'POST',
    url: (county) => `/api/cases/${caseOf(county).caseId}/submit-record`,
  },
  {
    name: 'full party view',
    method: 'GET',
    url: (county) => `/api/cases/${caseOf(county).caseId}/parties/${caseOf(county).partyId}/full`,
  },
);

// Complaints, campaigns and per-officer counts (issue 5).
PROBES.push(
  {
    name: 'list complaints',
    method: 'GET',
    url: () => '/api/complaints?pageSize=200',
    list: (json, county) => json.items.some((row: { orgId: number }) => county.orgIds.includes(row.orgId)),
  },
  {
    name: 'create complaint',
    method: 'POST',
    url: () => '/api/complaints',
    payload: (county) => ({
      kind: 'complaint',
      officerId: county.target.officerId,
      source: '越界',
      receivedOn: '2025-01-01',
      summary: '越界',
    }),
  },
  {
    name: 'create campaign participation',
    method: 'POST',
    url: () => '/api/campaign-participations',
    payload: (county) => ({ officerId: county.target.officerId, name: '越界', joinedOn: '2025-01-01' }),
  },
  {
    name: 'officer counts',
    method: 'GET',
    url: () => '/api/cases/officer-counts?period=2025',
    list: (json, county) =>
      json.items.some((row: { officerId: number }) => county.officerIds.includes(row.officerId)),
  },
  {
    name: 'officer counts of an org',
    method: 'GET',
    url: (county) => `/api/cases/officer-counts?period=2025&orgId=${county.target.orgId}`,
  },
);

// Case files (issue 5): each probe case gets a file with one document and one attachment.
const probeFileIds = new Map<string, { documentId: number; attachmentId: number }>();
beforeAll(async () => {
  for (const county of [demo, other]) {
    const { caseId } = caseOf(county);
    const file = await ctx.db
      .insertInto('case_file')
      .values({ case_id: caseId, archive_no: null, category: null, file_no: null, retention_period: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const document = await ctx.db
      .insertInto('file_document')
      .values({
        case_file_id: file.id,
        volume: 'main',
        sequence: 1,
        kind_code: 'P01',
        title: null,
        page_from: 1,
        page_to: 2,
        verified_by: null,
        verified_on: null,
        copy_source: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const attachment = await ctx.db
      .insertInto('file_attachment')
      .values({
        document_id: document.id,
        file_name: '探针.pdf',
        content_type: 'application/pdf',
        size_bytes: 5,
        sha256: '0'.repeat(64),
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('file_attachment_content')
      .values({ attachment_id: attachment.id, bytes: Buffer.from('%PDF-') })
      .execute();
    probeFileIds.set(county.name, { documentId: document.id, attachmentId: attachment.id });
  }
});
const fileOf = (county: County) => probeFileIds.get(county.name)!;
PROBES.push(
  { name: 'get case file', method: 'GET', url: (county) => `/api/cases/${caseOf(county).caseId}/file` },
  {
    name: 'save case file',
    method: 'PUT',
    url: (county) => `/api/cases/${caseOf(county).caseId}/file`,
    payload: () => ({ archiveNo: '越界', traits: [] }),
  },
  {
    name: 'add file document',
    method: 'POST',
    url: (county) => `/api/cases/${caseOf(county).caseId}/file/documents`,
    payload: () => ({ volume: 'main', sequence: 9, kindCode: 'P23', pageFrom: 3, pageTo: 3 }),
  },
  {
    name: 'delete file document',
    method: 'DELETE',
    url: (county) => `/api/file-documents/${fileOf(county).documentId}`,
  },
  {
    name: 'upload attachment',
    method: 'POST',
    url: (county) => `/api/file-documents/${fileOf(county).documentId}/attachments`,
    payload: () => ({ not: 'a file' }),
  },
  {
    name: 'download attachment',
    method: 'GET',
    url: (county) => `/api/file-attachments/${fileOf(county).attachmentId}`,
  },
  {
    name: 'archive case file',
    method: 'POST',
    url: (county) => `/api/cases/${caseOf(county).caseId}/file/archive`,
    payload: () => ({ overrideReason: '越界归档' }),
  },
);

// Case documents (issue 5).
PROBES.push(
  {
    name: 'case record DOCX',
    method: 'GET',
    url: (county) => `/api/cases/${caseOf(county).caseId}/record.docx`,
  },
  {
    name: 'file cover DOCX',
    method: 'GET',
    url: (county) => `/api/cases/${caseOf(county).caseId}/file/cover.docx`,
  },
);

// Assessment (issue 6): one officer period, one uploaded scheme, one record and one appeal per county.
const probeAssessment = new Map<
  string,
  { periodId: number; versionId: number; recordId: number; appealId: number; subjectKey: string }
>();
beforeAll(async () => {
  for (const county of [demo, other]) {
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
    probeAssessment.set(county.name, {
      periodId: period.json.id,
      versionId: upload.json.id,
      recordId: record.id,
      appealId: appeal.id,
      subjectKey,
    });
  }
});
const assessmentOf = (county: County) => probeAssessment.get(county.name)!;
const periodUrl = (county: County, rest = '') =>
  `/api/assessment/periods/${assessmentOf(county).periodId}${rest}`;
PROBES.push(
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
);
PROBES.push(
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
);
