import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '../../../lib/uploads.ts';
import { createForeignCounty, demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { decideAppeal, submitAppeal } from '../appeals/appeals.service.ts';
import { actorOf, presetVersionId } from '../assessment-fixtures.ts';
import { finalisePeriod, publishPeriod } from '../results/results.service.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);

let ctx: TestContext;
let supervisor: string;
let officer: string;
let legal: string;
let foreignSupervisor: string;
let periodId: number;
let ownKey: string;
let colleagueKey: string;
let ownRecordId: number;
let colleagueRecordId: number;

const periodUrl = (rest: string) => `/api/assessment/periods/${periodId}${rest}`;

function upload(
  url: string,
  cookie: string,
  body: Buffer,
  fileName: string,
  contentType = 'application/octet-stream',
) {
  return ctx.request({
    method: 'POST',
    url,
    cookie,
    payload: body,
    headers: { 'content-type': contentType, 'x-file-name': encodeURIComponent(fileName) },
  });
}

function download(attachmentId: number, cookie: string) {
  return ctx.app.inject({
    method: 'GET',
    url: periodUrl(`/attachments/${attachmentId}`),
    headers: { cookie },
  });
}

async function auditActions(entityId: number) {
  const rows = await ctx.db
    .selectFrom('audit_log')
    .select(['action', 'after', 'before'])
    .where('entity_type', '=', 'assessment_attachment')
    .where('entity_id', '=', String(entityId))
    .orderBy('id')
    .execute();
  return rows;
}

beforeAll(async () => {
  ctx = await createTestContext();
  supervisor = await ctx.login('supervisor');
  officer = await ctx.login('officer');
  legal = await ctx.login('legal');
  const foreign = await createForeignCounty(ctx.db);
  foreignSupervisor = await ctx.login(foreign.usernames.supervisor);
  const teamId = (await demoOrgByName(ctx.db, '市场监管综合行政执法大队')).id;
  const me = await ctx.request({ method: 'GET', url: '/api/officers/me', cookie: officer });
  ownKey = `officer:${me.json.id}`;
  const colleague = await ctx.db
    .selectFrom('officer')
    .select('id')
    .where('org_id', '=', teamId)
    .where('id', '!=', me.json.id)
    .where('status', '=', 'active')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  colleagueKey = `officer:${colleague.id}`;
  const opened = await ctx.request({
    method: 'POST',
    url: '/api/assessment/periods',
    cookie: supervisor,
    payload: {
      schemeVersionId: await presetVersionId(ctx, supervisor, 'xx-officer-performance'),
      periodKey: '2025-Q3',
      subjectIds: [me.json.id, colleague.id],
    },
  });
  expect(opened.status, JSON.stringify(opened.json)).toBe(201);
  periodId = opened.json.id;
  const record = async (subjectKey: string) => {
    const response = await ctx.request({
      method: 'POST',
      url: periodUrl('/records'),
      cookie: supervisor,
      payload: {
        subjectKey,
        item: 'xx.000.t1.1.2.attitude',
        occurredOn: '2025-08-12',
        note: '群众投诉态度生硬',
      },
    });
    expect(response.status, JSON.stringify(response.json)).toBe(201);
    return response.json.id as number;
  };
  ownRecordId = await record(ownKey);
  colleagueRecordId = await record(colleagueKey);
});
afterAll(() => ctx.close());

describe('record evidence', () => {
  let pdfId: number;
  let pngId: number;

  it('refuses a 「.pdf」 whose bytes are a PNG, naming the field; stores nothing', async () => {
    const fake = await upload(
      periodUrl(`/records/${ownRecordId}/attachments`),
      supervisor,
      PNG,
      '处罚决定书.pdf',
    );
    expect(fake.status).toBe(400);
    expect(fake.json.error.fields).toEqual([
      {
        field: 'file',
        message: '证据材料「处罚决定书.pdf」的扩展名是 .pdf，内容却是PNG 图片，请上传真实的文件',
      },
    ]);
    const declared = await upload(
      periodUrl(`/records/${ownRecordId}/attachments`),
      supervisor,
      PNG,
      '扫描件',
      'application/pdf',
    );
    expect(declared.status).toBe(400);
    expect(declared.json.error.fields[0].field).toBe('file');
    const notEvidence = await upload(
      periodUrl(`/records/${ownRecordId}/attachments`),
      supervisor,
      Buffer.from('PK\u0003\u0004 word'),
      '说明.docx',
    );
    expect(notEvidence.json.error.fields[0]).toEqual({
      field: 'file',
      message: '证据材料须为 PDF、JPEG 或 PNG 文件',
    });
    const stored = await ctx.db.selectFrom('assessment_attachment').select('id').execute();
    expect(stored).toEqual([]);
  });

  it('refuses a file over 10 MB with a message on the field, not a bare 413', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_MAX_BYTES + 1 - PDF.length)]);
    const response = await upload(
      periodUrl(`/records/${ownRecordId}/attachments`),
      supervisor,
      big,
      '大文件.pdf',
    );
    expect(response.status).toBe(400);
    expect(response.json.error.fields).toEqual([{ field: 'file', message: '文件不能超过 10 MB' }]);
  });

  it('stores a PDF with its SHA-256, type by bytes, audited; lists it with the record', async () => {
    const response = await upload(
      periodUrl(`/records/${ownRecordId}/attachments`),
      supervisor,
      PDF,
      '投诉笔录.pdf',
    );
    expect(response.status, JSON.stringify(response.json)).toBe(201);
    expect(response.json).toMatchObject({
      fileName: '投诉笔录.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    pdfId = response.json.id;
    const png = await upload(
      periodUrl(`/records/${colleagueRecordId}/attachments`),
      supervisor,
      PNG,
      '现场照片.png',
    );
    expect(png.status).toBe(201);
    pngId = png.json.id;
    const audit = await auditActions(pdfId);
    expect(audit.map((row) => row.action)).toEqual(['assessment.attachment_upload']);
    expect(audit[0]!.after).toMatchObject({ recordId: ownRecordId, sha256: response.json.sha256 });

    const list = await ctx.request({ method: 'GET', url: periodUrl('/records'), cookie: supervisor });
    const own = list.json.items.find((item: { id: number }) => item.id === ownRecordId);
    expect(own.attachments).toEqual([expect.objectContaining({ id: pdfId, fileName: '投诉笔录.pdf' })]);
    expect(own.canDownloadEvidence).toBe(true);
    const file = await download(pdfId, supervisor);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);
  });

  it('another county gets 404 on download, upload and delete', async () => {
    expect((await download(pdfId, foreignSupervisor)).statusCode).toBe(404);
    const upload404 = await upload(
      periodUrl(`/records/${ownRecordId}/attachments`),
      foreignSupervisor,
      PDF,
      'x.pdf',
    );
    expect(upload404.status).toBe(404);
    const deleted = await ctx.request({
      method: 'DELETE',
      url: periodUrl(`/attachments/${pdfId}`),
      cookie: foreignSupervisor,
    });
    expect(deleted.status).toBe(404);
  });

  it('the subject officer sees the file listed but downloads it only once results are published', async () => {
    const list = await ctx.request({ method: 'GET', url: periodUrl('/records'), cookie: officer });
    expect(list.json.items.map((item: { id: number }) => item.id)).toEqual([ownRecordId]);
    expect(list.json.items[0].attachments).toHaveLength(1);
    expect(list.json.items[0].canDownloadEvidence).toBe(false);
    const early = await download(pdfId, officer);
    expect(early.statusCode).toBe(403);
    expect(early.json().error.message).toBe('考核结果公示后方可下载本人考核记录的证据材料');
    const byOfficer = await upload(
      periodUrl(`/records/${ownRecordId}/attachments`),
      officer,
      PDF,
      '自证.pdf',
    );
    expect(byOfficer.status).toBe(403);
  });

  it('deleting is audited with what was removed; the file is gone', async () => {
    const deleted = await ctx.request({
      method: 'DELETE',
      url: periodUrl(`/attachments/${pngId}`),
      cookie: supervisor,
    });
    expect(deleted.status).toBe(204);
    expect((await download(pngId, supervisor)).statusCode).toBe(404);
    const audit = await auditActions(pngId);
    expect(audit.map((row) => row.action)).toEqual([
      'assessment.attachment_upload',
      'assessment.attachment_delete',
    ]);
    expect(audit[1]!.before).toMatchObject({ recordId: colleagueRecordId, fileName: '现场照片.png' });
    const again = await upload(
      periodUrl(`/records/${colleagueRecordId}/attachments`),
      supervisor,
      JPEG,
      '现场照片.jpg',
    );
    expect(again.json.contentType).toBe('image/jpeg');
    pngId = again.json.id;
  });

  it('after publication: the officer downloads their own evidence, never a colleague’s; records’ files are frozen', async () => {
    const actor = await actorOf(ctx, 'supervisor');
    await ctx.request({ method: 'POST', url: periodUrl('/compute'), cookie: supervisor });
    await publishPeriod(ctx.db, actor, periodId, '2025-09-30');
    const own = await download(pdfId, officer);
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(PDF)).toBe(true);
    const colleague = await download(pngId, officer);
    expect(colleague.statusCode).toBe(403);
    const card = await ctx.request({
      method: 'GET',
      url: periodUrl(`/subjects/${ownKey}/scorecard`),
      cookie: officer,
    });
    expect(card.json.records[`R${ownRecordId}`].attachments).toEqual([
      expect.objectContaining({ id: pdfId }),
    ]);
    const late = await upload(periodUrl(`/records/${ownRecordId}/attachments`), supervisor, PDF, '补充.pdf');
    expect(late.status).toBe(409);
    expect(late.json.error.message).toContain('公示');
  });
});

