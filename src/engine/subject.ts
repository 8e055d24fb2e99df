/**
 * Scores one subject's records against a compiled scheme: gathers records per item, applies
 * the same-fact rule, walks the component tree, and returns scaled scores and working lines.
 * A workspace is reused across subjects so a province of subjects allocates little.
 */
import type { CompiledComponent, CompiledItem, CompiledScheme, CompiledTally } from './compile.ts';
import { type AverageTally, scoreAverage } from './components/average.ts';
import { type RoleRatings, scoreRating } from './components/rating.ts';
import { type FactEntry, type ItemTally, resolveFacts, scoreTally } from './components/tally.ts';
import { formatDecimal, multiplyDivide, roundScaled, SCALE, type Scaled } from './decimal.ts';
import { line, type WorkingLine } from './explain.ts';
import type { EngineRecord } from './types.ts';

const HUNDRED_PERCENT = 100 * SCALE;

/** A record already validated: its item and, for ratings and averages, its scaled value and rater. */
export interface AcceptedRecords {
  records: readonly EngineRecord[];
  item: Int32Array;
  value: Float64Array;
  rater: Int32Array;
}

export interface SubjectScore {
  total: Scaled;
  /** Own score of each component, by component index. */
  scores: Scaled[];
  /** What each component added to its parent, by component index. */
  counted: Scaled[];
  lines: WorkingLine[];
  /** Trigger item index → record ids. */
  triggers: Map<number, string[]>;
  isCapped: boolean;
}

/** Scratch state reused between subjects. */
export class SubjectWorkspace {
  readonly tally: ItemTally;
  private readonly touchedItems: number[] = [];
  private readonly ratings: ((RoleRatings | undefined)[] | undefined)[];
  private readonly averages: (AverageTally | undefined)[];
  private readonly touchedComponents: number[] = [];
  private facts: Map<number, Map<string, FactEntry[]>> | null = null;

  constructor(private readonly scheme: CompiledScheme) {
    const itemCount = scheme.items.length;
    this.tally = {
      counts: new Float64Array(itemCount),
      occurrences: new Float64Array(itemCount),
      scored: new Float64Array(itemCount),
      records: new Array(itemCount),
    };
    this.ratings = new Array(scheme.components.length);
    this.averages = new Array(scheme.components.length);
  }

  /** Scores one subject from the accepted records at `positions[from, to)`. */
  score(accepted: AcceptedRecords, positions: Int32Array, from: number, to: number): SubjectScore {
    const { scheme, tally } = this;
    const triggers = new Map<number, string[]>();
    for (let cursor = from; cursor < to; cursor++) {
      const position = positions[cursor]!;
      const record = accepted.records[position]!;
      const item = scheme.items[accepted.item[position]!]!;
      switch (item.role) {
        case 'score':
          this.addScored(item, record);
          break;
        case 'rating':
          this.addRating(item, record.id, accepted.value[position]!, accepted.rater[position]!);
          break;
        case 'average':
          this.addAverage(item, record.id, accepted.value[position]!);
          break;
        default: {
          const list = triggers.get(item.index);
          if (list) list.push(record.id);
          else triggers.set(item.index, [record.id]);
        }
      }
    }

    const passedOverLines = this.facts ? this.applyFacts() : null;
    const lines: WorkingLine[] = [];
    const scores: Scaled[] = new Array(scheme.components.length).fill(0);
    const counted: Scaled[] = new Array(scheme.components.length).fill(0);
    let isCapped = false;

    const scoreComponent = (component: CompiledComponent): Scaled => {
      let score: Scaled;
      switch (component.kind) {
        case 'deduction':
        case 'bonus': {
          const outcome = scoreTally(component, tally, lines);
          const passedOver = passedOverLines?.get(component.index);
          if (passedOver) lines.push(...passedOver);
          isCapped ||= outcome.isCapped;
          score = outcome.score;
          break;
        }
        case 'rating':
          score = scoreRating(component, this.ratings[component.index] ?? [], lines);
          break;
        case 'scaled-average':
          score = scoreAverage(component, this.averages[component.index], lines);
          break;
        case 'weighted': {
          score = 0;
          for (const child of component.children) {
            const childScore = scoreComponent(child);
            const contribution = multiplyDivide(childScore, child.weight ?? 0, HUNDRED_PERCENT);
            lines.push(
              line('weight', child, contribution - childScore, child.path, {
                note: `${formatDecimal(childScore)} 分 × ${formatDecimal(child.weight ?? 0)}% = ${formatDecimal(contribution)} 分`,
              }),
            );
            counted[child.index] = contribution;
            score += contribution;
          }
          break;
        }
        case 'sum': {
          score = 0;
          for (const child of component.children) score += scoreComponent(child);
          if (component.cap !== null && score > component.cap) {
            lines.push(
              line('cap', component, component.cap - score, component.path, {
                note: `最多 ${formatDecimal(component.cap)} 分`,
              }),
            );
            isCapped = true;
            score = component.cap;
          }
          break;
        }
      }
      if (component.round) score = pushRounding(component, component.round, score, component.path, lines);
      scores[component.index] = score;
      counted[component.index] = score;
      return score;
    };

    let total = 0;
    for (const component of scheme.top) total += scoreComponent(component);
    if (scheme.round) {
      total = pushRounding({ id: scheme.file.id, label: '总分' }, scheme.round, total, undefined, lines);
    }
    this.reset();
    return { total, scores, counted, lines, triggers, isCapped };
  }

