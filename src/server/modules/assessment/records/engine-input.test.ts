import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { evaluate, parseScheme } from '../../../../engine/index.ts';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { loadEngineInput } from './engine-input.ts';

/** seed 003 篇1: 以领导和一般工作人员等不同系列分解优秀指标 — one 优秀 seat per 序列 of two. */
const SERIES_SCHEME = `id: series-quota-test
name: 按序列分解优秀指标
subjectKind: officer
period: quarter
components:
  - { kind: deduction, id: s.d, label: 扣分, points: 100, items: [{ id: s.late, label: 迟到, points: 1 }] }
grades:
  - { grade: 优秀, min: 95 }
  - { grade: 合格, min: null }
quotas:
  - { grade: 优秀, maxShare: 50, rounding: floor, per: series }
`;

let ctx: TestContext;
let admin: string;
let supervisor: string;
let periodId: number;
const keys: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login('admin');
  supervisor = await ctx.login('supervisor');
  const orgId = (await demoOrgByName(ctx.db, '市场监管综合行政执法大队')).id;
  for (const [name, series] of [
    ['序列领导甲', 'leader'],
    ['序列领导乙', 'leader'],
    ['序列职员丙', 'staff'],
    ['序列职员丁', 'staff'],
  ] as const) {
    const officer = await ctx.request({
      method: 'POST',
      url: '/api/officers',
      cookie: admin,
      payload: { name, gender: 'male', orgId, series },
    });
    expect(officer.status, JSON.stringify(officer.json)).toBe(201);
    keys[name] = `officer:${officer.json.id}`;
  }
  const upload = await ctx.request({
    method: 'POST',
    url: '/api/assessment/schemes',
    cookie: supervisor,
    payload: { content: SERIES_SCHEME },
  });
  expect(upload.status, JSON.stringify(upload.json)).toBe(201);
  const opened = await ctx.request({
    method: 'POST',
    url: '/api/assessment/periods',
    cookie: supervisor,
    payload: {
      schemeVersionId: upload.json.id,
      periodKey: '2025-Q2',
      subjectIds: Object.values(keys).map((key) => Number(key.slice('officer:'.length))),
    },
  });
  expect(opened.status, JSON.stringify(opened.json)).toBe(201);
  periodId = opened.json.id;
  // 乙 99, 丙 98, 丁 97: pooled together, the two leaders would take both seats
  for (const [name, count] of [
    ['序列领导乙', 1],
    ['序列职员丙', 2],
    ['序列职员丁', 3],
  ] as const) {
    const record = await ctx.request({
      method: 'POST',
      url: `/api/assessment/periods/${periodId}/records`,
      cookie: supervisor,
      payload: { subjectKey: keys[name], item: 's.late', occurredOn: '2025-05-15', count },
    });
    expect(record.status, JSON.stringify(record.json)).toBe(201);
  }
});
afterAll(() => ctx.close());

describe('engine input per series', () => {
  it('gives each subject the 序列 of its officer archive, and each series its own 优秀 quota', async () => {
    const input = await loadEngineInput(ctx.db, { id: periodId, period_key: '2025-Q2' });
    const seriesOf = Object.fromEntries(
      input.subjects.map((subject) => [subject.id, subject.groups?.series]),
    );
    expect(seriesOf).toEqual({
      [keys.序列领导甲!]: '领导',
      [keys.序列领导乙!]: '领导',
      [keys.序列职员丙!]: '一般工作人员',
      [keys.序列职员丁!]: '一般工作人员',
    });
    const parsed = parseScheme(parse(SERIES_SCHEME));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const result = evaluate(parsed.scheme, input);
    const gradeOf = Object.fromEntries(result.subjects.map((subject) => [subject.subject, subject.grade]));
    expect(gradeOf).toEqual({
      [keys.序列领导甲!]: '优秀',
      [keys.序列领导乙!]: '合格',
      [keys.序列职员丙!]: '优秀',
      [keys.序列职员丁!]: '合格',
    });
  });
});
