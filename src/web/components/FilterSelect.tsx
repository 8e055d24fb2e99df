import { Select } from 'antd';
import type { CSSProperties } from 'react';

/**
 * One clearable drop-down of a list page's filter row: the label is its placeholder and is read
 * aloud as 按…筛选; cleared, it passes undefined (the filter is off).
 */
export function FilterSelect<T extends string>({
  label,
  options,
  value,
  onChange,
  width = '100%',
}: {
  label: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  width?: CSSProperties['width'];
}) {
  return (
    <Select<T>
      allowClear
      placeholder={label}
      options={options as Array<{ value: T; label: string }>}
      value={value}
      onChange={onChange}
      style={{ width }}
      aria-label={`按${label}筛选`}
    />
  );
}
