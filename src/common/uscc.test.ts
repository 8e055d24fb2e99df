import { describe, expect, it } from 'vitest';
import { computeUsccCheckChar, isValidUscc, USCC_CHARSET, validateUscc } from './uscc.ts';

describe('validateUscc', () => {
  // Published codes, verified with computeUsccCheckChar before being pinned here.
  it.each([
    ['91440300708461136T'], // 深圳市腾讯计算机系统有限公司
    ['91330100799655058B'], // 阿里巴巴（中国）有限公司
    ['91110108551385082Q'], // 小米科技有限责任公司
    ['91110000600037341L'],
    ['12100000400000624D'], // a 事业单位 code (registry 1, category 2)
  ])('accepts %s', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true, value: code });
  });

  it('trims and upper-cases before checking', () => {
    expect(validateUscc(' 91110108551385082q ')).toEqual({ ok: true, value: '91110108551385082Q' });
  });

  it.each([
    ['', '统一社会信用代码不能为空'],
    ['   ', '统一社会信用代码不能为空'],
    ['9144030070846113', '统一社会信用代码应为18位'],
    ['91440300708461136T1', '统一社会信用代码应为18位'],
    ['91440300708461136I', '统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）'],
    ['9144030070846113OT', '统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）'],
    ['91440300708461136S', '统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）'],
    ['914403007084611-6T', '统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）'],
    ['91A40300708461136T', '统一社会信用代码第3至8位（行政区划码）应为数字'],
    ['91440300708461136U', '统一社会信用代码校验位错误'],
    ['91440300708461163T', '统一社会信用代码校验位错误'], // two digits swapped
  ])('rejects %j: %s', (code, reason) => {
    expect(validateUscc(code)).toEqual({ ok: false, reason });
    expect(isValidUscc(code)).toBe(false);
  });
});

describe('computeUsccCheckChar', () => {
  it.each([
    ['91440300708461136', 'T'],
    ['91330100799655058', 'B'],
  ])('%s → %s', (body, expected) => {
    expect(computeUsccCheckChar(body)).toBe(expected);
  });

  it('writes a remainder of 0 as check character 0, not as 31', () => {
    // Vary the last body character until the weighted sum is divisible by 31.
    const prefix = '9111000060003734';
    const last = [...USCC_CHARSET].find((char) => computeUsccCheckChar(prefix + char) === '0');
    expect(last).toBeDefined();
    expect(isValidUscc(`${prefix}${last}0`)).toBe(true);
  });

  it('produces a code that validates for every body character in every position', () => {
    for (let position = 0; position < 17; position++) {
      for (const char of USCC_CHARSET) {
        if (position >= 2 && position < 8 && !/\d/.test(char)) continue;
        const body = `${'91110000600037341'.slice(0, position)}${char}${'91110000600037341'.slice(position + 1)}`;
        expect(isValidUscc(body + computeUsccCheckChar(body))).toBe(true);
      }
    }
  });

  it.each(['9144030070846113', '9144030070846113I'])('throws on a bad body %j', (body) => {
    expect(() => computeUsccCheckChar(body)).toThrow(RangeError);
  });
});
