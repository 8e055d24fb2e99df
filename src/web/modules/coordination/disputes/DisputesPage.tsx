import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { DISPUTE_STATUSES } from '../../../../common/coordination.ts';
import { rolesWith } from '../../../../common/permissions.ts';
import { useCurrentUser } from '../../../app/auth-context.tsx';
import { hasAnyRole } from '../../../app/roles.ts';
import { formatDay } from '../../../components/date-time.ts';
import { ExportButton } from '../../../components/ExportButton.tsx';
import { FilterSelect } from '../../../components/FilterSelect.tsx';
import { PagedResults } from '../../../components/PagedResults.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import {
  COORDINATION_KEY,
  type DisputeFilter,
  type DisputeSummary,
  findDisputes,
} from '../coordination.api.ts';
import { ApplicationDrawer } from './ApplicationDrawer.tsx';
import { DeadlineStateTag } from './DeadlineStateTag.tsx';
import { DEADLINE_OPTIONS, STATUS_OPTIONS } from './disputes-labels.ts';

/** 职责争议协调 (协调监督办法第七条): every dispute the account may see, filterable and exportable. */
export default function DisputesPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const canApply = hasAnyRole(user.roles, rolesWith('coordination.apply'));
  // ?status=… (the cockpit's dispute figure opens its status here)
  const [searchParams] = useSearchParams();
  const [filter, setFilter] = useState<DisputeFilter>(() => {
    const status = DISPUTE_STATUSES.find((value) => value === searchParams.get('status'));
    return { page: 1, pageSize: 20, ...(status && { status }) };
  });
  const [isApplying, setApplying] = useState(false);
  const disputes = useQuery({
    queryKey: [COORDINATION_KEY, 'disputes', filter],
    queryFn: () => findDisputes(filter),
    placeholderData: keepPreviousData,
  });
  const update = (patch: Partial<DisputeFilter>) =>
    setFilter((current) => ({ ...current, ...patch, page: 1 }));
  const columns: ColumnsType<DisputeSummary> = [
    { title: '申请日期', dataIndex: 'filedOn', width: 132, render: (filedOn: string) => formatDay(filedOn) },
    {
      title: '争议事项',
      dataIndex: 'matter',
      width: 220,
      render: (matter: string, dispute) => <Link to={`/coordination/disputes/${dispute.id}`}>{matter}</Link>,
    },
    { title: '申请单位', dataIndex: 'applicantName', width: 140 },
    {
      title: '争议相对单位',
      dataIndex: 'respondentNames',
      width: 160,
      render: (names: string[]) => names.join('、'),
    },
    { title: '状态', dataIndex: 'statusLabel', width: 110, render: (label: string) => <Tag>{label}</Tag> },
    {
      title: '协调意见书',
      dataIndex: 'opinionNumber',
      width: 120,
      render: (number: string | null) => number ?? '—',
    },
    {
      title: '当前期限',
      key: 'deadline',
      width: 180,
      render: (_value, dispute) => <DeadlineStateTag deadline={dispute.deadline} />,
    },
  ];
  const { page: _page, pageSize: _pageSize, ...exportQuery } = filter;
  return (
    <>
      <PageHeader
        title="职责争议协调"
        description="行政执法机关之间的职责争议：书面申请、审核、征求意见、协调会议、协调意见书、报县政府决定与执行确认（协调监督办法第七条）。"
        extra={
          <>
            {canApply && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)}>
                提交协调申请
              </Button>
            )}
            <ExportButton
              path="/coordination/disputes/export.xlsx"
              fileName="职责争议协调.xlsx"
              query={exportQuery}
            />
          </>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder="搜索争议事项"
            aria-label="搜索争议事项"
            style={{ width: 220 }}
            onSearch={(keyword) => update({ keyword: keyword || undefined })}
          />
          <FilterSelect
            label="状态"
            options={STATUS_OPTIONS}
            value={filter.status}
            onChange={(status) => update({ status })}
            width={180}
          />
          <FilterSelect
            label="期限状态"
            options={DEADLINE_OPTIONS}
            value={filter.deadlineState}
            onChange={(deadlineState) => update({ deadlineState })}
            width={140}
          />
        </Space>
        <PagedResults<DisputeSummary>
          query={disputes}
          page={filter.page}
          pageSize={filter.pageSize}
          onPageChange={(page, pageSize) => setFilter((current) => ({ ...current, page, pageSize }))}
          columns={columns}
          onOpen={(dispute) => navigate(`/coordination/disputes/${dispute.id}`)}
          renderPhoneItem={(dispute) => (
            <>
              <Typography.Text strong>{dispute.matter}</Typography.Text>
              <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
                {dispute.applicantName} · {dispute.statusLabel}
              </div>
              <DeadlineStateTag deadline={dispute.deadline} />
            </>
          )}
          emptyText={
            filter.status || filter.keyword || filter.deadlineState
              ? '没有符合条件的争议。'
              : '还没有职责争议协调申请。'
          }
          totalText={(total) => `共 ${total} 件`}
          scrollX={1060}
        />
      </Card>
      {isApplying && (
        <ApplicationDrawer
          onClose={() => setApplying(false)}
          onFiled={(id) => navigate(`/coordination/disputes/${id}`)}
        />
      )}
    </>
  );
}
