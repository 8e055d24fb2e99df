/**
 * Deduction and bonus components: points per occurrence or by level, item caps, nested group
 * caps (扣完为止), a floor for deductions, and the "same fact once, at the highest" rule
 * (张家港细则第二章第三条 就高加分, 第四章第二条 就高扣分).
 */
import type { CompiledGroup, CompiledItem, CompiledLevel, CompiledTally } from '../compile.ts';
import { formatDecimal, type Scaled } from '../decimal.ts';
import { KIND, type LineStore, NO_NOTE, PER_NOTE, TEXT_NOTE } from '../lines.ts';
import { COUNT, POINTS, STRIDE, wideValue } from '../rows.ts';

/** What one subject's records gave each item, indexed by item index; reset between subjects. */
export interface ItemTally {
  /** Occurrences of records charged per occurrence. */
  counts: Float64Array;
  /** All occurrences behind the item, for display. */
  occurrences: Float64Array;
  /** Points already decided per record (levels, facts charged at the highest). */
  scored: Float64Array;
  /** First record row of each item's list, −1 when the item has no record. */
  head: Int32Array;
  /** Next row of a list, indexed by row − base; −1 ends it. */
  next: Int32Array;
  /** First row of the subject being scored. */
  base: number;
  /** Input position of each sorted row: what line record references hold. */
  positions: Int32Array;
  /** The sorted rows (rows.ts layout) and their wide values, for lines that show a row's value. */
  data: Int32Array;
  wide: readonly number[];
}

/**
 * A tally component laid out for scoring: rule numbers and note texts interned in the line
 * store, caps as numbers (NaN for none), items as index arrays. Built once per evaluation, so
 * scoring a subject reads typed arrays rather than the compiled objects.
 */
export interface TallyPlan {
  component: CompiledTally;
  sign: 1 | -1;
  /** Line templates (see LineStore.template) of the base, floor and cap lines. */
  baseLine: number;
  floorLine: number;
  capLine: number;
  cap: Scaled;
  root: GroupPlan;
}

interface GroupPlan {
  items: Int32Array;
  groups: GroupPlan[];
  cap: Scaled;
  /** Line template of the group's cap line. */
  capLine: number;
}

/** Per-item numbers of a scheme, by item index, for scoring tallies. */
export interface ItemTable {
  points: Float64Array;
  per: Float64Array;
  /** NaN when the item has no cap. */
  cap: Float64Array;
  /** Line templates of the item's deduction or bonus line and of its cap line (−1: none). */
  line: Int32Array;
  capLine: Int32Array;
  /** Levels of levelled items in position order (null: not levelled), and their line's rule and kind. */
  levels: (CompiledLevel[] | null)[];
  rule: Int32Array;
  kind: Uint8Array;
}

/** Lays out the scheme's items for `store`. */
export function itemTable(items: readonly CompiledItem[], store: LineStore): ItemTable {
  const table: ItemTable = {
    points: new Float64Array(items.length),
    per: new Float64Array(items.length),
    cap: new Float64Array(items.length),
    line: new Int32Array(items.length).fill(-1),
    capLine: new Int32Array(items.length).fill(-1),
    levels: items.map((item) =>
      item.levels ? [...item.levels.values()].sort((left, right) => left.position - right.position) : null,
    ),
    rule: new Int32Array(items.length).fill(-1),
    kind: new Uint8Array(items.length),
  };
  for (const item of items) {
    table.points[item.index] = item.points ?? 0;
    table.per[item.index] = item.per;
    table.cap[item.index] = item.cap ?? Number.NaN;
    const component = item.component;
    if (component === null || (component.kind !== 'deduction' && component.kind !== 'bonus')) continue;
    const rule = store.itemRule(item, component.path);
    const kind = component.kind === 'deduction' ? KIND.deduction : KIND.bonus;
    table.rule[item.index] = rule;
    table.kind[item.index] = kind;
    table.line[item.index] =
      item.per > 1 && item.perNote !== undefined
        ? store.template(kind, rule, PER_NOTE, store.text(item.perNote))
        : store.template(kind, rule, NO_NOTE, 0);
    table.capLine[item.index] =
      item.capNote === undefined
        ? store.template(KIND.cap, rule, NO_NOTE, 0)
        : store.template(KIND.cap, rule, TEXT_NOTE, store.text(item.capNote));
  }
  return table;
}

/** Lays out a tally component for `store`. */
export function tallyPlan(component: CompiledTally, store: LineStore): TallyPlan {
  const group = (source: CompiledGroup): GroupPlan => {
    const rule = store.rule(source, component.path);
    return {
      items: Int32Array.from(source.items, (item) => item.index),
      groups: source.groups.map(group),
      cap: source.cap ?? Number.NaN,
      capLine:
        source.capNote === undefined
          ? store.template(KIND.cap, rule, NO_NOTE, 0)
          : store.template(KIND.cap, rule, TEXT_NOTE, store.text(source.capNote)),
    };
  };
  const rule = store.rule(component, component.path);
  const limitNote = store.text(component.notes.limit);
  return {
    component,
    sign: component.kind === 'deduction' ? -1 : 1,
    baseLine: store.template(KIND.base, rule, TEXT_NOTE, store.text(component.notes.base)),
    floorLine: store.template(KIND.floor, rule, TEXT_NOTE, limitNote),
    capLine: store.template(KIND.cap, rule, TEXT_NOTE, limitNote),
    cap: component.cap ?? Number.NaN,
    root: group(component.root),
  };
}

