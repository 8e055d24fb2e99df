/**
 * zod 4 schemas for request bodies and imports, wrapping the validators in this folder with
 * Chinese, field-level messages. Each schema outputs the value in normal form (trimmed,
 * upper-cased, phone numbers normalised) and stays a plain string in the generated OpenAPI.
 */
import { z } from 'zod';
import { isIsoDate } from './calendar.ts';
import { type DateRule, dateRuleProblem } from './date-rules.ts';
import { todayInShanghai } from './format.ts';
import { validateIdNumber } from './id-number.ts';
import { parseMobile, parsePhone } from './phone.ts';
import { validateUscc } from './uscc.ts';

/** The largest id an `integer` column holds; a larger one is refused, never sent to the database. */
export const MAX_ID = 2_147_483_647;

/**
 * Whether PostgreSQL can store the text: no NUL (text columns refuse U+0000) and no lone
 * surrogate half (what String.prototype.isWellFormed refuses; jsonb and UTF-8 refuse them).
 */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const STORABLE_TEXT_MESSAGE = '含有无法保存的字符（空字符或不完整的 Unicode 字符）';

/**
 * THE text schema every request schema uses instead of z.string(): the same parameters and
 * methods (.trim(), .min(), .max() …), and it refuses text PostgreSQL cannot store.
 */
export function zText(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(isStorableText, { error: STORABLE_TEXT_MESSAGE });
}

/** A string schema whose type errors read "必填" / "应为文本" instead of zod's English default. */
function requiredString() {
  return zText({ error: (issue) => (issue.input === undefined ? '此项为必填项' : '应为文本') });
}

/**
 * THE id schema for a path or query parameter: digits only ('12', never ' 1', '1e3', '0x10' or
 * '+1'), 1 … 2,147,483,647; outputs the number.
 */
export function zIdParam(message = '编号无效') {
  return z
    .string({ error: message })
    .regex(/^[1-9]\d{0,9}$/, message)
    .refine((value) => Number(value) <= MAX_ID, message)
    .transform(Number);
}

/** THE id schema for a JSON body field: an integer 1 … 2,147,483,647. */
export function zId(message = '编号无效', typeMessage = message) {
  return z.number({ error: typeMessage }).int(message).positive(message).max(MAX_ID, message);
}

/** The years a date in this system may fall in; outside them it is a typing error (0024, 20240). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

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
  .refine(isIsoDate, { error: '日期格式应为YYYY-MM-DD，且须为有效日期' })
  .refine(
    (value) => {
      const year = Number(value.slice(0, 4));
      return year >= MIN_YEAR && year <= MAX_YEAR;
    },
    { error: `日期须在 ${MIN_YEAR} 年至 ${MAX_YEAR} 年之间` },
  );

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

/**
 * A date under one of the shared DATE_RULES (date-rules.ts): zIsoDate, and no day after today
 * where the rule says so. `getToday` defaults to the Asia/Shanghai date of the current clock.
 */
export function zRuleDate(rule: DateRule, getToday: () => string = () => todayInShanghai(new Date())) {
  return zIsoDate.refine((value) => !rule.notAfterToday || value <= getToday(), {
    error: `${rule.label}不能晚于今天`,
  });
}

/**
 * The `notBefore` half of DATE_RULES for an object schema: `.superRefine(dateOrderRefinement({
 * closedOn: DATE_RULES.caseClosedOn }))` puts "结案时间不能早于立案时间" at closedOn when both
 * dates are in the body (a partial update's stored dates are the service's to compare).
 */
export function dateOrderRefinement(rules: Record<string, DateRule>) {
  return (body: Record<string, unknown>, context: z.RefinementCtx): void => {
    for (const [field, rule] of Object.entries(rules)) {
      const value = body[field];
      const earlier = rule.notBefore ? body[rule.notBefore.field] : undefined;
      if (typeof value !== 'string' || typeof earlier !== 'string' || !rule.notBefore) continue;
      const problem = dateRuleProblem({ label: rule.label, notBefore: rule.notBefore }, value, {
        today: '9999-12-31',
        earlier,
      });
      if (problem) context.addIssue({ code: 'custom', message: problem, path: [field] });
    }
  };
}
