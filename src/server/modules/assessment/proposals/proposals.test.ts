import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { openSectionPeriod, presetVersionId } from '../assessment-fixtures.ts';

let ctx: TestContext;
let supervisor: string;
beforeAll(async () => {
  ctx = await createTestContext();
  supervisor = await ctx.login('supervisor');
});
afterAll(() => ctx.close());

describe('automatic proposals', () => {
  it('proposes a substantiated complaint once, for the owning assessor to confirm', async () => {
    const { period, keys } = await openSectionPeriod(ctx, supervisor, '2025-Q3');
    const office = await demoOrgByName(ctx.db, '办公室');
    const complaint = await ctx.db
      .insertInto('complaint')
      .values({
        org_id: office.id,
        kind: 'complaint',
        officer_id: null,
        case_id: null,
        source: '12345热线',
        received_on: '2025-08-03',
        summary: '窗口推诿',
        finding: 'substantiated',
        handling: '约谈',
        handled_on: '2025-08-10',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const generate = () =>
      ctx.request({
        method: 'POST',
        url: `/api/assessment/periods/${period.id}/proposals/generate`,
        cookie: supervisor,
      });
    expect((await generate()).json.added).toBe(1);
    expect((await generate()).json.added).toBe(0);
    const proposed = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${period.id}/records?status=proposed`,
      cookie: supervisor,
    });
    expect(proposed.json.items).toHaveLength(1);
    expect(proposed.json.items[0]).toMatchObject({
      subjectKey: keys.office,
      item: 'zjg.004.d4.4.complaint',
      occurredOn: '2025-08-10',
      evidence: { kind: 'complaint', id: String(complaint.id) },
    });
    const url = `/api/assessment/periods/${period.id}/proposals/${proposed.json.items[0].id}/decision`;
    const assessor = await ctx.login('assessor');
    const refused = await ctx.request({
      method: 'POST',
      url,
      cookie: assessor,
      payload: { action: 'confirm' },
    });
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toContain('督查科');
    const confirmed = await ctx.request({
      method: 'POST',
      url,
      cookie: supervisor,
      payload: { action: 'confirm' },
    });
    expect(confirmed.json.status).toBe('active');
    const provisional = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${period.id}/subjects/${keys.office}/provisional`,
      cookie: supervisor,
    });
    expect(provisional.json.result.total).toBe('88');
  });
});

describe('what-if and roll-up', () => {
  it('shows grade changes under a draft parameter without touching results, and rolls quarters into the year', async () => {
    const market = await demoOrgByName(ctx.db, '博湖县市场监督管理局');
    const schemeVersionId = await presetVersionId(ctx, supervisor, 'xx-officer-performance');
    const periodIds: number[] = [];
    let subjectKey = '';
    for (const periodKey of ['2025-Q1', '2025-Q2']) {
      const opened = await ctx.request({
        method: 'POST',
        url: '/api/assessment/periods',
        cookie: supervisor,
        payload: { schemeVersionId, periodKey, underOrgId: market.id },
      });
      const periodId = opened.json.id;
      periodIds.push(periodId);
      const subjects = await ctx.db
        .selectFrom('assessment_subject')
        .select('subject_key')
        .where('period_id', '=', periodId)
        .orderBy('subject_key')
        .execute();
      subjectKey = subjects[0]!.subject_key;
      if (periodKey === '2025-Q1') {
        const recorded = await ctx.request({
          method: 'POST',
          url: `/api/assessment/periods/${periodId}/records`,
          cookie: supervisor,
          payload: { subjectKey, item: 'xx.000.t1.1.2.attitude', occurredOn: '2025-02-10' },
        });
        expect(recorded.status).toBe(201);
      }
      await ctx.request({
        method: 'POST',
        url: `/api/assessment/periods/${periodId}/compute`,
        cookie: supervisor,
      });
    }
    const before = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${periodIds[0]}/results`,
      cookie: supervisor,
    });
    const whatIf = await ctx.request({
      method: 'POST',
      url: `/api/assessment/periods/${periodIds[0]}/what-if`,
      cookie: supervisor,
      payload: { params: { excellentMin: 95 } },
    });
    expect(whatIf.status).toBe(200);
    expect(whatIf.json.changed).toBe(1);
    const changed = whatIf.json.items.find((row: { isGradeChanged: boolean }) => row.isGradeChanged);
    expect(changed).toMatchObject({
      subjectKey,
      stored: { total: '93', grade: '优秀' },
      draft: { total: '93', grade: '合格' },
    });
    const after = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${periodIds[0]}/results`,
      cookie: supervisor,
    });
    expect(after.json).toEqual(before.json);
    const badParam = await ctx.request({
      method: 'POST',
      url: `/api/assessment/periods/${periodIds[0]}/what-if`,
      cookie: supervisor,
      payload: { params: { noSuchParam: 1 } },
    });
    expect(badParam.status).toBe(400);
    const year = await ctx.request({
      method: 'GET',
      url: '/api/assessment/roll-up?schemeId=xx-officer-performance&target=2025',
      cookie: supervisor,
    });
    expect(year.status).toBe(200);
    expect(year.json.periods).toEqual(['2025-Q1', '2025-Q2']);
    const rolled = year.json.result.subjects.find(
      (subject: { subject: string }) => subject.subject === subjectKey,
    );
    expect(rolled.total).toBe('96.5');
  });
});

