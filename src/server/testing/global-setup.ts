import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { createPGlite, openDatabase, wrapPGlite } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { seedDemoCounty } from '../seed/seed.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of a dump of a migrated, seeded database; each test file loads its own copy */
    pgliteTemplate: string;
    /** PostgreSQL: name of a migrated, seeded template database; each test file copies it */
    postgresTemplate: string;
  }
}

/**
 * Migrates and seeds one template database per run, so a test file starts from a copy in about a
 * second instead of initialising PostgreSQL and re-running every migration (DESIGN.md: ~3–5 s).
 */
export default async function setup(project: TestProject) {
  const postgresUrl = process.env.TEST_DATABASE_URL;
  if (postgresUrl) {
    const name = `fazhi_template_${process.pid}`;
    const admin = await openDatabase({ databaseUrl: postgresUrl });
    await sql.raw(`drop database if exists ${name}`).execute(admin.db);
    await sql.raw(`create database ${name}`).execute(admin.db);
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    const template = await openDatabase({ databaseUrl: url.toString() });
    await migrate(template.db);
    await seedDemoCounty(template.db);
    await template.close();
    project.provide('postgresTemplate', name);
    project.provide('pgliteTemplate', '');
    return async () => {
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
      await admin.close();
    };
  }
  const pglite = await createPGlite({});
  const handle = wrapPGlite(pglite);
  await migrate(handle.db);
  await seedDemoCounty(handle.db);
  const dump = await pglite.dumpDataDir('none');
  const dir = resolve('.tmp');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `test-template-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('pgliteTemplate', file);
  project.provide('postgresTemplate', '');
  // each dump is tens of megabytes: remove it when the run ends
  return () => rm(file, { force: true });
}
