import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Card,
  Col,
  Empty,
  Input,
  List,
  Pagination,
  Row,
  Select,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../app/api-client.ts';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { formatDay } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CASE_KIND_OPTIONS } from '../cases/case-labels.ts';
import { CASES_KEY, findCases } from '../cases/cases.api.ts';
import type { CaseFilter, CaseKind, CaseListItem } from '../cases/cases.types.ts';
import { CASE_FILES_KEY, getCaseFile } from './case-files.api.ts';

/**
 * The file state of one listed case: 未立卷 / 在办 with its check / 已归档. The API has no file
 * list yet, so each visible row asks for its own file (a page is at most 50 rows).
 */
function FileStateCell({ caseId }: { caseId: number }) {
  const file = useQuery({
    queryKey: [CASE_FILES_KEY, caseId],
    queryFn: () => getCaseFile(caseId),
    retry: false,
    staleTime: 60_000,
  });
  if (file.isPending) return <Skeleton.Button active size="small" style={{ width: 60 }} />;
  if (file.error instanceof ApiError && file.error.code === 'NOT_FOUND') return <Tag>未立卷</Tag>;
  if (file.isError) return <Typography.Text type="secondary">—</Typography.Text>;
  if (file.data.status === 'archived') return <Tag color="default">已归档</Tag>;
  return file.data.check.passes ? (
    <Tag color="success">检查通过</Tag>
  ) : (
    <Tag color="warning">{file.data.check.findings.length} 个问题</Tag>
  );
}

/** 案卷: the cases in scope with their file's state; a row opens the case's 案卷 tab. */
export default function CaseFilesPage() {
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<CaseFilter>({ page: 1, pageSize: 20 });
  const cases = useQuery({
    queryKey: [CASES_KEY, 'list', filter],
    queryFn: () => findCases(filter),
    placeholderData: keepPreviousData,
  });
  const changeFilter = (patch: Partial<CaseFilter>) =>
    setFilter((current) => ({ ...current, ...patch, page: 1 }));
  const open = (item: CaseListItem) => navigate(`/cases/${item.id}?tab=file`);
  const columns: ColumnsType<CaseListItem> = [
    {
      title: '案号 / 案件名称',
      key: 'name',
      render: (_value, item) => (
        <>
          <Link to={`/cases/${item.id}?tab=file`}>{item.name}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.caseNo}
            </Typography.Text>
          </div>
        </>
      ),
    },
    { title: '类别', dataIndex: 'kindLabel', width: 100 },
    { title: '执法部门', dataIndex: 'orgName', width: 180, ellipsis: true },
    {
      title: '结案日期',
      dataIndex: 'closedOn',
      width: 130,
      render: (day: string | null) => (day ? formatDay(day) : '未结案'),
    },
    {
      title: '案卷状态',
      key: 'file',
      width: 120,
      render: (_value, item) => <FileStateCell caseId={item.id} />,
    },
  ];

  let body: React.ReactNode;
  if (cases.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (cases.isError) body = <ErrorState error={cases.error} onRetry={() => cases.refetch()} />;
  else if (isPhone)
    body = (
      <>
        <List
          dataSource={cases.data.items}
          locale={{ emptyText: <Empty description="没有符合条件的案件。" /> }}
          renderItem={(item) => (
            <List.Item style={{ display: 'block', cursor: 'pointer' }} onClick={() => open(item)}>
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <Typography.Link strong>{item.name}</Typography.Link>
                <FileStateCell caseId={item.id} />
              </div>
              <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
                {item.caseNo} · {item.orgName}
              </div>
            </List.Item>
          )}
        />
        {cases.data.total > 0 && (
          <Pagination
            simple
            align="center"
            current={filter.page}
            pageSize={filter.pageSize}
            total={cases.data.total}
            onChange={(page) => setFilter((current) => ({ ...current, page }))}
          />
        )}
      </>
    );
  else
    body = (
      <Table<CaseListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={cases.data.items}
        loading={cases.isFetching && !cases.isPending}
        onRow={(item) => ({ onDoubleClick: () => open(item) })}
        locale={{ emptyText: <Empty description="没有符合条件的案件。" /> }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: cases.data.total,
          pageSizeOptions: [10, 20, 50],
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 件案件`,
          onChange: (page, pageSize) => setFilter((current) => ({ ...current, page, pageSize })),
        }}
      />
    );

  return (
    <>
      <PageHeader
        title="案卷"
        description="案卷封面、正卷副卷文书、证据附件与完整性检查（博湖县行政执法案卷制作规范）。"
      />
      <Card>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          <Col xs={24} md={10} xl={8}>
            <Input.Search
              allowClear
              placeholder="搜索案号、案件名称或当事人"
              onSearch={(value) => changeFilter({ keyword: value.trim() || undefined })}
              aria-label="搜索案号、案件名称或当事人"
            />
          </Col>
          <Col xs={24} md={8} xl={8}>
            <OrgTreeSelect
              allowClear
              placeholder="执法部门"
              value={filter.orgId}
              onChange={(orgId) => changeFilter({ orgId })}
            />
          </Col>
          <Col xs={24} md={6} xl={4}>
            <Select<CaseKind>
              allowClear
              placeholder="案件类别"
              options={CASE_KIND_OPTIONS}
              value={filter.kind}
              onChange={(kind) => changeFilter({ kind })}
              style={{ width: '100%' }}
              aria-label="按案件类别筛选"
            />
          </Col>
        </Row>
        {body}
      </Card>
    </>
  );
}
