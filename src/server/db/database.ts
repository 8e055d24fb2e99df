import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Human-readable location for logs (never includes a password). */
  location: string;
  close(): Promise<void>;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;
const DATE_OID = 1082;

/**
 * Both drivers return the same JavaScript shapes: int8 as number (our counts and ids stay far below
 * 2^53), numeric as an exact string, and a SQL `date` as its 'YYYY-MM-DD' text, because a date is a
 * calendar day in Asia/Shanghai, not an instant.
 */
const PARSERS: Record<number, (value: string) => unknown> = {
  [INT8_OID]: Number,
  [NUMERIC_OID]: String,
  [DATE_OID]: String,
};

pg.types.setTypeParser(INT8_OID, Number);
pg.types.setTypeParser(NUMERIC_OID, String);
pg.types.setTypeParser(DATE_OID, String);

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite in `dataDir` (or in memory). */
export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  onIdleError?: (error: Error) => void;
}): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next query.
    pool.on(
      'error',
      options.onIdleError ??
        ((error) => process.stderr.write(`PostgreSQL idle connection error: ${error.message}\n`)),
    );
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const url = new URL(options.databaseUrl);
    return {
      db,
      kind: 'postgres',
      location: `postgres://${url.host}${url.pathname}`,
      close: () => db.destroy(),
    };
  }
  let location = 'memory://';
  if (options.dataDir) {
    location = resolve(options.dataDir, 'pglite');
    await mkdir(location, { recursive: true });
  }
  const pglite = await createPGlite(options.dataDir ? { dataDir: location } : {});
  return wrapPGlite(pglite, location);
}

/**
 * A PGlite with Fazhi's type parsers and pg_trgm (the trigram index behind case keyword search;
 * loading it adds well under 0.1 s to a start, docs/cases.md); `loadDataDir` starts it from a dump
 * (test templates).
 */
export function createPGlite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<PGlite> {
  return PGlite.create({ ...options, parsers: PARSERS, extensions: { pg_trgm } });
}

/** Wraps an open PGlite (a test clone, say) in a Kysely instance. */
export function wrapPGlite(pglite: PGlite, location = 'memory://'): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: 'pglite', location, close: () => db.destroy() };
}
