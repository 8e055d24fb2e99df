import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors.ts';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { actorOfAccount } from '../../assessment/account-actor.ts';
import { markDocumentWithdrawn, recordIssuedDocument, takeDocumentNumber } from './registers.service.ts';

let ctx: TestContext;
let bureauId: number;
let admin: string;
beforeAll(async () => {
  ctx = await createTestContext();
  bureauId = (await demoOrgByName(ctx.db, '博湖县司法局')).id;
  admin = await ctx.login('admin');
});
afterAll(() => ctx.close());

/** Issues one document of the bureau's general register in its own transaction. */
async function issue(year: number, recordId: number, options: { isRolledBack?: boolean } = {}) {
  const actor = await actorOfAccount(ctx.db, 'supervisor');
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const taken = await takeDocumentNumber(trx, { orgId: bureauId, registerCode: 'general', year });
      await recordIssuedDocument(trx, actor, {
        orgId: bureauId,
        registerCode: 'general',
        ...taken,
        year,
        title: `测试发文${recordId}`,
        recipient: '各有关单位',
        issuedOn: `${year}-03-01`,
        signedBy: '周海涛',
        source: { domain: 'test', recordType: 'test_document', recordId },
      });
      if (options.isRolledBack) throw new Error('rolled back after taking the number');
      return taken;
    })
    .catch((error: Error) => {
      if (options.isRolledBack) return null;
      throw error;
    });
}

describe('document numbers', () => {
  it('gives 50 concurrent issues the numbers 1…50, no gap and no repeat', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, index) => issue(2031, index + 1)));
    const sequences = results.map((result) => result!.sequence).sort((left, right) => left - right);
    expect(sequences).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect(new Set(results.map((result) => result!.number)).size).toBe(50);
    expect(results.map((result) => result!.number)).toContain('博司发〔2031〕50号');
    const rows = await ctx.db
      .selectFrom('issued_document')
      .select('sequence')
      .where('year', '=', 2031)
      .orderBy('sequence')
      .execute();
    expect(rows.map((row) => row.sequence)).toEqual(sequences);
  });

  it('gives a rolled-back issue’s number to the next one, and counts each year from 1', async () => {
    expect((await issue(2032, 100))!.number).toBe('博司发〔2032〕1号');
    expect(await issue(2032, 101, { isRolledBack: true })).toBeNull();
    expect((await issue(2032, 102))!.number).toBe('博司发〔2032〕2号');
    expect((await issue(2033, 103))!.number).toBe('博司发〔2033〕1号');
  });

  it('refuses an organisation without the register, and a deactivated register', async () => {
    const market = await demoOrgByName(ctx.db, '博湖县市场监督管理局');
    await expect(
      ctx.db
        .transaction()
        .execute((trx) => takeDocumentNumber(trx, { orgId: market.id, registerCode: 'general', year: 2031 })),
    ).rejects.toThrow(/未设置/);
    const list = await ctx.request({ method: 'GET', url: '/api/documents/registers', cookie: admin });
    const coordination = list.json.find((row: { code: string }) => row.code === 'coordination');
    await ctx.request({
      method: 'PATCH',
      url: `/api/documents/registers/${coordination.id}`,
      cookie: admin,
      payload: { isActive: false },
    });
    await expect(
      ctx.db
        .transaction()
        .execute((trx) =>
          takeDocumentNumber(trx, { orgId: bureauId, registerCode: 'coordination', year: 2031 }),
        ),
    ).rejects.toThrow(/已停用/);
  });

  it('withdraws an entry and keeps its number', async () => {
    const actor = await actorOfAccount(ctx.db, 'supervisor');
    await ctx.db.transaction().execute((trx) =>
      markDocumentWithdrawn(trx, actor, {
        domain: 'test',
        recordType: 'test_document',
        recordId: 100,
        reason: '内容有误',
      }),
    );
    const page = await ctx.request({
      method: 'GET',
      url: `/api/documents/issued?status=withdrawn&keyword=${encodeURIComponent('博司发〔2032〕1号')}`,
      cookie: admin,
    });
    expect(page.json.items).toMatchObject([
      {
        number: '博司发〔2032〕1号',
        status: 'withdrawn',
        statusLabel: '已撤回',
        withdrawnReason: '内容有误',
      },
    ]);
    await expect(
      ctx.db.transaction().execute((trx) =>
        markDocumentWithdrawn(trx, actor, {
          domain: 'test',
          recordType: 'test_document',
          recordId: 100,
          reason: '再撤',
        }),
      ),
    ).rejects.toBeInstanceOf(AppError);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['document.issue', 'document.withdraw'])
      .execute();
    expect(audit.filter((row) => row.action === 'document.withdraw')).toHaveLength(1);
    expect(audit.filter((row) => row.action === 'document.issue').length).toBeGreaterThanOrEqual(53);
  });
});

