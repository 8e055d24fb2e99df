/**
 * The "same fact once, at the highest" rule (张家港细则第二章第三条 同一情况涉及交叉加分的，就高加分;
 * 第四章第二条 就高扣分): a subject's records in a highest-only component that name the same fact
 * are charged once, by the record worth most; the others are passed over with a 0-point line.
 *
 * A subject's fact records are gathered in reusable typed columns (a province has about one
 * per subject), and facts are numbers interned at intake, so grouping compares integers.
 */
import type { Scaled } from './decimal.ts';

/** Above this many fact records in one subject, sort with the built-in sort. */
const INSERTION_SORT_LIMIT = 32;

/** What settling a subject's facts reports to (the subject workspace). */
export interface FactHandler {
  /** Whether entry `left`'s record id sorts before entry `right`'s. */
  isRecordBefore(left: number, right: number): boolean;
  /** Charge entry `entry`: the winner of its fact. */
  chargeFact(entry: number): void;
  /** Entry `entry` is passed over for `winner`. */
  passFact(entry: number, winner: number): void;
}

/** One subject's records that name a fact, in a highest-only component. */
export class FactTable {
  length = 0;
  item = new Int32Array(16);
  /** Row in the sorted record columns. */
  row = new Int32Array(16);
  /** Interned fact number (index of the fact id in the record columns' `facts`). */
  fact = new Int32Array(16);
  component = new Int32Array(16);
  points = new Float64Array(16);
  count = new Float64Array(16);
  /** Scratch: entry numbers ordered by (component, fact, entry). */
  private order = new Int32Array(16);

  add(item: number, row: number, fact: number, component: number, points: Scaled, count: number): void {
    if (this.length === this.item.length) this.grow();
    const at = this.length++;
    this.item[at] = item;
    this.row[at] = row;
    this.fact[at] = fact;
    this.component[at] = component;
    this.points[at] = points;
    this.count[at] = count;
  }

  /**
   * Groups the entries by (component, fact) and has the handler charge the winner of each
   * group and pass over every other member: the most points, then the item listed first, then
   * the smaller record id — never input order. Clears the table.
   */
  settle(handler: FactHandler): void {
    const count = this.length;
    const order = this.order;
    for (let at = 0; at < count; at++) order[at] = at;
    if (count > INSERTION_SORT_LIMIT) {
      order
        .subarray(0, count)
        .sort((left, right) => (left === right ? 0 : this.isKeyBefore(left, right) ? -1 : 1));
    } else if (count > 1) {
      // few entries per subject: insertion sort, no allocation
      for (let at = 1; at < count; at++) {
        const entry = order[at]!;
        let to = at;
        while (to > 0 && this.isKeyBefore(entry, order[to - 1]!)) {
          order[to] = order[to - 1]!;
          to--;
        }
        order[to] = entry;
      }
    }
    let start = 0;
    while (start < count) {
      const first = order[start]!;
      let end = start + 1;
      while (
        end < count &&
        this.component[order[end]!] === this.component[first] &&
        this.fact[order[end]!] === this.fact[first]
      ) {
        end++;
      }
      let winner = first;
      for (let at = start + 1; at < end; at++) {
        const entry = order[at]!;
        const points = this.points[entry]!;
        const best = this.points[winner]!;
        if (
          points > best ||
          (points === best &&
            (this.item[entry]! < this.item[winner]! ||
              (this.item[entry] === this.item[winner] && handler.isRecordBefore(entry, winner))))
        ) {
          winner = entry;
        }
      }
      handler.chargeFact(winner);
      for (let at = start; at < end; at++) {
        const entry = order[at]!;
        if (entry !== winner) handler.passFact(entry, winner);
      }
      start = end;
    }
    this.length = 0;
  }

  /** Order of the grouping: component, then fact, then entry number (stable). */
  private isKeyBefore(left: number, right: number): boolean {
    const component = this.component[left]! - this.component[right]!;
    if (component !== 0) return component < 0;
    const fact = this.fact[left]! - this.fact[right]!;
    if (fact !== 0) return fact < 0;
    return left < right;
  }

  private grow(): void {
    const capacity = this.item.length * 2;
    const grown = <T extends Int32Array | Float64Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.item = grown(this.item, new Int32Array(capacity));
    this.row = grown(this.row, new Int32Array(capacity));
    this.fact = grown(this.fact, new Int32Array(capacity));
    this.component = grown(this.component, new Int32Array(capacity));
    this.points = grown(this.points, new Float64Array(capacity));
    this.count = grown(this.count, new Float64Array(capacity));
    this.order = new Int32Array(capacity);
  }
}