  private addScored(item: CompiledItem, record: EngineRecord): void {
    const tally = this.tally;
    const component = item.component as CompiledTally;
    const count = record.count ?? 1;
    const levelPoints = item.levels ? item.levels.get(record.level as string)!.points : null;
    if (component.isHighestOnly && record.fact !== undefined && record.fact !== '') {
      const points =
        levelPoints !== null ? levelPoints * count : (item.points ?? 0) * Math.floor(count / item.per);
      this.facts ??= new Map();
      let byFact = this.facts.get(component.index);
      if (!byFact) {
        byFact = new Map();
        this.facts.set(component.index, byFact);
      }
      const entries = byFact.get(record.fact);
      const entry = { item, record: record.id, points, count };
      if (entries) entries.push(entry);
      else byFact.set(record.fact, [entry]);
      return;
    }
    let records = tally.records[item.index];
    if (records === undefined) {
      records = [];
      tally.records[item.index] = records;
      this.touchedItems.push(item.index);
    }
    records.push(record.id);
    tally.occurrences[item.index]! += count;
    if (levelPoints !== null) tally.scored[item.index]! += levelPoints * count;
    else tally.counts[item.index]! += count;
  }

  /** Charges each fact once at the highest; returns the 0-point lines for records passed over, by component. */
  private applyFacts(): Map<number, WorkingLine[]> {
    const linesByComponent = new Map<number, WorkingLine[]>();
    for (const [componentIndex, byFact] of this.facts!) {
      const { winners, passedOver } = resolveFacts(byFact);
      for (const winner of winners) {
        let records = this.tally.records[winner.item.index];
        if (records === undefined) {
          records = [];
          this.tally.records[winner.item.index] = records;
          this.touchedItems.push(winner.item.index);
        }
        records.push(winner.record);
        this.tally.scored[winner.item.index]! += winner.points;
        this.tally.occurrences[winner.item.index]! += winner.count;
      }
      passedOver.sort(
        (left, right) =>
          left.entry.item.index - right.entry.item.index || (left.entry.record < right.entry.record ? -1 : 1),
      );
      const component = this.scheme.components[componentIndex] as CompiledTally;
      linesByComponent.set(
        componentIndex,
        passedOver.map(({ entry, winner, fact }) =>
          line('same-fact', entry.item, 0, component.path, {
            records: [entry.record],
            note: `同一事实(${fact})已按「${winner.item.label}」${formatDecimal(winner.points)} 分就高计算，本项不重复计分`,
          }),
        ),
      );
    }
    this.facts = null;
    return linesByComponent;
  }

  private addRating(item: CompiledItem, recordId: string, value: Scaled, role: number): void {
    const componentIndex = item.component!.index;
    let byRole = this.ratings[componentIndex];
    if (!byRole) {
      byRole = [];
      this.ratings[componentIndex] = byRole;
      this.touchedComponents.push(componentIndex);
    }
    const ratings = byRole[role];
    if (ratings) {
      ratings.sum += value;
      ratings.count += 1;
      ratings.records.push(recordId);
    } else byRole[role] = { sum: value, count: 1, records: [recordId] };
  }

  private addAverage(item: CompiledItem, recordId: string, value: Scaled): void {
    const componentIndex = item.component!.index;
    let tally = this.averages[componentIndex];
    if (!tally) {
      tally = { weightedSum: 0n, weightTotal: 0, records: [] };
      this.averages[componentIndex] = tally;
      this.touchedComponents.push(componentIndex);
    }
    tally.weightedSum += BigInt(item.weight) * BigInt(value);
    tally.weightTotal += item.weight;
    tally.records.push(recordId);
  }

  private reset(): void {
    for (const index of this.touchedItems) {
      this.tally.counts[index] = 0;
      this.tally.occurrences[index] = 0;
      this.tally.scored[index] = 0;
      this.tally.records[index] = undefined;
    }
    this.touchedItems.length = 0;
    for (const index of this.touchedComponents) {
      this.ratings[index] = undefined;
      this.averages[index] = undefined;
    }
    this.touchedComponents.length = 0;
  }
}

function pushRounding(
  rule: { id: string; label: string; clause?: string | undefined },
  round: { places: number; mode: 'half-up' | 'half-even' | 'down' | 'up' },
  score: Scaled,
  path: string | undefined,
  lines: WorkingLine[],
): Scaled {
  const rounded = roundScaled(score, round.places, round.mode);
  if (rounded !== score) {
    lines.push(
      line('round', rule, rounded - score, path, {
        note: `${formatDecimal(score)} 保留 ${round.places} 位小数为 ${formatDecimal(rounded)}`,
      }),
    );
  }
  return rounded;
}
