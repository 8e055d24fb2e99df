/**
 * Annual (or half-year) results from the quarters, where the scheme has a roll-up (seed 000 汇总表,
 * 博湖平时考核制度第八、九条): the published or finalised periods of the same scheme inside the
 * longer period, their stored results as the parts. Computed on request, not stored.
 */

import { parsePeriodKey } from '../../../../common/format.ts';
import {
  EngineInputError,
  type EvaluationResult,
  rollUp,
  type SubjectResult,
} from '../../../../engine/index.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan, can } from '../../../lib/access.ts';
import { AppError, invalid } from '../../../lib/errors.ts';
import { countyIdOf, findActorOrgPath } from '../assessment.access.ts';
import { toEnginePeriod } from '../schemes/scheme-catalogue.ts';
import { findSchemeVersionById } from '../schemes/schemes.repository.ts';
import { schemeOf } from '../schemes/schemes.service.ts';
import { findPeriodsOfSchemeInYear, findResultsOfPeriod } from './results.repository.ts';

/** Rolls the county's published quarters of one scheme up into `target` ('2025' or '2025-H1'). */
export async function getRollUp(db: Db, actor: Actor, query: { schemeId: string; target: string }) {
  assertCan(actor, 'assessment.read');
  const target = parsePeriodKey(query.target);
  if (!target || (target.kind !== 'year' && target.kind !== 'half')) {
    throw invalid([{ field: 'target', message: '汇总周期应写为 2025 或 2025-H1' }]);
  }
  const countyId = countyIdOf(await findActorOrgPath(db, actor));
  // county periods only: an agency's own periods (平时考核制度第十条) are not pooled with the county's
  const statuses = can(actor, 'assessment.manage')
    ? (['computed', 'published', 'finalised'] as const)
    : (['published', 'finalised'] as const);
  const periods = await findPeriodsOfSchemeInYear(db, {
    countyId,
    schemeId: query.schemeId,
    statuses,
    year: target.year,
  });
  const inside = periods.filter((period) => {
    const key = parsePeriodKey(period.period_key);
    if (key?.kind !== 'quarter') return false;
    return target.kind === 'year' || (target.half === 1 ? key.quarter <= 2 : key.quarter >= 3);
  });
  if (inside.length === 0) throw new AppError('NOT_FOUND', '没有可汇总的已公示季度考核结果');
  // the newest quarter's version holds the roll-up rules in force
  const version = await findSchemeVersionById(db, inside.at(-1)!.scheme_version_id);
  const scheme = schemeOf(version!);
  const parts: EvaluationResult[] = [];
  for (const period of inside) {
    const rows = await findResultsOfPeriod(db, period.id);
    const summary = (typeof period.summary === 'string' ? JSON.parse(period.summary) : period.summary) as {
      quotas: EvaluationResult['quotas'];
      params: EvaluationResult['params'];
    } | null;
    parts.push({
      scheme: scheme.id,
      period: toEnginePeriod(period.period_key),
      params: summary?.params ?? {},
      quotas: summary?.quotas ?? [],
      rejected: [],
      subjects: rows.map(
        (row) => (typeof row.result === 'string' ? JSON.parse(row.result) : row.result) as SubjectResult,
      ),
    });
  }
  try {
    const result = rollUp(scheme, { period: toEnginePeriod(query.target), parts });
    return { periods: inside.map((period) => period.period_key), result: JSON.parse(JSON.stringify(result)) };
  } catch (error) {
    if (error instanceof EngineInputError) {
      throw new AppError('CONFLICT', error.problems.map((problem) => problem.messageZh).join('；'));
    }
    throw error;
  }
}
