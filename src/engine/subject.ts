/**
 * Scores one subject's records against a compiled scheme: gathers records per item, applies
 * the same-fact rule, walks the component tree, and returns scaled scores and explanation
 * lines. Records arrive as columns already sorted by subject (see evaluate.ts), and one
 * workspace is reused across subjects, so a province of subjects allocates little beyond the
 * lines it must return.
 */
import type { CompiledComponent, CompiledItem, CompiledScheme, CompiledTally } from './compile.ts';
import { type AverageTally, scoreAverage } from './components/average.ts';
import { type RoleRatings, scoreRating } from './components/rating.ts';
import { type FactEntry, type ItemTally, resolveFacts, scoreTally } from './components/tally.ts';
import {
  formatDecimal,
  multiplyDivide,
  type RoundingMode,
  roundScaled,
  SCALE,
  type Scaled,
} from './decimal.ts';
import { line, type RuleInfo } from './explain.ts';
import type { ExplanationLine } from './types.ts';

const HUNDRED_PERCENT = 100 * SCALE;

/** Item roles as small integers for the per-record switch. */
export const ROLE_SCORE = 0;
export const ROLE_RATING = 1;
export const ROLE_AVERAGE = 2;
export const ROLE_TRIGGER = 3;

/** Fields of a row in `RecordColumns.data`: item index, count, points, rater index. */
export const STRIDE = 4;
export const ITEM = 0;
export const COUNT = 1;
/** Level points for levelled items, the scaled value for ratings and averages. */
export const POINTS = 2;
export const RATER = 3;

/** Accepted records in subject order: ids beside interleaved numeric rows (see STRIDE). */
export interface RecordColumns {
  ids: string[];
  data: Float64Array;
  /** Fact ids, only when some record has one. */
  facts: (string | undefined)[] | null;
}

export interface SubjectScore {
  total: Scaled;
  /** Own score of each component, by component index. */
  scores: Scaled[];
  /** What each component added to its parent, by component index. */
  counted: Scaled[];
  lines: ExplanationLine[];
  /** Trigger item index → record ids; null when none. */
  triggers: Map<number, string[]> | null;
  isCapped: boolean;
}

/** Scratch state reused between subjects. */
export class SubjectWorkspace {
  readonly tally: ItemTally;
  private readonly roles: Uint8Array;
  private readonly hasLevels: Uint8Array;
  private readonly isHighestOnly: Uint8Array;
  private readonly touchedItems: number[] = [];
  private readonly ratings: ((RoleRatings | undefined)[] | undefined)[];
  private readonly averages: (AverageTally | undefined)[];
  private readonly touchedComponents: number[] = [];
  private facts: Map<number, Map<string, FactEntry[]>> | null = null;
  private lines: ExplanationLine[] = [];
  private scores: Scaled[] = [];
  private counted: Scaled[] = [];
  private isCapped = false;

  constructor(private readonly scheme: CompiledScheme) {
    const itemCount = scheme.items.length;
    this.tally = {
      counts: new Float64Array(itemCount),
      occurrences: new Float64Array(itemCount),
      scored: new Float64Array(itemCount),
      records: new Array(itemCount).fill(undefined),
    };
    this.roles = Uint8Array.from(scheme.items, (item) =>
      item.role === 'score'
        ? ROLE_SCORE
        : item.role === 'rating'
          ? ROLE_RATING
          : item.role === 'average'
            ? ROLE_AVERAGE
            : ROLE_TRIGGER,
    );
    this.hasLevels = Uint8Array.from(scheme.items, (item) => (item.levels ? 1 : 0));
    this.isHighestOnly = Uint8Array.from(scheme.items, (item) =>
      item.component?.kind === 'deduction' || item.component?.kind === 'bonus'
        ? item.component.isHighestOnly
          ? 1
          : 0
        : 0,
    );
    this.ratings = new Array(scheme.components.length).fill(undefined);
    this.averages = new Array(scheme.components.length).fill(undefined);
  }

