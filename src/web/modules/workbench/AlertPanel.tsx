import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Card, Empty, List, Skeleton, Space, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { TierTag } from './deadline-tag.tsx';
import { fetchAlerts, markAlertRead, WORKBENCH_KEY } from './workbench.api.ts';

/** 我的预警: the open alerts the account receives; opening one marks it read (a receipt) and goes to its record. */
export function AlertPanel() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: [WORKBENCH_KEY, 'alerts', 'open'],
    queryFn: () => fetchAlerts({ state: 'open', pageSize: 50 }),
  });
  const read = useMutation({
    mutationFn: markAlertRead,
    onSettled: () => void client.invalidateQueries({ queryKey: [WORKBENCH_KEY] }),
  });
  const unread = query.data?.items.filter((item) => !item.readAt).length ?? 0;
  return (
    <Card title={`预警信息${query.data ? `（未读 ${unread}）` : ''}`} styles={{ body: { paddingTop: 4 } }}>
      {query.isPending ? (
        <Skeleton active />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Empty description="暂无预警" />
      ) : (
        <List
          aria-label="预警信息"
          dataSource={query.data.items}
          pagination={
            query.data.items.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false
          }
          renderItem={(item) => (
            <List.Item key={item.id} style={{ paddingInline: 0 }}>
              <Space orientation="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
                <Typography.Link
                  strong={!item.readAt}
                  style={{ wordBreak: 'break-all' }}
                  onClick={() => {
                    if (!item.readAt) read.mutate(item.id);
                    navigate(item.link);
                  }}
                >
                  {!item.readAt && <Badge status="processing" style={{ marginRight: 6 }} />}
                  {item.message}
                </Typography.Link>
                <Space size={8} wrap>
                  <TierTag tier={item.tier} label={item.tierLabel} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {item.label} · {item.orgName} · {formatDateTime(item.raisedAt)}
                  </Typography.Text>
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
