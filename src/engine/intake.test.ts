/**
 * Record intake: records are laid out in subject order by a radix sort (several passes once a
 * period has more than 1,024 subjects) and stored in 32-bit rows, with wider counts and values
 * kept aside. None of that may show in a result.
 */
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../cli/score/presets.ts';
import { evaluate, prepareScheme } from './evaluate.ts';
import type { SchemeFile } from './scheme.schema.ts';
import type { EngineRecord, SubjectResult } from './types.ts';

const zjg = prepareScheme(loadPreset('zjg-section-quarterly'));

/** The parts of a subject's result that depend on its own records only. */
const ownPart = (subject: SubjectResult) => ({
  total: subject.total,
  components: subject.components,
  explanation: subject.explanation,
  triggers: subject.triggers,
});

/** Random records of plain items, ratings and facts for `subjects`, from a seed. */
function provinceRecords(subjects: { id: string }[], count: number, seed: number): EngineRecord[] {
  let state = seed;
  const random = (below: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % below;
  };
  const items = zjg.items.filter((item) => item.role === 'score' && item.levels === null);
  return Array.from({ length: count }, (_, index): EngineRecord => {
    const subject = subjects[random(subjects.length)]!.id;
    return random(10) === 0
      ? {
          id: `R${seed}-${index}`,
          subject,
          item: 'zjg.004.leadership',
          date: '2024-05-01',
          rater: random(2) === 0 ? 'main' : 'deputy',
          value: random(201) / 2,
        }
      : {
          id: `R${seed}-${index}`,
          subject,
          item: items[random(items.length)]!.id,
          date: '2024-05-01',
          count: 1 + random(3),
          fact: random(20) === 0 ? `F${random(2)}` : undefined,
        };
  });
}

describe('record intake', () => {
  it('scores each of 3,000 subjects as it would be scored alone (a two-pass sort)', () => {
    let state = 7;
    const random = (below: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 8) % below;
    };
    const items = zjg.items.filter((item) => item.role === 'score' && item.levels === null);
    const subjects = Array.from({ length: 3000 }, (_, index) => ({ id: `S${index}` }));
    const records: EngineRecord[] = [];
    for (let index = 0; index < 12_000; index++) {
      const subject = subjects[random(subjects.length)]!.id;
      const isRating = random(10) === 0;
      records.push(
        isRating
          ? {
              id: `R${index}`,
              subject,
              item: 'zjg.004.leadership',
              date: '2024-05-01',
              rater: random(2) === 0 ? 'main' : 'deputy',
              value: random(201) / 2,
            }
          : {
              id: `R${index}`,
              subject,
              item: items[random(items.length)]!.id,
              date: '2024-05-01',
              count: 1 + random(3),
              fact: random(20) === 0 ? `F${random(2)}` : undefined,
            },
      );
    }
    const all = evaluate(zjg, { period: '2024Q2', subjects, records });
    for (const index of [0, 1, 511, 512, 1023, 1024, 2047, 2999]) {
      const id = subjects[index]!.id;
      const alone = evaluate(zjg, {
        period: '2024Q2',
        subjects: [{ id }],
        records: records.filter((record) => record.subject === id),
      });
      expect(ownPart(all.subjects[index]!), id).toEqual(ownPart(alone.subjects[0]!));
    }
    const quoted = all.subjects.flatMap((subject) => subject.explanation.flatMap((entry) => entry.records));
    expect(quoted.length).toBe(records.length);
  });

  it('scores self-assessment records as the same records would score officially (thousands of them)', () => {
    // no caps, so every record shows in the total
    const scheme: SchemeFile = {
      id: 'tally',
      name: '计件',
      subjectKind: 'officer',
      period: 'quarter',
      components: [
        {
          kind: 'bonus',
          id: 'bonus',
          label: '加分',
          items: [
            { id: 'a', label: '甲', points: 0.5 },
            { id: 'b', label: '乙', points: 1 },
            { id: 'c', label: '丙', points: 2.25 },
          ],
        },
      ],
    };
    // a thousand self-assessment records per subject: their row pool has to grow many times
    const subjects = Array.from({ length: 3 }, (_, index) => ({ id: `S${index}` }));
    const own: EngineRecord[] = Array.from({ length: 3000 }, (_, index) => ({
      id: `R${index}`,
      subject: `S${index % 3}`,
      item: ['a', 'b', 'c'][index % 3]!,
      date: '2024-05-01',
      count: 1 + (index % 4),
    }));
    const self = evaluate(scheme, {
      period: '2024Q2',
      subjects,
      records: own.map((record) => ({ ...record, source: 'self' as const })),
    });
    const official = evaluate(scheme, { period: '2024Q2', subjects, records: own });
    expect(self.subjects.map((subject) => subject.selfTotal)).toEqual(
      official.subjects.map((subject) => subject.total),
    );
    // and the official side of the self-assessed period has no records
    expect(self.subjects.map((subject) => subject.total)).toEqual(subjects.map(() => '0'));
  });

  it('gives the same results whatever evaluation ran before (working memory is reused)', () => {
    const large = Array.from({ length: 3000 }, (_, index) => ({ id: `L${index}` }));
    const small = large.slice(0, 40);
    const largeInput = { period: '2024Q2', subjects: large, records: provinceRecords(large, 15_000, 3) };
    const smallInput = { period: '2024Q2', subjects: small, records: provinceRecords(small, 300, 5) };
    const first = JSON.stringify(evaluate(zjg, largeInput));
    const smallFirst = JSON.stringify(evaluate(zjg, smallInput));
    expect(JSON.stringify(evaluate(zjg, largeInput))).toBe(first);
    expect(JSON.stringify(evaluate(zjg, smallInput))).toBe(smallFirst);
  });

  it('keeps counts and values beyond 32 bits exact', () => {
    const scheme: SchemeFile = {
      id: 'wide',
      name: '宽数值',
      subjectKind: 'officer',
      period: 'quarter',
      components: [
        { kind: 'bonus', id: 'bonus', label: '加分', items: [{ id: 'half', label: '半分', points: 0.5 }] },
        {
          kind: 'rating',
          id: 'rating',
          label: '测评',
          points: 10_000,
          outOf: 10_000,
          raters: [{ role: 'main', label: '主要领导', weight: 1 }],
        },
      ],
    };
    const result = evaluate(scheme, {
      period: '2024Q2',
      subjects: [{ id: 'A' }],
      records: [
        { id: 'r1', subject: 'A', item: 'half', date: '2024-04-01', count: 3_000_000_001 },
        { id: 'r2', subject: 'A', item: 'rating', date: '2024-04-01', rater: 'main', value: '9999.5' },
      ],
    });
    expect(result.rejected).toEqual([]);
    const [subject] = result.subjects;
    expect(subject!.components.map((component) => component.score)).toEqual(['1500000000.5', '9999.5']);
    expect(subject!.total).toBe('1500010000');
  });

  it('treats optional fields given as null like absent ones', () => {
    const record = {
      id: 'r1',
      subject: 'A',
      item: 'zjg.004.d2.1.late-early',
      date: '2024-05-01',
      count: null,
      value: null,
      level: null,
      fact: null,
      rater: null,
      evidence: null,
      source: null,
    } as unknown as EngineRecord;
    const result = evaluate(zjg, { period: '2024Q2', subjects: [{ id: 'A' }], records: [record] });
    expect(result.rejected).toEqual([]);
    const lateness = result.subjects[0]!.explanation.find(
      (entry) => entry.rule === 'zjg.004.d2.1.late-early',
    );
    expect(lateness).toMatchObject({ points: '-0.5', count: 1, records: ['r1'] });
  });
});
