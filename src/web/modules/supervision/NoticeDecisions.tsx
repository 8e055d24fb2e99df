import { useQuery } from '@tanstack/react-query';
import { Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatDay } from '../../components/date-time.ts';
import { DueTag } from './DueTag.tsx';
import { findDecisions, SUPERVISION_KEY } from './supervision.api.ts';

/** The supervision decisions requested on one notice (第十五条), shown under it; nothing when none. */
export function NoticeDecisions({ noticeId }: { noticeId: number }) {
  const decisions = useQuery({
    queryKey: [SUPERVISION_KEY, 'decisions', { noticeId }],
    queryFn: () => findDecisions({ noticeId, page: 1, pageSize: 20 }),
  });
  const items = decisions.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card title="报请县人民政府的监督决定">
      <List
        dataSource={items}
        renderItem={(decision) => (
          <List.Item key={decision.id}>
            <Space wrap size={6}>
              <Link to={`/supervision/decisions/${decision.id}`}>{decision.requestNumber ?? '报请草稿'}</Link>
              <Typography.Text type="secondary">
                {decision.groundLabel}，建议{decision.proposedKindLabel}
              </Typography.Text>
              <Tag>{decision.stateLabel}</Tag>
              {decision.decisionNumber && (
                <Typography.Text>
                  县政府 {decision.decisionNumber}
                  {decision.decidedOn ? `（${formatDay(decision.decidedOn)}）` : ''}
                </Typography.Text>
              )}
              {decision.due && <DueTag due={decision.due} prefix="报告期限 " />}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
