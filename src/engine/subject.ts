/**
 * Scores one subject's records against a compiled scheme: gathers records per item, applies
 * the same-fact rule, walks the component tree, and returns scaled scores and explanation
 * lines. Records arrive as columns already sorted by subject (see evaluate.ts), and one
 * workspace is reused across subjects, so a province of subjects allocates little beyond the
 * lines it must return.
 */
import type {
  CompiledComponent,
  CompiledItem,
  CompiledRating,
  CompiledScheme,
  CompiledTally,
} from './compile.ts';
import { type AverageTally, scoreAverage } from './components/average.ts';
import {
  type RatingPlan,
  type RatingTally,
  ratingPlan,
  ratingTally,
  scoreRating,
} from './components/rating.ts';
import {
  type ItemTable,
  type ItemTally,
  itemTable,
  lastTallyCapped,
  scoreTally,
  type TallyPlan,
  tallyPlan,
} from './components/tally.ts';
import {
  formatDecimal,
  multiplyDivide,
  type RoundingMode,
  roundScaled,
  SCALE,
  type Scaled,
} from './decimal.ts';
import { type FactHandler, FactTable } from './facts.ts';
import { KIND, type LineStore, type RuleInfo } from './lines.ts';
import { COUNT, ITEM, POINTS, STRIDE, TAG, wideValue } from './rows.ts';

const HUNDRED_PERCENT = 100 * SCALE;

/** Item roles as small integers for the per-record switch. */
export const ROLE_SCORE = 0;
export const ROLE_RATING = 1;
export const ROLE_AVERAGE = 2;
export const ROLE_TRIGGER = 3;

export { COUNT, INT32_MAX, ITEM, POINTS, STRIDE, TAG } from './rows.ts';

/**
 * Accepted records in subject order: interleaved integer rows (see STRIDE) with each row's
 * input position; ids stay in input order and are read through the position.
 */
export interface RecordColumns {
  /** Record ids by input position. */
  ids: string[];
  /** Fact ids named by score records (see TAG). */
  facts: string[];
  /** Counts and points too wide for a row (see COUNT, POINTS). */
  wide: number[];
  data: Int32Array;
  /** Input position of each sorted row. */
  positions: Int32Array;
}

/** A record passed over by the same-fact rule: a 0-point line in its component. */
interface PassedOver {
  item: CompiledItem;
  row: number;
  record: string;
  /** Interned fact number, and the item and points of the record charged for it. */
  fact: number;
  winner: CompiledItem;
  winnerPoints: Scaled;
}

/**
 * Scratch state reused between subjects. After `score`, the subject's component scores, what
 * they counted, its triggers and cap flag are read from the workspace's fields; its lines are
 * in the store.
 */
export class SubjectWorkspace implements FactHandler {
  readonly tally: ItemTally;
  /** Own score of each component of the last subject scored, by component index. */
  readonly scores: Float64Array;
  /** What each component of the last subject added to its parent, by component index. */
  readonly counted: Float64Array;
  /** Trigger item index → record ids of the last subject; null when none. */
  triggers: Map<number, string[]> | null = null;
  isCapped = false;
  private readonly roles: Uint8Array;
  private readonly hasLevels: Uint8Array;
  private readonly isHighestOnly: Uint8Array;
  private readonly itemTable: ItemTable;
  private readonly plans: (TallyPlan | undefined)[];
  private readonly ratingPlans: (RatingPlan | undefined)[];
  /** Items with records for the subject being scored (each once). */
  private readonly touchedItems: Int32Array;
  private touchedItemCount = 0;
  private readonly ratings: RatingTally;
  private readonly averages: (AverageTally | undefined)[];
  private readonly touchedComponents: Int32Array;
  /** 1 for rating components with ratings for the subject being scored. */
  private readonly ratingTouched: Uint8Array;
  private touchedComponentCount = 0;
  /** Records naming a fact in a highest-only component, for the subject being scored. */
  private readonly facts = new FactTable();
  /** Records passed over by the same-fact rule, by component; null when none. */
  private passedOver: Map<number, PassedOver[]> | null = null;
  /** The columns of the subject being scored. */
  private columns: RecordColumns | null = null;
  private readonly weightFormats = new Map<CompiledComponent, number>();
  private readonly roundFormats = new Map<number, number>();
  /** Same-fact note formats by the winning item's index. */
  private readonly sameFactFormats: (number | undefined)[] = [];

