import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useOrgs } from '../modules/org/org.api.ts';
import { buildOrgTree, type OrgNode } from '../modules/org/org-tree.ts';

interface TreeOption {
  value: number;
  title: string;
  disabled?: boolean;
  children: TreeOption[];
}

interface OrgTreeSelectProps {
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Orgs that may not be picked (e.g. an org's own subtree when moving it). */
  disabledIds?: ReadonlySet<number>;
  /** Offer deactivated orgs as well (marked 停用). */
  includeInactive?: boolean;
  id?: string;
  style?: React.CSSProperties;
}

function toOptions(nodes: readonly OrgNode[], disabledIds?: ReadonlySet<number>): TreeOption[] {
  return nodes.map((node) => ({
    value: node.org.id,
    title: node.org.isActive ? node.org.name : `${node.org.name}（停用）`,
    disabled: disabledIds?.has(node.org.id),
    children: toOptions(node.children, disabledIds),
  }));
}

/** Picks one organisation from the caller's scope as a searchable tree. */
export function OrgTreeSelect({
  value,
  onChange,
  placeholder = '请选择机构',
  allowClear,
  disabledIds,
  includeInactive = false,
  id,
  style,
}: OrgTreeSelectProps) {
  const orgs = useOrgs(includeInactive);
  const treeData = useMemo(
    () => toOptions(buildOrgTree(orgs.data ?? []), disabledIds),
    [orgs.data, disabledIds],
  );
  return (
    <TreeSelect<number>
      id={id}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? undefined)}
      treeData={treeData}
      placeholder={placeholder}
      allowClear={allowClear}
      loading={orgs.isPending}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll={false}
      treeDefaultExpandedKeys={treeData.map((option) => option.value)}
      notFoundContent={orgs.isError ? '机构加载失败' : '没有匹配的机构'}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'calc(100vw - 24px)' } } }}
    />
  );
}