  /** Scores one subject from the columns' rows [from, to). */
  score(columns: RecordColumns, from: number, to: number): SubjectScore {
    const { tally, roles, hasLevels, isHighestOnly } = this;
    const { ids, data, facts } = columns;
    let triggers: Map<number, string[]> | null = null;
    for (let row = from; row < to; row++) {
      const at = row * STRIDE;
      const itemIndex = data[at + ITEM]!;
      switch (roles[itemIndex]) {
        case ROLE_SCORE: {
          const count = data[at + COUNT]!;
          const fact = facts === null ? undefined : facts[row];
          if (fact !== undefined && isHighestOnly[itemIndex] === 1) {
            this.addFact(itemIndex, ids[row]!, fact, count, data[at + POINTS]!);
            break;
          }
          const records = tally.records[itemIndex];
          if (records === undefined) {
            // a literal holds exactly one slot; `[]` then push would reserve 17
            tally.records[itemIndex] = [ids[row]!];
            this.touchedItems.push(itemIndex);
          } else records.push(ids[row]!);
          tally.occurrences[itemIndex]! += count;
          if (hasLevels[itemIndex] === 1) tally.scored[itemIndex]! += data[at + POINTS]! * count;
          else tally.counts[itemIndex]! += count;
          break;
        }
        case ROLE_RATING:
          this.addRating(this.scheme.items[itemIndex]!, ids[row]!, data[at + POINTS]!, data[at + RATER]!);
          break;
        case ROLE_AVERAGE:
          this.addAverage(this.scheme.items[itemIndex]!, ids[row]!, data[at + POINTS]!);
          break;
        default: {
          triggers ??= new Map();
          const list = triggers.get(itemIndex);
          if (list) list.push(ids[row]!);
          else triggers.set(itemIndex, [ids[row]!]);
        }
      }
    }

    const passedOverLines = this.facts ? this.applyFacts() : null;
    const componentCount = this.scheme.components.length;
    this.lines = [];
    this.scores = new Array(componentCount).fill(0);
    this.counted = new Array(componentCount).fill(0);
    this.isCapped = false;

    let total = 0;
    for (const component of this.scheme.top) total += this.scoreComponent(component, passedOverLines);
    const round = this.scheme.round;
    if (round) total = pushRounding(this.scheme.totalRule, round, total, undefined, this.lines);
    const score: SubjectScore = {
      total,
      scores: this.scores,
      counted: this.counted,
      lines: this.lines,
      triggers,
      isCapped: this.isCapped,
    };
    this.reset();
    return score;
  }

  private scoreComponent(
    component: CompiledComponent,
    passedOverLines: Map<number, ExplanationLine[]> | null,
  ): Scaled {
    const lines = this.lines;
    let score: Scaled;
    switch (component.kind) {
      case 'deduction':
      case 'bonus': {
        const outcome = scoreTally(component, this.tally, lines);
        const passedOver = passedOverLines?.get(component.index);
        if (passedOver) for (const entry of passedOver) lines.push(entry);
        if (outcome.isCapped) this.isCapped = true;
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
          const childScore = this.scoreComponent(child, passedOverLines);
          const weight = child.weight ?? 0;
          const contribution = multiplyDivide(childScore, weight, HUNDRED_PERCENT);
          lines.push(
            line('weight', child, contribution - childScore, child.path, {
              note: `${formatDecimal(childScore)} 分 × ${formatDecimal(weight)}% = ${formatDecimal(contribution)} 分`,
            }),
          );
          this.counted[child.index] = contribution;
          score += contribution;
        }
        break;
      }
      case 'sum': {
        score = 0;
        for (const child of component.children) score += this.scoreComponent(child, passedOverLines);
        if (component.cap !== null && score > component.cap) {
          lines.push(
            line('cap', component, component.cap - score, component.path, {
              note: `最多 ${formatDecimal(component.cap)} 分`,
            }),
          );
          this.isCapped = true;
          score = component.cap;
        }
        break;
      }
    }
    if (component.round) score = pushRounding(component, component.round, score, component.path, lines);
    this.scores[component.index] = score;
    this.counted[component.index] = score;
    return score;
  }

  private addFact(
    itemIndex: number,
    recordId: string,
    fact: string,
    count: number,
    levelPoints: Scaled,
  ): void {
    const item = this.scheme.items[itemIndex]!;
    const component = item.component as CompiledTally;
    const points = item.levels ? levelPoints * count : (item.points ?? 0) * Math.floor(count / item.per);
    this.facts ??= new Map();
    let byFact = this.facts.get(component.index);
    if (!byFact) {
      byFact = new Map();
      this.facts.set(component.index, byFact);
    }
    const entry = { item, record: recordId, points, count };
    const entries = byFact.get(fact);
    if (entries) entries.push(entry);
    else byFact.set(fact, [entry]);
  }

  /** Charges each fact once at the highest; returns the 0-point lines for records passed over, by component. */
  private applyFacts(): Map<number, ExplanationLine[]> {
    const { tally } = this;
    const linesByComponent = new Map<number, ExplanationLine[]>();
    for (const [componentIndex, byFact] of this.facts!) {
      const { winners, passedOver } = resolveFacts(byFact);
      for (const winner of winners) {
        const index = winner.item.index;
        const records = tally.records[index];
        if (records === undefined) {
          tally.records[index] = [winner.record];
          this.touchedItems.push(index);
        } else records.push(winner.record);
        tally.scored[index]! += winner.points;
        tally.occurrences[index]! += winner.count;
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
    const { tally } = this;
    for (const index of this.touchedItems) {
      tally.counts[index] = 0;
      tally.occurrences[index] = 0;
      tally.scored[index] = 0;
      tally.records[index] = undefined;
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
  rule: RuleInfo,
  round: { places: number; mode: RoundingMode },
  score: Scaled,
  path: string | undefined,
  lines: ExplanationLine[],
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
