/**
 * Mainland China telephone numbers: mobile (1[3-9] + 9 digits) and landline (area code + local
 * number, optional extension). Service numbers (400/800, 12345 …) are out of scope.
 *
 * Normal forms: mobile '13812345678'; landline '010-12345678' or '0571-8765432-123' (with an
 * extension). Accepted input: spaces, hyphens, '+86'/'0086'/'86' before a mobile, the area code
 * in brackets '(010)' / '（010）', and an extension after '转', '-', 'ext', 'ext.', 'x' or '#'.
 */

export type PhoneKind = 'mobile' | 'landline';

/** A parsed number in normal form, or a Chinese reason. */
export type PhoneResult =
  | { ok: true; kind: 'mobile'; value: string }
  | {
      ok: true;
      kind: 'landline';
      value: string;
      areaCode: string;
      localNumber: string;
      extension: string | null;
    }
  | { ok: false; reason: string };

const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
// 3-digit area codes are 010 and 02x; every other area code has 4 digits (03xx–09xx). Local
// numbers have 7 or 8 digits (we cannot know which per city) and never start with 0.
const LANDLINE_PATTERN = /^(010|02\d|0[3-9]\d{2})-?([1-9]\d{6,7})(?:(?:转|-|ext\.?|x|#)(\d{1,6}))?$/i;

/** Removes spaces (also full-width) and turns brackets around an area code into a hyphen. */
function compact(input: string): string {
  return input
    .trim()
    .replace(/[\s\u3000]+/g, '')
    .replace(/^[(（](0\d{2,3})[)）]-?/, '$1-');
}

/** Parses a mainland mobile number; accepts spaces, hyphens and a +86 prefix. */
export function parseMobile(input: string): PhoneResult {
  const value = compact(input)
    .replace(/-/g, '')
    .replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, '');
  if (value === '') return { ok: false, reason: '手机号码不能为空' };
  if (!MOBILE_PATTERN.test(value)) return { ok: false, reason: '手机号码应为以1开头的11位数字' };
  return { ok: true, kind: 'mobile', value };
}

/** Parses a mobile or landline number into its normal form. */
export function parsePhone(input: string): PhoneResult {
  const compacted = compact(input);
  if (compacted === '') return { ok: false, reason: '电话号码不能为空' };
  const mobile = parseMobile(compacted);
  if (mobile.ok) return mobile;
  // Hyphens inside the local number ("8765-4321") are common; the one before an extension is not
  // inside it, so only drop hyphens between digit groups of the local part.
  const match = LANDLINE_PATTERN.exec(compacted.replace(/^(0\d{2,3}-?\d{3,4})-(\d{4})(?=\D|$)/, '$1$2'));
  if (!match) {
    return { ok: false, reason: '电话号码格式不正确，应为11位手机号码或“区号-号码”形式的固定电话' };
  }
  const [, areaCode = '', localNumber = '', extension] = match;
  return {
    ok: true,
    kind: 'landline',
    value: `${areaCode}-${localNumber}${extension ? `-${extension}` : ''}`,
    areaCode,
    localNumber,
    extension: extension ?? null,
  };
}

/** Whether `input` is a mainland mobile number. */
export function isValidMobile(input: string): boolean {
  return parseMobile(input).ok;
}

/** Whether `input` is a mainland mobile or landline number. */
export function isValidPhone(input: string): boolean {
  return parsePhone(input).ok;
}

/** The normal form of a mobile or landline number, or `null` when it is not one. */
export function normalizePhone(input: string): string | null {
  const result = parsePhone(input);
  return result.ok ? result.value : null;
}

/**
 * Masks a number for lists and exports: mobile '138****5678'; landline keeps the area code, the
 * last 4 local digits and the extension ('0571-****4321-123'). Anything unparseable keeps only its
 * last 4 characters (all masked when 4 or fewer), so a malformed value never leaks.
 */
export function maskPhone(input: string): string {
  const result = parsePhone(input);
  if (result.ok && result.kind === 'mobile') return `${result.value.slice(0, 3)}****${result.value.slice(7)}`;
  if (result.ok && result.kind === 'landline') {
    const hidden = '*'.repeat(result.localNumber.length - 4);
    const extension = result.extension ? `-${result.extension}` : '';
    return `${result.areaCode}-${hidden}${result.localNumber.slice(-4)}${extension}`;
  }
  const value = input.trim();
  if (value.length <= 4) return '*'.repeat(value.length);
  return '*'.repeat(value.length - 4) + value.slice(-4);
}
