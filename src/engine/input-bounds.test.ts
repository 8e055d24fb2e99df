/**
 * Engine input at every boundary (issue 18 points 12, 13): a score outside its sheet's scale
 * [0, outOf], a scheme without `outOf`, a date that matches the pattern but is not on the
 * calendar, and a count so large that count × points is no longer exact are each refused with
 * a reason that names what is wrong, never scored or dropped under another reason.
 */
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../cli/score/presets.ts';
import { MAX_EXACT_COUNT } from './decimal.ts';
import { evaluate, prepareScheme } from './evaluate.ts';
import { parseRecords } from './records.schema.ts';
import { parseScheme } from './scheme.parse.ts';
import type { SchemeFile } from './scheme.schema.ts';

const zjg = prepareScheme(loadPreset('zjg-section-quarterly'));
const late = 'zjg.004.d2.1.late-early';

describe('engine input bounds', () => {
  it('rejects a rating above its scale as out-of-scale, and scores the one within it', () => {
    const result = evaluate(zjg, {
      period: '2024Q1',
      subjects: [{ id: 'S1' }],
      records: [
        {
          id: 'high',
          subject: 'S1',
          item: 'zjg.004.leadership',
          date: '2024-02-01',
          rater: 'main',
          value: 150,
        },
        {
          id: 'neg',
          subject: 'S1',
          item: 'zjg.004.leadership',
          date: '2024-02-01',
          rater: 'main',
          value: '-1',
        },
        {
          id: 'ok',
          subject: 'S1',
          item: 'zjg.004.leadership',
          date: '2024-02-01',
          rater: 'main',
          value: 100,
        },
      ],
    });
    expect(result.rejected.map((entry) => [entry.record, entry.reason])).toEqual([
      ['high', 'out-of-scale'],
      ['neg', 'out-of-scale'],
    ]);
    expect(result.rejected[0]!.messageZh).toContain('满分');
  });

  it('refuses a scheme whose rating or per-item average has no outOf, naming the field', () => {
    const outcome = parseScheme({
      id: 'x',
      name: '缺满分',
      subjectKind: 'officer',
      period: 'quarter',
      components: [
        {
          kind: 'rating',
          id: 'r',
          label: '测评',
          points: 10,
          raters: [{ role: 'main', label: '主要领导', weight: 1 }],
        },
        { kind: 'scaled-average', id: 'a', label: '单件', scale: 25, items: [{ id: 'i', label: '件' }] },
      ],
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((entry) => entry.path)).toEqual([
      'components[0].outOf',
      'components[1].outOf',
    ]);
    for (const entry of outcome.problems) expect(entry.messageZh).toContain('满分 outOf');
  });

  it('refuses an impossible date in the records file at its row, and the engine calls it bad-date', () => {
    const parsed = parseRecords({
      records: [{ id: 'r1', subject: 'S1', item: late, date: '2024-02-30' }],
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problems).toHaveLength(1);
      expect(parsed.problems[0]).toMatchObject({ path: 'records[0].date' });
      expect(parsed.problems[0]!.messageZh).toContain('日期不存在');
    }
    const result = evaluate(zjg, {
      period: '2024Q1',
      subjects: [{ id: 'S1' }],
      records: [{ id: 'r1', subject: 'S1', item: late, date: '2024-02-30' }],
    });
    expect(result.rejected.map((entry) => entry.reason)).toEqual(['bad-date']);
  });

  it('refuses counts whose count × points would not sum exactly, and keeps the largest exact one', () => {
    const scheme: SchemeFile = {
      id: 'wide',
      name: '宽数值',
      subjectKind: 'officer',
      period: 'quarter',
      components: [
        {
          kind: 'bonus',
          id: 'bonus',
          label: '加分',
          items: [
            { id: 'one', label: '一分', points: 1 },
            { id: 'four', label: '四分', points: 4 },
          ],
        },
      ],
    };
    const compiled = prepareScheme(scheme);
    const result = evaluate(compiled, {
      period: '2024Q2',
      subjects: [{ id: 'A' }],
      records: [
        { id: 'max', subject: 'A', item: 'one', date: '2024-04-01', count: MAX_EXACT_COUNT },
        { id: 'over', subject: 'A', item: 'one', date: '2024-04-01', count: MAX_EXACT_COUNT + 1 },
        { id: 'four', subject: 'A', item: 'four', date: '2024-04-01', count: MAX_EXACT_COUNT },
      ],
    });
    expect(result.rejected.map((entry) => [entry.record, entry.reason])).toEqual([
      ['over', 'count-too-large'],
      ['four', 'count-too-large'],
    ]);
    expect(result.subjects[0]!.total).toBe(String(MAX_EXACT_COUNT));

    const file = parseRecords(
      {
        records: [
          { id: 'ok', subject: 'A', item: 'one', date: '2024-04-01', count: MAX_EXACT_COUNT },
          { id: 'four', subject: 'A', item: 'four', date: '2024-04-01', count: MAX_EXACT_COUNT },
        ],
      },
      compiled,
    );
    expect(file.ok).toBe(false);
    if (!file.ok) {
      expect(file.problems.map((entry) => entry.path)).toEqual(['records[1].count']);
      expect(file.problems[0]!.messageZh).toContain('次数');
    }
    // without the scheme, only the limit of a one-point item applies
    const plain = parseRecords({
      records: [{ id: 'over', subject: 'A', item: 'one', date: '2024-04-01', count: MAX_EXACT_COUNT + 1 }],
    });
    expect(plain.ok).toBe(false);
    if (!plain.ok) expect(plain.problems[0]).toMatchObject({ path: 'records[0].count' });
  });

  it('refuses a records file with a score outside its sheet scale, given the scheme', () => {
    const input = {
      records: [
        {
          id: 'r1',
          subject: 'S1',
          item: 'zjg.004.leadership',
          date: '2024-02-01',
          rater: 'main',
          value: 150,
        },
        { id: 'r2', subject: 'S1', item: 'zjg.004.leadership', date: '2024-02-01', rater: 'main', value: 90 },
      ],
    };
    expect(parseRecords(input).ok).toBe(true);
    const checked = parseRecords(input, zjg);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.problems.map((entry) => entry.path)).toEqual(['records[0].value']);
      expect(checked.problems[0]!.messageZh).toContain('满分 100');
    }
  });
});
