import { describe, expect, it } from 'vitest';
import { pairKey } from '../panels/recusal.rules.ts';
import {
  type AssignInput,
  checkAssignments,
  diffAssignments,
  proposeAssignment,
} from './assignment.rules.ts';

function input(files: number, reviewers: number, patch: Partial<AssignInput> = {}): AssignInput {
  return {
    files: Array.from({ length: files }, (_, index) => ({
      fileId: index + 1,
      kind: index % 3 === 0 ? 'licensing' : 'penalty',
    })),
    reviewers: Array.from({ length: reviewers }, (_, index) => ({ expertId: 100 + index, expertise: [] })),
    perFile: 2,
    cap: 100,
    blocked: new Set(),
    ...patch,
  };
}

const hardProblems = (source: AssignInput) =>
  checkAssignments(proposeAssignment(source).assignments, {
    ...source,
    fileIds: source.files.map((file) => file.fileId),
  });

describe('proposeAssignment (第十一条)', () => {
  it('gives every file perFile distinct reviewers and balances the load to within one', () => {
    const source = input(10, 4, { perFile: 3 });
    const result = proposeAssignment(source);
    expect(result.shortfalls).toEqual([]);
    expect(hardProblems(source)).toEqual([]);
    const loads = result.loads.map((row) => row.files);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(loads.reduce((a, b) => a + b, 0)).toBe(30);
  });

  it('never assigns a blocked pair', () => {
    const blocked = new Set([pairKey(1, 100), pairKey(1, 101), pairKey(2, 102)]);
    const source = input(4, 4, { blocked });
    const result = proposeAssignment(source);
    expect(result.assignments.filter((pair) => blocked.has(pairKey(pair.fileId, pair.expertId)))).toEqual([]);
    expect(hardProblems(source)).toEqual([]);
  });

  it('respects the cap, and repairs greedy dead ends by moving files along augmenting paths', () => {
    // file 1 can only go to 100 and 101; greedy order must not let others fill them first
    const blocked = new Set([pairKey(1, 102), pairKey(1, 103)]);
    const source = input(4, 4, { blocked, cap: 2 });
    const result = proposeAssignment(source);
    expect(result.shortfalls).toEqual([]);
    expect(Math.max(...result.loads.map((row) => row.files))).toBeLessThanOrEqual(2);
    expect(hardProblems(source)).toEqual([]);
  });

  it('repairs when greedy alone would leave a seat empty', () => {
    // file 1 may go only to 100 and 101; 100 already holds files 2 and 3 (cap 2): greedy leaves file 1
    // one short, and the augmenting path moves file 3 from 100 to 102 to free a seat
    const source = input(3, 3, {
      cap: 2,
      blocked: new Set([pairKey(1, 102)]),
      keep: [
        { fileId: 2, expertId: 100 },
        { fileId: 3, expertId: 100 },
      ],
    });
    const result = proposeAssignment(source);
    expect(result.shortfalls).toEqual([]);
    expect(result.assignments.filter((pair) => pair.fileId === 1).map((pair) => pair.expertId)).toEqual([
      100, 101,
    ]);
    expect(hardProblems(source)).toEqual([]);
  });

  it('reports a shortfall with its reason when no assignment can fill a seat', () => {
    const blocked = new Set([pairKey(1, 100), pairKey(1, 101)]);
    const result = proposeAssignment(input(2, 3, { blocked }));
    expect(result.shortfalls).toEqual([
      { fileId: 1, missing: 1, reason: '无利害冲突的评查人员只有 1 名，少于每卷 2 名' },
    ]);
    const capped = proposeAssignment(input(3, 2, { cap: 2 }));
    expect(capped.shortfalls[0]!.reason).toContain('上限');
  });

  it('prefers reviewers whose expertise covers the case kind', () => {
    const source = input(6, 4, {
      reviewers: [
        { expertId: 100, expertise: ['licensing'] },
        { expertId: 101, expertise: ['licensing'] },
        { expertId: 102, expertise: ['penalty'] },
        { expertId: 103, expertise: ['penalty'] },
      ],
    });
    const result = proposeAssignment(source);
    expect(result.expertiseMismatches).toBe(0);
    expect(hardProblems(source)).toEqual([]);
  });

  it('is deterministic', () => {
    expect(proposeAssignment(input(20, 7, { perFile: 3 }))).toEqual(
      proposeAssignment(input(20, 7, { perFile: 3 })),
    );
  });
});

describe('diffAssignments and checkAssignments', () => {
  it('diffs added, removed and kept pairs', () => {
    expect(
      diffAssignments(
        [
          { fileId: 1, expertId: 1 },
          { fileId: 1, expertId: 2 },
        ],
        [
          { fileId: 1, expertId: 1 },
          { fileId: 1, expertId: 3 },
        ],
      ),
    ).toEqual({ added: [{ fileId: 1, expertId: 3 }], removed: [{ fileId: 1, expertId: 2 }], kept: 1 });
  });

  it('names each broken constraint', () => {
    expect(
      checkAssignments([{ fileId: 1, expertId: 9 }], {
        fileIds: [1],
        perFile: 2,
        cap: 0,
        blocked: new Set(['1:9']),
      }),
    ).toEqual([
      '案卷 1 的评查人员 9 应当回避（第十条）',
      '案卷 1 的评查人员少于 2 名（第十一条）',
      '评查人员 9 分配 1 件，超过每人 0 件上限',
    ]);
  });
});
