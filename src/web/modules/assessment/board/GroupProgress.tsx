import { Table, Tag, Typography } from 'antd';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import { formatDay } from '../../../components/date-time.ts';
import type { PeriodBoard } from '../assessment.types.ts';

type GroupRow = PeriodBoard['groups'][number];

/**
 * Progress by item group: the section that owns it, its active and pending records and the last
 * day recorded. A group with no section can only be recorded by the assessment office; a silent
 * one (owned, nothing recorded while the period is open) is the section to chase.
 */
export function GroupProgress({ board }: { board: PeriodBoard }) {
  const isPhone = useIsPhone();
  const owner = (row: GroupRow) =>
    row.orgName ?? <Typography.Text type="warning">未匹配（方案：{row.assessor}）</Typography.Text>;
  return (
    <Table<GroupRow>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={board.groups}
      columns={[
        {
          title: '考核项目组',
          key: 'label',
          render: (_value, row) => (
            <>
              {row.label}
              {row.isOwn && board.groups.some((group) => !group.isOwn) && (
                <Tag color="blue" style={{ marginLeft: 6 }}>
                  本科室
                </Tag>
              )}
              {isPhone && <div style={{ fontSize: 12 }}>{owner(row)}</div>}
            </>
          ),
        },
        {
          hidden: isPhone,
          title: '负责考核科室',
          key: 'owner',
          width: 200,
          render: (_value, row) => owner(row),
        },
        {
          title: '有效记录',
          dataIndex: 'activeRecords',
          width: 100,
          render: (count: number, row) => {
            if (row.isSilent) return <Tag color="orange">尚无记录</Tag>;
            if (row.scoring === 'rating')
              return <Typography.Text type="secondary">见班子测评</Typography.Text>;
            return `${count} 条`;
          },
        },
        {
          hidden: isPhone,
          title: '待确认提议',
          dataIndex: 'proposedRecords',
          width: 100,
          render: (count: number) => (count > 0 ? <Tag color="gold">{count} 条</Tag> : '—'),
        },
        {
          hidden: isPhone,
          title: '最近记录',
          dataIndex: 'lastRecordOn',
          width: 140,
          render: (day: string | null) => (day ? formatDay(day) : '—'),
        },
      ]}
    />
  );
}
