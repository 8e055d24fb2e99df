import { useQuery } from '@tanstack/react-query';
import {
  Card,
  Col,
  Empty,
  List,
  Row,
  Segmented,
  Select,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../../app/auth-context.tsx';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import { formatDay } from '../../../components/date-time.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ExportButton } from '../../../components/ExportButton.tsx';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { CERTIFICATE_WARNINGS_KEY, findCertificateWarnings } from '../officers.api.ts';
import type { CertificateWarning, CertificateWarningReport } from '../officers.types.ts';

type WarningFilter = 'all' | '30' | '90' | 'expired' | 'review_overdue';

const FILTER_OPTIONS: { value: WarningFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: '30', label: '30 天内到期' },
  { value: '90', label: '90 天内到期' },
  { value: 'expired', label: '已过期' },
  { value: 'review_overdue', label: '年审逾期' },
];

function matches(warning: CertificateWarning, filter: WarningFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case '30':
      return warning.kind === 'expiry' && warning.level === 30;
    case '90':
      return warning.kind === 'expiry';
    default:
      return warning.kind === filter;
  }
}

function WarningTag({ warning }: { warning: CertificateWarning }) {
  if (warning.kind === 'expired') return <Tag color="error">已过期</Tag>;
  if (warning.kind === 'review_overdue') return <Tag color="volcano">年审逾期</Tag>;
  return <Tag color={warning.level === 30 ? 'orange' : 'gold'}>{warning.level} 天内到期</Tag>;
}

function daysText(warning: CertificateWarning): string {
  if (warning.kind === 'review_overdue') return '—';
  return warning.daysLeft < 0 ? `已过 ${-warning.daysLeft} 天` : `剩 ${warning.daysLeft} 天`;
}

function totals(report: CertificateWarningReport) {
  return report.byAgency.reduce(
    (sum, agency) => ({
      expiring30: sum.expiring30 + agency.expiring30,
      expiring90: sum.expiring90 + agency.expiring90,
      expired: sum.expired + agency.expired,
      reviewOverdue: sum.reviewOverdue + agency.reviewOverdue,
    }),
    { expiring30: 0, expiring90: 0, expired: 0, reviewOverdue: 0 },
  );
}

