import { useQuery } from '@tanstack/react-query';
import { Empty, Select, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDay } from '../../../components/date-time.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect.tsx';
import { CASES_KEY, getOfficerCounts } from '../cases.api.ts';
import type { OfficerCounts } from '../cases.types.ts';

/** Columns in the order seed 000's 奖惩记录表 prints them. */
const COUNT_COLUMNS: [keyof OfficerCounts, string][] = [
  ['casesHandled', '办案数量'],
  ['complaints', '被投诉'],
  ['substantiated', '经调查属实'],
  ['unfounded', '经调查不属实'],
  ['qualityExcellent', '质量优秀'],
  ['qualityPass', '质量合格'],
  ['qualityFail', '质量不合格'],
  ['campaignsJoined', '参加专项整治（次）'],
  ['supervisedCases', '督办案件'],
  ['petitionsHandled', '处理信访'],
  ['assignedCases', '交办案件'],
  ['majorStabilityMatters', '社会稳定重大事项'],
];

/** Period choices: this year and last, their halves and quarters. */
function periodOptions(today = new Date()) {
  const year = today.getFullYear();
  return [year, year - 1].flatMap((value) => [
    { value: `${value}`, label: `${value}年全年` },
    { value: `${value}-H1`, label: `${value}年上半年` },
    { value: `${value}-H2`, label: `${value}年下半年` },
    ...[1, 2, 3, 4].map((quarter) => ({
      value: `${value}-Q${quarter}`,
      label: `${value}年第${quarter}季度`,
    })),
  ]);
}

/** 期间统计: per-officer numbers for 质量监督表 (quarter) and 奖惩记录表 (half-year, year). */
export function OfficerCountsTable() {
  const [period, setPeriod] = useState(`${new Date().getFullYear()}`);
  const [orgId, setOrgId] = useState<number | undefined>();
  const counts = useQuery({
    queryKey: [CASES_KEY, 'officer-counts', period, orgId],
    queryFn: () => getOfficerCounts(period, orgId),
  });
  const columns: ColumnsType<OfficerCounts> = [
    {
      title: '姓名',
      dataIndex: 'name',
      fixed: 'left',
      width: 90,
      render: (name: string, row) => <Link to={`/officers/${row.officerId}`}>{name}</Link>,
    },
    ...COUNT_COLUMNS.map(([key, title]) => ({
      title,
      dataIndex: key,
      width: 88,
      align: 'right' as const,
      render: (value: number) =>
        value === 0 ? <Typography.Text type="secondary">0</Typography.Text> : value,
    })),
  ];
  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, marginBottom: 12, alignItems: 'center' }}>
        <Select
          value={period}
          onChange={setPeriod}
          options={periodOptions()}
          style={{ width: 170 }}
          aria-label="统计期间"
        />
        <div style={{ width: 280, maxWidth: '100%' }}>
          <OrgTreeSelect allowClear placeholder="单位（含下级机构）" value={orgId} onChange={setOrgId} />
        </div>
        {counts.data && (
          <Typography.Text type="secondary">
            {formatDay(counts.data.from)} 至 {formatDay(counts.data.to)}
          </Typography.Text>
        )}
      </div>
      {counts.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : counts.isError ? (
        <ErrorState error={counts.error} onRetry={() => counts.refetch()} />
      ) : (
        <Table<OfficerCounts>
          rowKey="officerId"
          size="small"
          bordered
          columns={columns}
          dataSource={counts.data.items}
          scroll={{ x: 1150 }}
          pagination={counts.data.items.length > 50 ? { pageSize: 50 } : false}
          locale={{ emptyText: <Empty description="该期间没有执法人员统计数字。" /> }}
        />
      )}
    </>
  );
}
