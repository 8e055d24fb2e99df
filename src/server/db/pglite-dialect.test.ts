import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPGlite, type DatabaseHandle, wrapPGlite } from './database.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = wrapPGlite(await createPGlite({}));
  await sql`create table probe (id serial primary key, owner text not null)`.execute(handle.db);
});
afterAll(() => handle.close());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PGlite dialect', () => {
  it('never interleaves two transactions on the one connection', async () => {
    const seen: string[][] = [];
    const slow = handle.db.transaction().execute(async (trx) => {
      await sql`insert into probe (owner) values ('slow')`.execute(trx);
      await pause(50);
      const rows = await sql<{ owner: string }>`select owner from probe order by id`.execute(trx);
      seen.push(rows.rows.map((row) => row.owner));
      throw new Error('roll back slow');
    });
    const fast = handle.db.transaction().execute(async (trx) => {
      await sql`insert into probe (owner) values ('fast')`.execute(trx);
    });
    await expect(slow).rejects.toThrow('roll back slow');
    await fast;
    // the slow transaction saw only its own row, and its rollback did not take the fast one along
    expect(seen).toEqual([['slow']]);
    const rows = await sql<{ owner: string }>`select owner from probe`.execute(handle.db);
    expect(rows.rows.map((row) => row.owner)).toEqual(['fast']);
  });

  it('runs a multi-statement script without parameters (migrations)', async () => {
    await sql
      .raw('create table script_a (x int); create table script_b (y int); insert into script_a values (1);')
      .execute(handle.db);
    const rows = await sql<{ x: number }>`select x from script_a`.execute(handle.db);
    expect(rows.rows).toEqual([{ x: 1 }]);
  });

  it('returns dates as calendar strings and int8 as numbers, like the pg driver', async () => {
    const rows = await sql<{
      day: unknown;
      big: unknown;
      exact: unknown;
    }>`select date '2024-02-03' as day, 5::int8 as big, 0.1::numeric + 0.2::numeric as exact`.execute(
      handle.db,
    );
    expect(rows.rows[0]).toEqual({ day: '2024-02-03', big: 5, exact: '0.3' });
  });
});
