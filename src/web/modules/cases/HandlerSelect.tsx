import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useCurrentUser } from '../../app/auth-context.tsx';
import { hasAnyRole } from '../../app/roles.ts';
import { findOfficers, getOwnOfficer, OFFICERS_KEY } from '../officers/officers.api.ts';
import { OFFICER_LIST_ROLES } from '../officers/officers-access.ts';

interface Option {
  value: number;
  label: string;
}

/**
 * Picks officers (执法人, 立案时须持有效执法证) by name search. An officer account may not list
 * the archive, so it is offered its own profile and the handlers already on the case.
 */
export function HandlerSelect({
  value,
  onChange,
  known = [],
  multiple = true,
  id,
  placeholder = '输入姓名搜索执法人员',
}: {
  value?: number[] | number | null;
  onChange?: (value: never) => void;
  /** Officers already on the record, so their names show before any search. */
  known?: Option[];
  multiple?: boolean;
  id?: string;
  placeholder?: string;
}) {
  const user = useCurrentUser();
  const canSearch = hasAnyRole(user.roles, OFFICER_LIST_ROLES);
  const [keyword, setKeyword] = useState('');
  const search = useQuery({
    queryKey: [OFFICERS_KEY, 'handler-search', keyword],
    queryFn: () => findOfficers({ page: 1, pageSize: 30, keyword: keyword || undefined, status: 'active' }),
    enabled: canSearch,
  });
  const own = useQuery({ queryKey: [OFFICERS_KEY, 'me'], queryFn: getOwnOfficer, enabled: !canSearch });
  const options = useMemo(() => {
    const byId = new Map<number, Option>();
    for (const option of known) byId.set(option.value, option);
    for (const officer of search.data?.items ?? [])
      byId.set(officer.id, {
        value: officer.id,
        label: officer.certificate
          ? `${officer.name}（${officer.agencyName} · ${officer.certificate.number}）`
          : `${officer.name}（${officer.agencyName} · 未持证）`,
      });
    if (own.data) byId.set(own.data.id, { value: own.data.id, label: `${own.data.name}（本人）` });
    return [...byId.values()];
  }, [known, search.data, own.data]);
  return (
    <Select<number[] | number>
      id={id}
      mode={multiple ? 'multiple' : undefined}
      allowClear={!multiple}
      value={value ?? undefined}
      onChange={(next) => onChange?.((next ?? null) as never)}
      options={options}
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      loading={search.isFetching}
      placeholder={placeholder}
      notFoundContent={canSearch ? '没有匹配的在岗执法人员' : '仅可选择本人及案件已有的执法人'}
      style={{ width: '100%' }}
    />
  );
}
