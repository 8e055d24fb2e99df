import { Empty, Table, Tag } from 'antd';
import { ROLE_LABELS, type Role } from '../../app/roles.ts';
import { formatTimestamp } from '../../components/date-time.ts';
import { ORG_KIND_LABELS, type OrgKind } from '../org/org.types.ts';
import { type AuditDiffRow, diffAuditSnapshots } from './audit-diff.ts';
import { FIELD_LABELS } from './audit-labels.ts';

/** A snapshot value as a county official reads it: 是/否, Chinese role and kind names, — for empty. */
function formatValue(key: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (key === 'roles' && Array.isArray(value))
    return value.map((role) => ROLE_LABELS[role as Role] ?? role).join('、');
  if (key === 'kind' && typeof value === 'string') return ORG_KIND_LABELS[value as OrgKind] ?? value;
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return formatTimestamp(value);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value, null, 1);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const CHANGED_STYLE = { background: '#fff7e6' };

/** Before/after side by side, changed fields first and highlighted. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const rows = diffAuditSnapshots(before, after);
  if (rows.length === 0) return <Empty description="此操作没有记录修改前后的内容。" />;
  return (
    <Table<AuditDiffRow>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 520 }}
      onRow={(row) => ({ style: row.isChanged ? CHANGED_STYLE : undefined })}
      columns={[
        {
          title: '字段',
          dataIndex: 'key',
          width: 150,
          render: (key: string, row) => (
            <span>
              {FIELD_LABELS[key] ?? key}
              {row.isChanged && (
                <Tag color="orange" style={{ marginLeft: 6 }}>
                  已变更
                </Tag>
              )}
            </span>
          ),
        },
        {
          title: '修改前',
          dataIndex: 'before',
          render: (value: unknown, row) => (
            <span
              style={{
                whiteSpace: 'pre-wrap',
                wordBreak: 'break-all',
                color: row.isChanged ? '#cf1322' : undefined,
              }}
            >
              {formatValue(row.key, value)}
            </span>
          ),
        },
        {
          title: '修改后',
          dataIndex: 'after',
          render: (value: unknown, row) => (
            <span
              style={{
                whiteSpace: 'pre-wrap',
                wordBreak: 'break-all',
                color: row.isChanged ? '#389e0d' : undefined,
              }}
            >
              {formatValue(row.key, value)}
            </span>
          ),
        },
      ]}
    />
  );
}
