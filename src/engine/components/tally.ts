/**
 * Deduction and bonus components: points per occurrence or by level, item caps, nested group
 * caps (扣完为止), a floor for deductions, and the "same fact once, at the highest" rule
 * (张家港细则第二章第三条 就高加分, 第四章第二条 就高扣分).
 */
import type { CompiledGroup, CompiledItem, CompiledTally } from '../compile.ts';
import { formatDecimal, type Scaled } from '../decimal.ts';
import { KIND, type LineStore, NO_NOTE, PER_NOTE } from '../lines.ts';

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

/** The state of one component's walk: the sign of its points and whether a cap applied. */
interface Walk {
  component: CompiledTally;
  tally: ItemTally;
  store: LineStore;
  sign: 1 | -1;
  isCapped: boolean;
}

export interface TallyOutcome {
  score: Scaled;
  isCapped: boolean;
}

/** Scores a deduction or bonus component for one subject, appending its lines in scheme order. */
export function scoreTally(component: CompiledTally, tally: ItemTally, store: LineStore): TallyOutcome {
  const isDeduction = component.kind === 'deduction';
  const walk: Walk = { component, tally, store, sign: isDeduction ? -1 : 1, isCapped: false };
  const rule = store.rule(component, component.path);
  if (isDeduction) store.addText(KIND.base, rule, component.base, Number.NaN, component.notes.base);
  const magnitude = scoreGroup(walk, component.root);
  if (isDeduction) {
    const score = component.base - magnitude;
    if (score < component.floor) {
      store.addText(KIND.floor, rule, component.floor - score, Number.NaN, component.notes.limit);
      return { score: component.floor, isCapped: true };
    }
    return { score, isCapped: walk.isCapped };
  }
  if (component.cap !== null && magnitude > component.cap) {
    store.addText(KIND.cap, rule, component.cap - magnitude, Number.NaN, component.notes.limit);
    return { score: component.cap, isCapped: true };
  }
  return { score: magnitude, isCapped: walk.isCapped };
}

/** Effective (capped) magnitude of a group's points. */
function scoreGroup(walk: Walk, group: CompiledGroup): Scaled {
  let sum = 0;
  const head = walk.tally.head;
  for (const item of group.items) {
    if (head[item.index] !== -1) sum += scoreItem(walk, item);
  }
  for (const child of group.groups) sum += scoreGroup(walk, child);
  if (group.cap !== null && sum > group.cap) {
    const { store } = walk;
    store.addText(
      KIND.cap,
      store.rule(group, walk.component.path),
      -walk.sign * (sum - group.cap),
      Number.NaN,
      group.capNote,
    );
    walk.isCapped = true;
    return group.cap;
  }
  return sum;
}

function scoreItem(walk: Walk, item: CompiledItem): Scaled {
  const { tally, sign, store } = walk;
  const charged = tally.counts[item.index]!;
  const count = tally.occurrences[item.index]!;
  const charges = item.per > 1 ? Math.floor(charged / item.per) : charged;
  const raw = charges * (item.points ?? 0) + tally.scored[item.index]!;
  const rule = store.itemRule(item, walk.component.path);
  const kind = sign < 0 ? KIND.deduction : KIND.bonus;
  if (item.per > 1) store.add(kind, rule, sign * raw, count, PER_NOTE, store.text(item.perNote!), 0);
  else store.add(kind, rule, sign * raw, count, NO_NOTE, 0, 0);
  store.addRowList(tally.head[item.index]!, tally);
  if (item.cap !== null && raw > item.cap) {
    store.addText(KIND.cap, rule, -sign * (raw - item.cap), Number.NaN, item.capNote);
    walk.isCapped = true;
    return item.cap;
  }
  return raw;
}

/** A record in a highest-only component that names a fact, scored on its own. */
export interface FactEntry {
  item: CompiledItem;
  record: string;
  /** The record's row in the sorted columns. */
  row: number;
  points: Scaled;
  count: number;
  /** Component index. */
  component: number;
  fact: string;
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
