import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Empty, List, Pagination, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../../app/auth-context.tsx';
import { hasAnyRole } from '../../../app/roles.ts';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import { formatDay } from '../../../components/date-time.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ExportButton } from '../../../components/ExportButton.tsx';
import { FilterSelect } from '../../../components/FilterSelect.tsx';
import { COMPLAINT_KIND_OPTIONS } from '../case-labels.ts';
import { COMPLAINTS_KEY, findComplaints } from '../cases.api.ts';
import type { Complaint, ComplaintFilter, ComplaintKind } from '../cases.types.ts';
import { COMPLAINT_WRITE_ROLES } from '../cases-access.ts';
import { ComplaintFormDrawer } from './ComplaintFormDrawer.tsx';
import { COMPLAINT_COLUMN_WIDTHS } from './complaint-columns.ts';

function FindingTag({ complaint }: { complaint: Complaint }) {
  if (!complaint.finding) return <Tag style={{ marginInlineEnd: 0 }}>调查中</Tag>;
  return (
    <Tag color={complaint.finding === 'substantiated' ? 'red' : 'green'} style={{ marginInlineEnd: 0 }}>
      {complaint.findingLabel}
    </Tag>
  );
}

/** Complaints and petitions, server-paged; on a case's page only those about that case. */
export function ComplaintList({ fixedCase }: { fixedCase?: { id: number; caseNo: string; orgId: number } }) {
  const user = useCurrentUser();
  const canWrite = hasAnyRole(user.roles, COMPLAINT_WRITE_ROLES);
  const isPhone = useIsPhone();
  const [filter, setFilter] = useState<ComplaintFilter>({ page: 1, pageSize: 20, caseId: fixedCase?.id });
  const [editing, setEditing] = useState<Complaint | 'new' | null>(null);
  const complaints = useQuery({
    queryKey: [COMPLAINTS_KEY, 'list', filter],
    queryFn: () => findComplaints(filter),
    placeholderData: keepPreviousData,
  });
  const emptyText = filter.kind
    ? '没有符合条件的记录。'
    : fixedCase
      ? '该案件没有投诉举报或信访记录。'
      : '还没有登记投诉举报或信访。';

  const columns: ColumnsType<Complaint> = [
    { title: '类型', dataIndex: 'kindLabel', width: COMPLAINT_COLUMN_WIDTHS.kind },
    {
      title: '收到日期',
      dataIndex: 'receivedOn',
      width: COMPLAINT_COLUMN_WIDTHS.receivedOn,
      // a date never breaks inside (2026年10月30 / 日)
      render: (day: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDay(day)}</span>,
    },
    { title: '来源', dataIndex: 'source', width: COMPLAINT_COLUMN_WIDTHS.source, ellipsis: true },
    {
      title: '执法人员',
      dataIndex: 'officerName',
      width: COMPLAINT_COLUMN_WIDTHS.officer,
      render: (name: string | null, complaint) =>
        name && complaint.officerId ? <Link to={`/officers/${complaint.officerId}`}>{name}</Link> : '—',
    },
    ...(fixedCase
      ? []
      : [
          {
            title: '涉及案件',
            dataIndex: 'caseNo',
            width: COMPLAINT_COLUMN_WIDTHS.caseNo,
            ellipsis: true,
            render: (caseNo: string | null, complaint: Complaint) =>
              caseNo && complaint.caseId ? <Link to={`/cases/${complaint.caseId}`}>{caseNo}</Link> : '—',
          },
        ]),
    { title: '内容摘要', dataIndex: 'summary', ellipsis: true },
    {
      title: '调查结论',
      key: 'finding',
      width: COMPLAINT_COLUMN_WIDTHS.finding,
      render: (_value, complaint) => <FindingTag complaint={complaint} />,
    },
    {
      title: '处理情况',
      dataIndex: 'handling',
      width: COMPLAINT_COLUMN_WIDTHS.handling,
      ellipsis: true,
      render: (handling: string | null, complaint) =>
        handling ? `${handling}${complaint.handledOn ? `（${formatDay(complaint.handledOn)}）` : ''}` : '—',
    },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'actions',
            width: COMPLAINT_COLUMN_WIDTHS.actions,
            render: (_value: unknown, complaint: Complaint) => (
              <Button type="link" size="small" onClick={() => setEditing(complaint)} style={{ padding: 0 }}>
                编辑
              </Button>
            ),
          },
        ]
      : []),
  ];

  let body: React.ReactNode;
  if (complaints.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (complaints.isError)
    body = <ErrorState error={complaints.error} onRetry={() => complaints.refetch()} />;
  else if (isPhone)
    body = (
      <>
        <List
          dataSource={complaints.data.items}
          locale={{ emptyText: <Empty description={emptyText} /> }}
          renderItem={(complaint) => (
            <List.Item
              style={{ display: 'block', cursor: canWrite ? 'pointer' : undefined }}
              onClick={canWrite ? () => setEditing(complaint) : undefined}
            >
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <Typography.Text strong>
                  {complaint.kindLabel} · {formatDay(complaint.receivedOn)}
                </Typography.Text>
                <FindingTag complaint={complaint} />
              </div>
              <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13, margin: '2px 0' }}>
                {complaint.source}
                {complaint.officerName ? ` · ${complaint.officerName}` : ''}
                {complaint.caseNo && !fixedCase ? ` · ${complaint.caseNo}` : ''}
              </div>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 13 }}>
                {complaint.summary}
              </Typography.Paragraph>
            </List.Item>
          )}
        />
        {complaints.data.total > filter.pageSize && (
          <Pagination
            simple
            align="center"
            current={filter.page}
            pageSize={filter.pageSize}
            total={complaints.data.total}
            onChange={(page) => setFilter((current) => ({ ...current, page }))}
          />
        )}
      </>
    );
  else
    body = (
      <Table<Complaint>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={complaints.data.items}
        loading={complaints.isFetching && !complaints.isPending}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={emptyText} /> }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: complaints.data.total,
          showTotal: (total) => `共 ${total} 条`,
          hideOnSinglePage: Boolean(fixedCase),
          onChange: (page, pageSize) => setFilter((current) => ({ ...current, page, pageSize })),
        }}
      />
    );

  return (
    <>
      <div
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: 12,
          justifyContent: 'space-between',
          marginBottom: 12,
        }}
      >
        <FilterSelect<ComplaintKind>
          label="类型"
          options={COMPLAINT_KIND_OPTIONS}
          value={filter.kind}
          onChange={(kind) => setFilter((current) => ({ ...current, kind, page: 1 }))}
          width={isPhone ? 140 : 180}
        />
        <Space wrap>
          <ExportButton
            path="/complaints/export.xlsx"
            fileName="投诉举报与信访.xlsx"
            query={{ kind: filter.kind, officerId: filter.officerId, caseId: filter.caseId }}
          />
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              登记
            </Button>
          )}
        </Space>
      </div>
      {body}
      {editing && (
        <ComplaintFormDrawer
          complaint={editing === 'new' ? null : editing}
          fixedCaseId={fixedCase?.id}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