describe('appeal proof', () => {
  let appealId: number;
  const proof: number[] = [];

  it('the appellant attaches several files; the office and the appellant read them, others not', async () => {
    const appeal = await submitAppeal(
      ctx.db,
      await actorOf(ctx, 'officer'),
      periodId,
      ownKey,
      { reasons: '投诉已查明不属实' },
      '2025-10-09',
    );
    appealId = appeal.id;
    for (const [body, name] of [
      [PDF, '调查结论.pdf'],
      [JPEG, '回访记录.jpg'],
    ] as const) {
      const response = await upload(periodUrl(`/appeals/${appealId}/attachments`), officer, body, name);
      expect(response.status, JSON.stringify(response.json)).toBe(201);
      proof.push(response.json.id);
    }
    const bySupervisor = await upload(
      periodUrl(`/appeals/${appealId}/attachments`),
      supervisor,
      PDF,
      'x.pdf',
    );
    expect(bySupervisor.status).toBe(403);
    const byOther = await upload(periodUrl(`/appeals/${appealId}/attachments`), legal, PDF, 'x.pdf');
    expect(byOther.status).toBe(403);

    const mine = await ctx.request({ method: 'GET', url: periodUrl('/appeals'), cookie: officer });
    expect(mine.json.items[0].attachments.map((file: { fileName: string }) => file.fileName)).toEqual([
      '调查结论.pdf',
      '回访记录.jpg',
    ]);
    expect((await download(proof[1]!, supervisor)).rawPayload.equals(JPEG)).toBe(true);
    expect((await download(proof[0]!, officer)).statusCode).toBe(200);
    expect((await download(proof[0]!, legal)).statusCode).toBe(403);
    expect((await download(proof[0]!, foreignSupervisor)).statusCode).toBe(404);
    const card = await ctx.request({
      method: 'GET',
      url: periodUrl(`/subjects/${ownKey}/scorecard`),
      cookie: officer,
    });
    expect(card.json.appeals[0].attachments).toHaveLength(2);
  });

  it('the appellant may remove proof while the appeal waits, not after the decision', async () => {
    const removed = await ctx.request({
      method: 'DELETE',
      url: periodUrl(`/attachments/${proof[1]}`),
      cookie: officer,
    });
    expect(removed.status).toBe(204);
    const actions = (await auditActions(proof[1]!)).map((row) => row.action);
    expect(actions).toEqual(['assessment.attachment_upload', 'assessment.attachment_delete']);
    await decideAppeal(
      ctx.db,
      await actorOf(ctx, 'supervisor'),
      periodId,
      appealId,
      { decision: 'rejected', reasons: '投诉经复核属实' },
      '2025-10-10',
    );
    const late = await upload(periodUrl(`/appeals/${appealId}/attachments`), officer, PDF, '补充.pdf');
    expect(late.status).toBe(409);
    expect(late.json.error.message).toBe('该申诉已作出决定，不能再更改证明材料');
  });

  it('after finalise nothing is added or removed, and the files stay readable', async () => {
    await finalisePeriod(ctx.db, await actorOf(ctx, 'supervisor'), periodId, '2025-10-14');
    const removeEvidence = await ctx.request({
      method: 'DELETE',
      url: periodUrl(`/attachments/${proof[0]}`),
      cookie: officer,
    });
    expect(removeEvidence.status).toBe(409);
    expect(removeEvidence.json.error.message).toContain('已定档');
    const list = await ctx.request({ method: 'GET', url: periodUrl('/records'), cookie: supervisor });
    const recordFile = list.json.items.find((item: { id: number }) => item.id === ownRecordId).attachments[0];
    const removeRecordFile = await ctx.request({
      method: 'DELETE',
      url: periodUrl(`/attachments/${recordFile.id}`),
      cookie: supervisor,
    });
    expect(removeRecordFile.status).toBe(409);
    expect(removeRecordFile.json.error.message).toContain('已定档');
    const late = await upload(periodUrl(`/records/${ownRecordId}/attachments`), supervisor, PDF, '补充.pdf');
    expect(late.status).toBe(409);
    expect((await download(recordFile.id, officer)).statusCode).toBe(200);
  });
});
