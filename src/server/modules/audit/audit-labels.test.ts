/**
 * Issue 19, audit log: every action the server writes has a Chinese name in the one table, the
 * action filter offers every one of them, and the search box finds what it promises (对象或内容:
 * the entity and its before/after content) through the trigram index of migration 0130.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTION_OPTIONS,
  ENTITY_TYPE_LABELS,
  entityTypeLabel,
} from '../../../common/audit-labels.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { recordAudit } from './audit.service.ts';
import { scanAuditActions } from './audit-action-scan.ts';

const scan = scanAuditActions();

describe('audit action labels', () => {
  it('finds the writes (the scan is not blind)', () => {
    expect(scan.calls).toBeGreaterThan(150);
    expect(new Set(scan.actions.map((entry) => entry.action)).size).toBeGreaterThan(150);
    for (const known of ['auth.login', 'case.sign', 'officer.export', 'user.deactivate', 'org.activate'])
      expect(scan.actions.map((entry) => entry.action)).toContain(known);
  });

  it('can tell every action a write passes (no action built at run time)', () => {
    expect(scan.unknown).toEqual([]);
  });

  it('gives every written action a Chinese label', () => {
    const labels = AUDIT_ACTION_LABELS as Record<string, string>;
    const missing = scan.actions.filter((entry) => !labels[entry.action]).map((e) => `${e.action} (${e.at})`);
    expect(missing).toEqual([]);
    for (const label of Object.values(labels)) expect(label).toMatch(/\p{Script=Han}/u);
  });

  it('offers every written action in the action filter', () => {
    const offered = new Set(AUDIT_ACTION_OPTIONS.map((option) => option.value));
    expect(scan.actions.filter((entry) => !offered.has(entry.action))).toEqual([]);
    expect(AUDIT_ACTION_OPTIONS.every((option) => option.label !== option.value)).toBe(true);
  });

  it('names every entity type a write records', async () => {
    const { readFileSync } = await import('node:fs');
    const files = [...new Set(scan.actions.map((entry) => entry.at.split(':')[0]!))];
    const types = new Set<string>();
    for (const file of files) {
      const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
      for (const match of text.matchAll(/entityType: '([a-z_]+)'/g)) types.add(match[1]!);
    }
    expect(types.size).toBeGreaterThan(30);
    expect([...types].filter((type) => !ENTITY_TYPE_LABELS[type])).toEqual([]);
    expect(entityTypeLabel('case')).toBe('案件');
  });
});

describe('audit search (对象或内容)', () => {
  let ctx: TestContext;
  let admin: string;
  beforeAll(async () => {
    ctx = await createTestContext();
    admin = await ctx.login('admin');
    await ctx.db.transaction().execute(async (trx) => {
      await recordAudit(trx, null, {
        action: 'case.update',
        entityType: 'case',
        entityId: 'AJ-20260417',
        orgId: 1,
        before: { caseName: '未取得许可经营食品案', handlers: ['李建国'] },
        after: { caseName: '未取得许可经营食品案（已更正）', handlers: ['李建国', '周海涛'] },
      });
    });
  });
  afterAll(() => ctx.close());

  const search = async (keyword: string) => {
    const response = await ctx.request({
      method: 'GET',
      url: `/api/audit?keyword=${encodeURIComponent(keyword)}&pageSize=50`,
      cookie: admin,
    });
    expect(response.status).toBe(200);
    return response.json.items as Array<{ action: string; entityId: string | null }>;
  };

  it('finds a row by a word of its before or after content', async () => {
    expect((await search('已更正')).map((row) => row.entityId)).toContain('AJ-20260417');
    expect((await search('许可经营食品')).map((row) => row.entityId)).toContain('AJ-20260417');
  });

  it('finds a row by its entity', async () => {
    expect((await search('AJ-20260417')).length).toBe(1);
  });

  it('finds rows by the Chinese name of their action', async () => {
    const rows = await search('登录');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.action.startsWith('auth.'))).toBe(true);
  });

  it('does not match what is in no row', async () => {
    expect(await search('绝无此内容的关键词')).toEqual([]);
  });

  it('searches through the trigram index, not by reading every row', async () => {
    const plan = await ctx.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      return sql<{ 'QUERY PLAN': string }>`explain select id from audit_log
        where audit_search_text(actor_name, entity_type, entity_id, before, after) ilike '%许可经营%'`.execute(
        trx,
      );
    });
    expect(plan.rows.map((row) => row['QUERY PLAN']).join('\n')).toContain('audit_log_search_trgm');
  });
});
