import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../../common/format.ts';
import { NO_OFFICERS_IN_SCOPE } from '../../../common/training.ts';
import { writeSheet } from '../../lib/xlsx.ts';
import { docxText } from '../../testing/docx-text.ts';
import { demoOrgByName } from '../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { insertOrg } from '../org/org.repository.ts';

let ctx: TestContext;
let legal: string;
let supervisor: string;
let officerCookie: string;
let marketId: number;
let teamId: number;
const today = todayInShanghai(new Date());
const year = Number(today.slice(0, 4));
const lastYear = year - 1;

beforeAll(async () => {
  ctx = await createTestContext();
  [legal, supervisor, officerCookie] = await Promise.all([
    ctx.login('legal'),
    ctx.login('supervisor'),
    ctx.login('officer'),
  ]);
  marketId = (await demoOrgByName(ctx.db, '博湖县市场监督管理局')).id;
  teamId = (await demoOrgByName(ctx.db, '市场监管综合行政执法大队')).id;
});
afterAll(() => ctx.close());

async function newOfficer(name: string, orgId = teamId): Promise<number> {
  const response = await ctx.request({
    method: 'POST',
    url: '/api/officers',
    cookie: legal,
    payload: { name, gender: 'male', orgId },
  });
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return response.json.id;
}

