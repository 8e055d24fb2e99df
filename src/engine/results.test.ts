/**
 * Subject results are views over compact columns: `explanation` and `components` are made on
 * each read, and JSON.stringify writes the documented plain shape.
 */
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../cli/score/presets.ts';
import { parseDecimal } from './decimal.ts';
import { evaluate } from './evaluate.ts';
import { sumLines } from './explain.ts';
import { SubjectView } from './results.ts';
import type { EngineRecord } from './types.ts';

const scheme = loadPreset('zjg-section-quarterly');
const records: EngineRecord[] = [
  { id: 'a2', subject: 'A', item: 'zjg.004.d2.1.late-early', date: '2024-05-02', count: 2 },
  { id: 'a1', subject: 'A', item: 'zjg.004.d2.1.late-early', date: '2024-05-01' },
  { id: 'a3', subject: 'A', item: 'zjg.004.d4.4.complaint', date: '2024-05-01', fact: 'F1' },
  { id: 'a4', subject: 'A', item: 'zjg.004.d4.7.criticised', date: '2024-05-01', fact: 'F1' },
  { id: 'a5', subject: 'A', item: 'zjg.004.leadership', date: '2024-05-01', rater: 'main', value: 87.5 },
  { id: 'b1', subject: 'B', item: 'zjg.004.v3.integrity', date: '2024-05-01' },
  { id: 's1', subject: 'A', item: 'zjg.004.d2.2.absent', date: '2024-05-01', source: 'self' },
];

describe('subject result views', () => {
  const result = evaluate(scheme, {
    period: '2024Q2',
    subjects: [{ id: 'A', name: '甲科' }, { id: 'B' }],
    records,
  });
  const [subjectA, subjectB] = result.subjects as SubjectView[];

  it('serialise to the documented plain objects, line by line', () => {
    expect(subjectA).toBeInstanceOf(SubjectView);
    const plain = JSON.parse(JSON.stringify(result));
    expect(plain.subjects[0]).toEqual(JSON.parse(JSON.stringify(subjectA!.toJSON())));
    expect(Object.keys(plain.subjects[0])).toEqual([
      'subject',
      'total',
      'grade',
      'bandGrade',
      'rank',
      'components',
      'flags',
      'triggers',
      'explanation',
      'name',
      'selfTotal',
    ]);
    expect(plain.subjects[0].explanation).toEqual(JSON.parse(JSON.stringify(subjectA!.explanation)));
    expect(plain.subjects[1].explanation.map((entry: { kind: string }) => entry.kind)).toContain('veto');
  });

  it('make fresh lines on each read that still add up to the total', () => {
    const first = subjectA!.explanation;
    const second = subjectA!.explanation;
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
    expect(subjectA!.lineCount).toBe(first.length);
    first[0]!.records.push('tampered');
    first.pop();
    expect(subjectA!.explanation).toEqual(second);
    for (const subject of result.subjects) {
      expect(sumLines(subject.explanation)).toBe(parseDecimal(subject.total));
    }
    const lateness = second.find((entry) => entry.rule === 'zjg.004.d2.1.late-early');
    expect(lateness).toMatchObject({ kind: 'deduction', points: '-1.5', count: 3, records: ['a1', 'a2'] });
    const rating = second.find((entry) => entry.kind === 'rating');
    expect(rating?.records).toEqual(['a5']);
    expect(rating?.note).toContain('1 人平均 87.5/100');
    expect(second.find((entry) => entry.kind === 'same-fact')?.records).toEqual(['a4']); // tie: the item listed first wins
    expect(subjectB!.explanation.find((entry) => entry.kind === 'veto')?.records).toEqual(['b1']);
    expect(subjectA!.selfTotal).toBeDefined();
  });
});
