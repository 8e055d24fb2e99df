import { describe, expect, it } from 'vitest';
import { heaviestPenalty, type PenaltyType } from '../../../../common/penalties.ts';
import { type CasePenaltyFields, penaltyProblems } from './case-penalty.rules.ts';

const penalty = (patch: Partial<CasePenaltyFields>): CasePenaltyFields => ({
  kind: 'penalty',
  penaltyTypes: [],
  fineAmount: null,
  confiscatedAmount: null,
  ...patch,
});

describe('penaltyProblems', () => {
  it.each<[string, Partial<CasePenaltyFields>, string[]]>([
    ['a penalty case without types', {}, []],
    ['a warning alone', { penaltyTypes: ['warning'] }, []],
    ['a fine with its sum', { penaltyTypes: ['fine'], fineAmount: 5000 }, []],
    ['a fine without a sum', { penaltyTypes: ['fine'] }, ['fineAmount']],
    ['a fine of 0 yuan', { penaltyTypes: ['fine'], fineAmount: 0 }, ['fineAmount']],
    ['a sum fined without 罚款', { penaltyTypes: ['warning'], fineAmount: 100 }, ['fineAmount']],
    ['confiscation with its sum', { penaltyTypes: ['confiscation'], confiscatedAmount: 20 }, []],
    ['confiscation without a sum', { penaltyTypes: ['confiscation'] }, ['confiscatedAmount']],
    ['a sum confiscated without 没收', { confiscatedAmount: 20 }, ['confiscatedAmount']],
    ['types on a licensing case', { kind: 'licensing', penaltyTypes: ['warning'] }, ['penaltyTypes']],
    ['a licensing case without types', { kind: 'licensing' }, []],
  ])('%s', (_name, patch, fields) => {
    expect(penaltyProblems(penalty(patch)).map((problem) => problem.field)).toEqual(fields);
  });
});

describe('heaviestPenalty (a case counted once, under its heaviest)', () => {
  it.each<[PenaltyType[], PenaltyType | null]>([
    [[], null],
    [['warning'], 'warning'],
    [['fine', 'warning'], 'fine'],
    [['fine', 'confiscation'], 'confiscation'],
    [['licence_revocation', 'fine', 'confiscation'], 'licence_revocation'],
    [['detention', 'production_stop'], 'detention'],
    [['other', 'warning'], 'warning'],
    [['other'], 'other'],
  ])('%j → %s', (types, heaviest) => {
    expect(heaviestPenalty(types)).toBe(heaviest);
  });
});
