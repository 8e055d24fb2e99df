import { useQuery } from '@tanstack/react-query';
import { Alert, Table } from 'antd';
import type { RewardPunishmentView } from '../../../../server/modules/officers/archive/officers.schema.ts';
import { formatDay } from '../../../components/date-time.ts';
import { findRewardsPunishments, OFFICERS_KEY } from '../officers.api.ts';

/**
 * 奖惩记录 (seed 000 奖惩记录表): what other domains hold about the officer — supervision's findings
 * (执法过错认定, 责任追究, 违法违纪, 国家赔偿追偿, 惩处), each with the document it rests on.
 */
export function RewardsPunishmentsTab({ officerId }: { officerId: number }) {
  const entries = useQuery({
    queryKey: [OFFICERS_KEY, officerId, 'rewards-punishments'],
    queryFn: () => findRewardsPunishments(officerId),
  });
  if (entries.error) return <Alert type="error" showIcon message="奖惩记录加载失败" />;
  return (
    <Table<RewardPunishmentView>
      size="small"
      loading={entries.isLoading}
      dataSource={entries.data ?? []}
      rowKey={(entry) => `${entry.date}|${entry.basis}|${entry.category}|${entry.content}`}
      pagination={false}
      scroll={{ x: 640 }}
      locale={{ emptyText: '暂无执法过错认定、责任追究等记录' }}
      columns={[
        { title: '日期', dataIndex: 'date', width: 120, render: (date: string) => formatDay(date) },
        { title: '类别', dataIndex: 'category', width: 150 },
        { title: '情况', dataIndex: 'content' },
        { title: '依据', dataIndex: 'basis', width: 170 },
      ]}
    />
  );
}
