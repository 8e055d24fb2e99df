import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Input, Row, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../app/api-client.ts';
import { useCurrentUser } from '../../../app/auth-context.tsx';
import { hasAnyRole } from '../../../app/roles.ts';
import { formatDay } from '../../../components/date-time.ts';
import { FilterSelect } from '../../../components/FilterSelect.tsx';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect.tsx';
import { PagedResults } from '../../../components/PagedResults.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { CertificateStateTag, OfficerStatusTag } from '../OfficerTags.tsx';
import { CERTIFICATE_STATE_OPTIONS, OFFICER_STATUS_OPTIONS } from '../officer-labels.ts';
import {
  downloadOfficerTemplate,
  exportOfficers,
  findOfficers,
  importOfficers,
  OFFICERS_KEY,
} from '../officers.api.ts';
import type { CertificateState, OfficerFilter, OfficerListItem, OfficerStatus } from '../officers.types.ts';
import { OFFICER_WRITE_ROLES } from '../officers-access.ts';
import { ImportModal } from './ImportModal.tsx';
import { OfficerFormDrawer } from './OfficerFormDrawer.tsx';

function CertificateCell({ officer }: { officer: OfficerListItem }) {
  if (!officer.certificate) return <Typography.Text type="secondary">未持证</Typography.Text>;
  return (
    <>
      <div style={{ display: 'flex', alignItems: 'center', gap: 6, flexWrap: 'wrap' }}>
        <CertificateStateTag state={officer.certificate.state} label={officer.certificate.stateLabel} />
        <Typography.Text style={{ fontSize: 13 }}>{officer.certificate.number}</Typography.Text>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        有效期至 {formatDay(officer.certificate.validUntil)}
      </Typography.Text>
    </>
  );
}

