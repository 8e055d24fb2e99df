import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Progress, Select, Skeleton, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ExportButton } from '../../../components/ExportButton.tsx';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { COMPLIANCE_KEY, getTrainingCompliance } from '../officers.api.ts';
import type { ComplianceReport } from '../officers.types.ts';
import { recentYears } from './TrainingTab.tsx';
import { complianceEmptyText } from './training-compliance-empty.ts';

type OfficerRow = ComplianceReport['officers'][number];
type AgencyRow = ComplianceReport['byAgency'][number];

function ComplianceTag({ row }: { row: OfficerRow }) {
  return row.isCompliant ? <Tag color="success">达标</Tag> : <Tag color="error">未达标</Tag>;
}

/** 培训达标: for a year, per agency and per officer, who meets the hours and bureau-training rules. */
export default function TrainingCompliancePage() {
  const isPhone = useIsPhone();
  // ?year=…&orgId=… (the cockpit's training figure opens its unit here)
  const [searchParams] = useSearchParams();
  const [year, setYear] = useState(() => Number(searchParams.get('year')) || dayjs().year());
  const [orgId, setOrgId] = useState<number | undefined>(
    () => Number(searchParams.get('orgId')) || undefined,
  );
  const [isShortOnly, setShortOnly] = useState(true);
  const report = useQuery({
    queryKey: [COMPLIANCE_KEY, { year, orgId, isShortOnly }],
    queryFn: () => getTrainingCompliance({ year, orgId, shortOnly: isShortOnly }),
  });

  const filters = (
    <Space wrap style={{ marginBottom: 16 }}>
      <Select
        value={year}
        options={recentYears()}
        onChange={setYear}
        style={{ width: 110 }}
        aria-label="年度"
      />
      <OrgTreeSelect
        allowClear
        placeholder="按单位筛选"
        value={orgId}
        onChange={setOrgId}
        style={{ width: isPhone ? 240 : 280 }}
      />
      <span>
        <Switch checked={isShortOnly} onChange={setShortOnly} size="small" aria-label="只看未达标" />{' '}
        只看未达标
      </span>
    </Space>
  );

  let body: React.ReactNode;
  if (report.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (report.isError) body = <ErrorState error={report.error} onRetry={() => report.refetch()} />;
  else {
    const { officers, byAgency, minHours } = report.data;
    const emptyText = complianceEmptyText(report.data, {
      year,
      isShortOnly,
      isFiltered: orgId !== undefined,
    });
    body = (
      <>
        <Card size="small" title="按单位统计" style={{ marginBottom: 16 }}>
          <Table<AgencyRow>
            size="small"
            rowKey="agencyName"
            pagination={false}
            dataSource={byAgency}
            scroll={{ x: 560 }}
            locale={{ emptyText: <Empty description={emptyText} /> }}
            columns={[
              { title: '单位', dataIndex: 'agencyName' },
              { title: '执法人员', dataIndex: 'officers', width: 90, align: 'right' },
              { title: '达标', dataIndex: 'compliant', width: 70, align: 'right' },
              { title: '未达标', dataIndex: 'short', width: 80, align: 'right' },
              {
                title: '达标率',
                key: 'rate',
                width: 160,
                render: (_value, agency) => (
                  <Progress
                    size="small"
                    percent={agency.officers ? Math.round((agency.compliant / agency.officers) * 100) : 0}
                    status={agency.short ? 'normal' : 'success'}
                  />
                ),
              },
            ]}
          />
        </Card>
        <Card size="small" title={isShortOnly ? '未达标人员' : '执法人员'}>
          {isPhone ? (
            <List<OfficerRow>
              dataSource={officers}
              locale={{ emptyText: <Empty description={emptyText} /> }}
              renderItem={(row) => (
                <List.Item style={{ display: 'block' }}>
                  <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                    <Link to={`/officers/${row.officerId}`}>{row.name}</Link>
                    <ComplianceTag row={row} />
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>
                    {row.agencyName}
                    {row.orgName !== row.agencyName ? ` · ${row.orgName}` : ''}
                  </Typography.Text>
                  <div style={{ fontSize: 13 }}>
                    {row.hours} / {minHours} 学时 · 县司法局培训 {row.bureauTrainings} 次
                  </div>
                  {row.shortfalls.length > 0 && (
                    <Typography.Text type="danger" style={{ fontSize: 13 }}>
                      {row.shortfalls.join('；')}
                    </Typography.Text>
                  )}
                </List.Item>
              )}
            />
          ) : (
            <Table<OfficerRow>
              size="middle"
              rowKey="officerId"
              dataSource={officers}
              scroll={{ x: 900 }}
              locale={{ emptyText: <Empty description={emptyText} /> }}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 人` }}
              columns={[
                {
                  title: '姓名',
                  dataIndex: 'name',
                  width: 100,
                  render: (name: string, row) => <Link to={`/officers/${row.officerId}`}>{name}</Link>,
                },
                {
                  title: '单位及科室',
                  key: 'org',
                  width: 240,
                  render: (_value, row) =>
                    row.orgName === row.agencyName ? row.agencyName : `${row.agencyName} · ${row.orgName}`,
                },
                {
                  title: `学时（最低 ${minHours}）`,
                  dataIndex: 'hours',
                  width: 170,
                  render: (hours: number) => (
                    <Progress
                      size="small"
                      percent={Math.min(100, Math.round((hours / Math.max(minHours, 1)) * 100))}
                      format={() => `${hours}`}
                      status={hours >= minHours ? 'success' : 'exception'}
                    />
                  ),
                },
                {
                  title: '县司法局培训',
                  dataIndex: 'bureauTrainings',
                  width: 110,
                  align: 'right',
                  render: (count: number) => `${count} 次`,
                },
                {
                  title: '结论',
                  key: 'result',
                  width: 80,
                  render: (_value, row) => <ComplianceTag row={row} />,
                },
                {
                  title: '未达标原因',
                  dataIndex: 'shortfalls',
                  render: (shortfalls: string[]) => (shortfalls.length ? shortfalls.join('；') : '—'),
                },
              ]}
            />
          )}
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="培训达标"
        description={`执法人员每年培训不少于 ${report.data?.minHours ?? 40} 学时，且至少参加 1 次县司法局组织的培训。`}
        extra={
          <ExportButton
            path="/trainings/compliance.xlsx"
            fileName={`${year}年培训达标情况.xlsx`}
            query={{ year, orgId, shortOnly: isShortOnly }}
          />
        }
      />
      {filters}
      {body}
    </>
  );
}
