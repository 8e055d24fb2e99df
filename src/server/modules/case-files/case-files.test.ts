import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../../common/format.ts';
import { demoOrgByName } from '../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { addOfficer, caseBody } from '../cases/cases-fixtures.ts';

let ctx: TestContext;
let legal: string;
let officer: string;
let admin: string;
let leader: string;
let caseId: number;
let handlerIds: number[];
const today = todayInShanghai(new Date());
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 1)]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

beforeAll(async () => {
  ctx = await createTestContext();
  legal = await ctx.login('legal');
  officer = await ctx.login('officer');
  admin = await ctx.login('admin');
  leader = await ctx.login('leader');
  const teamId = (await demoOrgByName(ctx.db, '市场监管综合行政执法大队')).id;
  const officerUser = await ctx.db
    .selectFrom('user_account')
    .select('id')
    .where('username', '=', 'officer')
    .executeTakeFirstOrThrow();
  const zhang = await addOfficer(ctx.db, teamId, '张伟', { userId: officerUser.id, today });
  const li = await addOfficer(ctx.db, teamId, '李娜', { today });
  handlerIds = [zhang, li];
  const created = await ctx.request({
    method: 'POST',
    url: '/api/cases',
    cookie: legal,
    payload: caseBody(teamId, [zhang, li], { closedOn: '2025-04-10' }),
  });
  caseId = created.json.id;
});
afterAll(() => ctx.close());

const cover = { archiveNo: 'WS·2025-D30-0001', fileNo: '2025-罚-001', retentionPeriod: '长期', traits: [] };
const doc = (
  volume: string,
  sequence: number,
  kindCode: string,
  pageFrom: number,
  pageTo: number,
  extra: object = {},
) => ({
  volume,
  sequence,
  kindCode,
  pageFrom,
  pageTo,
  ...extra,
});

