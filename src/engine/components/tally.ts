/**
 * Deduction and bonus components: points per occurrence or by level, item caps, nested group
 * caps (扣完为止), a floor for deductions, and the "same fact once, at the highest" rule
 * (张家港细则第二章第三条 就高加分, 第四章第二条 就高扣分).
 */
import type { CompiledGroup, CompiledItem, CompiledTally } from '../compile.ts';
import { formatDecimal, type Scaled } from '../decimal.ts';
import { KIND, type LineStore, NO_NOTE, PER_NOTE, TEXT_NOTE } from '../lines.ts';

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
}

/**
 * A tally component laid out for scoring: rule numbers and note texts interned in the line
 * store, caps as numbers (NaN for none), items as index arrays. Built once per evaluation, so
 * scoring a subject reads typed arrays rather than the compiled objects.
 */
export interface TallyPlan {
  component: CompiledTally;
  sign: 1 | -1;
  rule: number;
  baseNote: number;
  limitNote: number;
  cap: Scaled;
  root: GroupPlan;
}

interface GroupPlan {
  items: Int32Array;
  groups: GroupPlan[];
  cap: Scaled;
  rule: number;
  /** Text index of the cap note, −1 for none. */
  capNote: number;
}

/** Per-item numbers of a scheme, by item index, for scoring tallies. */
export interface ItemTable {
  points: Float64Array;
  per: Float64Array;
  /** NaN when the item has no cap. */
  cap: Float64Array;
  rule: Int32Array;
  /** Text indexes of the per-occurrence and cap notes, −1 for none. */
  perNote: Int32Array;
  capNote: Int32Array;
}

/** Lays out the scheme's items for `store`. */
export function itemTable(items: readonly CompiledItem[], store: LineStore): ItemTable {
  const table: ItemTable = {
    points: new Float64Array(items.length),
    per: new Float64Array(items.length),
    cap: new Float64Array(items.length),
    rule: new Int32Array(items.length).fill(-1),
    perNote: new Int32Array(items.length).fill(-1),
    capNote: new Int32Array(items.length).fill(-1),
  };
  for (const item of items) {
    table.points[item.index] = item.points ?? 0;
    table.per[item.index] = item.per;
    table.cap[item.index] = item.cap ?? Number.NaN;
    if (item.component) table.rule[item.index] = store.itemRule(item, item.component.path);
    if (item.perNote !== undefined) table.perNote[item.index] = store.text(item.perNote);
    if (item.capNote !== undefined) table.capNote[item.index] = store.text(item.capNote);
  }
  return table;
}

/** Lays out a tally component for `store`. */
export function tallyPlan(component: CompiledTally, store: LineStore): TallyPlan {
  const group = (source: CompiledGroup): GroupPlan => ({
    items: Int32Array.from(source.items, (item) => item.index),
    groups: source.groups.map(group),
    cap: source.cap ?? Number.NaN,
    rule: store.rule(source, component.path),
    capNote: source.capNote === undefined ? -1 : store.text(source.capNote),
  });
  return {
    component,
    sign: component.kind === 'deduction' ? -1 : 1,
    rule: store.rule(component, component.path),
    baseNote: store.text(component.notes.base),
    limitNote: store.text(component.notes.limit),
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
  if (plan.sign < 0) store.add(KIND.base, plan.rule, component.base, Number.NaN, TEXT_NOTE, plan.baseNote, 0);
  const magnitude = scoreGroup(plan, items, tally, store, plan.root);
  if (plan.sign < 0) {
    const score = component.base - magnitude;
    if (score < component.floor) {
      store.add(KIND.floor, plan.rule, component.floor - score, Number.NaN, TEXT_NOTE, plan.limitNote, 0);
      wasCapped = true;
      return component.floor;
    }
    return score;
  }
  if (magnitude > plan.cap) {
    store.add(KIND.cap, plan.rule, plan.cap - magnitude, Number.NaN, TEXT_NOTE, plan.limitNote, 0);
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
  const kind = sign < 0 ? KIND.deduction : KIND.bonus;
  const members = group.items;
  for (let at = 0; at < members.length; at++) {
    const index = members[at]!;
    const first = head[index]!;
    if (first === -1) continue;
    const per = items.per[index]!;
    const charged = tally.counts[index]!;
    const count = tally.occurrences[index]!;
    const charges = per > 1 ? Math.floor(charged / per) : charged;
    const raw = charges * items.points[index]! + tally.scored[index]!;
    const rule = items.rule[index]!;
    if (per > 1) store.add(kind, rule, sign * raw, count, PER_NOTE, items.perNote[index]!, 0);
    else store.add(kind, rule, sign * raw, count, NO_NOTE, 0, 0);
    store.addRowList(first, tally);
    const cap = items.cap[index]!;
    if (raw > cap) {
      const note = items.capNote[index]!;
      store.add(KIND.cap, rule, -sign * (raw - cap), Number.NaN, note < 0 ? NO_NOTE : TEXT_NOTE, note, 0);
      wasCapped = true;
      sum += cap;
    } else sum += raw;
  }
  for (const child of group.groups) sum += scoreGroup(plan, items, tally, store, child);
  if (sum > group.cap) {
    const note = group.capNote;
    store.add(
      KIND.cap,
      group.rule,
      -sign * (sum - group.cap),
      Number.NaN,
      note < 0 ? NO_NOTE : TEXT_NOTE,
      note,
      0,
    );
    wasCapped = true;
    return group.cap;
  }
  return sum;
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
