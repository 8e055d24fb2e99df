import { describe, expect, it } from 'vitest';
import { problemLineFinder, splitProblemPath } from './problem-lines.ts';

const TEXT = `id: broken
name: 坏方案
subjectKind: officer
period: week
components:
  - kind: deduction
    id: demo.daily
    label: 日常考核
    points: 100
    items:
      - { id: demo.late, label: 迟到, points: abc }
  - kind: rating
    id: demo.rating
    label: 测评
`;

describe('problem lines', () => {
  it('splits a problem path', () => {
    expect(splitProblemPath('components[0].items[1].points')).toEqual([
      'components',
      0,
      'items',
      1,
      'points',
    ]);
    expect(splitProblemPath('')).toEqual([]);
  });

  it('finds the line a path names, and the nearest existing object for a missing field', () => {
    const lineOf = problemLineFinder(TEXT);
    expect(lineOf('period')).toBe(4);
    expect(lineOf('components[0].items[0].points')).toBe(11);
    expect(lineOf('components[1].outOf')).toBe(12);
    expect(lineOf('')).toBeNull();
  });

  it('gives the line of a YAML syntax error', () => {
    expect(problemLineFinder('id: a\nname: [unclosed\nperiod: year\n')('')).toBeGreaterThan(1);
  });
});