/** 证件预警: certificates expiring within 90/30 days, expired, or with an overdue annual review. */
export default function CertificateWarningsPage() {
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const [orgId, setOrgId] = useState<number | undefined>();
  const [filter, setFilter] = useState<WarningFilter>('all');
  const report = useQuery({
    queryKey: [CERTIFICATE_WARNINGS_KEY, orgId],
    queryFn: () => findCertificateWarnings(orgId),
  });
  const isCountyWide = user.roles.includes('supervisor') || user.roles.includes('admin');

  const columns: ColumnsType<CertificateWarning> = [
    { title: '预警', key: 'kind', width: 120, render: (_value, warning) => <WarningTag warning={warning} /> },
    {
      title: '姓名',
      dataIndex: 'officerName',
      width: 100,
      render: (name: string, warning) => <Link to={`/officers/${warning.officerId}`}>{name}</Link>,
    },
    {
      title: '单位及科室',
      key: 'org',
      width: 240,
      render: (_value, warning) => (
        <>
          <div>{warning.agencyName}</div>
          {warning.orgName !== warning.agencyName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {warning.orgName}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: '执法证号', dataIndex: 'number', width: 150 },
    { title: '有效期至', dataIndex: 'validUntil', width: 140, render: formatDay },
    { title: '剩余', key: 'days', width: 100, render: (_value, warning) => daysText(warning) },
    { title: '说明', dataIndex: 'message' },
  ];

  let body: React.ReactNode;
  if (report.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (report.isError) body = <ErrorState error={report.error} onRetry={() => report.refetch()} />;
  else {
    const sum = totals(report.data);
    const items = report.data.items.filter((warning) => matches(warning, filter));
    const emptyText =
      report.data.items.length === 0
        ? '没有需要预警的执法证，全部在有效期内且年审正常。'
        : '该类别下没有预警。';
    body = (
      <>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          {[
            { title: '30 天内到期', value: sum.expiring30, color: '#d46b08' },
            { title: '90 天内到期', value: sum.expiring90, color: '#d48806' },
            { title: '已过期', value: sum.expired, color: '#cf1322' },
            { title: '年审逾期', value: sum.reviewOverdue, color: '#d4380d' },
          ].map((stat) => (
            <Col key={stat.title} xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={stat.title}
                  value={stat.value}
                  suffix="张"
                  styles={{ content: { color: stat.value ? stat.color : undefined } }}
                />
              </Card>
            </Col>
          ))}
        </Row>
        {report.data.byAgency.length > 0 && (
          <Card size="small" title="按单位统计" style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey="agencyName"
              pagination={false}
              dataSource={report.data.byAgency}
              scroll={{ x: 520 }}
              columns={[
                { title: '单位', dataIndex: 'agencyName' },
                { title: '30 天内到期', dataIndex: 'expiring30', width: 100, align: 'right' },
                { title: '90 天内到期', dataIndex: 'expiring90', width: 100, align: 'right' },
                { title: '已过期', dataIndex: 'expired', width: 80, align: 'right' },
                { title: '年审逾期', dataIndex: 'reviewOverdue', width: 90, align: 'right' },
              ]}
            />
          </Card>
        )}
        <Card size="small" title="预警明细">
          {isPhone ? (
            <Select<WarningFilter>
              options={FILTER_OPTIONS}
              value={filter}
              onChange={setFilter}
              style={{ width: '100%', marginBottom: 8 }}
              aria-label="预警类别"
            />
          ) : (
            <Segmented<WarningFilter>
              options={FILTER_OPTIONS}
              value={filter}
              onChange={setFilter}
              style={{ marginBottom: 12 }}
            />
          )}
          {isPhone ? (
            <List<CertificateWarning>
              dataSource={items}
              locale={{ emptyText: <Empty description={emptyText} /> }}
              renderItem={(warning) => (
                <List.Item style={{ display: 'block' }}>
                  <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                    <Link to={`/officers/${warning.officerId}`}>{warning.officerName}</Link>
                    <WarningTag warning={warning} />
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>
                    {warning.agencyName}
                    {warning.orgName !== warning.agencyName ? ` · ${warning.orgName}` : ''}
                  </Typography.Text>
                  <div style={{ fontSize: 13 }}>
                    {warning.number} · 有效期至 {formatDay(warning.validUntil)}
                  </div>
                  <div style={{ fontSize: 13 }}>{warning.message}</div>
                </List.Item>
              )}
            />
          ) : (
            <Table<CertificateWarning>
              size="middle"
              rowKey={(warning) => `${warning.certificateId}-${warning.kind}`}
              columns={columns}
              dataSource={items}
              scroll={{ x: 1000 }}
              locale={{ emptyText: <Empty description={emptyText} /> }}
              pagination={{
                pageSize: 20,
                showTotal: (total) => `共 ${total} 条预警`,
                hideOnSinglePage: true,
              }}
            />
          )}
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="证件预警"
        description={`${report.data ? `截至 ${formatDay(report.data.today)}，` : ''}执法证到期前 90 天、30 天提醒，已过期和年审逾期的证件。${isCountyWide ? '范围：全县。' : '范围：本单位。'}`}
        extra={
          <>
            {!isPhone && (
              <OrgTreeSelect
                allowClear
                placeholder="按单位筛选"
                value={orgId}
                onChange={setOrgId}
                style={{ width: 280 }}
              />
            )}
            <ExportButton
              path="/certificates/warnings.xlsx"
              fileName="执法证预警清单.xlsx"
              query={{ orgId }}
            />
          </>
        }
      />
      {isPhone && (
        <OrgTreeSelect
          allowClear
          placeholder="按单位筛选"
          value={orgId}
          onChange={setOrgId}
          style={{ marginBottom: 12 }}
        />
      )}
      {body}
    </>
  );
}
