import { Select } from 'antd';
import { useMemo } from 'react';
import { useOrgs } from '../org/org.api.ts';

/** Kinds of organisation a matter, notice or referral may be addressed to (supervision.policy.ts). */
const UNIT_KINDS = new Set(['agency', 'township', 'section']);

/**
 * Picks supervised units — the county's agencies, townships and their enforcement sections — from
 * the caller's scope, searchable by name; the bureau's own sections are left out.
 */
export function UnitSelect({
  value,
  onChange,
  isMultiple = false,
  placeholder = '请选择被监督单位',
  id,
  allowClear,
  only,
  style,
}: {
  value?: number | number[] | null;
  onChange?: (value: number | number[] | undefined) => void;
  isMultiple?: boolean;
  placeholder?: string;
  id?: string;
  allowClear?: boolean;
  /** restrict to these units (e.g. a matter's own units) */
  only?: ReadonlyArray<{ id: number; name: string }>;
  style?: React.CSSProperties;
}) {
  const orgs = useOrgs();
  const options = useMemo(() => {
    if (only) return only.map((unit) => ({ value: unit.id, label: unit.name }));
    const list = orgs.data ?? [];
    const bureauPaths = list.filter((org) => org.kind === 'justice_bureau').map((org) => org.path);
    const nameOf = new Map(list.map((org) => [org.id, org.shortName ?? org.name]));
    return list
      .filter((org) => UNIT_KINDS.has(org.kind) && org.isActive)
      .filter((org) => !bureauPaths.some((path) => org.path.startsWith(path)))
      .map((org) => ({
        value: org.id,
        label:
          org.kind === 'section' && org.parentId
            ? `${org.name}（${nameOf.get(org.parentId) ?? ''}）`
            : org.name,
      }));
  }, [orgs.data, only]);
  return (
    <Select<number | number[]>
      id={id}
      mode={isMultiple ? 'multiple' : undefined}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={options}
      placeholder={placeholder}
      allowClear={allowClear}
      loading={!only && orgs.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'calc(100vw - 24px)' } } }}
    />
  );
}
