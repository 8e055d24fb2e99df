import { formatDecimal, parseDecimal, sumScaled } from '../../../engine/decimal.ts';
import { parsePeriod } from '../../../engine/period.ts';
import { toEnginePeriod } from '../../../server/modules/assessment/schemes/scheme-catalogue.ts';
import type { ExplanationLine, LineKind, PeriodStatus, SubjectFlags } from './assessment.types.ts';

/** The period's life, in order; the board shows it as steps. */
export const PERIOD_STEPS: readonly { status: PeriodStatus; title: string; description: string }[] = [
  { status: 'open', title: '进行中', description: '记录扣分加分、测评、自评' },
  { status: 'computed', title: '已计分', description: '得分、等次、排名' },
  { status: 'published', title: '公示中', description: '申诉期' },
  { status: 'finalised', title: '已定档', description: '结果冻结' },
];

export const PERIOD_STATUS_COLORS: Record<PeriodStatus, string> = {
  open: 'processing',
  computed: 'blue',
  published: 'orange',
  finalised: 'green',
};

export const SUBJECT_KIND_LABELS: Record<string, string> = {
  officer: '执法人员',
  section: '科室',
  agency: '执法部门',
  township: '乡镇',
  unit: '单位',
};

export const PERIOD_KIND_LABELS: Record<string, string> = {
  month: '月度',
  quarter: '季度',
  half: '半年',
  year: '年度',
};

export const LINE_KIND_LABELS: Record<LineKind, string> = {
  base: '基础分',
  deduction: '扣分',
  bonus: '加分',
  cap: '封顶',
  floor: '扣完为止',
  'same-fact': '就高未计',
  rating: '测评',
  average: '平均分',
  scale: '折算',
  weight: '权重',
  round: '舍入',
  veto: '一票否决',
  ceiling: '等次限制',
  quota: '比例控制',
  part: '分期',
  'roll-up': '汇总',
};

/** Flags shown beside a ranking row, in the order an official reads them. */
export const FLAG_TAGS: readonly { flag: keyof SubjectFlags; label: string; color: string }[] = [
  { flag: 'isVetoed', label: '一票否决', color: 'red' },
  { flag: 'isQuotaDemoted', label: '比例压减', color: 'orange' },
  { flag: 'isCeilinged', label: '等次受限', color: 'volcano' },
  { flag: 'isCommended', label: '表彰', color: 'green' },
  { flag: 'isHonoursBarred', label: '取消评优', color: 'magenta' },
  { flag: 'isBarred', label: '不得评优', color: 'magenta' },
];

/** Colour of a signed points text: red taken, green added, grey for 0-point lines. */
export function pointsColor(points: string): string | undefined {
  if (points.startsWith('-')) return '#cf1322';
  if (points.startsWith('+') && Number(points) !== 0) return '#389e0d';
  return 'rgba(0,0,0,0.45)';
}

/** Exact sum of the lines' signed points (the engine's scaled decimals: no float drift). */
export function sumPoints(lines: readonly Pick<ExplanationLine, 'points'>[]): string {
  return formatDecimal(sumScaled(lines.map((line) => parseDecimal(line.points) ?? 0)));
}

/** 'officer:12' → 'officer' | 'org' and the id. */
export function parseSubjectKey(key: string): { kind: 'officer' | 'org'; id: number } {
  const [kind, id] = key.split(':');
  return { kind: kind === 'officer' ? 'officer' : 'org', id: Number(id) };
}

/** Rater roles of 班子测评 as schemes name them ('main', 'deputy'); others are shown as written. */
export const RATER_LABELS: Record<string, string> = { main: '主要领导', deputy: '分管领导' };

/** The engine's grade key for a scheme without grades (results.service summarise). */
export const NO_GRADE = '未定等次';

/** First and last day of a period key ('2025-Q3' → 2025-07-01 … 2025-09-30); null if unreadable. */
export function periodRange(periodKey: string): { start: string; end: string } | null {
  return parsePeriod(toEnginePeriod(periodKey));
}
