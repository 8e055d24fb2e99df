import { mkdir, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { openDatabase, withDatabase } from '../db/database.ts';
import { clusterDirOf, ensureEmbeddedServer, stopPostmaster } from '../db/embedded-server.ts';
import { migrate } from '../db/migrate.ts';
import { seedDemoCounty } from '../seed/seed.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL every test file makes its database in: TEST_DATABASE_URL or the run's embedded server */
    postgresUrl: string;
    /** Name of a migrated, seeded template database; each test file copies it */
    postgresTemplate: string;
  }
}

// Under the system temp dir, not the checkout: run as root, the server's `postgres` account must be able
// to enter every directory above the cluster, and a checkout may sit where it cannot (under /root).
const TMP = join(tmpdir(), 'fazhi-tests');
const RUN_PREFIX = 'test-pg-';

/**
 * Every test runs on PostgreSQL: TEST_DATABASE_URL when set, else one embedded server for the run
 * (a cluster in <tmp>/fazhi-tests/test-pg-<pid>, removed at the end). One template database is migrated and
 * seeded per run, so a test file starts from a copy in well under a second instead of re-running
 * every migration.
 */
export default async function setup(project: TestProject) {
  const embedded = process.env.TEST_DATABASE_URL ? null : await startEmbedded();
  const postgresUrl = process.env.TEST_DATABASE_URL ?? embedded!.url;
  const name = `fazhi_template_${process.pid}`;
  const admin = await openDatabase({ databaseUrl: postgresUrl });
  await sql.raw(`drop database if exists ${name}`).execute(admin.db);
  await sql.raw(`create database ${name}`).execute(admin.db);
  const template = await openDatabase({ databaseUrl: withDatabase(postgresUrl, name) });
  await migrate(template.db);
  await seedDemoCounty(template.db, { supervision: false, reviews: false, training: false });
  await template.close();
  project.provide('postgresUrl', postgresUrl);
  project.provide('postgresTemplate', name);
  return async () => {
    await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
    await admin.close();
    await embedded?.stop();
  };
}

async function startEmbedded() {
  await mkdir(TMP, { recursive: true, mode: 0o755 });
  await removeAbandonedRuns();
  const dataDir = join(TMP, `${RUN_PREFIX}${process.pid}`);
  await rm(dataDir, { recursive: true, force: true });
  const server = await ensureEmbeddedServer(dataDir, { adopt: true });
  const { host, port, user } = server.connection;
  return {
    url: `postgres://${user}@localhost:${port}/postgres?host=${encodeURIComponent(host)}`,
    stop: async () => {
      await server.release();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Clusters of runs that were killed (their process is gone): stop their server, delete them. */
async function removeAbandonedRuns() {
  const entries = await readdir(TMP).catch(() => [] as string[]);
  for (const entry of entries) {
    const pid = Number(entry.slice(RUN_PREFIX.length));
    if (!entry.startsWith(RUN_PREFIX) || !Number.isInteger(pid) || isAlive(pid)) continue;
    const dataDir = join(TMP, entry);
    await stopPostmaster(clusterDirOf(dataDir)).catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
