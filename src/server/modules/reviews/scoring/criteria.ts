/** A campaign's criteria version (第十四、十五条) as the scoring rules take it: tenths and bands. */
import type { Db } from '../../../db/database.ts';
import { notFound } from '../../../lib/errors.ts';
import { findCriteriaVersion } from './scoring.repository.ts';
import type { Bands, Criterion } from './scoring.rules.ts';

interface StoredCriterion {
  no: number;
  title: string;
  points: number;
  notes: string;
}

const toTenths = (value: number | string) => Math.round(Number(value) * 10);

/** The version with its criteria in tenths and its band bounds (第十六条), or NOT_FOUND. */
export async function loadCriteria(db: Db, versionId: number | null) {
  const version = versionId ? await findCriteriaVersion(db, versionId) : undefined;
  if (!version) throw notFound('评查标准');
  const stored = version.criteria as StoredCriterion[];
  const criteria: Criterion[] = stored.map((item) => ({
    no: item.no,
    title: item.title,
    pointsTenths: toTenths(item.points),
    notes: item.notes,
  }));
  const bands: Bands = {
    excellentFromTenths: toTenths(version.excellent_from),
    passFromTenths: toTenths(version.pass_from),
  };
  return { version, stored, criteria, bands };
}
