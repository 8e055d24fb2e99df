/** Builders for unit-assessment tests and the demo seed: a township period and a failing township's deductions. */
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../lib/access.ts';
import { openPeriod } from '../assessment/periods/periods.service.ts';
import { syncPresetVersions } from '../assessment/schemes/schemes.service.ts';

/** Deductions of 附件一 that take a township's year-end score to 66 (→ total 46.2, 不合格 without ratings). */
export const FAILING_DEDUCTIONS = [
  { item: 'twp.002.centre.late', note: '便民服务中心未按期完成' },
  { item: 'twp.002.centre.agency-late', count: 40, note: '代办站未按期完成' },
  { item: 'twp.002.decision.no-hearing', note: '征地补偿决策未听证' },
  { item: 'twp.002.decision.not-published', note: '决策结果未公开' },
  { item: 'twp.002.normative.bad-procedure', count: 2, note: '规范性文件未经合法性审查' },
  { item: 'twp.002.normative.filing-late', count: 3, note: '规范性文件未及时备案' },
];

/**
 * Opens the county's township law-based-administration period of `year` (seed 002 preset) over
 * every township under `countyOrgId` (default: the demo county, the first root).
 */
export async function openTownshipPeriod(db: Db, supervisor: Actor, year: number, countyOrgId?: number) {
  await syncPresetVersions(db);
  const version = await db
    .selectFrom('scheme_version')
    .select('id')
    .where('scheme_id', '=', 'township-law-based-admin')
    .where('org_id', 'is', null)
    .orderBy('version_no', 'desc')
    .executeTakeFirstOrThrow();
  const underOrgId =
    countyOrgId ??
    (await db.selectFrom('org').select('id').where('path', '=', '/1/').executeTakeFirstOrThrow()).id;
  return openPeriod(db, supervisor, { schemeVersionId: version.id, periodKey: String(year), underOrgId });
}
