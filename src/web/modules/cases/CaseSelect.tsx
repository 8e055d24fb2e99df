import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { CASES_KEY, findCases } from './cases.api.ts';

/** Picks one case by 案号 or name search (complaints name the case they are about). */
export function CaseSelect({
  value,
  onChange,
  id,
  known = [],
}: {
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
  /** the case already chosen (an edit), so its 案号 shows before any search */
  known?: Array<{ value: number; label: string }>;
}) {
  const [keyword, setKeyword] = useState('');
  const cases = useQuery({
    queryKey: [CASES_KEY, 'case-search', keyword],
    queryFn: () => findCases({ page: 1, pageSize: 20, keyword: keyword || undefined }),
    placeholderData: keepPreviousData,
  });
  return (
    <Select<number>
      id={id}
      allowClear
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={[
        ...known.filter((option) => !cases.data?.items.some((item) => item.id === option.value)),
        ...(cases.data?.items ?? []).map((item) => ({
          value: item.id,
          label: `${item.caseNo} ${item.name}`,
        })),
      ]}
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      loading={cases.isFetching}
      placeholder="输入案号或案件名称搜索"
      notFoundContent="没有匹配的案件"
      style={{ width: '100%' }}
    />
  );
}