describe('proposal mapping (issue 18 point 9)', () => {
  it('proposes a fact only under an item whose wording describes it, else shows it on the board; a county may choose the item', async () => {
    const market = await demoOrgByName(ctx.db, '博湖县市场监督管理局');
    const schemeVersionId = await presetVersionId(ctx, supervisor, 'xx-officer-performance');
    const openQuarter = async (periodKey: string) => {
      const opened = await ctx.request({
        method: 'POST',
        url: '/api/assessment/periods',
        cookie: supervisor,
        payload: { schemeVersionId, periodKey, underOrgId: market.id },
      });
      expect(opened.status).toBe(201);
      return opened.json.id as number;
    };
    const periodId = await openQuarter('2024-Q3');
    const subject = await ctx.db
      .selectFrom('assessment_subject')
      .select(['subject_key', 'officer_id', 'org_id'])
      .where('period_id', '=', periodId)
      .orderBy('subject_key')
      .executeTakeFirstOrThrow();
    for (const [received, handled] of [
      ['2024-08-01', '2024-08-05'],
      ['2024-11-02', '2024-11-06'],
    ]) {
      await ctx.db
        .insertInto('complaint')
        .values({
          org_id: subject.org_id,
          kind: 'complaint',
          officer_id: subject.officer_id,
          case_id: null,
          source: '12345热线',
          received_on: received!,
          summary: '执法时未出示证件',
          finding: 'substantiated',
          handling: '批评教育',
          handled_on: handled!,
        })
        .execute();
    }
    // seed 000 附表一 has no item for "a substantiated complaint": 1-2 态度不诚恳 is one misconduct
    const generated = await ctx.request({
      method: 'POST',
      url: `/api/assessment/periods/${periodId}/proposals/generate`,
      cookie: supervisor,
    });
    expect(generated.json).toMatchObject({ added: 0, unmapped: 1 });
    const board = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${periodId}/board`,
      cookie: supervisor,
    });
    expect(board.status).toBe(200);
    expect(board.json.unmappedFacts).toEqual([
      expect.objectContaining({
        source: 'complaint_substantiated',
        sourceLabel: '投诉经调查属实',
        subjectKey: subject.subject_key,
        occurredOn: '2024-08-05',
        evidence: expect.objectContaining({ kind: 'complaint' }),
      }),
    ]);
    // the mapping, with the seed wording beside each choice
    const mapping = await ctx.request({
      method: 'GET',
      url: `/api/assessment/proposal-mapping?schemeVersionId=${schemeVersionId}`,
      cookie: supervisor,
    });
    expect(mapping.status).toBe(200);
    const complaint = mapping.json.sources.find(
      (entry: { source: string }) => entry.source === 'complaint_substantiated',
    );
    expect(complaint).toMatchObject({ item: null, defaultItem: null, isCountyChoice: false });
    expect(complaint.defaultReason).toContain('附表一1-2');
    expect(mapping.json.choices).toContainEqual({
      id: 'xx.000.t1.2.1.integrity',
      label: '存在“吃、拿、卡、要”等现象被举报查实',
      clause: '附表一2-1',
    });
    const refused = await ctx.request({
      method: 'PUT',
      url: '/api/assessment/proposal-mapping',
      cookie: supervisor,
      payload: { schemeVersionId, source: 'complaint_substantiated', item: 'no.such.item' },
    });
    expect(refused.status).toBe(400);
    const chosen = await ctx.request({
      method: 'PUT',
      url: '/api/assessment/proposal-mapping',
      cookie: supervisor,
      payload: { schemeVersionId, source: 'complaint_substantiated', item: 'xx.000.t1.2.1.integrity' },
    });
    expect(chosen.status).toBe(200);
    expect(chosen.json.sources[0]).toMatchObject({
      item: { id: 'xx.000.t1.2.1.integrity', clause: '附表一2-1' },
      isCountyChoice: true,
    });
    const next = await openQuarter('2024-Q4');
    const again = await ctx.request({
      method: 'POST',
      url: `/api/assessment/periods/${next}/proposals/generate`,
      cookie: supervisor,
    });
    // Q4 ends the year: the training shortfalls (培训制度第七条) come too, none under 附表二1-3
    expect(again.json.added).toBe(1);
    const proposed = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${next}/records?status=proposed`,
      cookie: supervisor,
    });
    expect(proposed.json.items.map((item: { item: string }) => item.item)).toEqual([
      'xx.000.t1.2.1.integrity',
    ]);
    const nextBoard = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${next}/board`,
      cookie: supervisor,
    });
    expect(nextBoard.json.unmappedFacts.map((fact: { source: string }) => fact.source)).toContain(
      'training_short',
    );
    const assessor = await ctx.login('assessor');
    const forbidden = await ctx.request({
      method: 'PUT',
      url: '/api/assessment/proposal-mapping',
      cookie: assessor,
      payload: { schemeVersionId, source: 'complaint_substantiated', item: null },
    });
    expect(forbidden.status).toBe(403);
  });
});

describe('casework from Fazhi cases (平时考核制度第五条, issue 18 point 7)', () => {
  it('proposes each closed case and each failed quality analysis under the Bohu casework items', async () => {
    const market = await demoOrgByName(ctx.db, '博湖县市场监督管理局');
    const schemeVersionId = await presetVersionId(ctx, supervisor, 'bohu-officer-routine');
    const opened = await ctx.request({
      method: 'POST',
      url: '/api/assessment/periods',
      cookie: supervisor,
      payload: { schemeVersionId, periodKey: '2023-Q2', underOrgId: market.id },
    });
    expect(opened.status).toBe(201);
    const periodId = opened.json.id as number;
    const subject = await ctx.db
      .selectFrom('assessment_subject')
      .select(['subject_key', 'officer_id', 'org_id'])
      .where('period_id', '=', periodId)
      .where('officer_id', 'is not', null)
      .orderBy('subject_key')
      .executeTakeFirstOrThrow();
    const cases: [string, 'pass' | 'fail'][] = [
      ['2023-04-10', 'pass'],
      ['2023-05-12', 'pass'],
      ['2023-06-20', 'fail'],
    ];
    for (const [index, [closedOn, grade]] of cases.entries()) {
      const row = await ctx.db
        .insertInto('enforcement_case')
        .values({
          org_id: subject.org_id,
          kind: 'penalty',
          case_no: `博市监罚〔2023〕9${index}号`,
          name: `测试案件${index}`,
          source: '日常检查',
          filed_on: '2023-04-01',
          closed_on: closedOn,
          quality_grade: grade,
          quality_opinion: grade === 'fail' ? '未告知陈述申辩权利' : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await ctx.db
        .insertInto('case_handler')
        .values({ case_id: row.id, officer_id: subject.officer_id!, certificate_number: `T-${index}` })
        .execute();
    }
    const generated = await ctx.request({
      method: 'POST',
      url: `/api/assessment/periods/${periodId}/proposals/generate`,
      cookie: supervisor,
    });
    expect(generated.status).toBe(200);
    const proposed = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${periodId}/records?status=proposed&pageSize=50`,
      cookie: supervisor,
    });
    const mine = proposed.json.items.filter(
      (item: { subjectKey: string }) => item.subjectKey === subject.subject_key,
    );
    expect(mine.map((item: { item: string }) => item.item).sort()).toEqual([
      'bohu.001.a5.case-closed',
      'bohu.001.a5.case-closed',
      'bohu.001.a5.case-closed',
      'bohu.001.a5.quality-fail',
    ]);
    expect(mine.find((item: { item: string }) => item.item === 'bohu.001.a5.case-closed').note).toMatch(
      /办结$/,
    );
    for (const item of mine) {
      const decided = await ctx.request({
        method: 'POST',
        url: `/api/assessment/periods/${periodId}/proposals/${item.id}/decision`,
        cookie: supervisor,
        payload: { action: 'confirm' },
      });
      expect(decided.status).toBe(200);
    }
    const provisional = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${periodId}/subjects/${subject.subject_key}/provisional`,
      cookie: supervisor,
    });
    // 数量 3 × 20 = 60 × 20 % = 12; 质量和实效: 测评 0 + 办案程序 40 − 10 = 30 × 30 % = 9;
    // 作风纪律 100 × 50 % = 50 → 71
    expect(provisional.json.result.total).toBe('71');
  });
});
