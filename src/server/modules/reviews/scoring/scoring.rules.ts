/**
 * Scoring (评查办法第十、十五、十六条). Pure. Points are kept in tenths (integers), so totals and
 * means are exact: a file's score is the exact mean of its reviewers' totals (a fraction), banded by
 * exact comparison and shown rounded to two decimals.
 */

export type Band = 'excellent' | 'pass' | 'fail';
export const BAND_LABELS: Readonly<Record<Band, string>> = {
  excellent: '优秀',
  pass: '合格',
  fail: '不合格',
};

export interface Criterion {
  /** 1–13, 第十五条(一)–(十三) */
  no: number;
  title: string;
  /** points on the 100-point scale (第十六条: 百分制), in tenths */
  pointsTenths: number;
  notes: string;
}

/** Band bounds (第十六条), parameters of a criteria version: excellent from, pass from (tenths). */
export interface Bands {
  excellentFromTenths: number;
  passFromTenths: number;
}

export interface SheetItem {
  no: number;
  /** points taken off, in tenths */
  deductedTenths: number;
  reason: string | null;
}

/** Problems with a sheet, field by field (Chinese), empty when it may be submitted. */
export function checkSheet(
  criteria: readonly Criterion[],
  items: readonly SheetItem[],
): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  items.forEach((item, index) => {
    const criterion = criteria.find((candidate) => candidate.no === item.no);
    if (!criterion) {
      problems.push({ field: `items.${index}.no`, message: `没有第 ${item.no} 项评查标准` });
      return;
    }
    if (!Number.isInteger(item.deductedTenths) || item.deductedTenths < 0)
      problems.push({
        field: `items.${index}.deducted`,
        message: `第 ${item.no} 项扣分应为不小于 0 的数，最多一位小数`,
      });
    else if (item.deductedTenths > criterion.pointsTenths)
      problems.push({
        field: `items.${index}.deducted`,
        message: `第 ${item.no} 项扣分不能超过该项分值 ${criterion.pointsTenths / 10} 分`,
      });
    // 第十条: 书面记录评查得分、扣分理由
    if (item.deductedTenths > 0 && !item.reason?.trim())
      problems.push({ field: `items.${index}.reason`, message: `第 ${item.no} 项扣分须写明理由` });
  });
  const seen = new Set<number>();
  items.forEach((item, index) => {
    if (seen.has(item.no)) problems.push({ field: `items.${index}.no`, message: `第 ${item.no} 项重复` });
    seen.add(item.no);
  });
  return problems;
}

/** A sheet's total in tenths: full marks less every deduction. */
export function sheetTotalTenths(criteria: readonly Criterion[], items: readonly SheetItem[]): number {
  const full = criteria.reduce((sum, criterion) => sum + criterion.pointsTenths, 0);
  return full - items.reduce((sum, item) => sum + item.deductedTenths, 0);
}

/** The band of an exact score numerator / denominator (tenths). */
export function bandOf(numeratorTenths: number, denominator: number, bands: Bands): Band {
  if (numeratorTenths >= bands.excellentFromTenths * denominator) return 'excellent';
  if (numeratorTenths >= bands.passFromTenths * denominator) return 'pass';
  return 'fail';
}

/** Tenths as a decimal string: 855 → '85.5'. */
export const formatTenths = (tenths: number) => (tenths / 10).toFixed(1).replace(/\.0$/, '');

/** An exact mean (sum of tenths / count) as a decimal with two places, rounded half up. */
export function formatMean(sumTenths: number, count: number): string {
  const hundredths = Math.floor((sumTenths * 10 * 2 + count) / (2 * count));
  return (hundredths / 100).toFixed(2);
}

export type FlagCode = 'fail' | 'divergent' | 'bands_differ';
export const FLAG_LABELS: Readonly<Record<FlagCode, string>> = {
  fail: '评定为不合格',
  divergent: '评分差距超过阈值',
  bands_differ: '评查人员评定的等次不同',
};

export interface FileScore {
  /** null until every assigned reviewer has submitted */
  meanText: string | null;
  band: Band | null;
  /** reasons the file goes to 复评 (第十二条(五)); empty = none */
  flags: FlagCode[];
  spreadTenths: number | null;
}

/**
 * A file's score from its submitted totals: the exact mean and its band once all `assigned` have
 * submitted, and the 复评 flags — 不合格, a spread above the campaign's threshold, or different bands.
 */
export function scoreFile(
  totalsTenths: readonly number[],
  assigned: number,
  bands: Bands,
  divergenceThresholdTenths: number,
): FileScore {
  if (totalsTenths.length === 0 || totalsTenths.length < assigned)
    return { meanText: null, band: null, flags: [], spreadTenths: null };
  const sum = totalsTenths.reduce((total, value) => total + value, 0);
  const band = bandOf(sum, totalsTenths.length, bands);
  const spread = Math.max(...totalsTenths) - Math.min(...totalsTenths);
  const flags: FlagCode[] = [];
  if (band === 'fail') flags.push('fail');
  if (spread > divergenceThresholdTenths) flags.push('divergent');
  if (new Set(totalsTenths.map((total) => bandOf(total, 1, bands))).size > 1) flags.push('bands_differ');
  return { meanText: formatMean(sum, totalsTenths.length), band, flags, spreadTenths: spread };
}
