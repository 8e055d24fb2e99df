import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DatePicker, Empty, List, Pagination, Skeleton, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { formatDateTime, formatDay } from '../../../components/date-time.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { FilterSelect } from '../../../components/FilterSelect.tsx';
import { toIsoDay } from '../form-dates.ts';
import { WORK_LOG_KIND_OPTIONS } from '../officer-labels.ts';
import { findWorkLogs, WORK_LOGS_KEY } from '../officers.api.ts';
import type { WorkLog, WorkLogFilter, WorkLogKind } from '../officers.types.ts';

const KIND_COLORS: Record<WorkLogKind, string> = {
  daily: 'blue',
  weekly: 'geekblue',
  self_evaluation: 'purple',
};

/** The period an entry covers: one day, or 起止 dates. */
export function periodText(log: Pick<WorkLog, 'periodStart' | 'periodEnd'>): string {
  return log.periodStart === log.periodEnd
    ? formatDay(log.periodStart)
    : `${formatDay(log.periodStart)} 至 ${formatDay(log.periodEnd)}`;
}

/**
 * 工作记实 entries, newest first, filtered by kind and period; `officerId` narrows to one officer
 * (omitted: the server's scope — an officer's own, a legal officer's agency).
 */
export function WorkLogList({
  officerId,
  orgId,
  showOfficer = false,
  renderActions,
}: {
  officerId?: number;
  orgId?: number;
  showOfficer?: boolean;
  renderActions?: (log: WorkLog) => ReactNode;
}) {
  const [filter, setFilter] = useState<WorkLogFilter>({ page: 1, pageSize: 10 });
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const query = { ...filter, officerId, orgId };
  const logs = useQuery({
    queryKey: [WORK_LOGS_KEY, query],
    queryFn: () => findWorkLogs(query),
    placeholderData: keepPreviousData,
  });
  const hasFilter = Boolean(filter.kind || filter.from || filter.to);

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <FilterSelect<WorkLogKind>
          label="记实类型"
          options={WORK_LOG_KIND_OPTIONS}
          value={filter.kind}
          onChange={(kind) => setFilter((current) => ({ ...current, kind, page: 1 }))}
          width={130}
        />
        <DatePicker.RangePicker
          value={range}
          placeholder={['期间起', '期间止']}
          onChange={(next) => {
            setRange(next);
            setFilter((current) => ({
              ...current,
              from: toIsoDay(next?.[0]) ?? undefined,
              to: toIsoDay(next?.[1]) ?? undefined,
              page: 1,
            }));
          }}
          style={{ width: 260, maxWidth: '100%' }}
        />
      </Space>
      {logs.isPending ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : logs.isError ? (
        <ErrorState error={logs.error} onRetry={() => logs.refetch()} />
      ) : (
        <>
          <List<WorkLog>
            dataSource={logs.data.items}
            loading={logs.isFetching && !logs.isPending}
            locale={{
              emptyText: (
                <Empty description={hasFilter ? '所选期间和类型没有工作记实。' : '暂无工作记实。'} />
              ),
            }}
            renderItem={(log) => (
              <List.Item style={{ display: 'block' }}>
                <div
                  style={{
                    display: 'flex',
                    justifyContent: 'space-between',
                    alignItems: 'center',
                    gap: 8,
                    flexWrap: 'wrap',
                  }}
                >
                  <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
                    <Tag color={KIND_COLORS[log.kind]} style={{ marginInlineEnd: 0 }}>
                      {log.kindLabel}
                    </Tag>
                    <Typography.Text strong>{periodText(log)}</Typography.Text>
                    {showOfficer && (
                      <Typography.Text type="secondary">
                        {log.officerName} · {log.orgName}
                      </Typography.Text>
                    )}
                  </span>
                  {renderActions?.(log)}
                </div>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0 4px' }}>
                  {log.content}
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  填写于 {formatDateTime(log.createdAt)}
                  {log.updatedAt !== log.createdAt ? `，修改于 ${formatDateTime(log.updatedAt)}` : ''}
                </Typography.Text>
              </List.Item>
            )}
          />
          {logs.data.total > filter.pageSize && (
            <Pagination
              simple
              align="center"
              style={{ marginTop: 12 }}
              current={filter.page}
              pageSize={filter.pageSize}
              total={logs.data.total}
              onChange={(page) => setFilter((current) => ({ ...current, page }))}
            />
          )}
        </>
      )}
    </>
  );
}
