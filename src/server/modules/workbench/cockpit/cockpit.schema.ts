/**
 * The cockpit (驾驶舱, issue 17): one aggregate response, every figure computed from the records of
 * the period and organisation asked for. The web imports these types (cockpit.api.ts).
 */
import { z } from 'zod';
import { zIdParam, zText } from '../../../../common/validation-zod.ts';
import { CASE_KINDS, QUALITY_GRADES } from '../../cases/cases.policy.ts';

/** The period: a calendar year, or one quarter of it. */
export const CockpitQuery = z.object({
  year: z.coerce
    .number({ error: '年度应为数字' })
    .int('年度应为整数')
    .min(2000, '年度不早于2000年')
    .max(2100, '年度不晚于2100年')
    .optional(),
  quarter: z.coerce
    .number({ error: '季度应为1–4' })
    .int('季度应为1–4')
    .min(1, '季度应为1–4')
    .max(4, '季度应为1–4')
    .optional(),
  orgId: zIdParam('机构编号无效').optional(),
});
export type CockpitQuery = z.infer<typeof CockpitQuery>;

const Unit = z.object({ orgId: z.number(), name: zText() });

export const CockpitView = z.object({
  today: zText(),
  period: z.object({
    year: z.number(),
    quarter: z.number().nullable(),
    from: zText(),
    to: zText(),
    label: zText(),
  }),
  /** the organisation the figures cover: the county, an agency, or the filter's org */
  org: z.object({ id: z.number(), name: zText(), isCounty: z.boolean() }),
  /** the units (agencies, townships, the bureau) the per-unit figures are split by */
  units: z.array(Unit),
  /** cases filed in the period, per kind and month ('2026-03') */
  casesByMonth: z.object({
    months: z.array(zText()),
    kinds: z.array(
      z.object({ kind: z.enum(CASE_KINDS), label: zText(), counts: z.array(z.number()), total: z.number() }),
    ),
    total: z.number(),
  }),
  /** case records of the cases closed in the period: handed in on time / late, not yet (by state) */
  records: z.object({
    closed: z.number(),
    onTime: z.number(),
    late: z.number(),
    overdue: z.number(),
    dueSoon: z.number(),
    normal: z.number(),
    /** on time ÷ records already due (handed in, or overdue), in percent */
    onTimeRate: z.number().nullable(),
  }),
  /** quality analyses of the records handed in, for cases closed in the period */
  quality: z.object({
    grades: z.array(z.object({ grade: z.enum(QUALITY_GRADES), label: zText(), count: z.number() })),
    ungraded: z.number(),
  }),
  /** 持证率 today: active officers holding a certificate in force, per unit */
  certificates: z.object({
    officers: z.number(),
    certified: z.number(),
    rate: z.number().nullable(),
    units: z.array(Unit.extend({ officers: z.number(), certified: z.number(), rate: z.number().nullable() })),
  }),
  /** training compliance in the period's year (hours ≥ minimum and a bureau training), per unit */
  training: z.object({
    minHours: z.number(),
    officers: z.number(),
    compliant: z.number(),
    rate: z.number().nullable(),
    units: z.array(Unit.extend({ officers: z.number(), compliant: z.number(), rate: z.number().nullable() })),
  }),
  /** case-file review results of the period's year: files fully scored, banded, per unit */
  reviews: z.object({
    files: z.number(),
    units: z.array(
      Unit.extend({
        files: z.number(),
        excellent: z.number(),
        pass: z.number(),
        fail: z.number(),
        excellentRate: z.number().nullable(),
        passRate: z.number().nullable(),
      }),
    ),
  }),
  /** supervision notices issued in the period: open (awaiting report) and overdue, closed */
  notices: z.object({ issued: z.number(), open: z.number(), overdue: z.number(), closed: z.number() }),
  /** jurisdiction disputes filed in the period, per status */
  disputes: z.object({
    total: z.number(),
    statuses: z.array(z.object({ status: zText(), label: zText(), count: z.number() })),
  }),
  /** assessment results per period of the year (computed or later), per grade */
  assessment: z.array(
    z.object({
      periodId: z.number(),
      label: zText(),
      subjects: z.number(),
      grades: z.array(z.object({ grade: zText(), count: z.number() })),
    }),
  ),
});
export type CockpitView = z.infer<typeof CockpitView>;
