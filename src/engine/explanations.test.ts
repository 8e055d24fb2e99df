/**
 * What the explanations say (issue 18 point 14): every preset item cites its clause, and a subject
 * that lost a quota place to a tie is told it was the tie.
 */
import { describe, expect, it } from 'vitest';
import { listPresetFiles, loadPreset } from '../cli/score/presets.ts';
import { compileScheme } from './compile.ts';
import { evaluate } from './evaluate.ts';
import { bohuFullCasework } from './presets/fixture.ts';
import type { EngineRecord } from './types.ts';

const presetIds = listPresetFiles().map((file) => file.replace(/^.*\//, '').replace(/\.ya?ml$/, ''));

describe('every preset item has its clause', () => {
  it.each(presetIds)('%s', (id) => {
    const compiled = compileScheme(loadPreset(id));
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    const withoutClause = compiled.compiled.items.filter((item) => !item.clause).map((item) => item.id);
    expect(withoutClause).toEqual([]);
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
    ['c', '2 个对象得分并列于名额边界，并列者都不占名额，调整为「较好」'],
    ['d', '2 个对象得分并列于名额边界，并列者都不占名额，调整为「较好」'],
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
