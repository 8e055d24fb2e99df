import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PENALTY_REPORT_ORDER, PENALTY_TYPE_LABELS } from '../../../common/penalties.ts';
import { errorMessage } from '../../app/api-client.ts';
import { useCurrentUser } from '../../app/auth-context.tsx';
import { formatDateTime, formatDay } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { downloadFile } from '../../components/file-transfer.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CASE_KIND_OPTIONS } from '../cases/case-labels.ts';
import { recentYears } from '../officers/training/TrainingTab.tsx';
import {
  type AnnualReportData,
  fetchAnnualReport,
  submitAnnualReport,
  WORKBENCH_KEY,
} from './workbench.api.ts';

type Row = AnnualReportData['units'][number];
const NO_DUTY = '无相关职责';
const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 });

/** 行政执法数据年报: computed from the year's records; DOCX and XLSX; 报送 by the agency's legal unit. */
export default function AnnualReportPage() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const [year, setYear] = useState(() => Number(searchParams.get('year')) || new Date().getFullYear() - 1);
  const [orgId, setOrgId] = useState<number | undefined>();
  const query = { year, ...(orgId !== undefined && { orgId }) };
  const report = useQuery({
    queryKey: [WORKBENCH_KEY, 'annual-report', query],
    queryFn: () => fetchAnnualReport(query),
    placeholderData: keepPreviousData,
  });
  const submit = useMutation({
    mutationFn: (unitId: number) => submitAnnualReport({ year, orgId: unitId }),
    onSuccess: async () => {
      message.success('年报已报送');
      await queryClient.invalidateQueries({ queryKey: [WORKBENCH_KEY] });
    },
    onError: (error) => message.error(errorMessage(error)),
  });
  const isCounty =
    user.roles.some((role) => role === 'admin' || role === 'supervisor') || report.data?.total != null;
  const rows: Row[] = report.data
    ? [...report.data.units, ...(report.data.total ? [report.data.total] : [])]
    : [];
  const nameColumn = { title: '单位', dataIndex: 'name', fixed: 'left' as const, width: 160 };
  const kindColumns: ColumnsType<Row> = [
    nameColumn,
    ...CASE_KIND_OPTIONS.map((option) => ({
      title: option.label.replace(/^行政/, ''),
      key: option.value,
      width: 80,
      render: (_: unknown, row: Row) =>
        row.kinds[option.value] === null ? (
          <Typography.Text type="secondary">{NO_DUTY}</Typography.Text>
        ) : (
          row.kinds[option.value]
        ),
    })),
  ];
  const penaltyColumns: ColumnsType<Row> = [
    nameColumn,
    ...PENALTY_REPORT_ORDER.map((type) => ({
      title: PENALTY_TYPE_LABELS[type],
      key: type,
      width: 96,
      render: (_: unknown, row: Row) =>
        row.penalties ? row.penalties[type] : <Typography.Text type="secondary">{NO_DUTY}</Typography.Text>,
    })),
    {
      title: '罚款（元）',
      key: 'fine',
      width: 120,
      render: (_: unknown, row: Row) => (row.penalties ? yuan(row.fineFen) : NO_DUTY),
    },
    {
      title: '没收（元）',
      key: 'confiscated',
      width: 120,
      render: (_: unknown, row: Row) => (row.penalties ? yuan(row.confiscatedFen) : NO_DUTY),
    },
  ];
  const otherColumns: ColumnsType<Row> = [
    nameColumn,
    { title: '在岗执法人员', dataIndex: 'officers', width: 100 },
    { title: '持有效证', dataIndex: 'certified', width: 90 },
    {
      title: '持证率',
      key: 'rate',
      width: 80,
      render: (_: unknown, row: Row) => (row.certifiedRate === null ? '—' : `${row.certifiedRate}%`),
    },
    { title: '评查案卷', dataIndex: 'reviewedFiles', width: 90 },
    { title: '优秀', dataIndex: 'reviewExcellent', width: 70 },
    { title: '合格', dataIndex: 'reviewPass', width: 70 },
    { title: '监督通知书', dataIndex: 'noticesReceived', width: 100 },
    { title: '逾期未报整改', dataIndex: 'noticesOverdue', width: 110 },
    {
      title: '报送',
      key: 'submitted',
      width: 190,
      render: (_: unknown, row: Row) => {
        if (row.orgId === null) return null;
        const done = report.data?.submissions.find((submission) => submission.orgId === row.orgId);
        if (done) return <Tag color="green">已报送 {formatDateTime(done.submittedAt)}</Tag>;
        return user.roles.includes('legal_officer') && !isCounty ? (
          <Button
            size="small"
            type="primary"
            loading={submit.isPending}
            onClick={() => submit.mutate(row.orgId!)}
          >
            报送
          </Button>
        ) : (
          <Tag>未报送</Tag>
        );
      },
    },
  ];
  const download = (kind: 'docx' | 'xlsx') =>
    downloadFile(`/workbench/annual-report.${kind}`, `行政执法数据年报.${kind}`, query).catch((error) =>
      message.error(errorMessage(error)),
    );
  const table = (columns: ColumnsType<Row>) => (
    <Table<Row>
      rowKey={(row) => row.orgId ?? 0}
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={columns}
      dataSource={rows}
    />
  );
  return (
    <>
      <PageHeader
        title="行政执法数据年报"
        description={
          report.data
            ? `${report.data.title} · 由记录计算，应于${formatDay(report.data.dueOn)}前报送；有职责无办件填 0，无职责填“${NO_DUTY}”；一案多罚按最重的种类计一次`
            : '由记录计算'
        }
        extra={
          <>
            <Select
              aria-label="年度"
              value={year}
              options={recentYears()}
              onChange={setYear}
              style={{ width: 100 }}
            />
            {isCounty && (
              <OrgTreeSelect
                allowClear
                placeholder="全县"
                value={orgId}
                onChange={setOrgId}
                style={{ width: 220 }}
              />
            )}
            <Button icon={<DownloadOutlined />} onClick={() => download('docx')}>
              Word
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => download('xlsx')}>
              Excel
            </Button>
          </>
        }
      />
      {report.isPending ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => report.refetch()} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title="办件量（按执法类别，年内办结）">
            {table(kindColumns)}
          </Card>
          <Card size="small" title="行政处罚（按最重处罚种类）及罚没金额">
            {table(penaltyColumns)}
          </Card>
          <Card size="small" title="持证率、案卷评查、执法监督与报送">
            {table(otherColumns)}
          </Card>
        </Space>
      )}
    </>
  );
}
