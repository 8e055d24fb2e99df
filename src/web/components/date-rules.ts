import type { FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import { type DateRule, dateRuleProblem, shanghaiToday } from '../../common/date-rules.ts';

/**
 * The web half of the shared DATE_RULES (src/common/date-rules.ts): a DatePicker's `disabledDate`
 * greys out the days the API refuses, and a Form.Item rule says why at the field before submit.
 */

const isoOf = (day: Dayjs | null | undefined) => (day ? day.format('YYYY-MM-DD') : null);

/** `disabledDate` for a picker under `rule`; `earlier` is the value of its notBefore field. */
export function disabledDateOf(rule: DateRule, earlier?: Dayjs | null) {
  const today = shanghaiToday();
  const earlierDay = isoOf(earlier);
  return (day: Dayjs): boolean => dateRuleProblem(rule, isoOf(day)!, { today, earlier: earlierDay }) !== null;
}

/**
 * A Form.Item rule checking the value under `rule` (a typed-in future day, or a closing before its
 * filing); list the notBefore field in the item's `dependencies` so it re-checks when that changes.
 */
export function dateRuleValidator(rule: DateRule): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_item, value: Dayjs | null | undefined) => {
      const day = isoOf(value);
      if (!day) return;
      const earlier = rule.notBefore ? isoOf(getFieldValue(rule.notBefore.field)) : null;
      const problem = dateRuleProblem(rule, day, { today: shanghaiToday(), earlier });
      if (problem) throw new Error(problem);
    },
  });
}

/** The props a rule-bound date Form.Item and its picker need, for one spread each. */
export function dateRuleItem(rule: DateRule) {
  return {
    rules: [dateRuleValidator(rule)],
    dependencies: rule.notBefore ? [rule.notBefore.field] : [],
  };
}
