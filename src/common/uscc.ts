/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * Layout of the 18 characters: 1 登记管理部门代码, 2 机构类别代码, 3–8 登记管理机关行政区划码
 * (digits), 9–17 主体标识码 (组织机构代码), 18 校验码. We check the character set, the region
 * digits and the check character. We do not check the embedded organisation code's own GB 11714
 * check digit: codes issued to 个体工商户 do not always carry one, and we must not reject them.
 */

/** The 31 characters allowed by GB 32100-2015 (digits and capitals without I, O, Z, S, V). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const USCC_LENGTH = 18;
const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** Outcome of {@link validateUscc}: the normalised code, or a Chinese reason. */
export type UsccResult = { ok: true; value: string } | { ok: false; reason: string };

/** The check character for the first 17 characters of a code. Throws on a bad body. */
export function computeUsccCheckChar(body: string): string {
  if (body.length !== USCC_LENGTH - 1) throw new RangeError('USCC body must have 17 characters');
  let sum = 0;
  for (let index = 0; index < body.length; index++) {
    const value = USCC_CHARSET.indexOf(body.charAt(index));
    if (value < 0) throw new RangeError(`Character not allowed in a USCC: ${body.charAt(index)}`);
    sum += value * USCC_WEIGHTS[index]!;
  }
  // GB 32100-2015 §4.3: C18 = 31 − MOD(Σ Ci×Wi, 31); a result of 31 is written as 0.
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** Validates a code; trims and upper-cases it first. */
export function validateUscc(input: string): UsccResult {
  const value = input.trim().toUpperCase();
  if (value === '') return { ok: false, reason: '统一社会信用代码不能为空' };
  if (value.length !== USCC_LENGTH) return { ok: false, reason: '统一社会信用代码应为18位' };
  if (!USCC_PATTERN.test(value)) {
    return { ok: false, reason: '统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）' };
  }
  if (!/^\d{6}$/.test(value.slice(2, 8))) {
    return { ok: false, reason: '统一社会信用代码第3至8位（行政区划码）应为数字' };
  }
  if (computeUsccCheckChar(value.slice(0, 17)) !== value.charAt(17)) {
    return { ok: false, reason: '统一社会信用代码校验位错误' };
  }
  return { ok: true, value };
}

/** Whether `input` is a valid unified social credit code (after trimming and upper-casing). */
export function isValidUscc(input: string): boolean {
  return validateUscc(input).ok;
}
