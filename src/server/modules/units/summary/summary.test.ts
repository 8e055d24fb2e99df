import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../../../common/format.ts';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { actorOfAccount } from '../../assessment/account-actor.ts';
import { summaryOverdue, unitsTodos } from '../units.todos.ts';

let ctx: TestContext;
let cookies: Record<'legal' | 'nongye' | 'sifasuo' | 'supervisor' | 'leader' | 'officer', string>;
let market: number;
let agriculture: number;
let bohu: number;
// a year the demo seed leaves alone (it records last year's copies)
const year = Number(todayInShanghai(new Date()).slice(0, 4)) - 3;
const next = year + 1;
const url = (orgId: number) => `/api/units/${orgId}/summary-submissions`;

beforeAll(async () => {
  ctx = await createTestContext();
  const names = ['legal', 'nongye', 'sifasuo', 'supervisor', 'leader', 'officer'] as const;
  cookies = Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await ctx.login(name)] as const)),
  ) as typeof cookies;
  market = (await demoOrgByName(ctx.db, '博湖县市场监督管理局')).id;
  agriculture = (await demoOrgByName(ctx.db, '博湖县农业农村局')).id;
  bohu = (await demoOrgByName(ctx.db, '博湖镇人民政府')).id;
});
afterAll(() => ctx.close());

const send = (cookie: string, method: 'GET' | 'POST', path: string, payload?: object) =>
  ctx.request({ method, url: path, cookie, ...(payload && { payload }) });
