/**
 * Component points from a weighted average of per-item scores, converted by a percentage
 * (seed 003 篇2 四(二)3: 每单件情况的评分加权平均，按25%的比例换算; 四(二)4: 按50%的比例换算).
 */
import type { CompiledAverage } from '../compile.ts';
import { formatDecimal, multiplyDivide, SCALE, type Scaled } from '../decimal.ts';
import { line } from '../explain.ts';
import type { ExplanationLine } from '../types.ts';

/** Weighted scores gathered for one subject: Σ weight × value and Σ weight, both scaled. */
export interface AverageTally {
  /** Σ weight × value, in SCALE² units (kept as BigInt to stay exact). */
  weightedSum: bigint;
  weightTotal: Scaled;
  records: string[];
}

const HUNDRED_PERCENT = 100 * SCALE;

/** Scores a scaled-average component for one subject. */
export function scoreAverage(
  component: CompiledAverage,
  tally: AverageTally | undefined,
  lines: ExplanationLine[],
): Scaled {
  let average: Scaled;
  if (!tally || tally.weightTotal === 0) {
    average = component.isFullWhenEmpty ? component.outOf : 0;
    lines.push(
      line('average', component, average, component.path, {
        note: component.isFullWhenEmpty ? '无单项评分，按满分计' : '无单项评分，按0分计',
      }),
    );
  } else {
    const quotient = tally.weightedSum / BigInt(tally.weightTotal);
    const remainder = tally.weightedSum - quotient * BigInt(tally.weightTotal);
    average = Number(quotient + (remainder * 2n >= BigInt(tally.weightTotal) ? 1n : 0n));
    lines.push(
      line('average', component, average, component.path, {
        records: tally.records,
        count: tally.records.length,
        note: `${tally.records.length} 件加权平均 ${formatDecimal(average)} 分`,
      }),
    );
  }
  const scaled = multiplyDivide(average, component.scale, HUNDRED_PERCENT);
  lines.push(
    line('scale', component, scaled - average, component.path, {
      note: `按 ${formatDecimal(component.scale)}% 换算为 ${formatDecimal(scaled)} 分`,
    }),
  );
  return scaled;
}
