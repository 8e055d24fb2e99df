import { describe, expect, it } from 'vitest';
import { parseScheme } from './scheme.parse.ts';

const minimal = {
  id: 'demo',
  name: '示例方案',
  subjectKind: 'officer',
  period: 'quarter',
  components: [
    {
      kind: 'deduction',
      id: 'daily',
      label: '日常',
      points: 100,
      items: [{ id: 'late', label: '迟到', points: 0.5 }],
    },
  ],
};

describe('parseScheme', () => {
  it('accepts a minimal scheme', () => {
    expect(parseScheme(minimal)).toMatchObject({ ok: true });
  });

  it('lists every structural problem by path, in Chinese and English', () => {
    const outcome = parseScheme({
      ...minimal,
      period: 'weekly',
      subjectKind: undefined,
      extra: true,
      components: [
        {
          kind: 'deduction',
          id: 'daily',
          label: '日常',
          points: '0.1234567',
          items: [{ id: 'late', label: '' }],
        },
        { kind: 'magic' },
      ],
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const paths = outcome.problems.map((entry) => entry.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'period',
        'subjectKind',
        'extra',
        'components[0].points',
        'components[0].items[0].label',
        'components[1].kind',
      ]),
    );
    for (const entry of outcome.problems) {
      expect(entry.messageZh).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.messageEn).toMatch(/[a-z]/);
    }
  });

  it('lists every cross-reference problem at once and never half-loads', () => {
    const outcome = parseScheme({
      ...minimal,
      components: [
        {
          kind: 'deduction',
          id: 'daily',
          label: '日常',
          points: '$base',
          items: [{ id: 'late', label: '迟到' }],
        },
        {
          kind: 'weighted',
          id: 'mix',
          label: '加权',
          children: [
            {
              kind: 'bonus',
              id: 'late',
              label: '加分',
              weight: 60,
              items: [{ id: 'b', label: 'b', points: 1 }],
            },
          ],
        },
      ],
      grades: [
        { grade: '好', min: 80 },
        { grade: '较好', min: 90 },
        { grade: '较差', min: null },
      ],
      quotas: [
        { grade: '较差', maxShare: 30 },
        { grade: '优', maxShare: 130 },
      ],
      ceilings: [{ id: 'warn', label: '告诫', maxGrade: '一般' }],
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((entry) => entry.path)).toEqual(
      expect.arrayContaining([
        'components[0].points',
        'components[0].items[0]',
        'components[1].children[0].id',
        'components[1].children',
        'grades[1].min',
        'quotas[0].grade',
        'quotas[1].grade',
        'quotas[1].maxShare',
        'ceilings[0].maxGrade',
      ]),
    );
  });

  it('refuses input that is not an object', () => {
    expect(parseScheme('id: x')).toMatchObject({ ok: false, problems: [{ path: '' }] });
  });
});
