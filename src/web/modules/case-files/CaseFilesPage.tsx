import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Input, List, Pagination, Row, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { formatDay } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CASE_KIND_OPTIONS, caseTotalText } from '../cases/case-labels.ts';
import type { CaseKind } from '../cases/cases.types.ts';
import { CASE_FILES_KEY, findCaseFiles } from './case-files.api.ts';
import type { CaseFileFilter, CaseFileListItem, FileStatusFilter } from './case-files.types.ts';

const FILE_STATUS_OPTIONS: { value: FileStatusFilter; label: string }[] = [
  { value: 'none', label: '未立卷' },
  { value: 'open', label: '立卷中' },
  { value: 'archived', label: '已归档' },
];
const CHECK_OPTIONS = [
  { value: 'true', label: '检查通过' },
  { value: 'false', label: '有问题' },
];

/** The file state of one listed case, as the list sends it: 未立卷 / check outcome / 已归档. */
function FileStateTag({ item }: { item: CaseFileListItem }) {
  const { file } = item;
  if (!file) return <Tag style={{ marginInlineEnd: 0 }}>未立卷</Tag>;
  if (file.status === 'archived')
    return (
      <Tag style={{ marginInlineEnd: 0 }}>
        已归档{file.checkPasses === false ? `（${file.findingCount} 个问题）` : ''}
      </Tag>
    );
  if (file.checkPasses === null) return <Tag style={{ marginInlineEnd: 0 }}>立卷中</Tag>;
  return file.checkPasses ? (
    <Tag color="success" style={{ marginInlineEnd: 0 }}>
      检查通过
    </Tag>
  ) : (
    <Tag color="warning" style={{ marginInlineEnd: 0 }}>
      {file.findingCount} 个问题
    </Tag>
  );
}

/**
 * 案卷: the cases in scope with their file's state, filtered on the server (agency, kind, keyword,
 * file status, check outcome) one page at a time; a row opens the case's 案卷 tab.
 */
export default function CaseFilesPage() {
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<CaseFileFilter>({ page: 1, pageSize: 20 });
  const files = useQuery({
    queryKey: [CASE_FILES_KEY, 'list', filter],
    queryFn: () => findCaseFiles(filter),
    placeholderData: keepPreviousData,
  });
  const changeFilter = (patch: Partial<CaseFileFilter>) =>
    setFilter((current) => ({ ...current, ...patch, page: 1 }));
  const open = (item: CaseFileListItem) => navigate(`/cases/${item.id}?tab=file`);
  const columns: ColumnsType<CaseFileListItem> = [
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
      width: 150,
      render: (_value, item) => <FileStateTag item={item} />,
    },
  ];

  let body: React.ReactNode;
  if (files.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (files.isError) body = <ErrorState error={files.error} onRetry={() => files.refetch()} />;
  else {
    const page = files.data;
    body = isPhone ? (
      <>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {caseTotalText(page)}
        </Typography.Text>
        <List
          dataSource={page.items}
          loading={files.isFetching}
          locale={{ emptyText: <Empty description="没有符合条件的案件。" /> }}
          renderItem={(item) => (
            <List.Item style={{ display: 'block', cursor: 'pointer' }} onClick={() => open(item)}>
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <Typography.Link strong>{item.name}</Typography.Link>
                <FileStateTag item={item} />
              </div>
              <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
                {item.caseNo} · {item.orgName}
              </div>
            </List.Item>
          )}
        />
        {page.total > 0 && (
          <Pagination
            simple
            align="center"
            current={filter.page}
            pageSize={filter.pageSize}
            total={page.total}
            onChange={(next) => setFilter((current) => ({ ...current, page: next }))}
          />
        )}
      </>
    ) : (
      <Table<CaseFileListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={page.items}
        loading={files.isFetching && !files.isPending}
        onRow={(item) => ({ onDoubleClick: () => open(item) })}
        locale={{ emptyText: <Empty description="没有符合条件的案件。" /> }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: page.total,
          pageSizeOptions: [10, 20, 50],
          showSizeChanger: true,
          showTotal: () => caseTotalText(page),
          onChange: (next, pageSize) =>
            setFilter((current) => ({
              ...current,
              page: pageSize === current.pageSize ? next : 1,
              pageSize,
            })),
        }}
      />
    );
  }

  return (
    <>
      <PageHeader
        title="案卷"
        description="案卷封面、正卷副卷文书、证据附件与完整性检查（博湖县行政执法案卷制作规范）。"
      />
      <Card>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          <Col xs={24} md={12} xl={6}>
            <Input.Search
              allowClear
              placeholder="搜索案号、案件名称或当事人"
              onSearch={(value) => changeFilter({ keyword: value.trim() || undefined })}
              aria-label="搜索案号、案件名称或当事人"
            />
          </Col>
          <Col xs={24} md={12} xl={6}>
            <OrgTreeSelect
              allowClear
              placeholder="执法部门"
              value={filter.orgId}
              onChange={(orgId) => changeFilter({ orgId })}
            />
          </Col>
          <Col xs={8} md={8} xl={4}>
            <FilterSelect<CaseKind>
              label="案件类别"
              options={CASE_KIND_OPTIONS}
              value={filter.kind}
              onChange={(kind) => changeFilter({ kind })}
            />
          </Col>
          <Col xs={8} md={8} xl={4}>
            <FilterSelect<FileStatusFilter>
              label="案卷状态"
              options={FILE_STATUS_OPTIONS}
              value={filter.fileStatus}
              onChange={(fileStatus) => changeFilter({ fileStatus })}
            />
          </Col>
          <Col xs={8} md={8} xl={4}>
            <FilterSelect<string>
              label="完整性检查"
              options={CHECK_OPTIONS}
              value={filter.checkPasses === undefined ? undefined : String(filter.checkPasses)}
              onChange={(value) =>
                changeFilter({ checkPasses: value === undefined ? undefined : value === 'true' })
              }
            />
          </Col>
        </Row>
        {body}
      </Card>
    </>
  );
}
