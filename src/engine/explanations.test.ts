/**
 * What the explanations say (issue 18 point 14): every preset item cites its clause, and a subject
 * that lost a quota place to a tie is told it was the tie.
 */
import { describe, expect, it } from 'vitest';
import { listPresetFiles, loadPreset } from '../cli/score/presets.ts';
import { compileScheme } from './compile.ts';
import { evaluate } from './evaluate.ts';
import { bohuFullCasework } from './presets/fixture.ts';
import { parseScheme } from './scheme.parse.ts';
import type { EngineRecord } from './types.ts';

const presetIds = listPresetFiles().map((file) => file.replace(/^.*\//, '').replace(/\.ya?ml$/, ''));

describe('every preset item has its clause', () => {
  it.each(presetIds)('%s', (id) => {
    const compiled = compileScheme(loadPreset(id));
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    const withoutClause = compiled.compiled.items.filter((item) => !item.clause).map((item) => item.id);
    expect(withoutClause).toEqual([]);
    // a part's own lines (基础分, caps, ratings, weights) cite the part's clause
    const partsWithout = compiled.compiled.components
      .flatMap((component) => [component, ...(component.kind === 'rating' ? component.raterRules : [])])
      .filter((rule) => !rule.clause)
      .map((rule) => rule.id);
    expect(partsWithout).toEqual([]);
  });

  it('cites the group clause for an item that has none of its own (乡镇 附件一 基础工作)', () => {
    const result = evaluate(loadPreset('township-law-based-admin'), {
      period: '2024',
      subjects: [{ id: 'T' }],
      records: [{ id: 'r', subject: 'T', item: 'twp.002.basic.no-staff', date: '2024-06-01' }],
    });
    const line = result.subjects[0]!.explanation.find((entry) => entry.rule === 'twp.002.basic.no-staff');
    expect(line?.clause).toBe('附件一 基础工作(10分)');
  });
});

describe('quota note names the tie (博湖第六条, tieBreak.final: spare)', () => {
  // ten officers with full casework, all 好 by band; 30 % = 3 places: a 100, b 99.75 keep theirs;
  // c and d tie at 99.5 on the boundary and both lose it; e 99 and the rest lose it on score
  const lateDays: Record<string, number> = { a: 0, b: 1, c: 2, d: 2, e: 4, f: 6, g: 6, h: 6, i: 6, j: 6 };
  const records: EngineRecord[] = Object.entries(lateDays)
    .filter(([, count]) => count > 0)
    .map(([id, count]) => ({
      id: `r-${id}`,
      subject: id,
      item: 'bohu.001.a4.late',
      date: '2024-05-06',
      count,
    }));
  const result = evaluate(loadPreset('bohu-officer-routine'), {
    period: '2024Q2',
    subjects: Object.keys(lateDays).map((id) => ({ id })),
    records: [...records, ...Object.keys(lateDays).flatMap((id) => bohuFullCasework(id, '2024-05-06'))],
  });
  const quotaNote = (id: string) =>
    result.subjects
      .find((subject) => subject.subject === id)!
      .explanation.find((entry) => entry.kind === 'quota')?.note;

  it.each([
    ['c', '至多 3 个)，第 3 名 2 个对象得分并列，超出名额，并列者都不占名额，调整为「较好」'],
    ['d', '至多 3 个)，第 3 名 2 个对象得分并列，超出名额，并列者都不占名额，调整为「较好」'],
    ['e', '按得分顺序调整为「较好」'],
  ])('%s: %s', (id, ending) => {
    expect(quotaNote(id)).toContain(ending);
  });

  it('keeps a and b, and demotes nobody else for a tie', () => {
    expect(quotaNote('a')).toBeUndefined();
    expect(quotaNote('b')).toBeUndefined();
    expect(quotaNote('f')).not.toContain('并列');
  });
});

describe('bonus lines name the award level (XX 附表三)', () => {
  const result = evaluate(loadPreset('xx-officer-performance'), {
    period: '2024Q3',
    subjects: [{ id: 'A' }],
    records: [
      { id: 'b1', subject: 'A', item: 'xx.000.t3.1.1.achievement', date: '2024-07-01', level: 'city' },
      { id: 'b2', subject: 'A', item: 'xx.000.t3.1.1.achievement', date: '2024-08-01', level: 'provincial' },
      { id: 'b3', subject: 'A', item: 'xx.000.t3.1.1.achievement', date: '2024-07-01', level: 'city' },
      {
        id: 'b4',
        subject: 'A',
        item: 'xx.000.t3.2.2.publication',
        date: '2024-07-01',
        level: 'city',
        count: 2,
      },
    ],
  });
  const lineOf = (rule: string) => result.subjects[0]!.explanation.find((entry) => entry.rule === rule);

  it('each level with its records and points, in the scheme order of the levels', () => {
    expect(lineOf('xx.000.t3.1.1.achievement')).toMatchObject({
      kind: 'bonus',
      points: '+7',
      count: 3,
      records: ['b1', 'b2', 'b3'],
      note: '省级表彰 1 次 × 3 分，市级表彰 2 次 × 2 分',
    });
    expect(lineOf('xx.000.t3.2.2.publication')).toMatchObject({
      points: '+2',
      note: '市级刊物采用 2 次 × 1 分',
    });
  });
});

describe('levels with equal points are told apart', () => {
  it('names each level, fact charged at the highest included', () => {
    const scheme = parseScheme({
      id: 'levels',
      name: '等级',
      subjectKind: 'officer',
      period: 'year',
      components: [
        {
          kind: 'bonus',
          id: 'b',
          label: '加分',
          sameFact: 'highest',
          items: [
            {
              id: 'b.award',
              label: '表彰',
              levels: [
                { id: 'province', label: '省级表彰', points: 2 },
                { id: 'city-first', label: '市级一等奖', points: 2 },
                { id: 'city', label: '市级表彰', points: 1 },
              ],
            },
          ],
        },
      ],
    });
    if (!scheme.ok) throw new Error(JSON.stringify(scheme.problems));
    const result = evaluate(scheme.scheme, {
      period: '2024',
      subjects: [{ id: 'A' }],
      records: [
        { id: 'a1', subject: 'A', item: 'b.award', date: '2024-03-01', level: 'city-first' },
        { id: 'a2', subject: 'A', item: 'b.award', date: '2024-04-01', level: 'province', fact: 'F1' },
        { id: 'a3', subject: 'A', item: 'b.award', date: '2024-05-01', level: 'city' },
      ],
    });
    expect(result.subjects[0]!.explanation.find((entry) => entry.kind === 'bonus')).toMatchObject({
      points: '+5',
      note: '省级表彰 1 次 × 2 分，市级一等奖 1 次 × 2 分，市级表彰 1 次 × 1 分',
    });
  });
});

describe('averaged parts show the scores behind their average', () => {
  it('ratings of one role (博湖第三条: 领导评价)', () => {
    const rating = (id: string, rater: string, value: string) => ({
      id,
      subject: 'A',
      item: 'bohu.001.a3.evaluation',
      date: '2024-05-06',
      rater,
      value,
    });
    const result = evaluate(loadPreset('bohu-officer-routine'), {
      period: '2024Q2',
      subjects: [{ id: 'A' }],
      records: [
        rating('r2', 'leader', '85'),
        rating('r1', 'leader', '90'),
        rating('r3', 'leader', '88.5'),
        rating('p1', 'public', '80'),
      ],
    });
    const lines = result.subjects[0]!.explanation.filter((entry) => entry.kind === 'rating');
    const leader = lines.find((entry) => entry.records.includes('r1'));
    // values in the order of the line's records (r1, r2, r3)
    expect(leader?.records).toEqual(['r1', 'r2', 'r3']);
    expect(leader?.note).toContain('领导评价 3 人平均 (90 + 85 + 88.5) ÷ 3 ≈ 87.833333/100');
    expect(lines.find((entry) => entry.records.includes('p1'))?.note).toContain('群众评议 1 人平均 80/100');
  });

  it('weighted item scores (seed 003 篇2 四(二)3: 加权平均)', () => {
    const score = (id: string, item: string, value: string) => ({
      id,
      subject: 'U',
      item: `sup.003.proposals.${item}`,
      date: '2024-05-06',
      value,
    });
    const records = [
      score('m1', 'motion', '90'),
      score('s1', 'suggestion', '80'),
      score('s2', 'suggestion', '85'),
    ];
    const input = { period: '2024', subjects: [{ id: 'U' }], records };
    const noteOf = (result: ReturnType<typeof evaluate>) =>
      result.subjects[0]!.explanation.find((entry) => entry.kind === 'average')?.note;
    expect(noteOf(evaluate(loadPreset('city-supervision-work'), input))).toBe(
      '3 件平均 (90 + 80 + 85) ÷ 3 = 85 分',
    );
    expect(
      noteOf(evaluate(loadPreset('city-supervision-work'), { ...input, params: { motionWeight: 2 } })),
    ).toBe('3 件加权平均 (90 × 2 + 80 × 1 + 85 × 1) ÷ 4 = 86.25 分');
  });
});