  constructor(
    private readonly scheme: CompiledScheme,
    private readonly store: LineStore,
  ) {
    const itemCount = scheme.items.length;
    this.tally = {
      counts: new Float64Array(itemCount),
      occurrences: new Float64Array(itemCount),
      scored: new Float64Array(itemCount),
      head: new Int32Array(itemCount).fill(-1),
      next: new Int32Array(64),
      base: 0,
      positions: new Int32Array(0),
      data: new Int32Array(0),
      wide: [],
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
    this.ratings = ratingTally(scheme.components);
    this.averages = new Array(scheme.components.length).fill(undefined);
    this.itemTable = itemTable(scheme.items, store);
    this.plans = scheme.components.map((component) =>
      component.kind === 'deduction' || component.kind === 'bonus' ? tallyPlan(component, store) : undefined,
    );
    this.ratingPlans = scheme.components.map((component) =>
      component.kind === 'rating' ? ratingPlan(component, store) : undefined,
    );
    this.touchedItems = new Int32Array(itemCount);
    this.touchedComponents = new Int32Array(scheme.components.length);
    this.ratingTouched = new Uint8Array(scheme.components.length);
    this.scores = new Float64Array(scheme.components.length);
    this.counted = new Float64Array(scheme.components.length);
  }

  /** Scores one subject from the columns' rows [from, to), appending its lines to the store; returns its total. */
  score(columns: RecordColumns, from: number, to: number): Scaled {
    const { tally, roles, hasLevels, isHighestOnly } = this;
    const { ids, data, wide, positions } = columns;
    this.columns = columns;
    tally.positions = positions;
    tally.data = data;
    tally.wide = wide;
    if (tally.next.length < to - from)
      tally.next = new Int32Array(Math.max(to - from, tally.next.length * 2));
    tally.base = from;
    const { head, next } = tally;
    let triggers: Map<number, string[]> | null = null;
    for (let row = from; row < to; row++) {
      const at = row * STRIDE;
      const itemIndex = data[at + ITEM]!;
      switch (roles[itemIndex]) {
        case ROLE_SCORE: {
          const count = wideValue(data[at + COUNT]!, wide);
          const tag = data[at + TAG]!;
          if (tag !== 0 && isHighestOnly[itemIndex] === 1) {
            this.addFact(itemIndex, row, tag - 1, count, data[at + POINTS]!);
            break;
          }
          const first = head[itemIndex]!;
          if (first === -1) this.touchedItems[this.touchedItemCount++] = itemIndex;
          next[row - from] = first;
          head[itemIndex] = row;
          tally.occurrences[itemIndex]! += count;
          if (hasLevels[itemIndex] === 1)
            tally.scored[itemIndex]! += this.itemTable.levels[itemIndex]![data[at + POINTS]!]!.points * count;
          else tally.counts[itemIndex]! += count;
          break;
        }
        case ROLE_RATING:
          this.addRating(
            this.scheme.items[itemIndex]!,
            row,
            wideValue(data[at + POINTS]!, wide),
            data[at + TAG]!,
          );
          break;
        case ROLE_AVERAGE:
          this.addAverage(this.scheme.items[itemIndex]!, row, wideValue(data[at + POINTS]!, wide));
          break;
        default: {
          triggers ??= new Map();
          const list = triggers.get(itemIndex);
          const id = ids[positions[row]!]!;
          if (list) list.push(id);
          else triggers.set(itemIndex, [id]);
        }
      }
    }

    const passedOver = this.facts.length > 0 ? this.applyFacts() : null;
    // loops, not TypedArray.fill: a runtime call per subject costs more than a few stores
    const { scores, counted } = this;
    for (let component = 0; component < scores.length; component++) {
      scores[component] = 0;
      counted[component] = 0;
    }
    this.isCapped = false;

    let total = 0;
    const top = this.scheme.top;
    for (let at = 0; at < top.length; at++) total += this.scoreComponent(top[at]!, passedOver);
    const round = this.scheme.round;
    if (round) total = this.pushRounding(this.scheme.totalRule, round, total, undefined);
    this.triggers = triggers;
    this.reset();
    return total;
  }

  private scoreComponent(component: CompiledComponent, passedOver: Map<number, PassedOver[]> | null): Scaled {
    const store = this.store;
    let score: Scaled;
    switch (component.kind) {
      case 'deduction':
      case 'bonus': {
        score = scoreTally(this.plans[component.index]!, this.itemTable, this.tally, store);
        if (lastTallyCapped()) this.isCapped = true;
        const passed = passedOver?.get(component.index);
        if (passed) {
          for (const entry of passed) {
            store.add(
              KIND['same-fact'],
              store.itemRule(entry.item, component.path),
              0,
              Number.NaN,
              this.sameFactFormat(entry.winner),
              entry.fact,
              entry.winnerPoints,
            );
            store.addRow(this.tally.positions[entry.row]!);
          }
        }
        break;
      }
      case 'rating':
        score = scoreRating(this.ratingPlans[component.index]!, this.ratings, store, this.tally);
        break;
      case 'scaled-average':
        score = scoreAverage(component, this.averages[component.index], store, this.tally);
        break;
      case 'weighted': {
        score = 0;
        for (const child of component.children) {
          const childScore = this.scoreComponent(child, passedOver);
          const weight = child.weight ?? 0;
          const contribution = multiplyDivide(childScore, weight, HUNDRED_PERCENT);
          store.add(
            KIND.weight,
            store.rule(child, child.path),
            contribution - childScore,
            Number.NaN,
            this.weightFormat(child, weight),
            childScore,
            contribution,
          );
          this.counted[child.index] = contribution;
          score += contribution;
        }
        break;
      }
      case 'sum': {
        score = 0;
        for (const child of component.children) score += this.scoreComponent(child, passedOver);
        if (component.cap !== null && score > component.cap) {
          store.addText(
            KIND.cap,
            store.rule(component, component.path),
            component.cap - score,
            Number.NaN,
            `最多 ${formatDecimal(component.cap)} 分`,
          );
          this.isCapped = true;
          score = component.cap;
        }
        break;
      }
    }
    if (component.round) score = this.pushRounding(component, component.round, score, component.path);
    this.scores[component.index] = score;
    this.counted[component.index] = score;
    return score;
  }

  private weightFormat(child: CompiledComponent, weight: Scaled): number {
    let format = this.weightFormats.get(child);
    if (format === undefined) {
      const percent = formatDecimal(weight);
      format = this.store.format(
        (childScore, contribution) =>
          `${formatDecimal(childScore)} 分 × ${percent}% = ${formatDecimal(contribution)} 分`,
      );
      this.weightFormats.set(child, format);
    }
    return format;
  }

  private pushRounding(
    rule: RuleInfo,
    round: { places: number; mode: RoundingMode },
    score: Scaled,
    path: string | undefined,
  ): Scaled {
    const rounded = roundScaled(score, round.places, round.mode);
    if (rounded !== score) {
      let format = this.roundFormats.get(round.places);
      if (format === undefined) {
        const places = round.places;
        format = this.store.format(
          (before, after) => `${formatDecimal(before)} 保留 ${places} 位小数为 ${formatDecimal(after)}`,
        );
        this.roundFormats.set(places, format);
      }
      this.store.add(
        KIND.round,
        this.store.rule(rule, path),
        rounded - score,
        Number.NaN,
        format,
        score,
        rounded,
      );
    }
    return rounded;
  }

  /** `level`: the record's level position for levelled items (rows.ts POINTS). */
  private addFact(itemIndex: number, row: number, fact: number, count: number, level: number): void {
    const item = this.scheme.items[itemIndex]!;
    const component = item.component as CompiledTally;
    const levels = this.itemTable.levels[itemIndex];
    const points = levels ? levels[level]!.points * count : (item.points ?? 0) * Math.floor(count / item.per);
    this.facts.add(itemIndex, row, fact, component.index, points, count);
  }

  /**
   * Charges each fact of a component once, at the highest (ties: the item listed first, then
   * the smaller record id — never input order); returns the records passed over, by component.
   */
  private applyFacts(): Map<number, PassedOver[]> | null {
    this.passedOver = null;
    this.facts.settle(this);
    const byComponent = this.passedOver as Map<number, PassedOver[]> | null;
    if (byComponent === null) return null;
    this.passedOver = null;
    for (const passed of byComponent.values()) {
      passed.sort(
        (left, right) => left.item.index - right.item.index || (left.record < right.record ? -1 : 1),
      );
    }
    return byComponent;
  }

  /** The record id of a sorted row of the subject being scored. */
  private recordOf(row: number): string {
    const columns = this.columns!;
    return columns.ids[columns.positions[row]!]!;
  }

  isRecordBefore(left: number, right: number): boolean {
    const { row } = this.facts;
    return this.recordOf(row[left]!) < this.recordOf(row[right]!);
  }

  chargeFact(entry: number): void {
    const { tally, facts } = this;
    const index = facts.item[entry]!;
    const row = facts.row[entry]!;
    const first = tally.head[index]!;
    if (first === -1) this.touchedItems[this.touchedItemCount++] = index;
    tally.next[row - tally.base] = first;
    tally.head[index] = row;
    tally.scored[index]! += facts.points[entry]!;
    tally.occurrences[index]! += facts.count[entry]!;
  }

  passFact(entry: number, winner: number): void {
    const { facts } = this;
    const component = facts.component[entry]!;
    this.passedOver ??= new Map();
    let passed = this.passedOver.get(component);
    if (!passed) {
      passed = [];
      this.passedOver.set(component, passed);
    }
    const row = facts.row[entry]!;
    passed.push({
      item: this.scheme.items[facts.item[entry]!]!,
      row,
      record: this.recordOf(row),
      fact: facts.fact[entry]!,
      winner: this.scheme.items[facts.item[winner]!]!,
      winnerPoints: facts.points[winner]!,
    });
  }

  /** The note format of records passed over for a fact charged under `winner`, made once per item. */
  private sameFactFormat(winner: CompiledItem): number {
    let format = this.sameFactFormats[winner.index];
    if (format === undefined) {
      const factIds = this.columns!.facts;
      const label = winner.label;
      format = this.store.format(
        (fact, points) =>
          `同一事实(${factIds[fact]})已按「${label}」${formatDecimal(points)} 分就高计算，本项不重复计分`,
      );
      this.sameFactFormats[winner.index] = format;
    }
    return format;
  }

  private addRating(item: CompiledItem, row: number, value: Scaled, role: number): void {
    const componentIndex = item.component!.index;
    const { ratings, tally } = this;
    const first = ratings.first[componentIndex]!;
    if (this.ratingTouched[componentIndex] === 0) {
      this.ratingTouched[componentIndex] = 1;
      this.touchedComponents[this.touchedComponentCount++] = componentIndex;
    }
    const slot = first + role;
    ratings.sum[slot]! += value;
    ratings.count[slot]! += 1;
    tally.next[row - tally.base] = ratings.head[slot]!;
    ratings.head[slot] = row;
  }

  private addAverage(item: CompiledItem, row: number, value: Scaled): void {
    const componentIndex = item.component!.index;
    let average = this.averages[componentIndex];
    if (!average) {
      average = { weightedSum: 0n, weightTotal: 0, count: 0, head: -1 };
      this.averages[componentIndex] = average;
      this.touchedComponents[this.touchedComponentCount++] = componentIndex;
    }
    average.weightedSum += BigInt(item.weight) * BigInt(value);
    average.weightTotal += item.weight;
    average.count += 1;
    const tally = this.tally;
    tally.next[row - tally.base] = average.head;
    average.head = row;
  }

  private reset(): void {
    const { tally, touchedItems, touchedComponents } = this;
    for (let at = 0; at < this.touchedItemCount; at++) {
      const index = touchedItems[at]!;
      tally.counts[index] = 0;
      tally.occurrences[index] = 0;
      tally.scored[index] = 0;
      tally.head[index] = -1;
    }
    this.touchedItemCount = 0;
    const { ratings } = this;
    for (let at = 0; at < this.touchedComponentCount; at++) {
      const index = touchedComponents[at]!;
      this.averages[index] = undefined;
      if (this.ratingTouched[index] === 1) {
        this.ratingTouched[index] = 0;
        const first = ratings.first[index]!;
        const roles = (this.scheme.components[index] as CompiledRating).raters.length;
        for (let slot = first; slot < first + roles; slot++) {
          ratings.sum[slot] = 0;
          ratings.count[slot] = 0;
          ratings.head[slot] = -1;
        }
      }
    }
    this.touchedComponentCount = 0;
  }
}