const countCopies = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('unit_summary_submission')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('执法业绩考评汇总表 submission (seed 000 填表说明)', () => {
  it('lists every unit with officers, each with its two copies out and overdue', async () => {
    const list = await send(cookies.supervisor, 'GET', `/api/unit-summary-submissions?year=${year}`);
    expect(list.status).toBe(200);
    expect(list.json.dueOn).toBe(`${next}-01-15`);
    // 7 agencies and 5 townships of the demo county have officers; the bureau and leading group none
    expect(list.json.items).toHaveLength(12);
    const row = list.json.items.find((item: { orgId: number }) => item.orgId === market);
    expect(row).toMatchObject({ state: 'overdue', stateLabel: '逾期', canRecord: true });
    expect(row.copies.map((copy: { recipientLabel: string }) => copy.recipientLabel)).toEqual([
      '依法治市领导小组办公室',
      '依法行政领导小组办公室',
    ]);
    const own = await send(cookies.legal, 'GET', `/api/unit-summary-submissions?year=${year}`);
    expect(own.json.items.map((item: { orgId: number }) => item.orgId)).toEqual([market]);
  });

  it('the unit records its two copies; the second after 1月15日 is late, and the unit is done', async () => {
    const first = await send(cookies.legal, 'POST', url(market), {
      year,
      recipient: 'rule_of_law_office',
      submittedOn: `${next}-01-10`,
      note: '专人送达',
    });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ state: 'overdue', canRecord: true });
    expect(first.json.copies[0]).toMatchObject({
      submittedOn: `${next}-01-10`,
      submittedByName: '王丽娟',
      note: '专人送达',
      isLate: false,
    });
    const second = await send(cookies.legal, 'POST', url(market), {
      year,
      recipient: 'administration_office',
      submittedOn: `${next}-01-20`,
    });
    expect(second.json).toMatchObject({ state: 'done', stateLabel: '已报送（逾期）', canRecord: false });
    expect(second.json.copies[1].isLate).toBe(true);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'org_id'])
      .where('action', '=', 'units.summary_submit')
      .where(sql`after->>'year'`, '=', String(year))
      .execute();
    expect(audit).toEqual([
      { action: 'units.summary_submit', org_id: market },
      { action: 'units.summary_submit', org_id: market },
    ]);
  });

  it.each([
    [
      'a copy already recorded',
      { recipient: 'rule_of_law_office', submittedOn: `${next}-01-12` },
      'recipient',
    ],
    ['an unknown office', { recipient: 'party_committee', submittedOn: `${next}-01-12` }, 'recipient'],
    ['a day after today', { recipient: 'rule_of_law_office', submittedOn: '2099-01-01' }, 'submittedOn'],
    [
      'a day before December of the year',
      { recipient: 'rule_of_law_office', submittedOn: `${year}-11-30` },
      'submittedOn',
    ],
    ['no date', { recipient: 'rule_of_law_office' }, 'submittedOn'],
  ])('refuses %s at its field and stores nothing', async (_name, body, field) => {
    const before = await countCopies();
    const response = await send(cookies.legal, 'POST', url(market), { year, ...body });
    expect(response.status).toBe(400);
    expect(response.json.error.fields.map((problem: { field: string }) => problem.field)).toEqual([field]);
    expect(response.json.error.fields[0].message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await countCopies()).toBe(before);
  });

  it.each([
    ['another agency’s legal officer', 'legal', () => agriculture, 404],
    ['a legal officer on a township', 'nongye', () => bohu, 404],
    ['an officer (no units role)', 'officer', () => market, 403],
    ['a leader reads but does not record', 'leader', () => market, 403],
  ] as const)('refuses %s', async (_name, account, orgId, status) => {
    const before = await countCopies();
    const response = await send(cookies[account], 'POST', url(orgId()), {
      year,
      recipient: 'administration_office',
      submittedOn: `${next}-01-05`,
    });
    expect(response.status).toBe(status);
    expect(await countCopies()).toBe(before);
  });

  it('the office records a township’s copy for it', async () => {
    const response = await send(cookies.supervisor, 'POST', url(bohu), {
      year,
      recipient: 'administration_office',
      submittedOn: `${next}-01-14`,
    });
    expect(response.json).toMatchObject({ state: 'overdue', canRecord: true });
    expect(response.json.copies[1].submittedByName).toBe('李建国');
  });

  it('the to-do waits for the unit’s own account until both copies are in', async () => {
    const nongye = await actorOfAccount(ctx.db, 'nongye');
    const todos = await unitsTodos.listTodos({ db: ctx.db, actor: nongye, today: `${next}-01-10` });
    expect(todos).toEqual([
      {
        key: `units:summary.submit:${agriculture}:${year}`,
        domain: 'units',
        kind: 'summary.submit',
        title: `报送${year}年度执法业绩考评汇总表：博湖县农业农村局（尚未报送依法治市领导小组办公室、依法行政领导小组办公室）`,
        dueOn: `${next}-01-15`,
        deadlineState: 'due_soon',
        link: `/unit-summary?year=${year}`,
        orgId: agriculture,
      },
    ]);
    const legal = await actorOfAccount(ctx.db, 'legal');
    expect(await unitsTodos.listTodos({ db: ctx.db, actor: legal, today: `${next}-01-10` })).toEqual([]);
    const sifasuo = await actorOfAccount(ctx.db, 'sifasuo');
    const township = await unitsTodos.listTodos({ db: ctx.db, actor: sifasuo, today: `${next}-01-10` });
    expect(township.map((item) => item.title)).toEqual([
      `报送${year}年度执法业绩考评汇总表：博湖镇人民政府（尚未报送依法治市领导小组办公室）`,
    ]);
    const supervisor = await actorOfAccount(ctx.db, 'supervisor');
    expect(await unitsTodos.listTodos({ db: ctx.db, actor: supervisor, today: `${next}-01-10` })).toEqual([]);
  });

  it('warns after 1月15日 for each unit with a copy still out', async () => {
    const county = await demoOrgByName(ctx.db, '博湖县人民政府');
    const onDue = await summaryOverdue.findHits({
      db: ctx.db,
      countyPath: county.path,
      today: `${next}-01-15`,
      params: {},
    });
    expect(onDue).toEqual([]);
    const hits = await summaryOverdue.findHits({
      db: ctx.db,
      countyPath: county.path,
      today: `${next}-01-16`,
      params: {},
    });
    expect(hits).toHaveLength(11);
    expect(hits.map((hit) => hit.orgId)).not.toContain(market);
    expect(hits.find((hit) => hit.orgId === bohu)?.message).toBe(
      `博湖镇人民政府的${year}年度执法业绩考评汇总表应于${next}年1月15日前报送，尚未报送依法治市领导小组办公室`,
    );
  });
});
