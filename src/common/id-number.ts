/**
 * Resident identity card numbers (公民身份号码), GB 11643-1999: 6-digit region code, 8-digit birth
 * date, 3-digit sequence (odd = male), 1 check character (ISO 7064 MOD 11-2).
 *
 * Only the 18-character form is accepted; 15-digit numbers from first-generation cards are
 * rejected with a reason that says so. Region first digits 1–8 only: the 2023 foreigners'
 * permanent residence card (starting with 9) is a different document and out of scope here.
 */
import { isIsoDate } from './calendar.ts';

const ID_NUMBER_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_NUMBER_CHECK_CHARS = '10X98765432';
const ID_NUMBER_LENGTH = 18;
/** Earliest birth year we accept; anything older is a typing error, not a living officer or party. */
const EARLIEST_BIRTH_YEAR = 1900;

export type Gender = 'male' | 'female';

/** Outcome of {@link validateIdNumber}: the normalised number and what it encodes, or a Chinese reason. */
export type IdNumberResult =
  | { ok: true; value: string; regionCode: string; birthDate: string; gender: Gender }
  | { ok: false; reason: string };

/** The check character for the first 17 digits. Throws unless `body` is 17 digits. */
export function computeIdNumberCheckChar(body: string): string {
  if (!/^\d{17}$/.test(body)) throw new RangeError('ID number body must be 17 digits');
  let sum = 0;
  for (let index = 0; index < body.length; index++) {
    sum += Number(body.charAt(index)) * ID_NUMBER_WEIGHTS[index]!;
  }
  return ID_NUMBER_CHECK_CHARS.charAt(sum % 11);
}

/**
 * Validates an ID number against a calendar date `today` ('YYYY-MM-DD', Asia/Shanghai): the birth
 * date must be real and not after `today`. Trims and upper-cases a trailing 'x' first.
 */
export function validateIdNumber(input: string, today: string): IdNumberResult {
  if (!isIsoDate(today)) throw new RangeError(`today must be a YYYY-MM-DD date: ${JSON.stringify(today)}`);
  const value = input.trim().toUpperCase();
  if (value === '') return { ok: false, reason: '身份证号码不能为空' };
  if (/^\d{15}$/.test(value)) return { ok: false, reason: '不支持15位旧身份证号码，请填写18位号码' };
  if (value.length !== ID_NUMBER_LENGTH) return { ok: false, reason: '身份证号码应为18位' };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: '身份证号码前17位应为数字，末位应为数字或X' };
  if (!/^[1-8]/.test(value)) return { ok: false, reason: '身份证号码的地区码无效' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isIsoDate(birthDate) || Number(value.slice(6, 10)) < EARLIEST_BIRTH_YEAR) {
    return { ok: false, reason: '身份证号码中的出生日期无效' };
  }
  if (birthDate > today) return { ok: false, reason: '身份证号码中的出生日期晚于当前日期' };
  if (computeIdNumberCheckChar(value.slice(0, 17)) !== value.charAt(17)) {
    return { ok: false, reason: '身份证号码校验位错误' };
  }
  return { ok: true, value, regionCode: value.slice(0, 6), birthDate, gender: genderOf(value) };
}

/** Whether `input` is a valid 18-character ID number as of `today`. */
export function isValidIdNumber(input: string, today: string): boolean {
  return validateIdNumber(input, today).ok;
}

function genderOf(idNumber: string): Gender {
  return Number(idNumber.charAt(16)) % 2 === 1 ? 'male' : 'female';
}

/** Gender from the 17th digit (odd = male), or `null` when `idNumber` is not 18 well-formed characters. */
export function getIdNumberGender(idNumber: string): Gender | null {
  return /^\d{17}[\dXx]$/.test(idNumber) ? genderOf(idNumber) : null;
}

/** Birth date 'YYYY-MM-DD' from digits 7–14, or `null` when it is not a real date. */
export function getIdNumberBirthDate(idNumber: string): string | null {
  if (!/^\d{17}[\dXx]$/.test(idNumber)) return null;
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  return isIsoDate(birthDate) ? birthDate : null;
}

/** Characters kept visible by {@link maskIdNumber}: the province-level prefix and the last four. */
const MASK_KEEP_START = 3;
const MASK_KEEP_END = 4;

/**
 * Masks an ID number for lists and exports: first 3 and last 4 kept, the rest '*', length kept,
 * e.g. '110***********123X'. Hides the birth date and the county. Any input shorter than 8
 * characters is masked entirely, so a malformed value never leaks.
 */
export function maskIdNumber(idNumber: string): string {
  const value = idNumber.trim();
  if (value.length <= MASK_KEEP_START + MASK_KEEP_END) return '*'.repeat(value.length);
  return (
    value.slice(0, MASK_KEEP_START) +
    '*'.repeat(value.length - MASK_KEEP_START - MASK_KEEP_END) +
    value.slice(-MASK_KEEP_END)
  );
}
