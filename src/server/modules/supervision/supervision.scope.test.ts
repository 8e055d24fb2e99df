import { beforeAll, describe, expect, it } from 'vitest';
import { type County, expectNoCrossCounty, type Probe, scopeWorld } from '../../testing/scope-probes.ts';
import { canReadMatter } from './supervision.policy.ts';
import { visibleMatters } from './supervision.repository.ts';

const world = scopeWorld();

// One matter per county, run by its justice bureau over its agency, with an inspection, a report
// request and a focus item; the probes of every supervision route target them.
interface Targets {
  matterId: number;
  focusId: number;
  inspectionId: number;
  evidenceId: number;
  reportRequestId: number;
  referralId: number;
  bureauId: number;
  attachmentId: number;
  noticeId: number;
  decisionId: number;
  circularId: number;
  rectificationId: number;
  findingId: number;
}
const targets = new Map<string, Targets>();
const of = (county: County) => targets.get(county.name)!;

beforeAll(async () => {
  const db = world.ctx.db;
  for (const county of world.counties) {
    const orgs = await db
      .selectFrom('org')
      .select(['id', 'kind', 'path'])
      .where('id', 'in', county.orgIds)
      .execute();
    const bureau = orgs.find((org) => org.kind === 'justice_bureau')!;
    const office = orgs.find((org) => org.kind === 'justice_office')!;
    const focus = await db
      .insertInto('supervision_focus')
      .values({
        county_org_id: Number(bureau.path.split('/')[1]),
        year: 2026,
        field: 'other',
        title: `${county.name}探针重点`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const matter = await db
      .insertInto('supervision_matter')
      .values({
        org_id: bureau.id,
        kind: 'routine',
        field: 'other',
        source: 'daily',
        complaint_id: null,
        case_id: null,
        focus_id: focus.id,
        title: `${county.name}探针事项`,
        description: null,
        opened_on: '2026-01-01',
        due_on: null,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('supervision_matter_unit')
      .values({ matter_id: matter.id, org_id: county.target.orgId })
      .execute();
    const inspection = await db
      .insertInto('supervision_inspection')
      .values({ matter_id: matter.id, planned_on: '2026-01-10', place: '探针地点', is_on_site: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    const evidence = await db
      .insertInto('supervision_evidence')
      .values({
        inspection_id: inspection.id,
        means: 'inquiry',
        description: '探针笔录',
        collected_on: '2026-01-10',
        case_id: null,
        case_file_id: null,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const request = await db
      .insertInto('supervision_report_request')
      .values({
        matter_id: matter.id,
        unit_org_id: county.target.orgId,
        subject: '探针报告',
        requested_on: '2026-01-10',
        due_on: '2026-01-20',
        reply: null,
        replied_on: null,
        replied_by: null,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const referral = await db
      .insertInto('supervision_referral')
      .values({
        office_org_id: office.id,
        unit_org_id: county.target.orgId,
        inspected_on: '2026-01-10',
        place: '探针',
        facts: '探针事实',
        findings: '探针问题',
        suggestion: null,
        contact_phone: null,
        decided_by: null,
        decided_on: null,
        return_reason: null,
        matter_id: null,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const attachment = await db
      .insertInto('supervision_attachment')
      .values({
        owner_type: 'evidence',
        owner_id: evidence.id,
        file_name: '探针.pdf',
        content_type: 'application/pdf',
        size_bytes: 8,
        sha256: '0',
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('supervision_attachment_content')
      .values({ attachment_id: attachment.id, bytes: Buffer.from('%PDF-1.4') })
      .execute();
    const notice = await db
      .insertInto('supervision_notice')
      .values({
        matter_id: matter.id,
        unit_org_id: county.target.orgId,
        issuer_org_id: bureau.id,
        case_id: null,
        case_file_id: null,
        facts: '探针',
        reasons: '探针',
        legal_basis: '探针',
        required_correction: '探针',
        correction_due_on: '2026-02-01',
        state: 'served',
        number: `${county.name}探针〔2026〕1号`,
        year: 2026,
        sequence: 1,
        issued_on: '2026-01-10',
        served_on: '2026-01-11',
        report_due_on: '2026-02-10',
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const decision = await db
      .insertInto('supervision_decision')
      .values({
        notice_id: notice.id,
        case_id: null,
        ground: 'refused',
        request_reason: '探针',
        proposed_kind: 'illegal',
        state: 'requested',
        request_number: `${county.name}探针〔2026〕2号`,
        requested_on: '2026-02-01',
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const circular = await db
      .insertInto('supervision_circular')
      .values({
        issuer_org_id: bureau.id,
        subject_org_id: county.target.orgId,
        kind: 'commendation',
        situation: 'outstanding',
        persons: null,
        title: `${county.name}探针通报`,
        facts: '探针',
        requirement: null,
        notice_id: null,
        decision_id: null,
        violation_id: null,
        dispute_id: null,
        state: 'issued',
        number: `${county.name}探针〔2026〕3号`,
        year: 2026,
        sequence: 3,
        issued_on: '2026-02-01',
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rectification = await db
      .insertInto('supervision_rectification')
      .values({ notice_id: notice.id, content: '探针报告', submitted_on: '2026-01-20', submitted_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const finding = await db
      .insertInto('supervision_finding')
      .values({
        notice_id: notice.id,
        decision_id: null,
        officer_id: county.target.officerId,
        kind: 'fault_finding',
        found_on: '2026-01-20',
        description: '探针认定',
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    targets.set(county.name, {
      findingId: finding.id,
      circularId: circular.id,
      decisionId: decision.id,
      rectificationId: rectification.id,
      noticeId: notice.id,
      attachmentId: attachment.id,
      matterId: matter.id,
      focusId: focus.id,
      inspectionId: inspection.id,
      evidenceId: evidence.id,
      reportRequestId: request.id,
      referralId: referral.id,
      bureauId: bureau.id,
    });
  }
});

const hasId = (id: number) => (json: { items: Array<{ id: number }> }) =>
  json.items.some((item) => item.id === id);

/** Every supervision route, aimed at the other county's rows. */
const SUPERVISION_PROBES: Probe[] = [
  {
    name: 'list matters',
    method: 'GET',
    url: () => '/api/supervision/matters?pageSize=200',
    list: (json, county) => hasId(of(county).matterId)(json),
  },
  {
    name: 'search matters by the other county’s title',
    method: 'GET',
    url: (county) => `/api/supervision/matters?keyword=${encodeURIComponent(county.name)}`,
    list: (json) => json.items.length > 0,
  },
  {
    name: 'list matters of a unit',
    method: 'GET',
    url: (county) => `/api/supervision/matters?unitId=${county.target.orgId}`,
  },
  {
    name: 'export matters of a unit',
    method: 'GET',
    url: (county) => `/api/supervision/matters/export.xlsx?unitId=${county.target.orgId}`,
  },
  { name: 'get matter', method: 'GET', url: (county) => `/api/supervision/matters/${of(county).matterId}` },
  {
    name: 'create matter over the other county’s unit',
    method: 'POST',
    url: () => '/api/supervision/matters',
    payload: (county) => ({
      kind: 'routine',
      field: 'other',
      source: 'daily',
      unitIds: [county.target.orgId],
      title: '越界',
      openedOn: '2026-01-01',
    }),
  },
  {
    name: 'update matter',
    method: 'PATCH',
    url: (county) => `/api/supervision/matters/${of(county).matterId}`,
    payload: () => ({ title: '越界' }),
  },
  {
    name: 'close matter',
    method: 'POST',
    url: (county) => `/api/supervision/matters/${of(county).matterId}/close`,
    payload: () => ({ closedOn: '2026-02-01', summary: '越界' }),
  },
  {
    name: 'list focus',
    method: 'GET',
    url: () => '/api/supervision/focus',
    list: (json, county) => json.some((item: { id: number }) => item.id === of(county).focusId),
  },
  {
    name: 'update focus',
    method: 'PATCH',
    url: (county) => `/api/supervision/focus/${of(county).focusId}`,
    payload: () => ({ title: '越界' }),
  },
  {
    name: 'list inspections',
    method: 'GET',
    url: (county) => `/api/supervision/matters/${of(county).matterId}/inspections`,
  },
  {
    name: 'plan inspection',
    method: 'POST',
    url: (county) => `/api/supervision/matters/${of(county).matterId}/inspections`,
    payload: () => ({ plannedOn: '2026-02-01', place: '越界', isOnSite: false, supervisorIds: [1] }),
  },
  {
    name: 'record inspection',
    method: 'POST',
    url: (county) => `/api/supervision/inspections/${of(county).inspectionId}/record`,
    payload: () => ({ inspectedOn: '2026-02-01', findings: '越界' }),
  },
  {
    name: 'add evidence',
    method: 'POST',
    url: (county) => `/api/supervision/inspections/${of(county).inspectionId}/evidence`,
    payload: () => ({ means: 'inquiry', description: '越界', collectedOn: '2026-02-01' }),
  },
  {
    name: 'upload evidence file',
    method: 'POST',
    url: (county) => `/api/supervision/evidence/${of(county).evidenceId}/attachments`,
    payload: () => Buffer.from('%PDF-1.4 probe'),
    headers: { 'content-type': 'application/pdf' },
  },
  {
    name: 'upload report file',
    method: 'POST',
    url: (county) => `/api/supervision/report-requests/${of(county).reportRequestId}/attachments`,
    payload: () => Buffer.from('%PDF-1.4 probe'),
    headers: { 'content-type': 'application/pdf' },
  },
  {
    name: 'download file',
    method: 'GET',
    url: (county) => `/api/supervision/attachments/${of(county).attachmentId}`,
  },
  {
    name: 'list report requests',
    method: 'GET',
    url: () => '/api/supervision/report-requests?pageSize=200',
    list: (json, county) => hasId(of(county).reportRequestId)(json),
  },
  {
    name: 'list report requests of a matter',
    method: 'GET',
    url: (county) => `/api/supervision/report-requests?matterId=${of(county).matterId}`,
  },
  {
    name: 'ask for a report',
    method: 'POST',
    url: (county) => `/api/supervision/matters/${of(county).matterId}/report-requests`,
    payload: (county) => ({
      unitId: county.target.orgId,
      subject: '越界',
      requestedOn: '2026-02-01',
      dueOn: '2026-02-10',
    }),
  },
  {
    name: 'reply to a report request',
    method: 'POST',
    url: (county) => `/api/supervision/report-requests/${of(county).reportRequestId}/reply`,
    payload: () => ({ reply: '越界' }),
  },
  {
    name: 'list referrals',
    method: 'GET',
    url: () => '/api/supervision/referrals?pageSize=200',
    list: (json, county) => hasId(of(county).referralId)(json),
  },
  {
    name: 'get referral',
    method: 'GET',
    url: (county) => `/api/supervision/referrals/${of(county).referralId}`,
  },
  {
    name: 'refer the other county’s unit',
    method: 'POST',
    url: () => '/api/supervision/referrals',
    payload: (county) => ({
      unitId: county.target.sectionId,
      inspectedOn: '2026-01-10',
      place: '越界',
      facts: '越界',
      findings: '越界',
    }),
  },
  {
    name: 'accept referral',
    method: 'POST',
    url: (county) => `/api/supervision/referrals/${of(county).referralId}/accept`,
    payload: () => ({ kind: 'routine', field: 'other', title: '越界' }),
  },
  {
    name: 'return referral',
    method: 'POST',
    url: (county) => `/api/supervision/referrals/${of(county).referralId}/return`,
    payload: () => ({ reason: '越界' }),
  },
  {
    name: 'upload referral file',
    method: 'POST',
    url: (county) => `/api/supervision/referrals/${of(county).referralId}/attachments`,
    payload: () => Buffer.from('%PDF-1.4 probe'),
    headers: { 'content-type': 'application/pdf' },
  },
  {
    name: 'list notices',
    method: 'GET',
    url: () => '/api/supervision/notices?pageSize=200',
    list: (json, county) => hasId(of(county).noticeId)(json),
  },
  {
    name: 'list notices of a unit',
    method: 'GET',
    url: (county) => `/api/supervision/notices?unitId=${county.target.orgId}`,
    list: (json) => json.items.length > 0,
  },
  {
    name: 'list notices of a matter',
    method: 'GET',
    url: (county) => `/api/supervision/notices?matterId=${of(county).matterId}`,
  },
  { name: 'get notice', method: 'GET', url: (county) => `/api/supervision/notices/${of(county).noticeId}` },
  {
    name: 'print notice',
    method: 'GET',
    url: (county) => `/api/supervision/notices/${of(county).noticeId}/document.docx`,
  },
  {
    name: 'draft notice',
    method: 'POST',
    url: (county) => `/api/supervision/matters/${of(county).matterId}/notices`,
    payload: (county) => ({
      unitId: county.target.orgId,
      facts: '越界',
      reasons: '越界',
      legalBasis: '越界',
      requiredCorrection: '越界',
      correctionDueOn: '2099-01-01',
    }),
  },
  {
    name: 'edit notice draft',
    method: 'PATCH',
    url: (county) => `/api/supervision/notices/${of(county).noticeId}`,
    payload: () => ({ facts: '越界' }),
  },
  {
    name: 'supersede notice',
    method: 'POST',
    url: (county) => `/api/supervision/notices/${of(county).noticeId}/supersede`,
    payload: () => ({ facts: '越界' }),
  },
  {
    name: 'submit notice',
    method: 'POST',
    url: (county) => `/api/supervision/notices/${of(county).noticeId}/submit`,
  },
  {
    name: 'serve notice',
    method: 'POST',
    url: (county) => `/api/supervision/notices/${of(county).noticeId}/serve`,
    payload: () => ({ servedOn: '2026-01-12', manner: '直接送达', receiver: '越界' }),
  },
  {
    name: 'report on notice',
    method: 'POST',
    url: (county) => `/api/supervision/notices/${of(county).noticeId}/report`,
    payload: () => ({ content: '越界' }),
  },
  {
    name: 'review report',
    method: 'POST',
    url: (county) => `/api/supervision/notices/${of(county).noticeId}/review`,
    payload: () => ({ accept: true }),
  },
  {
    name: 'withdraw notice',
    method: 'POST',
    url: (county) => `/api/supervision/notices/${of(county).noticeId}/withdraw`,
    payload: () => ({ reason: '越界' }),
  },
  {
    name: 'list decisions',
    method: 'GET',
    url: () => '/api/supervision/decisions?pageSize=200',
    list: (json, county) => hasId(of(county).decisionId)(json),
  },
  {
    name: 'list decisions of a unit',
    method: 'GET',
    url: (county) => `/api/supervision/decisions?unitId=${county.target.orgId}`,
    list: (json) => json.items.length > 0,
  },
  {
    name: 'list decisions of a notice',
    method: 'GET',
    url: (county) => `/api/supervision/decisions?noticeId=${of(county).noticeId}`,
    list: (json) => json.items.length > 0,
  },
  {
    name: 'get decision',
    method: 'GET',
    url: (county) => `/api/supervision/decisions/${of(county).decisionId}`,
  },
  {
    name: 'print decision request',
    method: 'GET',
    url: (county) => `/api/supervision/decisions/${of(county).decisionId}/request.docx`,
  },
  {
    name: 'print decision',
    method: 'GET',
    url: (county) => `/api/supervision/decisions/${of(county).decisionId}/document.docx`,
  },
  {
    name: 'request a decision on the other county’s notice',
    method: 'POST',
    url: (county) => `/api/supervision/notices/${of(county).noticeId}/decisions`,
    payload: () => ({ ground: 'refused', requestReason: '越界', proposedKind: 'void' }),
  },
  {
    name: 'edit decision request',
    method: 'PATCH',
    url: (county) => `/api/supervision/decisions/${of(county).decisionId}`,
    payload: () => ({ requestReason: '越界' }),
  },
  {
    name: 'submit decision request',
    method: 'POST',
    url: (county) => `/api/supervision/decisions/${of(county).decisionId}/submit`,
  },
  {
    name: 'record decision',
    method: 'POST',
    url: (county) => `/api/supervision/decisions/${of(county).decisionId}/record`,
    payload: () => ({
      kind: 'void',
      decisionNumber: '越界〔2026〕1号',
      decidedOn: '2026-02-02',
      content: '越界',
      servedOn: '2026-02-02',
    }),
  },
  {
    name: 'report on decision',
    method: 'POST',
    url: (county) => `/api/supervision/decisions/${of(county).decisionId}/report`,
    payload: () => ({ content: '越界' }),
  },
  {
    name: 'review decision report',
    method: 'POST',
    url: (county) => `/api/supervision/decisions/${of(county).decisionId}/review`,
    payload: () => ({ accept: true }),
  },
  {
    name: 'withdraw decision request',
    method: 'POST',
    url: (county) => `/api/supervision/decisions/${of(county).decisionId}/withdraw`,
    payload: () => ({ reason: '越界' }),
  },
  {
    name: 'list circulars',
    method: 'GET',
    url: () => '/api/supervision/circulars?pageSize=200',
    list: (json, county) => hasId(of(county).circularId)(json),
  },
  {
    name: 'list circulars of a unit',
    method: 'GET',
    url: (county) => `/api/supervision/circulars?unitId=${county.target.orgId}`,
    list: (json) => json.items.length > 0,
  },
  {
    name: 'get circular',
    method: 'GET',
    url: (county) => `/api/supervision/circulars/${of(county).circularId}`,
  },
  {
    name: 'print circular',
    method: 'GET',
    url: (county) => `/api/supervision/circulars/${of(county).circularId}/document.docx`,
  },
  {
    name: 'circulate the other county’s unit',
    method: 'POST',
    url: () => '/api/supervision/circulars',
    payload: (county) => ({
      situation: 'outstanding',
      subjectOrgId: county.target.orgId,
      title: '越界',
      facts: '越界',
    }),
  },
  {
    name: 'edit circular',
    method: 'PATCH',
    url: (county) => `/api/supervision/circulars/${of(county).circularId}`,
    payload: () => ({ facts: '越界' }),
  },
  {
    name: 'submit circular',
    method: 'POST',
    url: (county) => `/api/supervision/circulars/${of(county).circularId}/submit`,
  },
  {
    name: 'withdraw circular',
    method: 'POST',
    url: (county) => `/api/supervision/circulars/${of(county).circularId}/withdraw`,
    payload: () => ({ reason: '越界' }),
  },
  {
    name: 'list notice findings',
    method: 'GET',
    url: (county) => `/api/supervision/notices/${of(county).noticeId}/findings`,
  },
  {
    name: 'record notice finding',
    method: 'POST',
    url: (county) => `/api/supervision/notices/${of(county).noticeId}/findings`,
    payload: (county) => ({
      officerId: county.target.officerId,
      kind: 'discipline',
      foundOn: '2026-02-01',
      description: '越界',
    }),
  },
  {
    name: 'list decision findings',
    method: 'GET',
    url: (county) => `/api/supervision/decisions/${of(county).decisionId}/findings`,
  },
  {
    name: 'record decision finding',
    method: 'POST',
    url: (county) => `/api/supervision/decisions/${of(county).decisionId}/findings`,
    payload: (county) => ({
      officerId: county.target.officerId,
      kind: 'discipline',
      foundOn: '2026-02-01',
      description: '越界',
    }),
  },
  {
    name: 'withdraw finding',
    method: 'POST',
    url: (county) => `/api/supervision/findings/${of(county).findingId}/withdraw`,
    payload: () => ({ reason: '越界' }),
  },
  {
    name: 'upload rectification report file',
    method: 'POST',
    url: (county) => `/api/supervision/rectifications/${of(county).rectificationId}/attachments`,
    payload: () => Buffer.from('%PDF-1.4 probe'),
    headers: { 'content-type': 'application/pdf' },
  },
];

expectNoCrossCounty(world, SUPERVISION_PROBES);

describe('the matter policy', () => {
  it('agrees in SQL and in TS for every role and matter', async () => {
    const db = world.ctx.db;
    const matters = await db.selectFrom('supervision_matter').select('id').execute();
    const users = await db.selectFrom('user_account').select('username').execute();
    for (const { username } of users) {
      const cookie = await world.ctx.login(username);
      const me = await world.ctx.request({ method: 'GET', url: '/api/auth/me', cookie });
      const actor = { roles: me.json.roles, scopePaths: me.json.scopePaths };
      const sqlIds = (
        await db
          .selectFrom('supervision_matter')
          .select('id')
          .where(visibleMatters(actor.scopePaths))
          .execute()
      ).map((row) => row.id);
      for (const { id } of matters) {
        const owner = await db
          .selectFrom('supervision_matter')
          .innerJoin('org', 'org.id', 'supervision_matter.org_id')
          .select('org.path')
          .where('supervision_matter.id', '=', id)
          .executeTakeFirstOrThrow();
        const units = await db
          .selectFrom('supervision_matter_unit')
          .innerJoin('org', 'org.id', 'supervision_matter_unit.org_id')
          .select('org.path')
          .where('matter_id', '=', id)
          .execute();
        const readable = canReadMatter(
          { roles: ['supervisor'], scopePaths: actor.scopePaths },
          { ownerPath: owner.path, unitPaths: units.map((unit) => unit.path) },
        );
        expect(sqlIds.includes(id), `${username} matter ${id}`).toBe(readable);
      }
    }
  });
});
