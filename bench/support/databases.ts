/**
 * What the database benchmarks share: a fresh PGlite, a fresh PostgreSQL database when
 * BENCH_DATABASE_URL (default 127.0.0.1:5432) answers, and percentiles of timings.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../src/server/db/database.ts';

export const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The value at `share` (0–1) of ascending `sorted` timings. */
export function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

async function isPostgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** Runs `measure` on a fresh in-memory PGlite; closed afterwards. */
export async function onPGlite(measure: (handle: DatabaseHandle) => Promise<void>): Promise<void> {
  const handle = await openDatabase({});
  try {
    await measure(handle);
  } finally {
    await handle.close();
  }
}

/** Runs `measure` on a fresh PostgreSQL database (dropped afterwards), or says it was skipped. */
export async function onPostgres(measure: (handle: DatabaseHandle) => Promise<void>): Promise<void> {
  if (!(await isPostgresAvailable())) {
    process.stdout.write(`PostgreSQL: ${new URL(POSTGRES_URL).host} does not answer; skipped\n`);
    return;
  }
  const name = `fazhi_bench_${process.pid}`;
  const admin = await openDatabase({ databaseUrl: POSTGRES_URL });
  await sql.raw(`create database ${name}`).execute(admin.db);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  try {
    await measure(handle);
  } finally {
    await handle.close();
    await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
    await admin.close();
  }
}
