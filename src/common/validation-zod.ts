/**
 * zod 4 schemas for request bodies and imports, wrapping the validators in this folder with
 * Chinese, field-level messages. Each schema outputs the value in normal form (trimmed,
 * upper-cased, phone numbers normalised) and stays a plain string in the generated OpenAPI.
 */
import { z } from 'zod';
import { isIsoDate } from './calendar.ts';
import { todayInShanghai } from './format.ts';
import { validateIdNumber } from './id-number.ts';
import { parseMobile, parsePhone } from './phone.ts';
import { validateUscc } from './uscc.ts';

/** A string schema whose type errors read "必填" / "应为文本" instead of zod's English default. */
function requiredString() {
  return z.string({ error: (issue) => (issue.input === undefined ? '此项为必填项' : '应为文本') });
}

/** Adds one custom issue with `reason` when `validate` fails. */
function checkWith(validate: (value: string) => { ok: true } | { ok: false; reason: string }) {
  return (context: { value: string; issues: unknown[] }): void => {
    const result = validate(context.value);
    if (!result.ok) context.issues.push({ code: 'custom', message: result.reason, input: context.value });
  };
}

/** A calendar date 'YYYY-MM-DD', e.g. '2024-02-03'. */
export const zIsoDate = requiredString()
  .trim()
  .refine(isIsoDate, { error: '日期格式应为YYYY-MM-DD，且须为有效日期' });

/**
 * An 18-character resident ID number; outputs it with an upper-case 'X'. `getToday` supplies the
 * date a birth date may not exceed; it defaults to the Asia/Shanghai date of the current clock.
 */
export function zIdNumber(getToday: () => string = () => todayInShanghai(new Date())) {
  return requiredString()
    .trim()
    .toUpperCase()
    .check(checkWith((value) => validateIdNumber(value, getToday())));
}

/** A unified social credit code (统一社会信用代码); outputs it upper-cased. */
export const zUscc = requiredString().trim().toUpperCase().check(checkWith(validateUscc));

/** A mainland mobile number; outputs 11 digits ('+86 138-1234-5678' → '13812345678'). */
export const zMobile = requiredString()
  .check(checkWith(parseMobile))
  .overwrite((value) => {
    const result = parseMobile(value);
    return result.ok ? result.value : value;
  });

/** A mobile or landline number; outputs the normal form ('(0571)87654321转8' → '0571-87654321-8'). */
export const zPhone = requiredString()
  .check(checkWith(parsePhone))
  .overwrite((value) => {
    const result = parsePhone(value);
    return result.ok ? result.value : value;
  });
