import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, InputNumber, List, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { SUMMARY_RECIPIENT_LABELS, SUMMARY_RECIPIENTS } from '../../../common/units.ts';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { formatDay } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StepModal } from './StepModal.tsx';
import { findSummarySubmissions, recordSummaryCopy, type SummaryUnit, UNITS_KEY } from './units.api.ts';

const STATE_COLORS: Record<string, string> = {
  done: 'green',
  normal: 'default',
  due_soon: 'orange',
  overdue: 'red',
};

/** One copy: 已报送 on its day (逾期 when after 1月15日), or 未报送. */
function CopyCell({ copy }: { copy: SummaryUnit['copies'][number] }) {
  if (!copy.submittedOn) return <Typography.Text type="secondary">未报送</Typography.Text>;
  return (
    <Space size={4} wrap>
      <span>{formatDay(copy.submittedOn)}</span>
      {copy.isLate && <Tag color="red">逾期</Tag>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {copy.submittedByName}
        {copy.note ? ` · ${copy.note}` : ''}
      </Typography.Text>
    </Space>
  );
}

/**
 * 执法业绩考评汇总表报送 (seed 000 填表说明): each unit's two copies of last year's table, due 元月15日,
 * one to 依法治市领导小组办公室 and one to 依法行政领导小组办公室; the unit or the office records each.
 */
export default function UnitSummaryPage() {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || dayjs().year() - 1;
  const isPhone = useIsPhone();
  const [recording, setRecording] = useState<SummaryUnit | null>(null);
  const list = useQuery({
    queryKey: [UNITS_KEY, 'summary', year],
    queryFn: () => findSummarySubmissions(year),
    placeholderData: keepPreviousData,
  });
  const recordButton = (unit: SummaryUnit) =>
    unit.canRecord && (
      <Button size="small" type="primary" onClick={() => setRecording(unit)}>
        登记报送
      </Button>
    );
  const columns: ColumnsType<SummaryUnit> = [
    { title: '单位', dataIndex: 'name' },
    ...SUMMARY_RECIPIENTS.map((recipient, index) => ({
      title: `报${SUMMARY_RECIPIENT_LABELS[recipient]}`,
      key: recipient,
      width: 230,
      render: (_value: unknown, unit: SummaryUnit) => <CopyCell copy={unit.copies[index]!} />,
    })),
    {
      title: '状态',
      key: 'state',
      width: 130,
      render: (_value, unit) => <Tag color={STATE_COLORS[unit.state]}>{unit.stateLabel}</Tag>,
    },
    { title: '操作', key: 'actions', width: 110, render: (_value, unit) => recordButton(unit) },
  ];
  if (list.isError) return <ErrorState error={list.error} onRetry={() => list.refetch()} />;
  const data = list.data;
  return (
    <>
      <PageHeader
        title="执法业绩考评汇总表报送"
        description="每年元月15日前，将上年度执法业绩考评情况汇总，一式三份，本单位留存一份，分别报依法治市领导小组办公室和依法行政领导小组办公室各一份。"
        extra={
          <InputNumber
            aria-label="汇总年度"
            min={2000}
            max={2100}
            value={year}
            onChange={(next) => next && setParams({ year: String(next) })}
            addonAfter="年度"
            style={{ width: 130 }}
          />
        }
      />
      <Card>
        {data && (
          <Alert
            style={{ marginBottom: 12 }}
            type={data.doneCount === data.items.length ? 'success' : 'info'}
            message={`${year}年度汇总表应于${formatDay(data.dueOn)}前报送 · 已报齐 ${data.doneCount} / ${data.items.length} 个单位`}
          />
        )}
        {isPhone ? (
          <List
            loading={list.isPending}
            dataSource={data?.items ?? []}
            renderItem={(unit) => (
              <List.Item>
                <div style={{ width: '100%' }}>
                  <Space wrap size={4} style={{ marginBottom: 4 }}>
                    <Typography.Text strong>{unit.name}</Typography.Text>
                    <Tag color={STATE_COLORS[unit.state]}>{unit.stateLabel}</Tag>
                  </Space>
                  {unit.copies.map((copy) => (
                    <div key={copy.recipient} style={{ fontSize: 13 }}>
                      <Typography.Text type="secondary">{copy.recipientLabel}：</Typography.Text>
                      <CopyCell copy={copy} />
                    </div>
                  ))}
                  <div style={{ marginTop: 6 }}>{recordButton(unit)}</div>
                </div>
              </List.Item>
            )}
          />
        ) : (
          <Table<SummaryUnit>
            rowKey="orgId"
            loading={list.isPending}
            dataSource={data?.items ?? []}
            columns={columns}
            pagination={false}
            size="middle"
            scroll={{ x: 900 }}
          />
        )}
      </Card>
      {recording && (
        <StepModal
          title={`登记汇总表报送：${recording.name}`}
          fields={[
            {
              name: 'recipient',
              label: '报送机关',
              kind: 'select',
              options: recording.copies
                .filter((copy) => !copy.submittedOn)
                .map((copy) => ({ value: copy.recipient, label: copy.recipientLabel })),
            },
            { name: 'submittedOn', label: '报送日期', kind: 'date' },
            { name: 'note', label: '备注', isOptional: true, placeholder: '如：经办人、报送方式' },
          ]}
          initialValues={{
            recipient: recording.copies.find((copy) => !copy.submittedOn)?.recipient,
            submittedOn: dayjs(),
          }}
          done="已登记报送"
          submit={(values) => recordSummaryCopy(recording.orgId, { ...values, year } as never)}
          onClose={() => setRecording(null)}
        />
      )}
    </>
  );
}
