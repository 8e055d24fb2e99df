import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MIN_TRAINING_HOURS,
  hoursToTenths,
  isBureauOrganiser,
  judgeTrainingYear,
} from './training-compliance.ts';

describe('judgeTrainingYear', () => {
  it.each([
    [{ hoursTenths: 400, bureauTrainings: 1 }, 40, true, []],
    [{ hoursTenths: 399, bureauTrainings: 1 }, 40, false, ['培训学时39.9小时，少于40小时']],
    [{ hoursTenths: 800, bureauTrainings: 0 }, 40, false, ['未参加县司法局举办的培训']],
    [
      { hoursTenths: 0, bureauTrainings: 0 },
      40,
      false,
      ['未参加县司法局举办的培训', '培训学时0小时，少于40小时'],
    ],
    [{ hoursTenths: 320, bureauTrainings: 2 }, 32, true, []],
    [{ hoursTenths: 0, bureauTrainings: 1 }, 0, true, []],
  ])('%o with minimum %i h → %s', (year, minHours, isCompliant, shortfalls) => {
    expect(judgeTrainingYear(year, minHours)).toEqual({ isCompliant, shortfalls });
  });
});

describe('the default minimum (issue 18 point 10: seed 001 sets no hours, only ≥ 1 bureau training)', () => {
  it.each([
    [{ hoursTenths: 20, bureauTrainings: 1 }, true, []],
    [{ hoursTenths: 0, bureauTrainings: 1 }, true, []],
    [{ hoursTenths: 800, bureauTrainings: 0 }, false, ['未参加县司法局举办的培训']],
  ])('%o → %s', (year, isCompliant, shortfalls) => {
    expect(judgeTrainingYear(year, DEFAULT_MIN_TRAINING_HOURS)).toEqual({ isCompliant, shortfalls });
  });
});

describe('hoursToTenths', () => {
  it.each([
    ['12.5', 125],
    ['8', 80],
    ['0.1', 1],
    [2.5, 25],
  ] as const)('%s h = %i tenths', (hours, tenths) => {
    expect(hoursToTenths(hours)).toBe(tenths);
  });
  it('adds without float drift', () => {
    expect(['0.1', '0.2', '39.7'].reduce((sum, hours) => sum + hoursToTenths(hours), 0)).toBe(400);
  });
});

it('recognises the justice bureau as organiser', () => {
  expect(isBureauOrganiser('博湖县司法局')).toBe(true);
  expect(isBureauOrganiser('县市场监管局')).toBe(false);
});
