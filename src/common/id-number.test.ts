import { describe, expect, it } from 'vitest';
import {
  computeIdNumberCheckChar,
  getIdNumberBirthDate,
  getIdNumberGender,
  isValidIdNumber,
  maskIdNumber,
  validateIdNumber,
} from './id-number.ts';

const TODAY = '2024-09-30';

describe('validateIdNumber', () => {
  it.each([
    // GB 11643-1999's own worked example.
    ['11010519491231002X', '110105', '1949-12-31', 'female'],
    ['11010120000229123X', '110101', '2000-02-29', 'male'], // leap day
    ['650102198012310010', '650102', '1980-12-31', 'male'], // check character 0
    ['810000200501010029', '810000', '2005-01-01', 'female'], // Hong Kong resident (8x)
    ['110105202409300016', '110105', '2024-09-30', 'male'], // born today
  ] as const)('accepts %s', (idNumber, regionCode, birthDate, gender) => {
    expect(validateIdNumber(idNumber, TODAY)).toEqual({
      ok: true,
      value: idNumber,
      regionCode,
      birthDate,
      gender,
    });
  });

  it('trims and upper-cases a trailing x', () => {
    const result = validateIdNumber(' 11010519491231002x ', TODAY);
    expect(result.ok && result.value).toBe('11010519491231002X');
  });

  it.each([
    ['', '身份证号码不能为空'],
    ['110105491231002', '不支持15位旧身份证号码，请填写18位号码'],
    ['11010519491231002', '身份证号码应为18位'],
    ['11010519491231002X1', '身份证号码应为18位'],
    ['1101051949123100X2', '身份证号码前17位应为数字，末位应为数字或X'],
    ['11010519491231002Y', '身份证号码前17位应为数字，末位应为数字或X'],
    ['01010519491231002X', '身份证号码的地区码无效'],
    ['91010519491231002X', '身份证号码的地区码无效'],
    ['110105194902300020', '身份证号码中的出生日期无效'], // Feb 30
    ['110105190002290020', '身份证号码中的出生日期无效'], // 1900 was not a leap year
    ['440524188001010014', '身份证号码中的出生日期无效'], // GB example, but born before 1900
    ['110105202410010016', '身份证号码中的出生日期晚于当前日期'],
    ['110105194912310021', '身份证号码校验位错误'],
    ['11010519491231020X', '身份证号码校验位错误'], // two digits swapped
  ])('rejects %j: %s', (idNumber, reason) => {
    expect(validateIdNumber(idNumber, TODAY)).toEqual({ ok: false, reason });
    expect(isValidIdNumber(idNumber, TODAY)).toBe(false);
  });

  it('judges a future birth date against the passed-in today', () => {
    expect(isValidIdNumber('110105202409300016', '2024-09-29')).toBe(false);
    expect(isValidIdNumber('110105202409300016', '2024-09-30')).toBe(true);
  });

  it('throws on an invalid today', () => {
    expect(() => validateIdNumber('11010519491231002X', '2024/09/30')).toThrow(RangeError);
  });
});

describe('computeIdNumberCheckChar', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['65010219801231001', '0'],
    ['81000020050101002', '9'],
  ])('%s → %s', (body, expected) => {
    expect(computeIdNumberCheckChar(body)).toBe(expected);
  });

  it('throws unless given 17 digits', () => {
    expect(() => computeIdNumberCheckChar('1101051949123100X')).toThrow(RangeError);
  });
});

describe('extraction', () => {
  it.each([
    ['11010519491231002X', 'female', '1949-12-31'],
    ['11010519491231002x', 'female', '1949-12-31'],
    ['650102198012310010', 'male', '1980-12-31'],
    ['110105194902300020', 'female', null], // Feb 30
    ['1101051949', null, null],
  ])('%s → %s, %s', (idNumber, gender, birthDate) => {
    expect(getIdNumberGender(idNumber)).toBe(gender);
    expect(getIdNumberBirthDate(idNumber)).toBe(birthDate);
  });
});

describe('maskIdNumber', () => {
  it.each([
    ['11010519491231002X', '110***********002X'],
    [' 650102198012310010 ', '650***********0010'],
    ['1234567', '*******'],
    ['12345678', '123*5678'],
    ['', ''],
  ])('%j → %s', (idNumber, expected) => {
    expect(maskIdNumber(idNumber)).toBe(expected);
  });
});
