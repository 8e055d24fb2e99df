/**
 * The line store keeps a province's explanation lines as a stream of numbers in 65,536-number
 * chunks, packing each line's template, record count and count into one number and record
 * references two to a number. Whatever the sizes, reading lines back gives what was written.
 */
import { describe, expect, it } from 'vitest';
import { formatDecimal, SCALE } from './decimal.ts';
import { KIND, LineStore, NO_NOTE, PER_NOTE, TEXT_NOTE } from './lines.ts';

interface Written {
  kind: number;
  points: number;
  count: number;
  refs: number[];
  note: 'none' | 'text' | 'per' | 'format' | 'values';
}

/** Writes `lines` to a store (ids r0, r1 … for positions) and returns what each line should read back as. */
function writeLines(store: LineStore, lines: Written[], recordCount: number) {
  store.ids = Array.from({ length: Math.min(recordCount, 300_000) }, (_, index) => `r${index}`);
  const rule = store.rule({ id: 'rule', label: '规则', clause: '第一条' }, 'daily');
  const text = store.text('固定说明');
  const format = store.format((first, second, count) => `${first}/${second}/${count}`);
  // two numbers per quoted record, which must follow the records' sorted order
  const withValues = store.format((first, _second, _count, values) => `${first}:${values.join(',')}`, 2);
  for (const line of lines) {
    if (line.note === 'format') store.add(line.kind, rule, line.points, line.count, format, 7, -2.5);
    else if (line.note === 'values') {
      store.add(line.kind, rule, line.points, line.count, withValues, 3, 0);
      for (const ref of line.refs) {
        store.addValue(ref * 0.5);
        store.addValue(-ref);
      }
    } else if (line.note === 'text') store.add(line.kind, rule, line.points, line.count, TEXT_NOTE, text, 0);
    else if (line.note === 'per') store.add(line.kind, rule, line.points, line.count, PER_NOTE, text, 0);
    else store.add(line.kind, rule, line.points, line.count, NO_NOTE, 0, 0);
    for (const ref of line.refs) store.addRow(ref);
  }
}

function expected(line: Written, ids: readonly string[]) {
  const count = Number.isNaN(line.count) ? undefined : line.count;
  const sortedRefs = [...line.refs].sort((left, right) =>
    ids[left]! < ids[right]! ? -1 : ids[left]! > ids[right]! ? 1 : 0,
  );
  return {
    rule: 'rule',
    clause: '第一条',
    label: '规则',
    component: 'daily',
    assessor: undefined,
    kind: ['base', 'deduction', 'bonus', 'cap', 'floor', 'same-fact', 'rating'][line.kind],
    points: `${line.points >= 0 ? (line.points === 0 ? '' : '+') : ''}${formatDecimal(line.points)}`,
    count,
    note:
      line.note === 'none'
        ? undefined
        : line.note === 'text'
          ? '固定说明'
          : line.note === 'per'
            ? `${count} 次，固定说明`
            : line.note === 'values'
              ? `3:${sortedRefs.map((ref) => `${ref * 0.5},${-ref}`).join(',')}`
              : `7/-2.5/${count}`,
    records: line.refs
      .map((ref) => ids[ref]!)
      .sort((left, right) => (left < right ? -1 : left > right ? 1 : 0)),
  };
}

describe('line store', () => {
  it('reads back lines across chunk boundaries, with every kind of note', () => {
    let state = 11;
    const random = (below: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 8) % below;
    };
    const notes = ['none', 'text', 'per', 'format', 'values'] as const;
    // about 300,000 numbers: several chunks, so lines and their records straddle chunk ends
    const lines: Written[] = Array.from({ length: 60_000 }, () => ({
      kind: random(7),
      points: (random(2_000_000) - 1_000_000) * (SCALE / 100),
      count: random(4) === 0 ? Number.NaN : random(1000),
      refs: Array.from({ length: random(6) }, () => random(1000)),
      note: notes[random(5)]!,
    }));
    const store = new LineStore(1000);
    writeLines(store, lines, 1000);
    const starts: number[] = [];
    // a subject's lines start where `mark` says: here every 100 lines
    store.finish();
    const again = new LineStore(1000);
    for (let index = 0; index < lines.length; index += 100) {
      starts.push(again.mark());
      writeLines(again, lines.slice(index, index + 100), 1000);
    }
    again.finish();
    expect(store.length).toBe(lines.length);
    expect(store.materialiseLines(0, lines.length)).toEqual(lines.map((line) => expected(line, store.ids)));
    starts.forEach((start, subject) => {
      const own = lines.slice(subject * 100, subject * 100 + 100);
      expect(again.materialiseLines(start, own.length)).toEqual(own.map((line) => expected(line, again.ids)));
    });
  });

  it('keeps fields too wide for a packed line: huge counts, 70,000 records on one line, odd counts', () => {
    const many = Array.from({ length: 70_000 }, (_, index) => index);
    const lines: Written[] = [
      { kind: 1, points: -3 * SCALE, count: 2 ** 40, refs: [1, 2, 3], note: 'per' },
      { kind: 1, points: -1, count: 2 ** 21, refs: [], note: 'none' },
      { kind: 2, points: 5 * SCALE, count: 70_000, refs: many, note: 'none' },
      { kind: 6, points: 2.5 * SCALE, count: 0.5, refs: [4], note: 'format' },
      { kind: 0, points: 90 * SCALE, count: Number.NaN, refs: [], note: 'text' },
    ];
    const store = new LineStore(100_000);
    writeLines(store, lines, 100_000);
    store.finish();
    expect(store.materialiseLines(0, lines.length)).toEqual(lines.map((line) => expected(line, store.ids)));
  });

  it('stores record positions one to a number when there are more than 2^26 records', () => {
    const lines: Written[] = [
      { kind: 1, points: -SCALE, count: 3, refs: [299_999, 0, 5], note: 'none' },
      { kind: 2, points: SCALE, count: 1, refs: [7], note: 'none' },
    ];
    const store = new LineStore(2 ** 27);
    writeLines(store, lines, 2 ** 27);
    store.finish();
    expect(store.materialiseLines(0, 2)).toEqual(lines.map((line) => expected(line, store.ids)));
  });

  it('drops what was written after a mark, across a chunk boundary', () => {
    const store = new LineStore(10);
    const kept: Written[] = Array.from({ length: 30_000 }, (_, index) => ({
      kind: KIND.deduction,
      points: -index,
      count: 1,
      refs: [index % 10],
      note: 'none',
    }));
    writeLines(store, kept, 10);
    const lines = store.length;
    const position = store.mark();
    writeLines(
      store,
      Array.from({ length: 40_000 }, () => kept[0]!),
      10,
    );
    store.truncate(lines, position);
    const tail: Written = { kind: KIND.bonus, points: SCALE, count: 2, refs: [9, 8], note: 'text' };
    writeLines(store, [tail], 10);
    store.finish();
    expect(store.length).toBe(kept.length + 1);
    expect(store.materialiseLines(0, kept.length + 1)).toEqual(
      [...kept, tail].map((line) => expected(line, store.ids)),
    );
  });
});
