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

/** Starts the timer; the returned function stops it (on shutdown). */
export function startWarningSchedule(db: Db, log: Logger): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = async (trigger: 'start' | 'nightly') => {
    try {
      const results = await runAllCounties(db, trigger);
      log.info({ trigger, results }, 'warning pass done');
    } catch (error) {
      log.error({ trigger, err: error }, 'warning pass failed');
    }
  };
  const scheduleNext = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void run('nightly').finally(scheduleNext);
    }, msUntilShanghaiMidnight(new Date()));
    timer.unref();
  };
  void run('start').finally(scheduleNext);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
