import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database.ts';
import { migrate, readMigrations } from '../../db/migrate.ts';
import { createTestDatabase } from '../../testing/test-database.ts';

// 0081 moves coordination's own register (0080) into the shared documents layer. A database as it
// stood before: a county whose bureau had numbered 博司协〔2026〕1–3号 (one superseded, one served,
// one signed) and had one opinion waiting for sign-off in the old flow.
let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase({ isEmpty: true });
  const migrations = await readMigrations();
  await migrate(
    database.db,
    migrations.filter((migration) => migration.version <= '0080'),
  );
  await sql
    .raw(`
    insert into org (id, parent_id, path, kind, name) overriding system value values
      (1, null, '/1/', 'government', '测试县人民政府'),
      (2, 1, '/1/2/', 'justice_bureau', '测试县司法局'),
      (3, 1, '/1/3/', 'agency', '测试县市场监督管理局'),
      (4, 1, '/1/4/', 'agency', '测试县农业农村局');
    insert into user_account (id, username, display_name, org_id, roles, password_hash)
      overriding system value values
      (1, 'sup', '监督员', 2, '{supervisor}', 'x'), (2, 'head', '局长甲', 2, '{leader}', 'x');
    insert into document_register (org_id, code, name, prefix) values (2, 'coordination', '协调意见书', '博司协');
    insert into coordination_dispute (id, county_org_id, applicant_org_id, filed_by, filed_on, matter,
      negotiation_record, status, review_days, view_days, conclude_days, execution_days, review_due_on)
      overriding system value values
      (1, 1, 3, 1, '2026-03-01', '活禽监管', '协商未果', 'served', 3, 5, 30, 10, '2026-03-04'),
      (2, 1, 3, 1, '2026-03-02', '秸秆清理', '协商未果', 'signing', 3, 5, 30, 10, '2026-03-05');
    insert into coordination_dispute_party (dispute_id, org_id, role, stated_position, stated_basis) values
      (1, 4, 'respondent', '甲', '依据'), (1, 3, 'applicant', '乙', '依据'),
      (2, 3, 'applicant', '乙', '依据'), (2, 4, 'respondent', '甲', '依据');
    insert into coordination_document (dispute_id, kind, status, title, body, number, created_by,
      signed_by, signed_on) values
      (1, 'opinion', 'superseded', '意见一', '正文', '博司协〔2026〕1号', 1, 2, '2026-03-10'),
      (1, 'opinion', 'served', '意见二', '正文', '博司协〔2026〕2号', 1, 2, '2026-03-12'),
      (2, 'opinion', 'signed', '意见三', '正文', '博司协〔2026〕3号', 1, 2, '2026-03-13'),
      (2, 'opinion', 'pending_sign', '意见四', '正文', null, 1, null, null),
      (2, 'government_decision', 'served', '县政府决定', '正文', '测政办〔2026〕9号', 1, null, null);
    insert into coordination_register values (1, '博司协', 2026, 3);
  `)
    .execute(database.db);
  await migrate(database.db, migrations);
});
afterAll(() => database.close());

describe('0081: coordination numbers move into the shared register', () => {
  it('enters every numbered opinion in the bureau’s register book, and no government decision', async () => {
    const issued = await database.db
      .selectFrom('issued_document')
      .select(['number', 'year', 'sequence', 'org_id', 'recipient', 'signed_by', 'source_record_type'])
      .orderBy('sequence')
      .execute();
    expect(issued).toEqual(
      [1, 2, 3].map((sequence) => ({
        number: `博司协〔2026〕${sequence}号`,
        year: 2026,
        sequence,
        org_id: 2,
        recipient: '测试县市场监督管理局、测试县农业农村局',
        signed_by: '局长甲',
        source_record_type: 'coordination_opinion',
      })),
    );
  });

  it('continues the counter after the last number, so the next opinion is 4号 (gapless)', async () => {
    const year = await database.db
      .selectFrom('document_register_year')
      .select('next_number')
      .where('year', '=', 2026)
      .executeTakeFirstOrThrow();
    expect(year.next_number).toBe(4);
  });

  it('puts the opinion waiting for sign-off in the leaders’ 待签发 list, and drops the old register', async () => {
    const requests = await database.db
      .selectFrom('sign_off_request')
      .select(['domain', 'record_type', 'org_id', 'title', 'status'])
      .execute();
    expect(requests).toEqual([
      {
        domain: 'coordination',
        record_type: 'coordination_opinion',
        org_id: 2,
        title: '意见四',
        status: 'pending',
      },
    ]);
    const table = await sql<{
      name: string | null;
    }>`select to_regclass('coordination_register') as name`.execute(database.db);
    expect(table.rows[0]?.name).toBeNull();
  });
});
