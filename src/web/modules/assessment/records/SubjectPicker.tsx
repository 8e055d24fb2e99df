import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { ASSESSMENT_KEY, listSubjects } from '../assessment.api.ts';

/**
 * Picks a subject of the period as its key ('officer:12', 'org:4'), searching the period's
 * subject list on the server by name or section (a county period can hold thousands).
 */
export function SubjectPicker({
  periodId,
  value,
  onChange,
  id,
  allowClear,
}: {
  periodId: number;
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  allowClear?: boolean;
}) {
  const [keyword, setKeyword] = useState('');
  const subjects = useQuery({
    queryKey: [ASSESSMENT_KEY, 'subject-picker', periodId, keyword],
    queryFn: () => listSubjects(periodId, { page: 1, pageSize: 50, ...(keyword && { keyword }) }),
  });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear={allowClear}
      placeholder="输入姓名或科室搜索考核对象"
      showSearch={{ filterOption: false, onSearch: (text) => setKeyword(text.trim()) }}
      loading={subjects.isFetching}
      notFoundContent={subjects.isFetching ? '查询中…' : '没有符合条件的考核对象'}
      options={(subjects.data?.items ?? []).map((subject) => ({
        value: subject.subjectKey,
        label: subject.kind === 'officer' ? `${subject.name}（${subject.orgName}）` : subject.name,
      }))}
    />
  );
}