describe('case files', () => {
  it('builds a file, reports findings with clauses, and archives once it passes', async () => {
    const file = await ctx.request({
      method: 'PUT',
      url: `/api/cases/${caseId}/file`,
      cookie: officer,
      payload: cover,
    });
    expect(file.status, JSON.stringify(file.json)).toBe(200);
    expect(file.json.cover.cause).toContain('销售过期食品案');
    expect(file.json.cover.agencyName).toBe('博湖县市场监督管理局');
    expect(file.json.cover.handlerNames).toBe('张伟、李娜');
    expect(file.json.check.passes).toBe(false);
    const codes = ['P01', 'P02', 'P03', 'P13', 'P23'];
    let last: any;
    for (const [index, code] of codes.entries()) {
      last = await ctx.request({
        method: 'POST',
        url: `/api/cases/${caseId}/file/documents`,
        cookie: officer,
        payload: doc(
          'main',
          index + 1,
          code,
          index * 3 + 1,
          index * 3 + 3,
          index === 1 ? { isOriginal: false } : {},
        ),
      });
      expect(last.status, JSON.stringify(last.json)).toBe(201);
    }
    expect(
      last.json.check.findings.map((finding: { code: string; clause: string }) => [
        finding.code,
        finding.clause,
      ]),
    ).toEqual([['copy_unverified', '案卷制作规范第五条']]);
    const refused = await ctx.request({
      method: 'POST',
      url: `/api/cases/${caseId}/file/archive`,
      cookie: legal,
      payload: {},
    });
    expect(refused.status).toBe(400);
    const secondDoc = last.json.documents[1].id;
    await ctx.request({ method: 'DELETE', url: `/api/file-documents/${secondDoc}`, cookie: officer });
    const fixed = await ctx.request({
      method: 'POST',
      url: `/api/cases/${caseId}/file/documents`,
      cookie: officer,
      payload: doc('main', 2, 'P02', 4, 6, {
        isOriginal: false,
        verifiedBy: '李娜',
        verifiedOn: '2025-03-02',
        copySource: '当事人提供',
      }),
    });
    expect(fixed.json.check).toEqual({ passes: true, findings: [] });
    const byOfficer = await ctx.request({
      method: 'POST',
      url: `/api/cases/${caseId}/file/archive`,
      cookie: officer,
      payload: {},
    });
    expect(byOfficer.status).toBe(403);
    const archived = await ctx.request({
      method: 'POST',
      url: `/api/cases/${caseId}/file/archive`,
      cookie: legal,
      payload: {},
    });
    expect(archived.json.status).toBe('archived');
    expect(archived.json.cover.archivedOn).toBe(today);
    const readOnly = await ctx.request({
      method: 'POST',
      url: `/api/cases/${caseId}/file/documents`,
      cookie: legal,
      payload: doc('main', 6, 'P04', 16, 16),
    });
    expect(readOnly.status).toBe(409);
  });

  it('archives a file with findings only with a legal officer’s reason', async () => {
    const teamId = (await demoOrgByName(ctx.db, '市场监管综合行政执法大队')).id;
    const handlers = handlerIds.map((id) => ({ id }));
    const created = await ctx.request({
      method: 'POST',
      url: '/api/cases',
      cookie: legal,
      payload: caseBody(
        teamId,
        handlers.map((row) => row.id),
        { closedOn: '2025-04-10' },
      ),
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    await ctx.request({
      method: 'PUT',
      url: `/api/cases/${created.json.id}/file`,
      cookie: legal,
      payload: { ...cover, traits: ['hearing'] },
    });
    const archived = await ctx.request({
      method: 'POST',
      url: `/api/cases/${created.json.id}/file/archive`,
      cookie: legal,
      payload: { overrideReason: '听证笔录原件移送法院，已另行存放' },
    });
    expect(archived.json.status, JSON.stringify(archived.json)).toBe('archived');
    expect(archived.json.archiveOverrideReason).toContain('移送法院');
  });

  it('attachments: type by magic bytes, SHA-256 kept, downloadable by readers in scope', async () => {
    const teamId = (await demoOrgByName(ctx.db, '市场监管综合行政执法大队')).id;
    const handlers = handlerIds.map((id) => ({ id }));
    const created = await ctx.request({
      method: 'POST',
      url: '/api/cases',
      cookie: legal,
      payload: caseBody(
        teamId,
        handlers.map((row) => row.id),
      ),
    });
    await ctx.request({
      method: 'PUT',
      url: `/api/cases/${created.json.id}/file`,
      cookie: legal,
      payload: cover,
    });
    const file = await ctx.request({
      method: 'POST',
      url: `/api/cases/${created.json.id}/file/documents`,
      cookie: legal,
      payload: doc('main', 1, 'P05', 1, 1),
    });
    const documentId = file.json.documents[0].id;
    const upload = (body: Buffer, contentType: string, fileName = '现场照片.png') =>
      ctx.request({
        method: 'POST',
        url: `/api/file-documents/${documentId}/attachments`,
        cookie: legal,
        payload: body,
        headers: { 'content-type': contentType, 'x-file-name': encodeURIComponent(fileName) },
      });
    const fake = await upload(Buffer.from('MZ not a pdf'), 'application/pdf');
    expect(fake.status).toBe(400);
    expect(fake.json.error.message).toContain('PDF、JPEG 或 PNG');
    // the same upload check as every other route: a PNG named x.pdf is refused at its field
    const disguised = await upload(PNG, 'application/octet-stream', 'x.pdf');
    expect(disguised.status).toBe(400);
    expect(disguised.json.error.fields[0]).toMatchObject({ field: 'file' });
    expect(disguised.json.error.fields[0].message).toContain('扩展名是 .pdf，内容却是PNG 图片');
    const png = await upload(PNG, 'image/png');
    expect(png.status, JSON.stringify(png.json)).toBe(201);
    expect(png.json.contentType).toBe('image/png');
    const pdf = await upload(PDF, 'application/octet-stream', '询问笔录.pdf');
    expect(pdf.json.contentType).toBe('application/pdf');
    expect(pdf.json.sha256).toMatch(/^[0-9a-f]{64}$/);
    const download = await ctx.app.inject({
      method: 'GET',
      url: `/api/file-attachments/${pdf.json.id}`,
      headers: { cookie: leader },
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    // an uploaded file is served as what its bytes are, never sniffed into something the browser runs
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toMatch(/^attachment; .*filename\*=UTF-8''/);
  });

  it('requirement rules are data an admin edits', async () => {
    const rules = await ctx.request({ method: 'GET', url: '/api/file-requirement-rules', cookie: legal });
    expect(rules.json).toHaveLength(58);
    expect(rules.json.find((rule: { kindCode: string }) => rule.kindCode === 'P16').requiredWhenLabel).toBe(
      '举行听证时必备',
    );
    const byLegal = await ctx.request({
      method: 'PUT',
      url: '/api/file-requirement-rules/P04',
      cookie: legal,
      payload: { requiredWhen: 'always' },
    });
    expect(byLegal.status).toBe(403);
    const byAdmin = await ctx.request({
      method: 'PUT',
      url: '/api/file-requirement-rules/P04',
      cookie: admin,
      payload: { requiredWhen: 'always' },
    });
    expect(byAdmin.json.requiredWhenLabel).toBe('必备');
  });
});
