import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Input,
  List,
  Pagination,
  Row,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../app/api-client.ts';
import { useCurrentUser } from '../../../app/auth-context.tsx';
import { hasAnyRole } from '../../../app/roles.ts';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import { formatDay } from '../../../components/date-time.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { FilterSelect } from '../../../components/FilterSelect.tsx';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ImportModal } from '../../officers/archive/ImportModal.tsx';
import { QualityGradeTag, RecordStateTag } from '../CaseTags.tsx';
import {
  CASE_KIND_OPTIONS,
  caseTotalText,
  QUALITY_GRADE_OPTIONS,
  RECORD_STATE_OPTIONS,
} from '../case-labels.ts';
import { CASES_KEY, downloadCaseTemplate, exportCases, findCases, importCases } from '../cases.api.ts';
import type { CaseFilter, CaseKind, CaseListItem, QualityGrade, RecordState } from '../cases.types.ts';
import { CASE_WRITE_ROLES } from '../cases-access.ts';
import { caseFilterFromUrl, RECORD_TIMING_LABELS } from '../cases-url.ts';
import { CaseFormDrawer } from './CaseFormDrawer.tsx';

type DayRange = [Dayjs | null, Dayjs | null] | null;

function rangeOf(from?: string, to?: string): DayRange {
  return from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null;
}
function isoOf(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

/** 记录表 due date with its state tag, e.g. 临期 · 2025年3月2日前报送. */
function RecordCell({ item }: { item: CaseListItem }) {
  return (
    <>
      <RecordStateTag state={item.recordState} label={item.recordStateLabel} />
      {item.recordDueOn && item.recordState !== 'submitted' && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDay(item.recordDueOn)}前报送
          </Typography.Text>
        </div>
      )}
    </>
  );
}

