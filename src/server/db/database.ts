import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { ensureEmbeddedServer } from './embedded-server.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  /** 'embedded': the PostgreSQL server Fazhi runs under DATA_DIR; 'postgres': DATABASE_URL */
  kind: 'embedded' | 'postgres';
  /** Human-readable location for logs (never includes a password). */
  location: string;
  /** How to open one more connection of its own (COPY streams of `fazhi backup`/`restore`). */
  connection: pg.ClientConfig;
  close(): Promise<void>;
}

/** The database Fazhi uses inside the embedded cluster. */
export const EMBEDDED_DATABASE = 'fazhi';

const INT8_OID = 20;
const NUMERIC_OID = 1700;
const DATE_OID = 1082;

/**
 * int8 as number (our counts and ids stay far below 2^53), numeric as an exact string, and a SQL
 * `date` as its 'YYYY-MM-DD' text, because a date is a calendar day in Asia/Shanghai, not an instant.
 */
pg.types.setTypeParser(INT8_OID, Number);
pg.types.setTypeParser(NUMERIC_OID, String);
pg.types.setTypeParser(DATE_OID, String);

type IdleErrorHandler = (error: Error) => void;

function openPool(config: pg.PoolConfig, onIdleError: IdleErrorHandler | undefined): Db {
  const pool = new pg.Pool({ max: 10, ...config });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it on the next query.
  pool.on(
    'error',
    onIdleError ?? ((error) => process.stderr.write(`PostgreSQL idle connection error: ${error.message}\n`)),
  );
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Opens PostgreSQL at `databaseUrl`, or else the embedded PostgreSQL server under `dataDir`
 * (started when it is not running; embedded-server.ts). Both go through the same `pg` pool.
 * `adopt`: this process (the Fazhi server) stops an embedded server it found running when it closes.
 */
export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  adopt?: boolean;
  /** `fazhi migrate-from-pglite` only: open the embedded server although DATA_DIR/pglite is there */
  allowLegacyPglite?: boolean;
  onIdleError?: IdleErrorHandler;
}): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const db = openPool({ connectionString: options.databaseUrl }, options.onIdleError);
    const url = new URL(options.databaseUrl);
    return {
      db,
      kind: 'postgres',
      location: `postgres://${url.host}${url.pathname}`,
      connection: { connectionString: options.databaseUrl },
      close: () => db.destroy(),
    };
  }
  if (!options.dataDir) throw new Error('openDatabase: DATABASE_URL or DATA_DIR is required');
  const server = await ensureEmbeddedServer(options.dataDir, {
    adopt: options.adopt ?? false,
    allowLegacyPglite: options.allowLegacyPglite ?? false,
  });
  try {
    await createDatabaseIfMissing(server.connection, EMBEDDED_DATABASE);
  } catch (error) {
    await server.release();
    throw error;
  }
  const db = openPool({ ...server.connection, database: EMBEDDED_DATABASE }, options.onIdleError);
  return {
    db,
    kind: 'embedded',
    location: `postgresql（内置）${server.clusterDir}`,
    connection: { ...server.connection, database: EMBEDDED_DATABASE },
    close: async () => {
      await db.destroy();
      await server.release();
    },
  };
}

/** `postgresUrl` pointing at database `name` (a socket host in the query string is kept). */
export function withDatabase(postgresUrl: string, name: string): string {
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function createDatabaseIfMissing(connection: pg.ClientConfig, name: string): Promise<void> {
  const admin = openPool({ ...connection, database: 'postgres', max: 1 }, undefined);
  try {
    const found = await sql`select 1 from pg_database where datname = ${name}`.execute(admin);
    if (found.rows.length === 0) await sql`create database ${sql.id(name)}`.execute(admin);
  } finally {
    await admin.destroy();
  }
}

/** Answers once the database takes a query (the health check). */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
