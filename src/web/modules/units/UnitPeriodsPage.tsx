import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { findUnitPeriods, UNITS_KEY } from './units.api.ts';

const STATUS_LABELS: Record<string, string> = {
  open: '进行中',
  computed: '已计分',
  published: '公示中',
  finalised: '已定档',
};

/** 单位考核周期: each with how far the leading group's 审定 has come (三(五)). */
export default function UnitPeriodsPage() {
  const periods = useQuery({ queryKey: [UNITS_KEY, 'periods'], queryFn: findUnitPeriods });
  return (
    <>
      <PageHeader
        title="考核结果审定"
        description="领导小组办公室根据考核结果分类确定分值和等次，报领导小组审定后公示（乡镇依法行政考核方案 三(五)、五）。"
      />
      <Card>
        {periods.isError ? (
          <ErrorState error={periods.error} onRetry={() => periods.refetch()} />
        ) : (
          <List
            loading={periods.isPending}
            dataSource={periods.data?.items ?? []}
            locale={{ emptyText: <Empty description="还没有单位考核周期。" /> }}
            renderItem={(period) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Link to={`/unit-periods/${period.id}`}>{`${period.label} · ${period.schemeName}`}</Link>
                  }
                  description={
                    <>
                      <Tag>{STATUS_LABELS[period.status]}</Tag>
                      <Typography.Text type="secondary">
                        已审定 {period.approvedCount} / {period.categoryCount} 类
                      </Typography.Text>
                      {period.publishRefusal && (
                        <div>
                          <Typography.Text type="warning">{period.publishRefusal}</Typography.Text>
                        </div>
                      )}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
