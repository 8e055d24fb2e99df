import type { FastifyInstance } from 'fastify';
import { type BuildAppOptions, buildApp } from '../app.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { createTestDatabase } from '../testing/test-database.ts';

/** An app over a private copy of the demo county with the configuration a security test needs. */
export async function buildSecurityApp(
  config: Partial<BuildAppOptions['config']> = {},
  options: Partial<Omit<BuildAppOptions, 'config' | 'database'>> = {},
): Promise<{ app: FastifyInstance; database: DatabaseHandle; close(): Promise<void> }> {
  const database = await createTestDatabase();
  const app = await buildApp({
    database,
    ...options,
    config: {
      COOKIE_SECURE: false,
      SESSION_SECRET: 'test-session-secret-at-least-32-characters',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      ...config,
    },
  });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
