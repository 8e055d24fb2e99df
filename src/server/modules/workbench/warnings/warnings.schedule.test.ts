import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '../../../db/database.ts';
import { createTestDatabase } from '../../../testing/test-database.ts';
import { startWarningSchedule } from './warnings.schedule.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('warning schedule on shutdown', () => {
  // `npm run bench load` restarts logged "warning pass failed … driver has already been destroyed":
  // the start pass was still running when shutdown closed the pool
  it('stopping waits for the running start pass, so the database can close after it', async () => {
    const log = { info: vi.fn(), error: vi.fn() };
    const stop = startWarningSchedule(database.db, log);
    await stop();
    // the pass ended before stop resolved: closing the database now cuts nothing off
    expect(log.info).toHaveBeenCalledWith(expect.objectContaining({ trigger: 'start' }), 'warning pass done');
    expect(log.error).not.toHaveBeenCalled();
    await database.close();
    database = undefined as unknown as DatabaseHandle;
    await new Promise((done) => setTimeout(done, 200));
    expect(log.error).not.toHaveBeenCalled();
    expect(log.info).toHaveBeenCalledTimes(1); // no nightly pass scheduled after the stop
  });
});
