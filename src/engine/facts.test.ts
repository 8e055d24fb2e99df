/** The same-fact rule's grouping: one winner per (component, fact), by points, item, record id. */
import { describe, expect, it } from 'vitest';
import { type FactHandler, FactTable } from './facts.ts';

interface Entry {
  item: number;
  fact: number;
  component: number;
  points: number;
  record: string;
}

/** Settles `entries` and returns the winners and the passed-over entries (as entry numbers). */
function settle(entries: Entry[]) {
  const table = new FactTable();
  entries.forEach((entry, row) => {
    table.add(entry.item, row, entry.fact, entry.component, entry.points, 1);
  });
  const charged: number[] = [];
  const passed: [number, number][] = [];
  const handler: FactHandler = {
    isRecordBefore: (left, right) => entries[left]!.record < entries[right]!.record,
    chargeFact: (entry) => charged.push(entry),
    passFact: (entry, winner) => passed.push([entry, winner]),
  };
  table.settle(handler);
  expect(table.length).toBe(0);
  return { charged: charged.sort((a, b) => a - b), passed };
}

/** The rule written plainly: for each group, the best by points, then item, then record id. */
function expectedWinners(entries: Entry[]): number[] {
  const best = new Map<string, number>();
  entries.forEach((entry, at) => {
    const key = `${entry.component}/${entry.fact}`;
    const current = best.get(key);
    const other = current === undefined ? undefined : entries[current]!;
    if (
      other === undefined ||
      entry.points > other.points ||
      (entry.points === other.points &&
        (entry.item < other.item || (entry.item === other.item && entry.record < other.record)))
    ) {
      best.set(key, at);
    }
  });
  return [...best.values()].sort((a, b) => a - b);
}

describe('FactTable.settle', () => {
  it('charges one record per fact, at the highest, with ties by item then record id', () => {
    const entries: Entry[] = [
      { item: 3, fact: 0, component: 0, points: 2, record: 'b' },
      { item: 1, fact: 0, component: 0, points: 2, record: 'c' }, // wins: same points, item listed first
      { item: 1, fact: 0, component: 0, points: 2, record: 'a' }, // …and the smaller record id
      { item: 2, fact: 1, component: 0, points: 1, record: 'd' }, // alone in its fact
      { item: 2, fact: 0, component: 1, points: 5, record: 'e' }, // same fact, other component
    ];
    const { charged, passed } = settle(entries);
    expect(charged).toEqual([2, 3, 4]);
    expect(passed.sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it.each([5, 32, 33, 200])('agrees with the plain rule for %i fact records of one subject', (count) => {
    let state = count;
    const random = (below: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 8) % below;
    };
    const entries: Entry[] = Array.from({ length: count }, (_, at) => ({
      item: random(4),
      fact: random(5),
      component: random(2),
      points: random(3),
      record: `r${String(random(1000)).padStart(4, '0')}-${at}`,
    }));
    const { charged, passed } = settle(entries);
    expect(charged).toEqual(expectedWinners(entries));
    expect(charged.length + passed.length).toBe(count);
  });
});
