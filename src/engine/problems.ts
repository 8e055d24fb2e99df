/**
 * A problem found in a scheme or records file: where (a JSON path such as
 * `components[0].groups[2].cap`) and what, in Chinese for the county administrator and in
 * English for developers. Problems are collected, never thrown one at a time, so a broken file
 * is refused with its whole list.
 */
import type { z } from 'zod';
import { MAX_EXACT_COUNT } from './decimal.ts';

export interface Problem {
  /** Dotted path into the file; '' is the whole file. */
  path: string;
  messageZh: string;
  messageEn: string;
}

/** Formats a zod-style path: ['components', 0, 'id'] → 'components[0].id'. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text;
}

/** Creates a problem. */
export function problem(path: string, messageZh: string, messageEn: string): Problem {
  return { path, messageZh, messageEn };
}

/** Messages for the custom checks inside the zod schemas, keyed by the code the schema sets. */
const customMessages: Record<string, [zh: string, en: string]> = {
  decimal: [
    '应为最多六位小数的数值，或以 $ 开头的参数名(如 $base)',
    'must be a decimal with at most 6 places, or a parameter reference like $base',
  ],
  id: [
    '标识只能包含字母、数字、点、横线和下划线，且以字母或数字开头',
    'an id may hold only letters, digits, ".", "-" and "_", starting with a letter or digit',
  ],
  date: ['日期格式应为 YYYY-MM-DD', 'a date must be written YYYY-MM-DD'],
  'real-date': [
    '日期不存在(如 2024-02-30),请填写日历上有的日期',
    'the date does not exist (e.g. 2024-02-30); give a calendar date',
  ],
  'count-exact': [
    `次数过大(不能超过 ${MAX_EXACT_COUNT}),否则合计不再精确`,
    `the count is too large (at most ${MAX_EXACT_COUNT}): sums would no longer be exact`,
  ],
  period: [
    '考核周期格式应为 2024、2024H1、2024Q1 或 2024-03',
    'a period must be written 2024, 2024H1, 2024Q1 or 2024-03',
  ],
};

const typeNames: Record<string, string> = {
  string: '文本',
  number: '数值',
  boolean: '布尔值(true/false)',
  object: '对象(键值表)',
  array: '列表',
  int: '整数',
};

/** Messages for required fields whose absence is easy to misread. */
const missingHints: Record<string, [zh: string, en: string]> = {
  // A silent default scale would read a 10-point score of 9 as 9/100 (issue 18 point 12).
  outOf: [
    '缺少满分 outOf:请写明评分表用几分制(如 10 或 100)',
    'outOf is required: state the scale scores are given on (e.g. 10 or 100)',
  ],
};

/** The problem of a required field that is absent. */
function missing(path: readonly PropertyKey[]): Problem {
  const hint = missingHints[String(path.at(-1))];
  return problem(formatPath(path), hint?.[0] ?? '缺少必填项', hint?.[1] ?? 'is required');
}

/** Translates zod issues into bilingual problems (one per unknown key, so each has its own path). */
export function problemsFromZod(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    switch (issue.code) {
      case 'invalid_type': {
        const expected = String(issue.expected);
        if (issue.input === undefined) {
          problems.push(missing(path));
        } else {
          problems.push(
            problem(
              formatPath(path),
              `应为${typeNames[expected] ?? expected}`,
              `must be ${expected === 'array' || expected === 'object' ? 'an' : 'a'} ${expected}`,
            ),
          );
        }
        break;
      }
      case 'too_small': {
        const minimum = String(issue.minimum);
        const isCollection = issue.origin === 'array' || issue.origin === 'set';
        const zh = isCollection
          ? `至少应有 ${minimum} 项`
          : issue.origin === 'string'
            ? '不能为空'
            : `应${issue.inclusive ? '不小于' : '大于'} ${minimum}`;
        const en = isCollection
          ? `must have at least ${minimum} entries`
          : issue.origin === 'string'
            ? 'must not be empty'
            : `must be ${issue.inclusive ? 'at least' : 'greater than'} ${minimum}`;
        problems.push(problem(formatPath(path), zh, en));
        break;
      }
      case 'too_big': {
        const maximum = String(issue.maximum);
        const isCollection = issue.origin === 'array' || issue.origin === 'set';
        problems.push(
          problem(
            formatPath(path),
            isCollection ? `最多 ${maximum} 项` : `应${issue.inclusive ? '不大于' : '小于'} ${maximum}`,
            isCollection
              ? `must have at most ${maximum} entries`
              : `must be ${issue.inclusive ? 'at most' : 'less than'} ${maximum}`,
          ),
        );
        break;
      }
      case 'invalid_value': {
        if (issue.input === undefined) {
          problems.push(missing(path));
          break;
        }
        const values = issue.values.map((value) => JSON.stringify(value)).join(', ');
        problems.push(problem(formatPath(path), `应为以下之一: ${values}`, `must be one of: ${values}`));
        break;
      }
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          problems.push(
            problem(
              formatPath([...path, key]),
              '无法识别的字段(拼写错误?)',
              'unknown field (a misspelling?)',
            ),
          );
        }
        break;
      case 'invalid_union': {
        const note = (issue as { note?: string }).note;
        if (note === 'No matching discriminator') {
          const discriminator = (issue as { discriminator?: string }).discriminator ?? 'kind';
          problems.push(
            problem(
              formatPath(path.at(-1) === discriminator ? path : [...path, discriminator]),
              '类型(kind)无效或缺失',
              'the kind is missing or not a known one',
            ),
          );
        } else if (issue.input === undefined) {
          // a missing value of a union (a number or a $parameter) is missing, not malformed
          problems.push(missing(path));
        } else {
          problems.push(
            problem(formatPath(path), '不符合任何允许的写法', 'matches none of the allowed forms'),
          );
        }
        break;
      }
      default: {
        const custom = customMessages[issue.message];
        if (custom) problems.push(problem(formatPath(path), custom[0], custom[1]));
        else problems.push(problem(formatPath(path), `无效: ${issue.message}`, `invalid: ${issue.message}`));
      }
    }
  }
  return problems;
}
