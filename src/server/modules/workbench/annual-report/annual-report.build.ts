/**
 * 行政执法数据年报 (issue 17): the pure view-model of one year's report, per agency and for the
 * county, from counts the repository gathers. A kind the agency holds as a duty and did nothing of
 * shows 0; a kind it does not hold shows 无相关职责 (null here). A penalty case counts once, under its
 * heaviest penalty (src/common/penalties.ts, 《行政处罚法》第九条).
 */
import { heaviestPenalty, PENALTY_REPORT_ORDER, type PenaltyType } from '../../../../common/penalties.ts';
import type { CaseKind } from '../../../db/schema.ts';
import { CASE_KINDS } from '../../cases/cases.policy.ts';

export const NO_DUTY_TEXT = '无相关职责';

export interface UnitFacts {
  orgId: number;
  name: string;
  duties: readonly CaseKind[];
  /** cases closed in the year, by kind */
  closedByKind: Partial<Record<CaseKind, number>>;
  /** closed penalty cases grouped by their set of penalty types, with sums in fen (integers) */
  penaltyGroups: readonly {
    types: readonly PenaltyType[];
    cases: number;
    fineFen: number;
    confiscatedFen: number;
  }[];
  officers: number;
  certified: number;
  reviewedFiles: number;
  reviewExcellent: number;
  reviewPass: number;
  noticesReceived: number;
  noticesOverdue: number;
}

export interface ReportRow {
  orgId: number | null;
  name: string;
  /** null = 无相关职责 */
  kinds: Record<CaseKind, number | null>;
  /** each penalty case once, under its heaviest type; null when the unit has no 处罚 duty */
  penalties: Record<PenaltyType, number> | null;
  /** penalty cases closed without a type recorded */
  penaltyUntyped: number;
  fineFen: number;
  confiscatedFen: number;
  officers: number;
  certified: number;
  /** 持证率 in percent, one decimal; null without officers */
  certifiedRate: number | null;
  reviewedFiles: number;
  reviewExcellent: number;
  reviewPass: number;
  noticesReceived: number;
  noticesOverdue: number;
  /** kinds with cases but no duty recorded (the data to correct), so the report does not hide them */
  kindsWithoutDuty: CaseKind[];
}

export interface AnnualReport {
  year: number;
  title: string;
  units: ReportRow[];
  /** the county's sum (present when the report covers the county) */
  total: ReportRow | null;
}

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part * 1000) / whole) / 10);
const emptyPenalties = () =>
  Object.fromEntries(PENALTY_REPORT_ORDER.map((type) => [type, 0])) as Record<PenaltyType, number>;

/** One unit's row. */
export function buildUnitRow(facts: UnitFacts): ReportRow {
  const duties = new Set(facts.duties);
  const kinds = {} as Record<CaseKind, number | null>;
  const kindsWithoutDuty: CaseKind[] = [];
  for (const kind of CASE_KINDS) {
    const count = facts.closedByKind[kind] ?? 0;
    // activity without the duty recorded still shows its number (and is listed), never hidden
    kinds[kind] = duties.has(kind) || count > 0 ? count : null;
    if (!duties.has(kind) && count > 0) kindsWithoutDuty.push(kind);
  }
  const hasPenalties = duties.has('penalty') || facts.penaltyGroups.length > 0;
  const penalties = hasPenalties ? emptyPenalties() : null;
  let penaltyUntyped = 0;
  let fineFen = 0;
  let confiscatedFen = 0;
  for (const group of facts.penaltyGroups) {
    const heaviest = heaviestPenalty(group.types);
    if (heaviest && penalties) penalties[heaviest] += group.cases;
    else penaltyUntyped += group.cases;
    fineFen += group.fineFen;
    confiscatedFen += group.confiscatedFen;
  }
  return {
    orgId: facts.orgId,
    name: facts.name,
    kinds,
    penalties,
    penaltyUntyped,
    fineFen,
    confiscatedFen,
    officers: facts.officers,
    certified: facts.certified,
    certifiedRate: rate(facts.certified, facts.officers),
    reviewedFiles: facts.reviewedFiles,
    reviewExcellent: facts.reviewExcellent,
    reviewPass: facts.reviewPass,
    noticesReceived: facts.noticesReceived,
    noticesOverdue: facts.noticesOverdue,
    kindsWithoutDuty,
  };
}

/** The county's row: sums; a kind no unit holds (or did) is 无相关职责 for the county too. */
export function sumRows(name: string, rows: readonly ReportRow[]): ReportRow {
  const add = (pick: (row: ReportRow) => number) => rows.reduce((sum, row) => sum + pick(row), 0);
  const kinds = {} as Record<CaseKind, number | null>;
  for (const kind of CASE_KINDS) {
    const held = rows.filter((row) => row.kinds[kind] !== null);
    kinds[kind] = held.length === 0 ? null : held.reduce((sum, row) => sum + (row.kinds[kind] ?? 0), 0);
  }
  const withPenalties = rows.filter((row) => row.penalties !== null);
  const penalties = withPenalties.length === 0 ? null : emptyPenalties();
  if (penalties)
    for (const row of withPenalties)
      for (const type of PENALTY_REPORT_ORDER) penalties[type] += row.penalties![type];
  const officers = add((row) => row.officers);
  const certified = add((row) => row.certified);
  return {
    orgId: null,
    name,
    kinds,
    penalties,
    penaltyUntyped: add((row) => row.penaltyUntyped),
    fineFen: add((row) => row.fineFen),
    confiscatedFen: add((row) => row.confiscatedFen),
    officers,
    certified,
    certifiedRate: rate(certified, officers),
    reviewedFiles: add((row) => row.reviewedFiles),
    reviewExcellent: add((row) => row.reviewExcellent),
    reviewPass: add((row) => row.reviewPass),
    noticesReceived: add((row) => row.noticesReceived),
    noticesOverdue: add((row) => row.noticesOverdue),
    kindsWithoutDuty: [...new Set(rows.flatMap((row) => row.kindsWithoutDuty))],
  };
}

/** The report: one row per unit, and the county's sum when it covers the county. */
export function buildAnnualReport(
  year: number,
  coverName: string,
  units: readonly UnitFacts[],
  isCounty: boolean,
): AnnualReport {
  const rows = units.map(buildUnitRow);
  return {
    year,
    title: `${coverName}${year}年度行政执法数据年报`,
    units: rows,
    total: isCounty ? sumRows(`${coverName}合计`, rows) : null,
  };
}

/** A sum in fen as yuan with two decimals (12345 → '123.45'); exact, no float. */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const absolute = Math.abs(fen);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

/** A kind's cell: the number, or 无相关职责. */
export const cellText = (value: number | null) => (value === null ? NO_DUTY_TEXT : String(value));
