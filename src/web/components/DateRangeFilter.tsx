import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CSSProperties } from 'react';

const isoOf = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);

/**
 * One date-range filter of a list page's filter row ('YYYY-MM-DD' either end, open ends allowed):
 * the label names the date, e.g. 提出日期 → placeholders 提出日期起 / 提出日期止.
 */
export function DateRangeFilter({
  label,
  from,
  to,
  onChange,
  width = 260,
}: {
  label: string;
  from: string | undefined;
  to: string | undefined;
  onChange: (range: { from: string | undefined; to: string | undefined }) => void;
  width?: CSSProperties['width'];
}) {
  return (
    <DatePicker.RangePicker
      allowEmpty={[true, true]}
      placeholder={[`${label}起`, `${label}止`]}
      value={from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null}
      onChange={(range) => onChange({ from: isoOf(range?.[0]), to: isoOf(range?.[1]) })}
      style={{ width }}
      aria-label={`${label}范围`}
    />
  );
}
