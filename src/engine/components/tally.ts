/**
 * Deduction and bonus components: points per occurrence or by level, item caps, nested group
 * caps (扣完为止), a floor for deductions, and the "same fact once, at the highest" rule
 * (张家港细则第二章第三条 就高加分, 第四章第二条 就高扣分).
 */
import type { CompiledGroup, CompiledItem, CompiledTally } from '../compile.ts';
import { formatDecimal, type Scaled } from '../decimal.ts';
import { line, type WorkingLine } from '../explain.ts';

/** What one subject's records gave each item, indexed by item index; reset between subjects. */
export interface ItemTally {
  /** Occurrences of records charged per occurrence. */
  counts: Float64Array;
  /** All occurrences behind the item, for display. */
  occurrences: Float64Array;
  /** Points already decided per record (levels, facts charged at the highest). */
  scored: Float64Array;
  records: (string[] | undefined)[];
}

export interface TallyOutcome {
  score: Scaled;
  isCapped: boolean;
}

/** Scores a deduction or bonus component for one subject, appending its lines. */
export function scoreTally(component: CompiledTally, tally: ItemTally, lines: WorkingLine[]): TallyOutcome {
  const isDeduction = component.kind === 'deduction';
  const sign = isDeduction ? -1 : 1;
  const path = component.path;
  let isCapped = false;

  if (isDeduction) {
    lines.push(
      line('base', component, component.base, path, { note: `基础分 ${formatDecimal(component.base)}` }),
    );
  }

  /** Effective (capped) magnitude of a group; pushes item, cap lines in scheme order. */
  const scoreGroup = (group: CompiledGroup): Scaled => {
    let sum = 0;
    for (const item of group.items) sum += scoreItem(item);
    for (const child of group.groups) sum += scoreGroup(child);
    if (group.cap !== null && sum > group.cap) {
      const excess = sum - group.cap;
      lines.push(
        line('cap', group, -sign * excess, path, {
          note: `${group.label}最多${isDeduction ? '扣' : '加'} ${formatDecimal(group.cap)} 分${isDeduction ? '，扣完为止' : ''}`,
        }),
      );
      isCapped = true;
      return group.cap;
    }
    return sum;
  };

  const scoreItem = (item: CompiledItem): Scaled => {
    const records = tally.records[item.index];
    if (records === undefined) return 0;
    const charged = tally.counts[item.index]!;
    const count = tally.occurrences[item.index]!;
    const charges = item.per > 1 ? Math.floor(charged / item.per) : charged;
    const raw = charges * (item.points ?? 0) + tally.scored[item.index]!;
    const note =
      item.per > 1
        ? `${count} 次，每 ${item.per} 次${isDeduction ? '扣' : '加'} ${formatDecimal(item.points ?? 0)} 分`
        : undefined;
    lines.push(
      line(isDeduction ? 'deduction' : 'bonus', item, sign * raw, path, {
        records,
        count,
        ...(note ? { note } : {}),
      }),
    );
    if (item.cap !== null && raw > item.cap) {
      lines.push(
        line('cap', item, -sign * (raw - item.cap), path, { note: `本项最多 ${formatDecimal(item.cap)} 分` }),
      );
      isCapped = true;
      return item.cap;
    }
    return raw;
  };

  const magnitude = scoreGroup(component.root);
  if (isDeduction) {
    const score = component.base - magnitude;
    if (score < component.floor) {
      lines.push(
        line('floor', component, component.floor - score, path, {
          note: `扣完为止，最低 ${formatDecimal(component.floor)} 分`,
        }),
      );
      return { score: component.floor, isCapped: true };
    }
    return { score, isCapped };
  }
  if (component.cap !== null && magnitude > component.cap) {
    lines.push(
      line('cap', component, component.cap - magnitude, path, {
        note: `最多加 ${formatDecimal(component.cap)} 分`,
      }),
    );
    return { score: component.cap, isCapped: true };
  }
  return { score: magnitude, isCapped };
}

/** A record in a highest-only component that names a fact, scored on its own. */
export interface FactEntry {
  item: CompiledItem;
  record: string;
  points: Scaled;
  count: number;
}

/**
 * Keeps, for each fact, the record worth most (ties: the item listed first, then the smaller
 * record id — never input order). Returns the winners and the records passed over.
 */
export function resolveFacts(facts: Map<string, FactEntry[]>): {
  winners: FactEntry[];
  passedOver: { entry: FactEntry; winner: FactEntry; fact: string }[];
} {
  const winners: FactEntry[] = [];
  const passedOver: { entry: FactEntry; winner: FactEntry; fact: string }[] = [];
  for (const [fact, entries] of facts) {
    let winner = entries[0]!;
    for (const entry of entries) {
      if (
        entry.points > winner.points ||
        (entry.points === winner.points &&
          (entry.item.index < winner.item.index ||
            (entry.item.index === winner.item.index && entry.record < winner.record)))
      ) {
        winner = entry;
      }
    }
    winners.push(winner);
    for (const entry of entries) if (entry !== winner) passedOver.push({ entry, winner, fact });
  }
  return { winners, passedOver };
}