/** Whether the last `scoreTally` applied a cap, floor or 扣完为止. */
let wasCapped = false;

export function lastTallyCapped(): boolean {
  return wasCapped;
}

/** Scores a deduction or bonus component for one subject, appending its lines in scheme order. */
export function scoreTally(plan: TallyPlan, items: ItemTable, tally: ItemTally, store: LineStore): Scaled {
  const { component } = plan;
  wasCapped = false;
  if (plan.sign < 0) store.addLine(plan.baseLine, component.base, Number.NaN);
  const magnitude = scoreGroup(plan, items, tally, store, plan.root);
  if (plan.sign < 0) {
    const score = component.base - magnitude;
    if (score < component.floor) {
      store.addLine(plan.floorLine, component.floor - score, Number.NaN);
      wasCapped = true;
      return component.floor;
    }
    return score;
  }
  if (magnitude > plan.cap) {
    store.addLine(plan.capLine, plan.cap - magnitude, Number.NaN);
    wasCapped = true;
    return plan.cap;
  }
  return magnitude;
}

/** Effective (capped) magnitude of a group's points. */
function scoreGroup(
  plan: TallyPlan,
  items: ItemTable,
  tally: ItemTally,
  store: LineStore,
  group: GroupPlan,
): Scaled {
  let sum = 0;
  const { head } = tally;
  const sign = plan.sign;
  const members = group.items;
  for (let at = 0; at < members.length; at++) {
    const index = members[at]!;
    const first = head[index]!;
    if (first === -1) continue;
    const per = items.per[index]!;
    const charged = tally.counts[index]!;
    const charges = per > 1 ? Math.floor(charged / per) : charged;
    const raw = charges * items.points[index]! + tally.scored[index]!;
    const levels = items.levels[index];
    store.addLine(
      levels ? levelLine(items, index, levels, first, tally, store) : items.line[index]!,
      sign * raw,
      tally.occurrences[index]!,
    );
    store.addRowList(first, tally);
    const cap = items.cap[index]!;
    if (raw > cap) {
      store.addLine(items.capLine[index]!, -sign * (raw - cap), Number.NaN);
      wasCapped = true;
      sum += cap;
    } else sum += raw;
  }
  const groups = group.groups;
  for (let at = 0; at < groups.length; at++) sum += scoreGroup(plan, items, tally, store, groups[at]!);
  if (sum > group.cap) {
    store.addLine(group.capLine, -sign * (sum - group.cap), Number.NaN);
    wasCapped = true;
    return group.cap;
  }
  return sum;
}

/**
 * The line template of a levelled item, whose note names the levels behind its points in
 * scheme order (省级表彰 1 次 × 3 分，市级表彰 2 次 × 2 分): the award level of each record is in
 * its row (rows.ts POINTS). Levelled records are few, so the note text is made per line.
 */
function levelLine(
  items: ItemTable,
  index: number,
  levels: readonly CompiledLevel[],
  head: number,
  tally: ItemTally,
  store: LineStore,
): number {
  const counts = new Array<number>(levels.length).fill(0);
  const { next, base, data, wide } = tally;
  for (let row = head; row !== -1; row = next[row - base]!) {
    counts[data[row * STRIDE + POINTS]!]! += wideValue(data[row * STRIDE + COUNT]!, wide);
  }
  const parts: string[] = [];
  levels.forEach((level, position) => {
    if (counts[position]! > 0)
      parts.push(`${level.label} ${counts[position]} 次 × ${formatDecimal(level.points)} 分`);
  });
  return store.template(items.kind[index]!, items.rule[index]!, TEXT_NOTE, store.text(parts.join('，')));
}

/**
 * Appends, for each row of a list (head, then next[row − base], as `addRowList` walks it), the
 * row's value (a rating or an item score) to the open line: the scores behind an average.
 */
export function addRowValues(store: LineStore, head: number, tally: ItemTally): void {
  const { next, base, data, wide } = tally;
  for (let row = head; row !== -1; row = next[row - base]!) {
    store.addValue(wideValue(data[row * STRIDE + POINTS]!, wide));
  }
}

/**
 * How an average of `values` reads: `(90 + 85 + 88) ÷ 3 ≈ 87.666667`, exact decimals, `=` when
 * the quotient is exact and `≈` when it was rounded. With `weights`, each value shows its weight.
 */
export function averageText(
  values: readonly Scaled[],
  average: Scaled,
  isExact: boolean,
  divisor: string,
  weights?: readonly Scaled[],
): string {
  const terms = values.map((value, at) =>
    weights ? `${formatDecimal(value)} × ${formatDecimal(weights[at]!)}` : formatDecimal(value),
  );
  return `(${terms.join(' + ')}) ÷ ${divisor} ${isExact ? '=' : '≈'} ${formatDecimal(average)}`;
}

/** Fixed notes of a tally component, made once at compile time rather than per subject. */
export function tallyNotes(component: Pick<CompiledTally, 'kind' | 'base' | 'floor' | 'cap'>) {
  return {
    base: `基础分 ${formatDecimal(component.base)}`,
    limit:
      component.kind === 'deduction'
        ? `扣完为止，最低 ${formatDecimal(component.floor)} 分`
        : `最多加 ${formatDecimal(component.cap ?? 0)} 分`,
  };
}