/** 执法人员: server-paged officer archive with filters, XLSX export of the filter and XLSX import. */
export default function OfficersPage() {
  const user = useCurrentUser();
  const canWrite = hasAnyRole(user.roles, OFFICER_WRITE_ROLES);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // ?orgId=… (the cockpit's 持证率 figure opens its unit's officers here)
  const [searchParams] = useSearchParams();
  const [filter, setFilter] = useState<OfficerFilter>(() => ({
    page: 1,
    pageSize: 20,
    ...(Number(searchParams.get('orgId')) > 0 && { orgId: Number(searchParams.get('orgId')) }),
  }));
  const [keywordInput, setKeywordInput] = useState('');
  const [isCreating, setCreating] = useState(false);
  const [isImporting, setImporting] = useState(false);
  const [isExporting, setExporting] = useState(false);
  const officers = useQuery({
    queryKey: [OFFICERS_KEY, 'list', filter],
    queryFn: () => findOfficers(filter),
    placeholderData: keepPreviousData,
  });

  const changeFilter = (patch: Partial<OfficerFilter>) =>
    setFilter((current) => ({ ...current, ...patch, page: 1 }));
  const hasFilter = Boolean(filter.keyword || filter.orgId || filter.status || filter.certificateState);
  const emptyText = hasFilter
    ? '没有符合条件的执法人员，请调整搜索词或筛选条件。'
    : canWrite
      ? '还没有执法人员档案，可点击“新增人员”或“导入”建立。'
      : '您的权限范围内还没有执法人员档案。';

  const exportCurrent = async () => {
    setExporting(true);
    try {
      const { page: _page, pageSize: _pageSize, ...rest } = filter;
      await exportOfficers(rest);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<OfficerListItem> = [
    {
      title: '姓名',
      key: 'name',
      width: 110,
      render: (_value, officer) => (
        <>
          <Link to={`/officers/${officer.id}`}>{officer.name}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {officer.genderLabel}
              {officer.position ? ` · ${officer.position}` : ''}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: '所在单位及科室',
      key: 'org',
      width: 220,
      render: (_value, officer) => (
        <>
          <div>{officer.agencyName}</div>
          {officer.orgName !== officer.agencyName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {officer.orgName}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: '执法岗位', dataIndex: 'post', width: 170, ellipsis: true, render: (post) => post ?? '—' },
    {
      title: '状态',
      dataIndex: 'status',
      width: 80,
      render: (status: OfficerStatus, officer) => (
        <OfficerStatusTag status={status} label={officer.statusLabel} />
      ),
    },
    {
      title: '执法证',
      key: 'certificate',
      width: 210,
      render: (_value, officer) => <CertificateCell officer={officer} />,
    },
    { title: '联系电话', dataIndex: 'phone', width: 120, render: (phone: string | null) => phone ?? '—' },
  ];

  const filters = (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={24} md={12} xl={6}>
        <Input.Search
          allowClear
          placeholder="搜索姓名或执法证号"
          value={keywordInput}
          onChange={(event) => setKeywordInput(event.target.value)}
          onSearch={(value) => changeFilter({ keyword: value.trim() || undefined })}
          aria-label="搜索姓名或执法证号"
        />
      </Col>
      <Col xs={24} md={12} xl={8}>
        <OrgTreeSelect
          allowClear
          placeholder="所在单位（含下级科室）"
          value={filter.orgId}
          onChange={(orgId) => changeFilter({ orgId })}
        />
      </Col>
      <Col xs={12} md={12} xl={5}>
        <FilterSelect<OfficerStatus>
          label="人员状态"
          options={OFFICER_STATUS_OPTIONS}
          value={filter.status}
          onChange={(status) => changeFilter({ status })}
        />
      </Col>
      <Col xs={12} md={12} xl={5}>
        <FilterSelect<CertificateState | 'none'>
          label="执法证状态"
          options={CERTIFICATE_STATE_OPTIONS}
          value={filter.certificateState}
          onChange={(certificateState) => changeFilter({ certificateState })}
        />
      </Col>
    </Row>
  );

  const body = (
    <PagedResults<OfficerListItem>
      query={officers}
      page={filter.page}
      pageSize={filter.pageSize}
      onPageChange={(page, pageSize) => setFilter((current) => ({ ...current, page, pageSize }))}
      onOpen={(officer) => navigate(`/officers/${officer.id}`)}
      columns={columns}
      scrollX={980}
      emptyText={emptyText}
      totalText={(total) => `共 ${total} 名执法人员`}
      renderPhoneItem={(officer) => (
        <>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 8 }}>
            <div style={{ minWidth: 0 }}>
              <Typography.Link strong>{officer.name}</Typography.Link>
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                {officer.position ?? ''}
              </Typography.Text>
              <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13, margin: '2px 0 6px' }}>
                {officer.agencyName}
                {officer.orgName !== officer.agencyName ? ` · ${officer.orgName}` : ''}
              </div>
            </div>
            <OfficerStatusTag status={officer.status} label={officer.statusLabel} />
          </div>
          <CertificateCell officer={officer} />
        </>
      )}
    />
  );

  return (
    <>
      <PageHeader
        title="执法人员"
        description="行政执法人员档案：基本信息、执法证、培训、岗位变更与工作记实。"
        extra={
          <>
            <Button icon={<DownloadOutlined />} loading={isExporting} onClick={exportCurrent}>
              导出
            </Button>
            {canWrite && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                导入
              </Button>
            )}
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新增人员
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
        <OfficerFormDrawer
          officer={null}
          onClose={() => setCreating(false)}
          onSaved={(officer) => navigate(`/officers/${officer.id}`)}
        />
      )}
      {isImporting && (
        <ImportModal
          title="导入执法人员"
          onDownloadTemplate={downloadOfficerTemplate}
          onImport={async (file) => {
            const result = await importOfficers(file);
            await queryClient.invalidateQueries({ queryKey: [OFFICERS_KEY] });
            return result;
          }}
          describeSuccess={(result: { officers: number; certificates: number }) =>
            `导入成功：${result.officers} 名执法人员，${result.certificates} 张执法证。`
          }
          onClose={() => setImporting(false)}
        />
      )}
    </>
  );
}
