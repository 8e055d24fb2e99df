/**
 * The warning pass's timer (in-process, no scheduler service): once on start, then every night at
 * 00:00 Asia/Shanghai (UTC+8, no daylight saving). A pass that fails is logged and the next still runs.
 */
import type { Db } from '../../../db/database.ts';
import { runAllCounties } from './warnings.service.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Milliseconds from `now` to the next 00:00 in Asia/Shanghai (a full day when it is midnight now). */
export function msUntilShanghaiMidnight(now: Date): number {
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  const nextLocalMidnight = Math.floor(local / DAY_MS) * DAY_MS + DAY_MS;
  return nextLocalMidnight - local;
}

interface Logger {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

/**
 * Starts the timer. The returned function stops it and resolves once a pass that is running has
 * finished, so shutdown can close the database after it (a pass cut off by a closed pool logged
 * "driver has already been destroyed" on every stop during a start pass).
 */
export function startWarningSchedule(db: Db, log: Logger): () => Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const run = (trigger: 'start' | 'nightly') => {
    running = (async () => {
      try {
        const results = await runAllCounties(db, trigger);
        log.info({ trigger, results }, 'warning pass done');
      } catch (error) {
        log.error({ trigger, err: error }, 'warning pass failed');
      }
    })();
    return running;
  };
  const scheduleNext = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void run('nightly').finally(scheduleNext);
    }, msUntilShanghaiMidnight(new Date()));
    timer.unref();
  };
  void run('start').finally(scheduleNext);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