/** The served 参训名单 template with one row typed in: what the importer reads must be what it serves. */
async function fillTemplate(row: string[]): Promise<Buffer> {
  const template = await ctx.app.inject({
    method: 'GET',
    url: '/api/training-sessions/attendees-template.xlsx',
    headers: { cookie: legal },
  });
  expect(template.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template.rawPayload as never);
  workbook.worksheets[0]!.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const sessionBody = (extra: object = {}) => ({
  orgId: marketId,
  kind: 'thematic',
  delivery: 'classroom',
  contentCategory: 'admin_law',
  course: '新修订行政处罚法解读',
  material: '行政处罚法释义',
  hours: 3,
  heldOn: today,
  place: '局三楼会议室',
  isGraded: true,
  ...extra,
});

async function trainingCount(): Promise<number> {
  const row = await ctx.db
    .selectFrom('training')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('training plans (培训制度第四–七条)', () => {
  it('refuses a plan without a title at the field, and writes nothing', async () => {
    const response = await ctx.request({
      method: 'POST',
      url: '/api/training-plans',
      cookie: legal,
      payload: { orgId: marketId, year, title: '', items: [] },
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.json)).toContain('请填写计划名称');
    expect(
      await ctx.db.selectFrom('training_plan').select('id').where('org_id', '=', marketId).execute(),
    ).toEqual([]);
  });

  it('refuses a plan for an organisation outside the scope', async () => {
    const bureau = await demoOrgByName(ctx.db, '博湖县司法局');
    const response = await ctx.request({
      method: 'POST',
      url: '/api/training-plans',
      cookie: legal,
      payload: { orgId: bureau.id, year, title: '越权计划', items: [] },
    });
    // outside the scope the organisation is answered as missing (no existence leak), as the scope probes expect
    expect(response.status).toBe(404);
    expect(response.json.error.message).toBe('单位不存在或无权访问');
  });

  it('creates, edits and lists a yearly plan; one plan per organisation and year', async () => {
    const created = await ctx.request({
      method: 'POST',
      url: '/api/training-plans',
      cookie: legal,
      payload: {
        orgId: marketId,
        year,
        title: `${year}年度执法人员培训计划`,
        items: [
          { kind: 'post', contentCategory: 'three_systems', content: '三项制度', plannedMonth: 3 },
          {
            kind: 'thematic',
            contentCategory: 'admin_law',
            content: '行政处罚法',
            plannedMonth: 5,
            isRequired: true,
          },
        ],
      },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json.items.map((item: { kindLabel: string }) => item.kindLabel)).toEqual([
      '岗位培训',
      '专题培训',
    ]);
    expect(created.json.abilities).toEqual({ canEdit: true, canDelete: true });
    const twice = await ctx.request({
      method: 'POST',
      url: '/api/training-plans',
      cookie: legal,
      payload: { orgId: marketId, year, title: '第二份', items: [] },
    });
    expect(twice.status).toBe(400);
    expect(twice.json.error.fields[0].field).toBe('year');
    const [first, second] = created.json.items;
    const edited = await ctx.request({
      method: 'PUT',
      url: `/api/training-plans/${created.json.id}`,
      cookie: legal,
      payload: {
        orgId: marketId,
        year,
        title: `${year}年度培训计划（修订）`,
        items: [{ ...second, id: second.id, plannedMonth: 6 }],
      },
    });
    expect(edited.status, JSON.stringify(edited.json)).toBe(200);
    expect(edited.json.items).toHaveLength(1);
    expect(edited.json.items[0]).toMatchObject({ id: second.id, plannedMonth: 6 });
    expect(first.id).not.toBe(second.id);
    const list = await ctx.request({
      method: 'GET',
      url: `/api/training-plans?year=${year}`,
      cookie: officerCookie,
    });
    expect(list.status).toBe(200);
    // an officer reads the plans of their own unit's ancestors, and may not edit them
    expect(
      list.json.items.find((plan: { id: number }) => plan.id === created.json.id).abilities.canEdit,
    ).toBe(false);
  });
});

describe('training sessions (培训制度第六–八条)', () => {
  it('finishes a graded session: every attendee’s record with the 考核 result, in one go', async () => {
    const one = await newOfficer('参训甲');
    const two = await newOfficer('参训乙');
    const created = await ctx.request({
      method: 'POST',
      url: '/api/training-sessions',
      cookie: legal,
      payload: sessionBody(),
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json).toMatchObject({
      organiserKind: 'unit',
      status: 'planned',
      deliveryLabel: '集中授课',
    });
    const id = created.json.id;
    const added = await ctx.request({
      method: 'POST',
      url: `/api/training-sessions/${id}/attendees`,
      cookie: legal,
      payload: { officerIds: [one, two] },
    });
    expect(added.status, JSON.stringify(added.json)).toBe(200);
    expect(added.json.session.attendees.map((a: { name: string }) => a.name)).toEqual(['参训甲', '参训乙']);

    const before = await trainingCount();
    const missing = await ctx.request({
      method: 'POST',
      url: `/api/training-sessions/${id}/finish`,
      cookie: legal,
      payload: { results: [{ officerId: one, score: 88 }] },
    });
    expect(missing.status).toBe(400);
    expect(missing.json.error.fields).toContainEqual({
      field: 'results.1.score',
      message: '请登记每位参训人员的考核成绩',
    });
    expect(await trainingCount()).toBe(before);

    const finished = await ctx.request({
      method: 'POST',
      url: `/api/training-sessions/${id}/finish`,
      cookie: legal,
      payload: {
        results: [
          { officerId: one, score: 88 },
          { officerId: two, score: 52 },
        ],
      },
    });
    expect(finished.status, JSON.stringify(finished.json)).toBe(200);
    expect(finished.json.status).toBe('finished');
    expect(finished.json.attendees.map((a: { passed: boolean }) => a.passed)).toEqual([true, false]);
    expect(await trainingCount()).toBe(before + 2);

    // the archive shows the record as ability evidence (第八条)
    const archive = await ctx.request({
      method: 'GET',
      url: `/api/trainings?officerId=${two}`,
      cookie: legal,
    });
    expect(archive.json.items[0]).toMatchObject({
      sessionId: id,
      score: 52,
      passed: false,
      result: '不合格',
      deliveryLabel: '集中授课',
      kindLabel: '专题培训',
      hours: 3,
    });
    // a session's record is changed in the session, not one by one
    const edit = await ctx.request({
      method: 'DELETE',
      url: `/api/trainings/${archive.json.items[0].id}`,
      cookie: legal,
    });
    expect(edit.status).toBe(409);
    const again = await ctx.request({
      method: 'POST',
      url: `/api/training-sessions/${id}/finish`,
      cookie: legal,
      payload: { results: [] },
    });
    expect(again.status).toBe(409);
    const late = await ctx.request({
      method: 'POST',
      url: `/api/training-sessions/${id}/attendees`,
      cookie: legal,
      payload: { officerIds: [one] },
    });
    expect(late.status).toBe(409);
  });

  it('refuses to finish a session not yet held, or with nobody on the list', async () => {
    const future = await ctx.request({
      method: 'POST',
      url: '/api/training-sessions',
      cookie: legal,
      payload: sessionBody({ heldOn: `${year + 1}-01-15`, isGraded: false }),
    });
    const response = await ctx.request({
      method: 'POST',
      url: `/api/training-sessions/${future.json.id}/finish`,
      cookie: legal,
      payload: {},
    });
    expect(response.status).toBe(400);
    expect(response.json.error.fields.map((f: { field: string }) => f.field)).toEqual([
      'heldOn',
      'attendees',
    ]);
  });

  it('imports an attendee list from XLSX, all rows or none', async () => {
    const session = await ctx.request({
      method: 'POST',
      url: '/api/training-sessions',
      cookie: legal,
      payload: sessionBody({ isGraded: false }),
    });
    const certificate = await ctx.db
      .selectFrom('certificate')
      .innerJoin('officer', 'officer.id', 'certificate.officer_id')
      .innerJoin('org', 'org.id', 'officer.org_id')
      .select(['certificate.number', 'officer.name', 'officer.id'])
      .where('org.path', 'like', `${(await demoOrgByName(ctx.db, '博湖县市场监督管理局')).path}%`)
      .where('officer.status', '=', 'active')
      .executeTakeFirstOrThrow();
    const sheet = (rows: string[][]) =>
      writeSheet({
        name: '参训名单',
        columns: [
          { header: '姓名', width: 10 },
          { header: '执法证编号', width: 20 },
        ],
        rows,
      });
    const bad = await ctx.request({
      method: 'POST',
      url: `/api/training-sessions/${session.json.id}/attendees/import`,
      cookie: legal,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      payload: await sheet([
        [certificate.name, certificate.number],
        ['查无此人', 'X-000'],
      ]),
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.rows[0]).toMatchObject({ row: 3, field: '执法证编号' });
    const good = await ctx.request({
      method: 'POST',
      url: `/api/training-sessions/${session.json.id}/attendees/import`,
      cookie: legal,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      payload: await fillTemplate([certificate.name, certificate.number]),
    });
    expect(good.status, JSON.stringify(good.json)).toBe(200);
    expect(good.json.session.attendees.map((a: { officerId: number }) => a.officerId)).toEqual([
      certificate.id,
    ]);
  });

  it('a bureau session is 县司法局举办; its notice takes a 博司发 number; the sign-in sheet lists the attendees', async () => {
    const bureau = await demoOrgByName(ctx.db, '博湖县司法局');
    const created = await ctx.request({
      method: 'POST',
      url: '/api/training-sessions',
      cookie: supervisor,
      payload: sessionBody({ orgId: bureau.id, kind: 'post', course: '全县行政执法人员业务培训' }),
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json.organiserKind).toBe('bureau');
    const attendee = await newOfficer('县培训参训人');
    await ctx.request({
      method: 'POST',
      url: `/api/training-sessions/${created.json.id}/attendees`,
      cookie: supervisor,
      payload: { officerIds: [attendee] },
    });
    const notice = await ctx.request({
      method: 'POST',
      url: `/api/training-sessions/${created.json.id}/notice`,
      cookie: supervisor,
    });
    expect(notice.status, JSON.stringify(notice.json)).toBe(200);
    expect(notice.json.noticeNumber).toMatch(/^博司发〔\d{4}〕\d+号$/);
    const docx = await ctx.app.inject({
      method: 'GET',
      url: `/api/training-sessions/${created.json.id}/sign-in.docx`,
      headers: { cookie: supervisor },
    });
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(docxText(docx.rawPayload)).toContain('县培训参训人');
    // 第七条(一): the agency whose officer attends reads the bureau's session (its own officers on the
    // list only) and finds it in its list, but does not run it
    const bureauOfficer = (
      await ctx.request({
        method: 'POST',
        url: '/api/officers',
        cookie: await ctx.login('admin'),
        payload: { name: '局机关参训人', gender: 'male', orgId: bureau.id },
      })
    ).json.id as number;
    await ctx.request({
      method: 'POST',
      url: `/api/training-sessions/${created.json.id}/attendees`,
      cookie: supervisor,
      payload: { officerIds: [bureauOfficer] },
    });
    const read = await ctx.request({
      method: 'GET',
      url: `/api/training-sessions/${created.json.id}`,
      cookie: legal,
    });
    expect(read.status).toBe(200);
    expect(read.json.attendees.map((a: { name: string }) => a.name)).toEqual(['县培训参训人']);
    expect(read.json.abilities).toEqual({ canEdit: false, canFinish: false, canIssueNotice: false });
    const listed = await ctx.request({
      method: 'GET',
      url: '/api/training-sessions?pageSize=100',
      cookie: legal,
    });
    expect(listed.status, JSON.stringify(listed.json)).toBe(200);
    expect(listed.json.items.map((item: { id: number }) => item.id)).toContain(created.json.id);
    const refused = await ctx.request({
      method: 'POST',
      url: `/api/training-sessions/${created.json.id}/finish`,
      cookie: legal,
      payload: {},
    });
    expect(refused.status).toBe(403);
    // a bureau session none of its officers attend stays unseen: 404, and not in its list
    const other = await ctx.request({
      method: 'POST',
      url: '/api/training-sessions',
      cookie: supervisor,
      payload: sessionBody({ orgId: bureau.id, kind: 'post', course: '局机关内部培训' }),
    });
    await ctx.request({
      method: 'POST',
      url: `/api/training-sessions/${other.json.id}/attendees`,
      cookie: supervisor,
      payload: { officerIds: [bureauOfficer] },
    });
    const unseen = await ctx.request({
      method: 'GET',
      url: `/api/training-sessions/${other.json.id}`,
      cookie: legal,
    });
    expect(unseen.status).toBe(404);
    const all = await ctx.request({
      method: 'GET',
      url: '/api/training-sessions?pageSize=100',
      cookie: legal,
    });
    expect(all.json.items.map((item: { id: number }) => item.id)).not.toContain(other.json.id);
  });
});

describe('self-study logs (培训制度第七条(一)(三))', () => {
  it('an officer logs 法宣在线 hours into their own archive; field errors in Chinese', async () => {
    const bad = await ctx.request({
      method: 'POST',
      url: '/api/self-study',
      cookie: officerCookie,
      payload: { studiedOn: today, hours: 0, platform: 'weibo', content: '' },
    });
    expect(bad.status).toBe(400);
    const fields = bad.json.error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['hours', 'platform', 'content']));
    const good = await ctx.request({
      method: 'POST',
      url: '/api/self-study',
      cookie: officerCookie,
      payload: { studiedOn: today, hours: 1.5, platform: 'faxuan_online', content: '民法典专题课' },
    });
    expect(good.status, JSON.stringify(good.json)).toBe(201);
    expect(good.json).toMatchObject({
      kind: 'self_study',
      platformLabel: '法宣在线',
      isSelfReported: true,
      hours: 1.5,
    });
    const legalTry = await ctx.request({
      method: 'POST',
      url: '/api/self-study',
      cookie: legal,
      payload: { studiedOn: today, hours: 1, platform: 'books', content: '读书' },
    });
    expect(legalTry.status).toBe(403);
  });
});

describe('compliance: plan-required 专题培训, 第十九条, the empty scope', () => {
  it('an officer of the plan’s unit who missed a required thematic session falls short, an attendee does not', async () => {
    const plan = await ctx.request({
      method: 'POST',
      url: '/api/training-plans',
      cookie: legal,
      payload: {
        orgId: marketId,
        year: lastYear,
        title: `${lastYear}年度培训计划`,
        items: [
          {
            kind: 'thematic',
            contentCategory: 'field_law',
            content: '食品安全法专题',
            plannedMonth: 4,
            isRequired: true,
          },
        ],
      },
    });
    expect(plan.status, JSON.stringify(plan.json)).toBe(201);
    const attended = await newOfficer('去年参训');
    const absent = await newOfficer('去年缺训');
    const session = await ctx.request({
      method: 'POST',
      url: '/api/training-sessions',
      cookie: legal,
      payload: sessionBody({
        heldOn: `${lastYear}-04-20`,
        isGraded: false,
        course: '食品安全法专题讲座',
        planItemId: plan.json.items[0].id,
      }),
    });
    await ctx.request({
      method: 'POST',
      url: `/api/training-sessions/${session.json.id}/attendees`,
      cookie: legal,
      payload: { officerIds: [attended] },
    });
    const finished = await ctx.request({
      method: 'POST',
      url: `/api/training-sessions/${session.json.id}/finish`,
      cookie: legal,
      payload: {},
    });
    expect(finished.status, JSON.stringify(finished.json)).toBe(200);
    const report = await ctx.request({
      method: 'GET',
      url: `/api/trainings/compliance?year=${lastYear}&orgId=${teamId}`,
      cookie: legal,
    });
    const of = (id: number) => report.json.officers.find((o: { officerId: number }) => o.officerId === id);
    expect(of(absent).shortfalls).toContain('未参加计划要求的专题培训“食品安全法专题”（4月）');
    expect(of(attended).shortfalls).not.toContain('未参加计划要求的专题培训“食品安全法专题”（4月）');
  });

  it('the bureau’s supervision staff need their own training (协调监督办法第十九条)', async () => {
    const section = await demoOrgByName(ctx.db, '行政执法协调监督科');
    const staff = await ctx.request({
      method: 'POST',
      url: '/api/officers',
      cookie: await ctx.login('admin'),
      payload: { name: '监督科新人', gender: 'female', orgId: section.id },
    });
    expect(staff.status, JSON.stringify(staff.json)).toBe(201);
    const report = await ctx.request({
      method: 'GET',
      url: `/api/trainings/compliance?year=${year}&orgId=${section.id}`,
      cookie: supervisor,
    });
    const entry = report.json.officers.find((o: { officerId: number }) => o.officerId === staff.json.id);
    expect(entry.shortfalls).toContain('协调监督人员本年度未参加岗位培训或专题培训（协调监督办法第十九条）');
  });

  it('a scope with no officers says so, never “all compliant”', async () => {
    const county = await demoOrgByName(ctx.db, '博湖县人民政府');
    const empty = await insertOrg(
      ctx.db,
      { name: '空单位', kind: 'agency', sort_order: 99 } as never,
      county.path,
    );
    const report = await ctx.request({
      method: 'GET',
      url: `/api/trainings/compliance?year=${year}&orgId=${empty.id}&shortOnly=true`,
      cookie: supervisor,
    });
    expect(report.status).toBe(200);
    expect(report.json).toMatchObject({
      officersInScope: 0,
      emptyMessage: NO_OFFICERS_IN_SCOPE,
      officers: [],
    });
  });
});
