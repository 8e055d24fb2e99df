import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../app/auth-context.tsx';
import { hasAnyRole } from '../../app/roles.ts';
import { formatDateTime, formatDay } from '../../components/date-time.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { PagedResults } from '../../components/PagedResults.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { findReferrals, type ReferralFilter, type ReferralView, SUPERVISION_KEY } from './supervision.api.ts';
import {
  REFERRAL_STATE_COLORS,
  REFERRAL_STATE_OPTIONS,
  SUPERVISION_REFER_ROLES,
} from './supervision-labels.ts';

/** 司法所提请 (第十七条): what the township justice offices referred, and what the county did with it. */
export default function ReferralsPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const canRefer = hasAnyRole(user.roles, SUPERVISION_REFER_ROLES);
  const [filter, setFilter] = useState<ReferralFilter>({ page: 1, pageSize: 20 });
  const referrals = useQuery({
    queryKey: [SUPERVISION_KEY, 'referrals', filter],
    queryFn: () => findReferrals(filter),
    placeholderData: keepPreviousData,
  });
  const columns: ColumnsType<ReferralView> = [
    { title: '检查日期', dataIndex: 'inspectedOn', width: 130, render: (day: string) => formatDay(day) },
    { title: '司法所', key: 'office', width: 150, render: (_value, referral) => referral.office.name },
    { title: '被检查单位', key: 'unit', width: 190, render: (_value, referral) => referral.unit.name },
    {
      title: '发现的问题',
      dataIndex: 'findings',
      ellipsis: true,
      render: (findings: string, referral) => (
        <Link to={`/supervision/referrals/${referral.id}`}>{findings}</Link>
      ),
    },
    { title: '提请时间', dataIndex: 'submittedAt', width: 170, render: (at: string) => formatDateTime(at) },
    {
      title: '状态',
      dataIndex: 'stateLabel',
      width: 100,
      render: (label: string, referral) => <Tag color={REFERRAL_STATE_COLORS[referral.state]}>{label}</Tag>,
    },
  ];
  return (
    <>
      <PageHeader
        title="司法所提请"
        description="司法所在本乡镇日常检查中发现违法或不当行政执法行为，提请县司法局处理；县司法局受理立项或说明理由退回（协调监督工作办法第十七条）。"
        extra={
          canRefer && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/supervision/referrals/new')}
            >
              提请处理
            </Button>
          )
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <FilterSelect
            label="状态"
            options={REFERRAL_STATE_OPTIONS}
            value={filter.state}
            onChange={(state) => setFilter((current) => ({ ...current, state, page: 1 }))}
            width={140}
          />
        </Space>
        <PagedResults<ReferralView>
          query={referrals}
          page={filter.page}
          pageSize={filter.pageSize}
          onPageChange={(page, pageSize) => setFilter((current) => ({ ...current, page, pageSize }))}
          columns={columns}
          onOpen={(referral) => navigate(`/supervision/referrals/${referral.id}`)}
          renderPhoneItem={(referral) => (
            <>
              <Typography.Text strong>{referral.unit.name}</Typography.Text>
              <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
                {formatDay(referral.inspectedOn)} · {referral.findings}
              </div>
              <Tag color={REFERRAL_STATE_COLORS[referral.state]}>{referral.stateLabel}</Tag>
            </>
          )}
          emptyText={
            filter.state
              ? '没有符合条件的提请。'
              : canRefer
                ? '还没有提请，检查中发现问题可点“提请处理”。'
                : '还没有司法所提请。'
          }
          totalText={(total) => `共 ${total} 件`}
          scrollX={1000}
        />
      </Card>
    </>
  );
}
