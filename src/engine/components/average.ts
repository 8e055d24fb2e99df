/**
 * Component points from a weighted average of per-item scores, converted by a percentage
 * (seed 003 篇2 四(二)3: 每单件情况的评分加权平均，按25%的比例换算; 四(二)4: 按50%的比例换算).
 */
import type { CompiledAverage } from '../compile.ts';
import { formatDecimal, multiplyDivide, SCALE, type Scaled } from '../decimal.ts';
import { KIND, type LineStore } from '../lines.ts';
import type { ItemTally } from './tally.ts';

/** Weighted scores gathered for one subject: Σ weight × value and Σ weight, both scaled. */
export interface AverageTally {
  /** Σ weight × value, in SCALE² units (kept as BigInt to stay exact). */
  weightedSum: bigint;
  weightTotal: Scaled;
  count: number;
  /** Record rows, listed through `tally.next`. */
  head: number;
}

const averageFormats = new WeakMap<
  LineStore,
  { average: number; scales: WeakMap<CompiledAverage, number> }
>();

function formatsOf(store: LineStore, component: CompiledAverage): { average: number; scale: number } {
  let formats = averageFormats.get(store);
  if (!formats) {
    formats = {
      average: store.format((average, _unused, count) => `${count} 件加权平均 ${formatDecimal(average)} 分`),
      scales: new WeakMap(),
    };
    averageFormats.set(store, formats);
  }
  let scale = formats.scales.get(component);
  if (scale === undefined) {
    const percent = formatDecimal(component.scale);
    scale = store.format((scaled) => `按 ${percent}% 换算为 ${formatDecimal(scaled)} 分`);
    formats.scales.set(component, scale);
  }
  return { average: formats.average, scale };
}

const HUNDRED_PERCENT = 100 * SCALE;

/** Scores a scaled-average component for one subject. */
export function scoreAverage(
  component: CompiledAverage,
  tally: AverageTally | undefined,
  store: LineStore,
  rows: ItemTally,
): Scaled {
  let average: Scaled;
  const rule = store.rule(component, component.path);
  const formats = formatsOf(store, component);
  if (!tally || tally.weightTotal === 0) {
    average = component.isFullWhenEmpty ? component.outOf : 0;
    store.addText(
      KIND.average,
      rule,
      average,
      Number.NaN,
      component.isFullWhenEmpty ? '无单项评分，按满分计' : '无单项评分，按0分计',
    );
  } else {
    const quotient = tally.weightedSum / BigInt(tally.weightTotal);
    const remainder = tally.weightedSum - quotient * BigInt(tally.weightTotal);
    average = Number(quotient + (remainder * 2n >= BigInt(tally.weightTotal) ? 1n : 0n));
    store.add(KIND.average, rule, average, tally.count, formats.average, average, 0);
    store.addRowList(tally.head, rows);
  }
  const scaled = multiplyDivide(average, component.scale, HUNDRED_PERCENT);
  store.add(KIND.scale, rule, scaled - average, Number.NaN, formats.scale, scaled, 0);
  return scaled;
}