describe('register settings and the register book', () => {
  it('lists the demo bureau’s registers with their next number', async () => {
    const list = await ctx.request({
      method: 'GET',
      url: '/api/documents/registers?year=2031',
      cookie: admin,
    });
    expect(list.status).toBe(200);
    const prefixes = list.json.map((row: { prefix: string }) => row.prefix);
    expect(prefixes).toEqual(expect.arrayContaining(['博司监', '博司评', '博司协', '博司发', '博考办']));
    const general = list.json.find((row: { code: string }) => row.code === 'general');
    expect(general).toMatchObject({
      nextNumber: 51,
      nextDocumentNumber: '博司发〔2031〕51号',
      canManage: true,
    });
  });

  it('sets the next number forward but never back onto an issued one', async () => {
    const list = await ctx.request({ method: 'GET', url: '/api/documents/registers', cookie: admin });
    const general = list.json.find((row: { code: string }) => row.code === 'general');
    const back = await ctx.request({
      method: 'PATCH',
      url: `/api/documents/registers/${general.id}`,
      cookie: admin,
      payload: { year: 2031, nextNumber: 50 },
    });
    expect(back.status).toBe(400);
    expect(back.json.error.fields).toEqual([
      { field: 'nextNumber', message: '2031年已发至第 50 号，下一个文号不能小于 51' },
    ]);
    const forward = await ctx.request({
      method: 'PATCH',
      url: `/api/documents/registers/${general.id}`,
      cookie: admin,
      payload: { year: 2034, nextNumber: 18 },
    });
    expect(forward.json).toMatchObject({
      year: 2034,
      nextNumber: 18,
      nextDocumentNumber: '博司发〔2034〕18号',
    });
    expect((await issue(2034, 200))!.number).toBe('博司发〔2034〕18号');
  });

  it('creates a register with field-level errors for bad input', async () => {
    const market = await demoOrgByName(ctx.db, '博湖县市场监督管理局');
    const bad = await ctx.request({
      method: 'POST',
      url: '/api/documents/registers',
      cookie: admin,
      payload: { orgId: market.id, code: 'Penalty', name: '', prefix: '博市监〔' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.map((field: { field: string }) => field.field).sort()).toEqual([
      'code',
      'name',
      'prefix',
    ]);
    const created = await ctx.request({
      method: 'POST',
      url: '/api/documents/registers',
      cookie: admin,
      payload: { orgId: market.id, code: 'penalty', name: '处罚决定书', prefix: '博市监罚' },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ orgName: '博湖县市场监督管理局', nextNumber: 1 });
    const again = await ctx.request({
      method: 'POST',
      url: '/api/documents/registers',
      cookie: admin,
      payload: { orgId: market.id, code: 'penalty', name: '处罚决定书', prefix: '博市监罚' },
    });
    expect(again.json.error.fields).toEqual([
      { field: 'code', message: '博湖县市场监督管理局已有代码为 penalty 的登记簿' },
    ]);
    const legal = await ctx.login('legal');
    const refused = await ctx.request({
      method: 'POST',
      url: '/api/documents/registers',
      cookie: legal,
      payload: { orgId: market.id, code: 'licence', name: '许可决定书', prefix: '博市监许' },
    });
    expect(refused.status).toBe(403);
  });

  it('searches the register book and exports it as XLSX', async () => {
    const search = await ctx.request({
      method: 'GET',
      url: `/api/documents/issued?year=2031&keyword=${encodeURIComponent('测试发文7')}&pageSize=5`,
      cookie: admin,
    });
    expect(search.json.items.map((row: { title: string }) => row.title).sort()).toEqual(['测试发文7']);
    expect(search.json.items[0]).toMatchObject({
      recipient: '各有关单位',
      signedBy: '周海涛',
      registerName: '综合发文',
    });
    const exported = await ctx.app.inject({
      method: 'GET',
      url: '/api/documents/issued/export.xlsx?year=2031',
      headers: { cookie: admin },
    });
    expect(exported.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('文号');
    expect(sheet.rowCount).toBe(51);
    expect(sheet.getRow(2).getCell(2).value).toBe('博司发〔2031〕1号');
  });
});
