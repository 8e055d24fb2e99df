import { Card, Col, Empty, Input, Row, Skeleton, Space, Switch, Tag, Tree, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useCurrentUser } from '../../app/auth-context.tsx';
import { hasAnyRole } from '../../app/roles.ts';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { OrgDetail } from './OrgDetail.tsx';
import { OrgFormModal, type OrgFormTarget } from './OrgFormModal.tsx';
import { OrgKindTag } from './OrgKindTag.tsx';
import { OrgMoveModal } from './OrgMoveModal.tsx';
import { useOrgs } from './org.api.ts';
import type { OrgView } from './org.types.ts';
import { buildOrgTree, collectParentIds, filterOrgTree, type OrgNode } from './org-tree.ts';

interface TreeItem {
  key: number;
  title: React.ReactNode;
  children: TreeItem[];
}

function toTreeItems(nodes: readonly OrgNode[]): TreeItem[] {
  return nodes.map((node) => ({
    key: node.org.id,
    title: (
      <span
        style={{
          display: 'inline-flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          gap: 6,
          opacity: node.org.isActive ? 1 : 0.55,
        }}
      >
        <span>{node.org.name}</span>
        <OrgKindTag kind={node.org.kind} />
        {!node.org.isActive && <Tag>停用</Tag>}
      </span>
    ),
    children: toTreeItems(node.children),
  }));
}

/** 机构管理: the organisation tree of the caller's scope, searchable, with a detail panel. */
export default function OrgPage() {
  const user = useCurrentUser();
  const canEdit = hasAnyRole(user.roles, ['admin']);
  const isPhone = useIsPhone();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [keyword, setKeyword] = useState('');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [expandedKeys, setExpandedKeys] = useState<number[] | null>(null);
  const [formTarget, setFormTarget] = useState<OrgFormTarget | null>(null);
  const [movingOrg, setMovingOrg] = useState<OrgView | null>(null);
  const detailRef = useRef<HTMLDivElement>(null);
  const orgs = useOrgs(includeInactive);

  const list = orgs.data ?? [];
  const tree = useMemo(() => buildOrgTree(list), [list]);
  const visibleTree = useMemo(() => filterOrgTree(tree, keyword), [tree, keyword]);
  const treeItems = useMemo(() => toTreeItems(visibleTree), [visibleTree]);
  const selected = list.find((org) => org.id === selectedId);
  const parent = selected ? list.find((org) => org.id === selected.parentId) : undefined;
  const childCount = selected ? list.filter((org) => org.parentId === selected.id).length : 0;

  // First load: open the root so the county's units are visible at a glance.
  useEffect(() => {
    if (expandedKeys === null && tree.length > 0) {
      setExpandedKeys(tree.flatMap((root) => [root.org.id]));
    }
  }, [tree, expandedKeys]);

  const shownExpandedKeys = keyword.trim() ? collectParentIds(visibleTree) : (expandedKeys ?? []);

  const select = (id: number | null) => {
    setSelectedId(id);
    if (id !== null && isPhone) {
      setTimeout(() => detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
    }
  };

  let treeBody: React.ReactNode;
  if (orgs.isPending) treeBody = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (orgs.isError) treeBody = <ErrorState error={orgs.error} onRetry={() => orgs.refetch()} />;
  else if (list.length === 0) treeBody = <Empty description="您的权限范围内还没有机构。请联系系统管理员。" />;
  else if (treeItems.length === 0)
    treeBody = <Empty description={`没有名称包含“${keyword.trim()}”的机构，请换个关键词。`} />;
  else
    treeBody = (
      <Tree<TreeItem>
        treeData={treeItems}
        blockNode
        showLine
        selectedKeys={selectedId === null ? [] : [selectedId]}
        expandedKeys={shownExpandedKeys}
        onExpand={(keys) => setExpandedKeys(keys.map(Number))}
        onSelect={(keys) => select(keys.length > 0 ? Number(keys[0]) : null)}
      />
    );

  return (
    <>
      <PageHeader
        title="机构管理"
        description={
          canEdit
            ? '维护本县各级机构。选中机构后可新增下级、编辑、移动、停用或删除。'
            : '查看权限范围内的机构（只读）。如需调整，请联系系统管理员。'
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11} xl={10}>
          <Card
            title="机构树"
            extra={
              <Space size={6}>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  显示已停用
                </Typography.Text>
                <Switch
                  size="small"
                  checked={includeInactive}
                  onChange={setIncludeInactive}
                  aria-label="显示已停用机构"
                />
              </Space>
            }
          >
            <Input.Search
              allowClear
              placeholder="搜索机构名称或简称"
              value={keyword}
              onChange={(event) => setKeyword(event.target.value)}
              style={{ marginBottom: 12 }}
            />
            <div style={{ maxHeight: isPhone ? 420 : 'calc(100vh - 300px)', overflow: 'auto' }}>
              {treeBody}
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={13} xl={14}>
          <div ref={detailRef}>
            <Card title={selected ? selected.name : '机构详情'}>
              {selected ? (
                <OrgDetail
                  org={selected}
                  parent={parent}
                  childCount={childCount}
                  canEdit={canEdit}
                  onCreateChild={() => setFormTarget({ mode: 'create', parent: selected })}
                  onEdit={() => setFormTarget({ mode: 'edit', org: selected })}
                  onMove={() => setMovingOrg(selected)}
                  onDeleted={() => setSelectedId(parent?.id ?? null)}
                />
              ) : (
                <Empty description="在机构树中选择一个机构，查看其详细信息。" />
              )}
            </Card>
          </div>
        </Col>
      </Row>
      {formTarget && (
        <OrgFormModal
          target={formTarget}
          onClose={() => setFormTarget(null)}
          onSaved={(saved) => {
            setFormTarget(null);
            if (formTarget.mode === 'create') {
              setExpandedKeys((keys) => [...new Set([...(keys ?? []), formTarget.parent.id])]);
            }
            setSelectedId(saved.id);
          }}
        />
      )}
      {movingOrg && (
        <OrgMoveModal
          org={movingOrg}
          orgs={list}
          onClose={() => setMovingOrg(null)}
          onMoved={() => setMovingOrg(null)}
        />
      )}
    </>
  );
}