/** 执法案件: server-paged cases with filters, XLSX export of the filter, XLSX import, 新增案件. */
export default function CasesPage() {
  const user = useCurrentUser();
  const canWrite = hasAnyRole(user.roles, CASE_WRITE_ROLES);
  const isOfficerOnly = user.roles.length > 0 && user.roles.every((role) => role === 'officer');
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // ?orgId=…&state=… (the records-due report links an agency's late records here; the cockpit
  // links every figure here with the filters behind it: cases-url.ts)
  const [searchParams] = useSearchParams();
  const [filter, setFilter] = useState<CaseFilter>(() => ({
    page: 1,
    pageSize: 20,
    ...caseFilterFromUrl(searchParams),
  }));
  const [keywordInput, setKeywordInput] = useState('');
  const [isCreating, setCreating] = useState(false);
  const [isImporting, setImporting] = useState(false);
  const [isExporting, setExporting] = useState(false);
  const cases = useQuery({
    queryKey: [CASES_KEY, 'list', filter],
    queryFn: () => findCases(filter),
    placeholderData: keepPreviousData,
  });

  const changeFilter = (patch: Partial<CaseFilter>) =>
    setFilter((current) => ({ ...current, ...patch, page: 1 }));
  const { page: _page, pageSize: _pageSize, ...criteria } = filter;
  const hasFilter = Object.values(criteria).some((value) => value !== undefined);
  const emptyText = hasFilter
    ? '没有符合条件的案件，请调整搜索词或筛选条件。'
    : isOfficerOnly
      ? '您还没有承办的案件。新增案件时须列您为执法人。'
      : canWrite
        ? '还没有登记案件，可点击“新增案件”或“导入”登记。'
        : '您的权限范围内还没有登记案件。';

  const exportCurrent = async () => {
    setExporting(true);
    try {
      await exportCases(criteria);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<CaseListItem> = [
    {
      title: '案号 / 案件名称',
      key: 'name',
      width: 260,
      render: (_value, item) => (
        <>
          <Link to={`/cases/${item.id}`}>{item.name}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.caseNo}
            </Typography.Text>
          </div>
        </>
      ),
    },
    { title: '类别', dataIndex: 'kindLabel', width: 90 },
    { title: '执法部门', dataIndex: 'orgName', width: 150, ellipsis: true },
    { title: '当事人', dataIndex: 'partyNames', width: 140, ellipsis: true },
    {
      title: '立案 / 结案',
      key: 'dates',
      width: 150,
      render: (_value, item) => (
        <>
          <div>{formatDay(item.filedOn)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.closedOn ? `${formatDay(item.closedOn)}结案` : '未结案'}
          </Typography.Text>
        </>
      ),
    },
    { title: '记录表', key: 'record', width: 170, render: (_value, item) => <RecordCell item={item} /> },
    {
      title: '质量',
      dataIndex: 'qualityGrade',
      width: 80,
      render: (grade: QualityGrade | null) => <QualityGradeTag grade={grade} />,
    },
  ];

  const filters = (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={24} md={12} xl={6}>
        <Input.Search
          allowClear
          placeholder="搜索案号、案件名称或当事人"
          value={keywordInput}
          onChange={(event) => setKeywordInput(event.target.value)}
          onSearch={(value) => changeFilter({ keyword: value.trim() || undefined })}
          aria-label="搜索案号、案件名称或当事人"
        />
      </Col>
      {!isOfficerOnly && (
        <Col xs={24} md={12} xl={6}>
          <OrgTreeSelect
            allowClear
            placeholder="执法部门（含下级机构）"
            value={filter.orgId}
            onChange={(orgId) => changeFilter({ orgId })}
          />
        </Col>
      )}
      <Col xs={12} md={6} xl={4}>
        <FilterSelect<CaseKind>
          label="案件类别"
          options={CASE_KIND_OPTIONS}
          value={filter.kind}
          onChange={(kind) => changeFilter({ kind })}
        />
      </Col>
      <Col xs={12} md={6} xl={4}>
        <FilterSelect<RecordState>
          label="记录表状态"
          options={RECORD_STATE_OPTIONS}
          value={filter.state}
          onChange={(state) => changeFilter({ state })}
        />
      </Col>
      <Col xs={12} md={6} xl={4}>
        <FilterSelect<QualityGrade>
          label="质量等次"
          options={QUALITY_GRADE_OPTIONS}
          value={filter.qualityGrade}
          onChange={(qualityGrade) => changeFilter({ qualityGrade })}
        />
      </Col>
      <Col xs={24} md={9} xl={6}>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={['立案日期起', '立案日期止']}
          value={rangeOf(filter.filedFrom, filter.filedTo)}
          onChange={(range) => changeFilter({ filedFrom: isoOf(range?.[0]), filedTo: isoOf(range?.[1]) })}
          style={{ width: '100%' }}
          aria-label="立案日期范围"
        />
      </Col>
      {filter.recordTiming && (
        <Col xs={24} md={6} xl={4}>
          <Tag closable color="blue" onClose={() => changeFilter({ recordTiming: undefined })}>
            记录表{RECORD_TIMING_LABELS[filter.recordTiming]}
          </Tag>
        </Col>
      )}
      <Col xs={24} md={9} xl={6}>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={['结案日期起', '结案日期止']}
          value={rangeOf(filter.closedFrom, filter.closedTo)}
          onChange={(range) => changeFilter({ closedFrom: isoOf(range?.[0]), closedTo: isoOf(range?.[1]) })}
          style={{ width: '100%' }}
          aria-label="结案日期范围"
        />
      </Col>
    </Row>
  );

  let body: React.ReactNode;
  if (cases.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (cases.isError) body = <ErrorState error={cases.error} onRetry={() => cases.refetch()} />;
  else if (isPhone) {
    body = (
      <>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {caseTotalText(cases.data)}
        </Typography.Text>
        <List
          dataSource={cases.data.items}
          loading={cases.isFetching}
          locale={{ emptyText: <Empty description={emptyText} /> }}
          renderItem={(item) => (
            <List.Item
              style={{ display: 'block', cursor: 'pointer' }}
              onClick={() => navigate(`/cases/${item.id}`)}
            >
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <Typography.Link strong style={{ minWidth: 0 }}>
                  {item.name}
                </Typography.Link>
                <RecordStateTag state={item.recordState} label={item.recordStateLabel} />
              </div>
              <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13, margin: '2px 0' }}>
                {item.caseNo} · {item.kindLabel}
              </div>
              <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
                {item.orgName} · 当事人 {item.partyNames}
              </div>
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)', marginTop: 2 }}>
                立案 {formatDay(item.filedOn)}
                {item.closedOn ? ` · 结案 ${formatDay(item.closedOn)}` : ''}
                {item.qualityGrade ? ' · 质量 ' : ''}
                {item.qualityGrade && <QualityGradeTag grade={item.qualityGrade} />}
              </div>
            </List.Item>
          )}
        />
        {cases.data.total > 0 && (
          <Pagination
            simple
            align="center"
            style={{ marginTop: 12 }}
            current={filter.page}
            pageSize={filter.pageSize}
            total={cases.data.total}
            onChange={(page) => setFilter((current) => ({ ...current, page }))}
          />
        )}
      </>
    );
  } else {
    body = (
      <Table<CaseListItem>
        rowKey="id"
        columns={columns}
        dataSource={cases.data.items}
        loading={cases.isFetching && !cases.isPending}
        scroll={{ x: 1040 }}
        size="middle"
        locale={{ emptyText: <Empty description={emptyText} /> }}
        onRow={(item) => ({ onDoubleClick: () => navigate(`/cases/${item.id}`) })}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: cases.data.total,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: () => caseTotalText(cases.data),
          onChange: (page, pageSize) =>
            setFilter((current) => ({
              ...current,
              page: pageSize === current.pageSize ? page : 1,
              pageSize,
            })),
        }}
      />
    );
  }

  return (
    <>
      <PageHeader
        title="执法案件"
        description="行政执法案件及案件记录表：结案后 30 日内填写完毕并报送法制部门。"
        extra={
          <>
            <Button icon={<DownloadOutlined />} loading={isExporting} onClick={exportCurrent}>
              导出
            </Button>
            {canWrite && !isOfficerOnly && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                导入
              </Button>
            )}
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新增案件
              </Button>
            )}
          </>
        }
      />
      <Card>
        {filters}
        {body}
      </Card>
      {isCreating && (
        <CaseFormDrawer
          item={null}
          onClose={() => setCreating(false)}
          onSaved={(saved) => navigate(`/cases/${saved.id}`)}
        />
      )}
      {isImporting && (
        <ImportModal
          title="导入执法案件"
          onDownloadTemplate={downloadCaseTemplate}
          onImport={async (file) => {
            const result = await importCases(file);
            await queryClient.invalidateQueries({ queryKey: [CASES_KEY] });
            return result;
          }}
          describeSuccess={(result: { cases?: number; imported?: number }) =>
            `导入成功：${result.cases ?? result.imported ?? 0} 件案件。`
          }
          onClose={() => setImporting(false)}
        />
      )}
    </>
  );
}
