/**
 * Penalty types of a 行政处罚 case (《行政处罚法》第九条) and the order the annual enforcement
 * statistics report (行政执法数据年报) counts them in: a case with several penalties is counted once,
 * under its heaviest. Shared by server and web.
 */

/** Lightest first: the index is the severity (第九条's own order (一)–(五); 其他 is placed lowest). */
export const PENALTY_TYPES = [
  'other',
  'warning',
  'fine',
  'confiscation',
  'licence_suspension',
  'licence_revocation',
  'business_restriction',
  'production_stop',
  'detention',
] as const;
export type PenaltyType = (typeof PENALTY_TYPES)[number];

export const PENALTY_TYPE_LABELS: Readonly<Record<PenaltyType, string>> = {
  other: '其他',
  warning: '警告、通报批评',
  fine: '罚款',
  confiscation: '没收违法所得、没收非法财物',
  licence_suspension: '暂扣许可证件',
  licence_revocation: '吊销许可证件',
  business_restriction: '限制开展生产经营活动',
  production_stop: '责令停产停业、责令关闭',
  detention: '行政拘留',
};

/** The short names a report's narrow column heads use (行政执法数据年报). */
export const PENALTY_TYPE_SHORT_LABELS: Readonly<Record<PenaltyType, string>> = {
  other: '其他',
  warning: '警告/通报批评',
  fine: '罚款',
  confiscation: '没收',
  licence_suspension: '暂扣',
  licence_revocation: '吊销',
  business_restriction: '限制经营',
  production_stop: '责令停产停业',
  detention: '行政拘留',
};

/** The report's row order: as the law lists them (warning … detention), 其他 last. */
export const PENALTY_REPORT_ORDER: readonly PenaltyType[] = [...PENALTY_TYPES.slice(1), 'other'];

/** The heaviest of a case's penalty types; null when it has none. */
export function heaviestPenalty(types: readonly PenaltyType[]): PenaltyType | null {
  let heaviest: PenaltyType | null = null;
  for (const type of types)
    if (heaviest === null || PENALTY_TYPES.indexOf(type) > PENALTY_TYPES.indexOf(heaviest)) heaviest = type;
  return heaviest;
}

/** Largest sum a case may record (yuan): numeric(14,2) holds below 10^12. */
export const MAX_PENALTY_AMOUNT = 999_999_999_999.99;
