import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Segmented, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDay } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { DeadlineTag } from './deadline-tag.tsx';
import { fetchTodos, WORKBENCH_KEY } from './workbench.api.ts';

type StateFilter = 'all' | 'overdue' | 'due_soon';

/** 我的待办: everything waiting for the account, due first; each line opens where it is done. */
export function TodoPanel() {
  const query = useQuery({ queryKey: [WORKBENCH_KEY, 'todos'], queryFn: fetchTodos });
  const [filter, setFilter] = useState<StateFilter>('all');
  const counts = query.data?.counts;
  const items = (query.data?.items ?? []).filter((item) => filter === 'all' || item.deadlineState === filter);
  return (
    <Card
      title={`我的待办${counts ? `（${counts.total}）` : ''}`}
      extra={
        counts && (
          <Segmented<StateFilter>
            size="small"
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: '全部' },
              { value: 'overdue', label: `逾期 ${counts.overdue}` },
              { value: 'due_soon', label: `临期 ${counts.dueSoon}` },
            ]}
          />
        )
      }
      styles={{ body: { paddingTop: 4 } }}
    >
      {query.isPending ? (
        <Skeleton active />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Empty description={filter === 'all' ? '暂无待办事项' : '没有此类待办'} />
      ) : (
        <List
          aria-label="我的待办"
          dataSource={items}
          pagination={items.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
          renderItem={(item) => (
            <List.Item key={item.key} style={{ paddingInline: 0 }}>
              <Space orientation="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
                <Link to={item.link} style={{ wordBreak: 'break-all' }}>
                  {item.title}
                </Link>
                <Space size={8} wrap>
                  <DeadlineTag state={item.deadlineState} label={item.deadlineStateLabel} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {item.dueOn ? `截止 ${formatDay(item.dueOn)}` : '无截止日期'}
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
