/**
 * What the database benchmarks share: a fresh embedded PostgreSQL (the default, in a temporary
 * data dir), a fresh PostgreSQL database when
 * BENCH_DATABASE_URL (default 127.0.0.1:5432) answers, and percentiles of timings.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { type DatabaseHandle, openDatabase, withDatabase } from '../../src/server/db/database.ts';

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

/** A fresh embedded data dir under .tmp/ (the server's cluster), removed by the returned function. */
export async function freshDataDir(): Promise<{ dataDir: string; remove: () => Promise<void> }> {
  await mkdir(resolve('.tmp'), { recursive: true });
  const dataDir = await mkdtemp(join(resolve('.tmp'), 'bench-'));
  return { dataDir, remove: () => rm(dataDir, { recursive: true, force: true }) };
}

/** Runs `measure` on the embedded PostgreSQL in a fresh data dir; stopped and removed afterwards. */
export async function onEmbedded(measure: (handle: DatabaseHandle) => Promise<void>): Promise<void> {
  const { dataDir, remove } = await freshDataDir();
  const handle = await openDatabase({ dataDir });
  try {
    await measure(handle);
  } finally {
    await handle.close();
    await remove();
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
  const handle = await openDatabase({ databaseUrl: withDatabase(POSTGRES_URL, name) });
  try {
    await measure(handle);
  } finally {
    await handle.close();
    await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
    await admin.close();
  }
}
