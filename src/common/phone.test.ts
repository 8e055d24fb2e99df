import { describe, expect, it } from 'vitest';
import { isValidMobile, isValidPhone, maskPhone, normalizePhone, parseMobile, parsePhone } from './phone.ts';

const LANDLINE_REASON = '电话号码格式不正确，应为11位手机号码或“区号-号码”形式的固定电话';

describe('parseMobile', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['19912345678', '19912345678'],
    [' 138 1234 5678 ', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+86-13812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
  ])('accepts %j as %s', (input, value) => {
    expect(parseMobile(input)).toEqual({ ok: true, kind: 'mobile', value });
  });

  it.each([
    ['', '手机号码不能为空'],
    ['12812345678', '手机号码应为以1开头的11位数字'], // second digit 2
    ['1381234567', '手机号码应为以1开头的11位数字'],
    ['138123456789', '手机号码应为以1开头的11位数字'],
    ['1381234567a', '手机号码应为以1开头的11位数字'],
    ['010-12345678', '手机号码应为以1开头的11位数字'],
  ])('rejects %j', (input, reason) => {
    expect(parseMobile(input)).toEqual({ ok: false, reason });
    expect(isValidMobile(input)).toBe(false);
  });
});

describe('parsePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['010-12345678', '010-12345678'],
    ['01012345678', '010-12345678'],
    ['(010)12345678', '010-12345678'],
    ['（010）1234 5678', '010-12345678'],
    ['010-1234-5678', '010-12345678'],
    ['020-87654321', '020-87654321'],
    ['0571-87654321', '0571-87654321'],
    ['057187654321', '0571-87654321'],
    ['0991-7654321', '0991-7654321'], // 7-digit local number
    ['010-7654321', '010-7654321'], // lengths per city are not checked
    ['0571-87654321转123', '0571-87654321-123'],
    ['0571-87654321-123', '0571-87654321-123'],
    ['0571-8765-4321-123', '0571-87654321-123'],
    ['0571-87654321 ext. 8', '0571-87654321-8'],
    ['0571-87654321#8001', '0571-87654321-8001'],
  ])('normalises %j to %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
    expect(isValidPhone(input)).toBe(true);
  });

  it('splits a landline into its parts', () => {
    expect(parsePhone('0571-87654321转123')).toEqual({
      ok: true,
      kind: 'landline',
      value: '0571-87654321-123',
      areaCode: '0571',
      localNumber: '87654321',
      extension: '123',
    });
  });

  it.each([
    ['', '电话号码不能为空'],
    ['12345678', LANDLINE_REASON], // no area code
    ['011-12345678', LANDLINE_REASON], // 3-digit area codes are only 010 and 02x
    ['010-123456', LANDLINE_REASON], // local number too short
    ['010-123456789', LANDLINE_REASON], // local number too long
    ['010-02345678', LANDLINE_REASON], // local number starts with 0
    ['0571-87654321转1234567', LANDLINE_REASON], // extension too long
    ['400-810-8888', LANDLINE_REASON], // service numbers are out of scope
    ['12812345678', LANDLINE_REASON],
  ])('rejects %j', (input, reason) => {
    expect(parsePhone(input)).toEqual({ ok: false, reason });
    expect(normalizePhone(input)).toBeNull();
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['010-12345678', '010-****5678'],
    ['0991-7654321', '0991-***4321'],
    ['0571-87654321转123', '0571-****4321-123'],
    ['not a phone 98765', '*************8765'],
    ['123', '***'],
  ])('%j → %s', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });
});
