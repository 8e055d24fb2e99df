/**
 * Component points from a weighted average of per-item scores, converted by a percentage
 * (seed 003 篇2 四(二)3: 每单件情况的评分加权平均，按25%的比例换算; 四(二)4: 按50%的比例换算).
 */
import type { CompiledAverage } from '../compile.ts';
import { formatDecimal, multiplyDivide, SCALE, type Scaled } from '../decimal.ts';
import { KIND, type LineStore } from '../lines.ts';
import { ITEM, POINTS, STRIDE, wideValue } from '../rows.ts';
import { averageText, type ItemTally } from './tally.ts';

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

/**
 * The average line's note: `3 件加权平均 (90 × 2 + 85 × 1 + 88 × 1) ÷ 4 ≈ 88.25 分` — each item
 * score with its weight (weights left out when all are 1), from the (score, weight) pairs the
 * line carries per record; `second` is 1 when the quotient was rounded.
 */
function averageNote(
  average: Scaled,
  isRounded: number,
  count: number | undefined,
  pairs: readonly number[],
): string {
  const scores: Scaled[] = [];
  const weights: Scaled[] = [];
  let weightTotal = 0;
  for (let at = 0; at < pairs.length; at += 2) {
    scores.push(pairs[at]!);
    weights.push(pairs[at + 1]!);
    weightTotal += pairs[at + 1]!;
  }
  if (scores.length <= 1) return `${count} 件加权平均 ${formatDecimal(average)} 分`;
  const isWeighted = weights.some((weight) => weight !== SCALE);
  const shown = averageText(
    scores,
    average,
    isRounded === 0,
    formatDecimal(weightTotal),
    isWeighted ? weights : undefined,
  );
  return `${count} 件${isWeighted ? '加权' : ''}平均 ${shown} 分`;
}

function formatsOf(store: LineStore, component: CompiledAverage): { average: number; scale: number } {
  let formats = averageFormats.get(store);
  if (!formats) {
    formats = { average: store.format(averageNote, 2), scales: new WeakMap() };
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

/** The weight of an averaged item by its item index (a component averages a few items). */
function weightOf(component: CompiledAverage, itemIndex: number): Scaled {
  const { items } = component;
  for (let at = 0; at < items.length; at++) if (items[at]!.index === itemIndex) return items[at]!.weight;
  return SCALE;
}

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
    store.add(KIND.average, rule, average, tally.count, formats.average, average, remainder === 0n ? 0 : 1);
    // the (score, weight) of each record, in the order addRowList quotes them
    const { next, base, data, wide } = rows;
    for (let row = tally.head; row !== -1; row = next[row - base]!) {
      store.addValue(wideValue(data[row * STRIDE + POINTS]!, wide));
      store.addValue(weightOf(component, data[row * STRIDE + ITEM]!));
    }
    store.addRowList(tally.head, rows);
  }
  const scaled = multiplyDivide(average, component.scale, HUNDRED_PERCENT);
  store.add(KIND.scale, rule, scaled - average, Number.NaN, formats.scale, scaled, 0);
  return scaled;
}
