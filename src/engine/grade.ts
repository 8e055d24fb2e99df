/**
 * Grade bands with inclusive lower bounds (≥ 90 好, ≥ 80 较好 …), and grade comparisons for
 * ceilings and vetoes. Bands are listed best first; the position in the list is the grade's
 * order, so "at most 一般" means "position not better than 一般's".
 */
import type { CompiledBand } from './compile.ts';
import type { Scaled } from './decimal.ts';

/** The grade of `total` under `bands`; null when the scheme has no bands. */
export function gradeFor(bands: readonly CompiledBand[], total: Scaled): string | null {
  for (const band of bands) if (band.min === null || total >= band.min) return band.grade;
  return bands.length > 0 ? bands[bands.length - 1]!.grade : null;
}

/** Position of a grade, 0 = best; -1 when unknown. */
export function gradeRank(bands: readonly CompiledBand[], grade: string | null): number {
  return grade === null ? -1 : bands.findIndex((band) => band.grade === grade);
}

/** The worse of two grades (ceilings only lower a grade, never raise it). */
export function worseGrade(bands: readonly CompiledBand[], grade: string | null, limit: string): string {
  if (grade === null) return limit;
  return gradeRank(bands, grade) >= gradeRank(bands, limit) ? grade : limit;
}

/** The grade just below `grade`, or `grade` itself when it is the lowest. */
export function gradeBelow(bands: readonly CompiledBand[], grade: string): string {
  const position = gradeRank(bands, grade);
  return bands[Math.min(position + 1, bands.length - 1)]!.grade;
}
