import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../app.ts';
import type { DatabaseHandle, Db } from '../db/database.ts';
import { DEMO_PASSWORD } from '../seed/demo-county.ts';
import { createTestDatabase } from './test-database.ts';

/** A parsed response body: tests read bodies of every shape, so it is deliberately untyped. */
// biome-ignore lint/suspicious/noExplicitAny: see above
export type ResponseJson = any;

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  database: DatabaseHandle;
  /** Signs in and returns the cookie header for later requests. */
  login(username: string, password?: string): Promise<string>;
  /** app.inject with the given session cookie; JSON body parsed into `json`. */
  request(
    options: InjectOptions & { cookie?: string },
  ): Promise<{ status: number; json: ResponseJson; headers: Record<string, unknown> }>;
  close(): Promise<void>;
}

const TEST_CONFIG = {
  COOKIE_SECURE: false,
  SESSION_SECRET: 'test-session-secret-at-least-32-characters',
  NODE_ENV: 'test' as const,
  LOG_LEVEL: 'silent' as const,
};

/** A Fastify app over a private copy of the seeded demo county. */
export async function createTestContext(): Promise<TestContext> {
  const database = await createTestDatabase();
  const app = await buildApp({ database, config: TEST_CONFIG });
  await app.ready();
  let loginCount = 0;
  const request: TestContext['request'] = async ({ cookie, ...options }) => {
    const response = await app.inject({
      ...options,
      headers: { ...options.headers, ...(cookie ? { cookie } : {}) },
    });
    const isJson = String(response.headers['content-type'] ?? '').includes('application/json');
    return {
      status: response.statusCode,
      json: isJson ? response.json() : response.body,
      headers: response.headers,
    };
  };
  return {
    app,
    db: database.db,
    database,
    request,
    async login(username, password = DEMO_PASSWORD) {
      // each sign-in from its own address, so the per-address login rate limit never trips a test
      loginCount += 1;
      const remoteAddress = `127.1.${Math.floor(loginCount / 250)}.${loginCount % 250}`;
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
        remoteAddress,
      });
      if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.body}`);
      const setCookie = response.cookies.find((cookie) => cookie.name === 'fazhi_session');
      if (!setCookie) throw new Error('no session cookie');
      return `fazhi_session=${setCookie.value}`;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
