import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSchemeText, SCHEMES_DIRECTORY } from '../../../../cli/score/presets.ts';
import type { SchemeFile } from '../../../../engine/index.ts';
import { diffSchemes, outlineScheme, ROOT_KEY } from './scheme-outline.ts';

const parse = (text: string): SchemeFile => {
  const outcome = parseSchemeText(text);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.scheme;
};

const MINIMAL = `
id: demo-officer
name: 示例执法人员季度考核
subjectKind: officer
period: quarter
params:
  late: { default: 0.5, label: 迟到每次扣分 }
components:
  - kind: deduction
    id: demo.daily
    label: 日常考核
    points: 100
    items:
      - { id: demo.late, label: 迟到, points: $late, unit: 次 }
      - { id: demo.absent, label: 旷工, points: 2, unit: 次 }
      - id: demo.award
        label: 表彰
        levels:
          - { id: city, label: 市级, points: 2 }
grades:
  - { grade: 优秀, min: 90 }
  - { grade: 不合格, min: null }
`;

describe('outlineScheme', () => {
  it('lists components, items and levels under their parents with points resolved and in Chinese', () => {
    const nodes = outlineScheme(parse(MINIMAL));
    const byKey = new Map(nodes.map((node) => [node.key, node]));
    expect(byKey.get(ROOT_KEY)).toMatchObject({ kind: 'scheme', label: '示例执法人员季度考核' });
    expect(byKey.get('demo.daily')).toMatchObject({
      kind: 'deduction',
      parent: null,
      attrs: { points: '100' },
    });
    expect(byKey.get('demo.late')).toMatchObject({
      kind: 'item',
      parent: 'demo.daily',
      attrs: { points: '0.5（参数 late）', unit: '次' },
    });
    expect(byKey.get('demo.award/city')).toMatchObject({
      kind: 'level',
      parent: 'demo.award',
      attrs: { points: '2' },
    });
    expect(byKey.get('$late')).toMatchObject({ kind: 'param', attrs: { default: '0.5' } });
    expect(byKey.get('grade:不合格')?.attrs.min).toBe('不设下限');
  });

  it('reads every preset of schemes/ without losing a rule id', () => {
    for (const name of ['bohu-officer-routine', 'zjg-section-quarterly', 'township-law-based-admin']) {
      const text = readFileSync(`${SCHEMES_DIRECTORY}/${name}.yaml`, 'utf8');
      const nodes = outlineScheme(parse(text));
      const keys = nodes.map((node) => node.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const id of [...text.matchAll(/\bid: ([\w.-]+)/g)].map((match) => match[1]!)) {
        if (id === name) continue;
        expect(nodes.some((node) => node.id === id)).toBe(true);
      }
    }
  });
});

describe('diffSchemes', () => {
  it('is empty for the same scheme', () => {
    const scheme = parse(MINIMAL);
    expect(diffSchemes(scheme, scheme)).toEqual({ added: [], removed: [], changed: [] });
  });

  it('names added and removed items and changed points, labels and parameter defaults', () => {
    const next = MINIMAL.replace('late: { default: 0.5', 'late: { default: 1')
      .replace(
        '{ id: demo.absent, label: 旷工, points: 2, unit: 次 }',
        '{ id: demo.early, label: 早退, points: 1 }',
      )
      .replace('label: 日常考核\n    points: 100', 'label: 日常考核（修订）\n    points: 90');
    const diff = diffSchemes(parse(MINIMAL), parse(next));
    expect(diff.added.map((node) => node.key)).toEqual(['demo.early']);
    expect(diff.removed.map((node) => node.key)).toEqual(['demo.absent']);
    const changes = Object.fromEntries(
      diff.changed.map((change) => [
        change.after.key,
        change.fields.map((f) => [f.label, f.before, f.after]),
      ]),
    );
    expect(changes['demo.daily']).toEqual([
      ['名称', '日常考核', '日常考核（修订）'],
      ['分值', '100', '90'],
    ]);
    expect(changes['demo.late']).toEqual([['分值', '0.5（参数 late）', '1（参数 late）']]);
    expect(changes.$late).toEqual([['默认值', '0.5', '1']]);
    expect(Object.keys(changes).sort()).toEqual(['$late', 'demo.daily', 'demo.late']);
  });
});
