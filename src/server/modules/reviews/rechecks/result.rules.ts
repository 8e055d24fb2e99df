/**
 * A file's final result (评查办法第十二条(五)(七), 第十六条). Pure. In order:
 * 1. the 一卷一评 reviewers' exact mean (scoring.rules.ts scoreFile), once all have submitted;
 * 2. a file flagged for 复评 (不合格, divergent, bands differ) needs a re-review: the re-reviewers'
 *    exact mean, once all of them have submitted, is the result that stands (第十二条(五));
 * 3. an upheld objection (重点复核, 第十二条(七)) replaces the score with the decided one.
 * The earlier scores stay in the history; only the last step that applies gives the result.
 */
import { addCalendarDays } from '../../../../common/calendar.ts';
import { RECTIFICATION_DAYS } from '../../../../common/reviews.ts';
import {
  type Band,
  type Bands,
  bandOf,
  type FlagCode,
  formatMean,
  formatTenths,
  scoreFile,
} from '../scoring/scoring.rules.ts';

export type ResultState = 'unscored' | 'needs_recheck' | 'rechecking' | 'final';
export const RESULT_STATE_LABELS: Readonly<Record<ResultState, string>> = {
  unscored: '未评完',
  needs_recheck: '待安排复评',
  rechecking: '复评中',
  final: '已定分',
};
export type ResultSource = 'initial' | 'recheck' | 'objection';
export const RESULT_SOURCE_LABELS: Readonly<Record<ResultSource, string>> = {
  initial: '评查人员评分平均',
  recheck: '复评结果',
  objection: '重点复核决定',
};

export interface ResultInput {
  /** submitted totals (tenths) of the initial reviewers, and how many are assigned */
  initialTotals: readonly number[];
  initialAssigned: number;
  recheckTotals: readonly number[];
  recheckAssigned: number;
  /** the score an upheld objection decided (tenths), the latest; null = none */
  objectionTenths: number | null;
  bands: Bands;
  divergenceThresholdTenths: number;
}

export interface FileResult {
  state: ResultState;
  /** 复评 flags of the initial scores (第十二条(五)) */
  flags: FlagCode[];
  initialMean: string | null;
  recheckMean: string | null;
  /** the result that stands, two decimals; null until final */
  score: string | null;
  band: Band | null;
  source: ResultSource | null;
}

/** The file's result from its sheets and decisions (see the module comment). */
export function resultOf(input: ResultInput): FileResult {
  const initial = scoreFile(
    input.initialTotals,
    input.initialAssigned,
    input.bands,
    input.divergenceThresholdTenths,
  );
  const recheckDone = input.recheckAssigned > 0 && input.recheckTotals.length >= input.recheckAssigned;
  const recheckSum = input.recheckTotals.reduce((sum, value) => sum + value, 0);
  const recheckMean = recheckDone ? formatMean(recheckSum, input.recheckTotals.length) : null;
  const base = { flags: initial.flags, initialMean: initial.meanText, recheckMean };
  if (input.objectionTenths !== null)
    return {
      ...base,
      state: 'final',
      score: formatMean(input.objectionTenths, 1),
      band: bandOf(input.objectionTenths, 1, input.bands),
      source: 'objection',
    };
  if (recheckDone)
    return {
      ...base,
      state: 'final',
      score: recheckMean,
      band: bandOf(recheckSum, input.recheckTotals.length, input.bands),
      source: 'recheck',
    };
  if (initial.meanText === null) return { ...base, state: 'unscored', score: null, band: null, source: null };
  if (initial.flags.length > 0)
    return {
      ...base,
      state: input.recheckAssigned > 0 ? 'rechecking' : 'needs_recheck',
      score: null,
      band: null,
      source: null,
    };
  return { ...base, state: 'final', score: initial.meanText, band: initial.band, source: 'initial' };
}

/** Why a campaign cannot be published yet (第十二条(五)(六)), or null when it can. */
export function publicationBlocker(
  results: ReadonlyArray<Pick<FileResult, 'state'>>,
): { code: 'REVIEW_FILES_UNSCORED' | 'REVIEW_RECHECK_MISSING'; count: number } | null {
  if (results.length === 0) return { code: 'REVIEW_FILES_UNSCORED', count: 0 };
  const unscored = results.filter((result) => result.state === 'unscored').length;
  if (unscored > 0) return { code: 'REVIEW_FILES_UNSCORED', count: unscored };
  const recheck = results.filter((result) => result.state !== 'final').length;
  if (recheck > 0) return { code: 'REVIEW_RECHECK_MISSING', count: recheck };
  return null;
}

/** A unit's counts and rates (第十七条: 优秀率、合格率), rates as percentages with one decimal. */
export function unitRates(bands: ReadonlyArray<Band | null>) {
  const scored = bands.filter((band): band is Band => band !== null);
  const excellent = scored.filter((band) => band === 'excellent').length;
  const failing = scored.filter((band) => band === 'fail').length;
  const passing = scored.length - failing;
  const rate = (count: number) =>
    scored.length === 0 ? null : formatTenths(Math.round((count * 1000) / scored.length));
  return {
    files: bands.length,
    scored: scored.length,
    excellent,
    pass: passing - excellent,
    fail: failing,
    /** 优秀率 */
    excellentRate: rate(excellent),
    /** 合格率: 优秀 and 合格 together */
    passRate: rate(passing),
  };
}

/**
 * 第十二条(七): the window in which a reviewed unit may object — from the day of publication for
 * `days` calendar days (the campaign's parameter; the seed sets no length), both ends included.
 */
export function objectionWindow(publishedOn: string | null, days: number, today: string) {
  if (!publishedOn) return { opensOn: null, closesOn: null, isOpen: false };
  const closesOn = addCalendarDays(publishedOn, days);
  return { opensOn: publishedOn, closesOn, isOpen: today >= publishedOn && today <= closesOn };
}

/** The day a unit's 整改报告 is due (第十七条: 评查通报发出后10日内, calendar days). */
export function rectificationDueOn(circularIssuedOn: string): string {
  return addCalendarDays(circularIssuedOn, RECTIFICATION_DAYS);
}
