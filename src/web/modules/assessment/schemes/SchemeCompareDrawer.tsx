import { Alert, Drawer, Empty, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import type { SchemeFile } from '../../../../engine/index.ts';
import {
  diffSchemes,
  ROOT_KEY,
  SCHEME_NODE_KIND_LABELS,
  type SchemeFieldChange,
  type SchemeNode,
  type SchemeNodeChange,
} from '../../../../server/modules/assessment/schemes/scheme-outline.ts';
import { errorMessage } from '../../../app/api-client.ts';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import type { SchemeVersion } from '../assessment.types.ts';
import { attrsText } from './SchemeOutlineTable.tsx';
import { useSchemeFile } from './SchemeVersionDrawer.tsx';
import { versionTitle } from './scheme-labels.ts';

const nodeTitle = (node: SchemeNode) =>
  node.key === ROOT_KEY ? '方案本身' : `${SCHEME_NODE_KIND_LABELS[node.kind]} · ${node.label}`;

function NodeList({ title, color, nodes }: { title: string; color: string; nodes: readonly SchemeNode[] }) {
  return (
    <>
      <Typography.Title level={5}>
        <Tag color={color}>{title}</Tag> {nodes.length} 项
      </Typography.Title>
      <Table<SchemeNode>
        size="small"
        rowKey="key"
        dataSource={[...nodes]}
        pagination={nodes.length > 20 ? { pageSize: 20, size: 'small' } : false}
        locale={{ emptyText: '无' }}
        columns={[
          { title: '名称', key: 'label', width: 300, render: (_value, node) => nodeTitle(node) },
          { title: '编号', dataIndex: 'id', width: 220 },
          { title: '分值与规则', key: 'attrs', render: (_value, node) => attrsText(node.attrs) || '—' },
        ]}
        style={{ marginBottom: 24 }}
      />
    </>
  );
}

/** 比较版本: what the later of two versions adds, removes and changes (items, points, rules). */
export function SchemeCompareDrawer({
  versions,
  pair,
  onChange,
  onClose,
}: {
  versions: readonly SchemeVersion[];
  pair: [number | undefined, number | undefined];
  onChange: (pair: [number | undefined, number | undefined]) => void;
  onClose: () => void;
}) {
  const isPhone = useIsPhone();
  const before = useSchemeFile(pair[0]);
  const after = useSchemeFile(pair[1]);
  const diff = useMemo(
    () =>
      before.data && after.data
        ? diffSchemes(before.data.scheme as SchemeFile, after.data.scheme as SchemeFile)
        : null,
    [before.data, after.data],
  );
  const options = versions.map((version) => ({ value: version.id, label: versionTitle(version) }));
  const error = before.error ?? after.error;
  const isLoading = (pair[0] !== undefined && before.isPending) || (pair[1] !== undefined && after.isPending);
  return (
    <Drawer open onClose={onClose} size={isPhone ? '100%' : 1100} title="比较方案版本" destroyOnHidden>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="原版本"
          placeholder="原版本"
          style={{ width: isPhone ? 300 : 420 }}
          options={options}
          value={pair[0]}
          onChange={(id) => onChange([id, pair[1]])}
          showSearch={{ optionFilterProp: 'label' }}
        />
        <span>→</span>
        <Select
          aria-label="新版本"
          placeholder="新版本"
          style={{ width: isPhone ? 300 : 420 }}
          options={options}
          value={pair[1]}
          onChange={(id) => onChange([pair[0], id])}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Space>
      {error && <Alert type="error" showIcon title={errorMessage(error)} />}
      {isLoading && <Skeleton active />}
      {!diff && !isLoading && <Empty description="请选择要比较的两个版本" />}
      {diff && diff.added.length + diff.removed.length + diff.changed.length === 0 && (
        <Alert type="success" showIcon title="两个版本的项目、分值和规则完全相同" />
      )}
      {diff && diff.added.length + diff.removed.length + diff.changed.length > 0 && (
        <>
          <NodeList title="新增" color="green" nodes={diff.added} />
          <NodeList title="删除" color="red" nodes={diff.removed} />
          <Typography.Title level={5}>
            <Tag color="orange">修改</Tag> {diff.changed.length} 项
          </Typography.Title>
          <Table<SchemeNodeChange>
            size="small"
            rowKey={(change) => change.after.key}
            dataSource={diff.changed}
            pagination={diff.changed.length > 20 ? { pageSize: 20, size: 'small' } : false}
            locale={{ emptyText: '无' }}
            columns={[
              {
                title: '名称',
                key: 'label',
                width: 300,
                render: (_value, change) => nodeTitle(change.after),
              },
              {
                title: '改动',
                key: 'fields',
                render: (_value, change) =>
                  change.fields.map((field: SchemeFieldChange) => (
                    <div key={field.field}>
                      <Typography.Text strong>{field.label}</Typography.Text>：
                      <Typography.Text delete type="secondary">
                        {field.before ?? '（无）'}
                      </Typography.Text>
                      {' → '}
                      <Typography.Text>{field.after ?? '（无）'}</Typography.Text>
                    </div>
                  )),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
