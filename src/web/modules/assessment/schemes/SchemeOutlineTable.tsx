import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import {
  SCHEME_FIELD_LABELS,
  SCHEME_NODE_KIND_LABELS,
  type SchemeNode,
} from '../../../../server/modules/assessment/schemes/scheme-outline.ts';

interface OutlineRow extends SchemeNode {
  children?: OutlineRow[];
}

/** Fields shown in their own columns; every other attribute is listed under 规则. */
const COLUMN_FIELDS = new Set(['points', 'default', 'min', 'cap', 'clause', 'assessor']);

/** Nodes as a tree (component → group → item → level), parents from `parent`. */
function toTree(nodes: readonly SchemeNode[]): OutlineRow[] {
  const rows = new Map<string, OutlineRow>(nodes.map((node) => [node.key, { ...node }]));
  const roots: OutlineRow[] = [];
  for (const row of rows.values()) {
    const parent = row.parent ? rows.get(row.parent) : undefined;
    if (!parent) roots.push(row);
    else if (parent.children) parent.children.push(row);
    else parent.children = [row];
  }
  return roots;
}

export function attrsText(attrs: Record<string, string>, skip: ReadonlySet<string> = new Set()): string {
  return Object.entries(attrs)
    .filter(([field]) => !skip.has(field))
    .map(([field, value]) => `${SCHEME_FIELD_LABELS[field] ?? field}：${value}`)
    .join('；');
}

/** The items, points and rules of one scheme version, as a tree a reader expands. */
export function SchemeOutlineTable({ nodes }: { nodes: readonly SchemeNode[] }) {
  const tree = useMemo(() => toTree(nodes), [nodes]);
  const columns: ColumnsType<OutlineRow> = [
    {
      title: '名称',
      key: 'label',
      width: 300,
      render: (_value, row) => (
        <>
          <Tag>{SCHEME_NODE_KIND_LABELS[row.kind]}</Tag>
          {row.label}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {row.id}
          </Typography.Text>
        </>
      ),
    },
    {
      title: '分值',
      key: 'points',
      width: 150,
      render: (_value, row) => row.attrs.points ?? row.attrs.default ?? row.attrs.min ?? '—',
    },
    { title: '上限', key: 'cap', width: 110, render: (_value, row) => row.attrs.cap ?? '—' },
    { title: '条款', key: 'clause', width: 150, render: (_value, row) => row.attrs.clause ?? '—' },
    {
      title: '负责考核科室',
      key: 'assessor',
      width: 130,
      render: (_value, row) => row.attrs.assessor ?? '—',
    },
    { title: '规则', key: 'rules', render: (_value, row) => attrsText(row.attrs, COLUMN_FIELDS) || '—' },
  ];
  return (
    <Table<OutlineRow>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={tree}
      pagination={false}
      expandable={{ defaultExpandAllRows: true }}
      scroll={{ x: 1000 }}
    />
  );
}
