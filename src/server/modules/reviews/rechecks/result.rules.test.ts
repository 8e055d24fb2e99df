import { describe, expect, it } from 'vitest';
import {
  objectionWindow,
  publicationBlocker,
  rectificationDueOn,
  resultOf,
  unitRates,
} from './result.rules.ts';

const bands = { excellentFromTenths: 900, passFromTenths: 600 };
const base = {
  initialTotals: [] as number[],
  initialAssigned: 2,
  recheckTotals: [] as number[],
  recheckAssigned: 0,
  objectionTenths: null as number | null,
  bands,
  divergenceThresholdTenths: 100,
};

describe('resultOf: the result that stands (第十二条(五)(七))', () => {
  it.each([
    ['one of two submitted', { initialTotals: [950] }, { state: 'unscored', score: null }],
    [
      'agreeing reviewers: their mean',
      { initialTotals: [950, 920] },
      { state: 'final', score: '93.50', band: 'excellent', source: 'initial' },
    ],
    ['divergent, no re-review yet', { initialTotals: [950, 800] }, { state: 'needs_recheck', score: null }],
    ['failing, no re-review yet', { initialTotals: [550, 560] }, { state: 'needs_recheck', flags: ['fail'] }],
    [
      're-review assigned, not submitted',
      { initialTotals: [950, 800], recheckAssigned: 1 },
      { state: 'rechecking', score: null },
    ],
    [
      're-review submitted: it stands',
      { initialTotals: [950, 800], recheckAssigned: 1, recheckTotals: [700] },
      { state: 'final', score: '70.00', band: 'pass', source: 'recheck', initialMean: '87.50' },
    ],
    [
      'two re-reviewers: their exact mean',
      { initialTotals: [950, 800], recheckAssigned: 2, recheckTotals: [895, 900] },
      { state: 'final', score: '89.75', band: 'pass', source: 'recheck' },
    ],
    [
      'an upheld objection replaces every earlier score',
      { initialTotals: [950, 800], recheckAssigned: 1, recheckTotals: [700], objectionTenths: 785 },
      { state: 'final', score: '78.50', band: 'pass', source: 'objection' },
    ],
    ['exactly 60 passes', { initialTotals: [600, 600] }, { state: 'final', band: 'pass' }],
  ])('%s', (_name, input, expected) => {
    expect(resultOf({ ...base, ...input })).toMatchObject(expected);
  });
});

describe('publicationBlocker (第十二条(五)(六))', () => {
  it.each([
    ['no files', [], { code: 'REVIEW_FILES_UNSCORED', count: 0 }],
    [
      'an unscored file comes first',
      [{ state: 'unscored' }, { state: 'needs_recheck' }],
      { code: 'REVIEW_FILES_UNSCORED', count: 1 },
    ],
    [
      'a flagged file without its re-review',
      [{ state: 'final' }, { state: 'needs_recheck' }, { state: 'rechecking' }],
      { code: 'REVIEW_RECHECK_MISSING', count: 2 },
    ],
    ['every file final', [{ state: 'final' }, { state: 'final' }], null],
  ] as const)('%s', (_name, results, expected) => {
    expect(publicationBlocker(results)).toEqual(expected);
  });
});

describe('unitRates (第十七条 优秀率、合格率)', () => {
  it.each([
    [[], { files: 0, scored: 0, excellentRate: null, passRate: null }],
    [
      ['excellent', 'pass', 'fail'],
      { excellent: 1, pass: 1, fail: 1, excellentRate: '33.3', passRate: '66.7' },
    ],
    [['excellent', 'excellent', null], { files: 3, scored: 2, excellentRate: '100', passRate: '100' }],
  ] as const)('%j', (bandsOfFiles, expected) => {
    expect(unitRates(bandsOfFiles)).toMatchObject(expected);
  });
});

describe('windows and due days', () => {
  it.each([
    [null, 5, '2026-03-01', { isOpen: false, closesOn: null }],
    ['2026-03-01', 5, '2026-03-01', { isOpen: true, closesOn: '2026-03-06' }],
    ['2026-03-01', 5, '2026-03-06', { isOpen: true }],
    ['2026-03-01', 5, '2026-03-07', { isOpen: false }],
  ] as const)('objection window from %s for %i days on %s', (publishedOn, days, today, expected) => {
    expect(objectionWindow(publishedOn, days, today)).toMatchObject(expected);
  });
  it('第十七条: a rectification report is due 10 calendar days after the circular, across a holiday', () => {
    expect(rectificationDueOn('2026-09-28')).toBe('2026-10-08');
  });
});
