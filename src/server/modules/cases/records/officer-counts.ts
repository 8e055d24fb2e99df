/**
 * Per officer and period, the counts seed 000's forms print (质量监督表 quarterly, 奖惩记录表
 * half-yearly): 办案数量, 被投诉, 经调查属实 / 不属实, 办案质量 优秀 / 合格 / 不合格, 参加专项整治,
 * 督办案件, 处理信访案件, 交办案件, 查处影响本地区社会稳定的重大事项. Pure: rows in, counts out.
 */
import { parsePeriodKey } from '../../../../common/format.ts';
import type { QualityGrade } from '../../../db/schema.ts';

export interface HandledCaseFact {
  officerId: number;
  caseId: number;
  qualityGrade: QualityGrade | null;
  isSupervised: boolean;
  isAssigned: boolean;
  isMajorStability: boolean;
}
export interface ComplaintFact {
  officerId: number;
  kind: 'complaint' | 'petition';
  finding: 'substantiated' | 'unfounded' | null;
}
export interface OfficerCounts {
  officerId: number;
  name: string;
  casesHandled: number;
  complaints: number;
  substantiated: number;
  unfounded: number;
  qualityExcellent: number;
  qualityPass: number;
  qualityFail: number;
  campaignsJoined: number;
  supervisedCases: number;
  assignedCases: number;
  petitionsHandled: number;
  majorStabilityMatters: number;
}

/** Chinese column labels, in the order seed 000's 奖惩记录表 prints them. */
export const OFFICER_COUNT_LABELS: ReadonlyArray<[keyof OfficerCounts, string]> = [
  ['casesHandled', '办案数量（件）'],
  ['complaints', '被投诉（件）'],
  ['substantiated', '经调查属实（件）'],
  ['unfounded', '经调查不属实（件）'],
  ['qualityExcellent', '办案质量优秀（件）'],
  ['qualityPass', '办案质量合格（件）'],
  ['qualityFail', '办案质量不合格（件）'],
  ['campaignsJoined', '参加专项整治（次）'],
  ['supervisedCases', '督办案件（件）'],
  ['petitionsHandled', '处理信访案件（件）'],
  ['assignedCases', '交办案件（件）'],
  ['majorStabilityMatters', '查处影响本地区社会稳定的重大事项（件）'],
];

/** A case counts once per handler; a case handled by two officers counts for each. */
export function countOfficerPeriod(
  officers: ReadonlyArray<{ id: number; name: string }>,
  facts: {
    handled: readonly HandledCaseFact[];
    complaints: readonly ComplaintFact[];
    campaigns: ReadonlyArray<{ officerId: number }>;
  },
): OfficerCounts[] {
  const counts = new Map<number, OfficerCounts>(
    officers.map((officer) => [
      officer.id,
      {
        officerId: officer.id,
        name: officer.name,
        casesHandled: 0,
        complaints: 0,
        substantiated: 0,
        unfounded: 0,
        qualityExcellent: 0,
        qualityPass: 0,
        qualityFail: 0,
        campaignsJoined: 0,
        supervisedCases: 0,
        assignedCases: 0,
        petitionsHandled: 0,
        majorStabilityMatters: 0,
      },
    ]),
  );
  const seen = new Set<string>();
  for (const fact of facts.handled) {
    const row = counts.get(fact.officerId);
    const key = `${fact.officerId}:${fact.caseId}`;
    if (!row || seen.has(key)) continue;
    seen.add(key);
    row.casesHandled += 1;
    if (fact.qualityGrade === 'excellent') row.qualityExcellent += 1;
    if (fact.qualityGrade === 'pass') row.qualityPass += 1;
    if (fact.qualityGrade === 'fail') row.qualityFail += 1;
    if (fact.isSupervised) row.supervisedCases += 1;
    if (fact.isAssigned) row.assignedCases += 1;
    if (fact.isMajorStability) row.majorStabilityMatters += 1;
  }
  for (const fact of facts.complaints) {
    const row = counts.get(fact.officerId);
    if (!row) continue;
    if (fact.kind === 'petition') {
      row.petitionsHandled += 1;
      continue;
    }
    row.complaints += 1;
    if (fact.finding === 'substantiated') row.substantiated += 1;
    if (fact.finding === 'unfounded') row.unfounded += 1;
  }
  for (const fact of facts.campaigns) {
    const row = counts.get(fact.officerId);
    if (row) row.campaignsJoined += 1;
  }
  return [...counts.values()];
}

const pad = (value: number) => String(value).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** '2025-H1' → { from: '2025-01-01', to: '2025-06-30' }; also years, quarters and months. */
export function periodRange(key: string): { from: string; to: string } | null {
  const period = parsePeriodKey(key);
  if (!period) return null;
  const [first, last] =
    period.kind === 'year'
      ? [1, 12]
      : period.kind === 'half'
        ? [period.half * 6 - 5, period.half * 6]
        : period.kind === 'quarter'
          ? [period.quarter * 3 - 2, period.quarter * 3]
          : [period.month, period.month];
  return {
    from: `${period.year}-${pad(first)}-01`,
    to: `${period.year}-${pad(last)}-${pad(lastDay(period.year, last))}`,
  };
}
