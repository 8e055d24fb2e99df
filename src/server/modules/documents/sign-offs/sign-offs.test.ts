import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/database.ts';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { actorOfAccount } from '../../assessment/account-actor.ts';
import { documentsTodoProvider } from '../documents.todos.ts';
import {
  findIssuedDocument,
  recordIssuedDocument,
  takeDocumentNumber,
} from '../registers/registers.service.ts';
import { registerSignOffHandler, type SignOffRequestInfo } from './sign-offs.handlers.ts';
import { cancelSignOff, requestSignOff } from './sign-offs.service.ts';

/** A stand-in owning domain: a draft notice numbered and issued on sign, back to draft on return. */
const notices = new Map<number, { state: 'draft' | 'pending' | 'issued'; comment?: string }>();
let failNextSign = false;
registerSignOffHandler('test_notice', {
  async onSigned(trx: Db, request: SignOffRequestInfo, signer) {
    if (failNextSign) {
      failNextSign = false;
      throw new Error('the owning domain failed');
    }
    const year = Number(signer.signedOn.slice(0, 4));
    const taken = await takeDocumentNumber(trx, { orgId: request.orgId, registerCode: 'supervision', year });
    await recordIssuedDocument(trx, signer.actor, {
      orgId: request.orgId,
      registerCode: 'supervision',
      ...taken,
      year,
      title: request.title,
      recipient: '博湖县市场监督管理局',
      issuedOn: signer.signedOn,
      signedBy: signer.name,
      source: { domain: request.domain, recordType: request.recordType, recordId: request.recordId },
    });
    notices.set(request.recordId, { state: 'issued' });
  },
  async onReturned(_trx, request, comment) {
    notices.set(request.recordId, { state: 'draft', comment });
  },
});

let ctx: TestContext;
let bureauId: number;
let juzhang: string;
beforeAll(async () => {
  ctx = await createTestContext();
  bureauId = (await demoOrgByName(ctx.db, '博湖县司法局')).id;
  juzhang = await ctx.login('juzhang');
});
afterAll(() => ctx.close());

async function ask(recordId: number, signerAccountId?: number) {
  const supervisor = await actorOfAccount(ctx.db, 'supervisor');
  const { id } = await ctx.db.transaction().execute((trx) =>
    requestSignOff(trx, supervisor, {
      domain: 'test',
      recordType: 'test_notice',
      recordId,
      orgId: bureauId,
      title: `关于第${recordId}号检查问题的监督通知`,
      ...(signerAccountId && { signerAccountId }),
    }),
  );
  notices.set(recordId, { state: 'pending' });
  return id;
}

const mine = (cookie: string) => ctx.request({ method: 'GET', url: '/api/documents/sign-offs', cookie });

