import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatDay } from '../../../components/date-time.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { CASES_KEY, getRecordsDue } from '../cases.api.ts';

/** A count; with `to`, a link to the cases behind it. */
function CountCell({ value, tone, to }: { value: number; tone: 'warning' | 'danger'; to?: string }) {
  if (value === 0) return <Typography.Text type="secondary">0</Typography.Text>;
  const count = (
    <Typography.Text type={tone} strong>
      {value}
    </Typography.Text>
  );
  return to ? <Link to={to}>{count}</Link> : count;
}

/** The case list of one unit in one record state. */
const casesOf = (orgId: number, state: 'due_soon' | 'overdue') => `/cases?orgId=${orgId}&state=${state}`;

/** 记录到期: 案件记录表 due soon (临期) and late (逾期), per officer and per agency. */
export default function RecordsDuePage() {
  const report = useQuery({ queryKey: [CASES_KEY, 'records-due'], queryFn: getRecordsDue });
  let body: React.ReactNode;
  if (report.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (report.isError) body = <ErrorState error={report.error} onRetry={() => report.refetch()} />;
  else {
    const { byOfficer, byAgency, today } = report.data;
    const dueSoon = byAgency.reduce((sum, row) => sum + row.dueSoon, 0);
    const overdue = byAgency.reduce((sum, row) => sum + row.overdue, 0);
    body = (
      <>
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic
                title="临期记录表"
                value={dueSoon}
                suffix="件"
                styles={{ content: { color: '#d48806' } }}
              />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic
                title="逾期记录表"
                value={overdue}
                suffix="件"
                styles={{ content: { color: '#cf1322' } }}
              />
            </Card>
          </Col>
          <Col xs={24} md={12} style={{ display: 'flex', alignItems: 'center' }}>
            <Typography.Text type="secondary">
              统计日期 {formatDay(today)}。记录表应在结案后 30 日内报送，到期前 7 日内为临期。
            </Typography.Text>
          </Col>
        </Row>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card title="按执法部门" size="small">
              <Table
                rowKey="orgId"
                size="small"
                dataSource={byAgency}
                pagination={false}
                locale={{ emptyText: <Empty description="没有临期或逾期的案件记录表。" /> }}
                columns={[
                  { title: '执法部门', dataIndex: 'name' },
                  {
                    title: '临期',
                    dataIndex: 'dueSoon',
                    width: 80,
                    align: 'right',
                    render: (value: number, row: { orgId: number }) => (
                      <CountCell value={value} tone="warning" to={casesOf(row.orgId, 'due_soon')} />
                    ),
                  },
                  {
                    title: '逾期',
                    dataIndex: 'overdue',
                    width: 80,
                    align: 'right',
                    render: (value: number, row: { orgId: number }) => (
                      <CountCell value={value} tone="danger" to={casesOf(row.orgId, 'overdue')} />
                    ),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title="按执法人员" size="small">
              <Table
                rowKey="officerId"
                size="small"
                dataSource={byOfficer}
                pagination={byOfficer.length > 20 ? { pageSize: 20, size: 'small' } : false}
                locale={{ emptyText: <Empty description="没有临期或逾期的案件记录表。" /> }}
                columns={[
                  {
                    title: '执法人员',
                    dataIndex: 'name',
                    render: (name: string, row: { officerId: number }) => (
                      <Link to={`/officers/${row.officerId}`}>{name}</Link>
                    ),
                  },
                  {
                    title: '临期',
                    dataIndex: 'dueSoon',
                    width: 80,
                    align: 'right',
                    render: (value: number) => <CountCell value={value} tone="warning" />,
                  },
                  {
                    title: '逾期',
                    dataIndex: 'overdue',
                    width: 80,
                    align: 'right',
                    render: (value: number) => <CountCell value={value} tone="danger" />,
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>
      </>
    );
  }
  return (
    <>
      <PageHeader title="记录到期" description="案件记录表临期、逾期情况，按执法部门和执法人员统计。" />
      {body}
    </>
  );
}
