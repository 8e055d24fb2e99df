/**
 * Yearly training compliance (pure): seed 001 培训制度第七条(一) — every officer attends at least one
 * training held by the county justice bureau a year — and an hours minimum the county may set.
 */

/**
 * Default yearly hours minimum: none (issue 18 point 10). Seed 001, the Bohu county's own 培训制度,
 * sets no hours (第六条: 按照规定学时; 第七条 only the ≥ 1 bureau training); the 40 hours of seed 003
 * 篇5 (每年累计培训时间不少于40小时) are one bureau's rule. A county that has such a rule sets it
 * (PUT /api/trainings/requirement, training_requirement.min_hours).
 */
export const DEFAULT_MIN_TRAINING_HOURS = 0;
/** seed 001 培训制度第七条(一): 每年至少参加1次县司法局举办的业务培训. */
export const MIN_BUREAU_TRAININGS = 1;

/** Hours are stored with one decimal: work in tenths so sums stay exact. */
export function hoursToTenths(hours: string | number): number {
  // one decimal place at most, so rounding ×10 recovers the exact integer
  return Math.round(Number(hours) * 10);
}

export function tenthsToHours(tenths: number): number {
  return tenths / 10;
}

export interface TrainingYear {
  /** total hours in the year, in tenths */
  hoursTenths: number;
  /** trainings held by the county justice bureau in the year */
  bureauTrainings: number;
}

export interface ComplianceVerdict {
  isCompliant: boolean;
  /** Chinese, one per rule not met */
  shortfalls: string[];
}

export function judgeTrainingYear(year: TrainingYear, minHours: number): ComplianceVerdict {
  const shortfalls: string[] = [];
  if (year.bureauTrainings < MIN_BUREAU_TRAININGS) shortfalls.push('未参加县司法局举办的培训');
  const minTenths = hoursToTenths(minHours);
  if (year.hoursTenths < minTenths) {
    shortfalls.push(`培训学时${tenthsToHours(year.hoursTenths)}小时，少于${minHours}小时`);
  }
  return { isCompliant: shortfalls.length === 0, shortfalls };
}

/** Whether an organiser's name says it is the county justice bureau (default for the flag). */
export function isBureauOrganiser(organiser: string): boolean {
  return /司法局/.test(organiser);
}
