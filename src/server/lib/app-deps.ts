import type { Config } from '../config.ts';
import type { DatabaseHandle, Db } from '../db/database.ts';

/** What route plugins receive: no globals, so tests build as many apps as they like. */
export interface AppDeps {
  db: Db;
  database: Pick<DatabaseHandle, 'kind'>;
  config: Pick<Config, 'COOKIE_SECURE' | 'SESSION_SECRET' | 'NODE_ENV'>;
}
