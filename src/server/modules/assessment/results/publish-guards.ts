/**
 * Checks other procedures put between computing and publishing a period (issue 20: the leading
 * group's 审定 of unit results, seed 002 三(五)). A guard throws an AppError to refuse; the
 * assessment domain knows nothing of what the guards check, so the import graph stays one-way.
 */
import type { Db } from '../../../db/database.ts';
import type { PeriodRow } from '../assessment.access.ts';

export type PublishGuard = (db: Db, period: PeriodRow) => Promise<void>;

const guards: PublishGuard[] = [];

/** Adds a guard (once per function; modules register at load). */
export function registerPublishGuard(guard: PublishGuard): void {
  if (!guards.includes(guard)) guards.push(guard);
}

/** Runs every guard; the first refusal wins. */
export async function assertMayPublish(db: Db, period: PeriodRow): Promise<void> {
  for (const guard of guards) await guard(db, period);
}