describe('sign-off', () => {
  it('waits in the bureau leader’s list and workbench, not in an agency leader’s', async () => {
    const id = await ask(1);
    const list = await mine(juzhang);
    expect(list.status).toBe(200);
    expect(list.json.items).toMatchObject([
      {
        id,
        status: 'pending',
        statusLabel: '待签发',
        orgName: '博湖县司法局',
        abilities: { canDecide: true },
      },
    ]);
    const todos = await documentsTodoProvider.listTodos({
      db: ctx.db,
      actor: await actorOfAccount(ctx.db, 'juzhang'),
      today: '2026-12-01',
    });
    expect(todos).toMatchObject([
      {
        key: `documents:sign_off:${id}`,
        kind: 'sign_off.decide',
        title: '签发：关于第1号检查问题的监督通知',
      },
    ]);
    const agencyLeader = await ctx.login('leader');
    expect((await mine(agencyLeader)).json.items).toEqual([]);
    const refused = await ctx.request({
      method: 'POST',
      url: `/api/documents/sign-offs/${id}/sign`,
      cookie: agencyLeader,
      payload: {},
    });
    expect(refused.status).toBe(404);
    // the supervisor who asked reads it among all, but cannot decide
    const supervisor = await ctx.login('supervisor');
    const all = await ctx.request({
      method: 'GET',
      url: '/api/documents/sign-offs?view=all',
      cookie: supervisor,
    });
    expect(all.json.items[0]).toMatchObject({
      id,
      abilities: { canDecide: false },
      requestedByName: '李建国',
    });
    expect((await mine(supervisor)).status).toBe(403);
  });

  it('on sign calls the owning domain, which numbers and issues the record in the same transaction', async () => {
    const id = (await mine(juzhang)).json.items[0].id;
    const signed = await ctx.request({
      method: 'POST',
      url: `/api/documents/sign-offs/${id}/sign`,
      cookie: juzhang,
      payload: {},
    });
    expect(signed.status).toBe(200);
    expect(signed.json).toMatchObject({
      status: 'signed',
      decidedByName: '周海涛',
      abilities: { canDecide: false },
    });
    expect(notices.get(1)).toEqual({ state: 'issued' });
    const issued = await findIssuedDocument(ctx.db, {
      domain: 'test',
      recordType: 'test_notice',
      recordId: 1,
    });
    expect(issued).toMatchObject({ signedBy: '周海涛', status: 'issued' });
    expect(issued!.number).toMatch(/^博司监〔\d{4}〕1号$/);
    const again = await ctx.request({
      method: 'POST',
      url: `/api/documents/sign-offs/${id}/sign`,
      cookie: juzhang,
      payload: {},
    });
    expect(again.status).toBe(409);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'sign_off_request')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['sign_off.request', 'sign_off.sign']);
  });

  it('leaves nothing signed or numbered when the owning domain fails', async () => {
    const id = await ask(2);
    failNextSign = true;
    const failed = await ctx.request({
      method: 'POST',
      url: `/api/documents/sign-offs/${id}/sign`,
      cookie: juzhang,
      payload: {},
    });
    expect(failed.status).toBe(500);
    expect((await mine(juzhang)).json.items.map((item: { id: number }) => item.id)).toEqual([id]);
    const signed = await ctx.request({
      method: 'POST',
      url: `/api/documents/sign-offs/${id}/sign`,
      cookie: juzhang,
      payload: {},
    });
    expect(signed.status).toBe(200);
    // the failed attempt gave its number back: 2 follows 1
    const issued = await findIssuedDocument(ctx.db, {
      domain: 'test',
      recordType: 'test_notice',
      recordId: 2,
    });
    expect(issued!.number).toMatch(/〕2号$/);
  });

  it('returns with a required comment, and the owning domain gets it', async () => {
    const id = await ask(3);
    const empty = await ctx.request({
      method: 'POST',
      url: `/api/documents/sign-offs/${id}/return`,
      cookie: juzhang,
      payload: { comment: ' ' },
    });
    expect(empty.status).toBe(400);
    expect(empty.json.error.fields).toEqual([{ field: 'comment', message: '请填写退回意见' }]);
    const returned = await ctx.request({
      method: 'POST',
      url: `/api/documents/sign-offs/${id}/return`,
      cookie: juzhang,
      payload: { comment: '整改期限写错，请核实' },
    });
    expect(returned.json).toMatchObject({
      status: 'returned',
      statusLabel: '已退回',
      comment: '整改期限写错，请核实',
    });
    expect(notices.get(3)).toEqual({ state: 'draft', comment: '整改期限写错，请核实' });
    expect(
      await findIssuedDocument(ctx.db, { domain: 'test', recordType: 'test_notice', recordId: 3 }),
    ).toBeNull();
    // returned, it may be asked again
    await ask(3);
  });

  it('keeps one pending request per record, names only a leader who covers the organisation, and cancels', async () => {
    await expect(ask(3)).rejects.toThrow(/重复提交/);
    const agencyLeader = await actorOfAccount(ctx.db, 'leader');
    await expect(ask(4, agencyLeader.id)).rejects.toThrow(/不是博湖县司法局的领导/);
    const bureauLeader = await actorOfAccount(ctx.db, 'juzhang');
    await ask(4, bureauLeader.id);
    const supervisor = await actorOfAccount(ctx.db, 'supervisor');
    await ctx.db
      .transaction()
      .execute((trx) =>
        cancelSignOff(trx, supervisor, { domain: 'test', recordType: 'test_notice', recordId: 4 }),
      );
    const pending = (await mine(juzhang)).json.items.map((item: { recordId: number }) => item.recordId);
    expect(pending).toEqual([3]);
  });

  it('lists the leaders who may sign an organisation’s documents', async () => {
    const supervisor = await ctx.login('supervisor');
    const signers = await ctx.request({
      method: 'GET',
      url: `/api/documents/signers?orgId=${bureauId}`,
      cookie: supervisor,
    });
    expect(signers.json.map((signer: { name: string }) => signer.name)).toEqual(['周海涛']);
    const market = await demoOrgByName(ctx.db, '博湖县市场监督管理局');
    const marketSigners = await ctx.request({
      method: 'GET',
      url: `/api/documents/signers?orgId=${market.id}`,
      cookie: supervisor,
    });
    expect(marketSigners.json.map((signer: { name: string }) => signer.name).sort()).toEqual(
      ['刘志强', '周海涛'].sort(),
    );
  });
});
