import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo } from 'react';
import { ApiError } from '../../app/api-client.ts';
import { CASES_KEY, findCaseHandlerCandidates } from './cases.api.ts';

interface Option {
  value: number;
  label: string;
}

/**
 * 执法人 of a case: the officers of the case's unit who are 在岗 with a certificate in force on the
 * filing date (the server's rule, so the choice is the one saving accepts), plus those already on
 * the record. Officers get their colleagues too (they cannot search the archive).
 */
export function CaseHandlerSelect({
  value,
  onChange,
  id,
  orgId,
  onDate,
  known = [],
}: {
  value?: number[];
  onChange?: (value: number[]) => void;
  id?: string;
  /** the case's org; the list waits until it and the filing date are chosen */
  orgId?: number | undefined;
  onDate?: string | undefined;
  /** handlers already on the record, so their names show whatever the date */
  known?: Option[];
}) {
  const isReady = Boolean(orgId && onDate);
  const candidates = useQuery({
    queryKey: [CASES_KEY, 'handler-candidates', orgId, onDate],
    queryFn: () => findCaseHandlerCandidates({ orgId: orgId!, onDate: onDate! }),
    enabled: isReady,
    retry: false,
  });
  const options = useMemo(() => {
    const byId = new Map<number, Option>();
    for (const option of known) byId.set(option.value, option);
    for (const officer of candidates.data?.items ?? [])
      byId.set(officer.id, {
        value: officer.id,
        label: `${officer.name}${officer.isSelf ? '（本人）' : ''}（${officer.orgName} · ${officer.certificateNumber}）`,
      });
    return [...byId.values()];
  }, [known, candidates.data]);
  const notFound = !isReady
    ? '请先选择执法部门和立案时间'
    : candidates.error instanceof ApiError && candidates.error.code === 'NOT_FOUND'
      ? '只能选择本单位的执法人员'
      : '本单位没有立案时在岗且持有效执法证的人员';
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      value={value}
      onChange={(next) => onChange?.(next)}
      options={options}
      optionFilterProp="label"
      loading={candidates.isFetching}
      placeholder={isReady ? '选择或输入姓名' : '请先选择执法部门和立案时间'}
      notFoundContent={notFound}
      style={{ width: '100%' }}
    />
  );
}
