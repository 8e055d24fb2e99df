import { Descriptions, Drawer, Tag, Typography } from 'antd';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { formatTimestamp } from '../../components/date-time.ts';
import { AuditDiff } from './AuditDiff.tsx';
import type { AuditEntry } from './audit.api.ts';
import { auditActionColor, auditActionLabel, entityTypeLabel } from './audit-labels.ts';

/** One audit entry: who, when, what, from where, and the before/after comparison. */
export function AuditDetailDrawer({ entry, onClose }: { entry: AuditEntry; onClose: () => void }) {
  const isPhone = useIsPhone();
  return (
    <Drawer open title={`审计记录 #${entry.id}`} size={isPhone ? '100%' : 720} onClose={onClose}>
      <Descriptions column={isPhone ? 1 : 2} size="small" bordered style={{ marginBottom: 20 }}>
        <Descriptions.Item label="时间">{formatTimestamp(entry.at)}</Descriptions.Item>
        <Descriptions.Item label="操作人">{entry.actorName ?? '系统'}</Descriptions.Item>
        <Descriptions.Item label="操作">
          <Tag color={auditActionColor(entry.action)}>{auditActionLabel(entry.action)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="对象">
          {entityTypeLabel(entry.entityType)}
          {entry.entityId ? ` #${entry.entityId}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="IP 地址">{entry.ip ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="操作代码">
          <Typography.Text type="secondary" copyable>
            {entry.action}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>修改内容</Typography.Title>
      <AuditDiff before={entry.before} after={entry.after} />
    </Drawer>
  );
}
