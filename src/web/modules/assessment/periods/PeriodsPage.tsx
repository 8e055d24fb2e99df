import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../../app/auth-context.tsx';
import { hasAnyRole } from '../../../app/roles.ts';
import { formatDay } from '../../../components/date-time.ts';
import { PagedResults } from '../../../components/PagedResults.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ASSESSMENT_KEY, listPeriods } from '../assessment.api.ts';
import type { Period } from '../assessment.types.ts';
import { ASSESSMENT_MANAGE_ROLES } from '../assessment-access.ts';
import { useClientPagedQuery } from '../client-paging.ts';
import { OpenPeriodDrawer } from './OpenPeriodDrawer.tsx';
import { PeriodStatusTag } from './PeriodStatusTag.tsx';

/** 考核周期: the county's periods, newest first, and 开启考核周期 for the assessment office. */
export default function PeriodsPage() {
  const user = useCurrentUser();
  const canManage = hasAnyRole(user.roles, ASSESSMENT_MANAGE_ROLES);
  const navigate = useNavigate();
  const [isOpening, setOpening] = useState(false);
  const periods = useClientPagedQuery([ASSESSMENT_KEY, 'periods'], listPeriods);
  const open = (period: Period) => navigate(`/assessment/periods/${period.id}`);

  const columns: ColumnsType<Period> = [
    {
      title: '考核周期',
      key: 'label',
      width: 170,
      render: (_value, period) => <Link to={`/assessment/periods/${period.id}`}>{period.label}</Link>,
    },
    {
      title: '考核方案',
      key: 'scheme',
      width: 320,
      render: (_value, period) => (
        <>
          {period.schemeName}
          <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
            第 {period.versionNo} 版
          </Typography.Text>
        </>
      ),
    },
    { title: '考核对象', dataIndex: 'subjectCount', width: 90, render: (count: number) => `${count} 个` },
    {
      title: '状态',
      key: 'status',
      width: 90,
      render: (_value, period) => <PeriodStatusTag period={period} />,
    },
    {
      title: '自评截止',
      dataIndex: 'selfDueOn',
      width: 140,
      render: (day: string | null) => (day ? formatDay(day) : '—'),
    },
    {
      title: '申诉截止',
      dataIndex: 'appealClosesOn',
      width: 140,
      render: (day: string | null) => (day ? formatDay(day) : '—'),
    },
  ];

  return (
    <>
      <PageHeader
        title="考核周期"
        description="按考核方案开展的季度、半年、年度考核：记录扣分加分、测评、自评，计分后公示并受理申诉。"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
              开启考核周期
            </Button>
          )
        }
      />
      <Card>
        <PagedResults<Period>
          {...periods}
          columns={columns}
          scrollX={950}
          onOpen={open}
          emptyText={canManage ? '还没有考核周期，可点击“开启考核周期”。' : '本县还没有开启考核周期。'}
          totalText={(total) => `共 ${total} 个考核周期`}
          renderPhoneItem={(period) => (
            <>
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <Typography.Link strong>{period.label}</Typography.Link>
                <PeriodStatusTag period={period} />
              </div>
              <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13, margin: '2px 0' }}>
                {period.schemeName}（第 {period.versionNo} 版）
              </div>
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
                {period.subjectCount} 个考核对象
                {period.selfDueOn && ` · 自评截止 ${formatDay(period.selfDueOn)}`}
                {period.appealClosesOn && ` · 申诉截止 ${formatDay(period.appealClosesOn)}`}
              </div>
            </>
          )}
        />
      </Card>
      {isOpening && <OpenPeriodDrawer onClose={() => setOpening(false)} onOpened={open} />}
    </>
  );
}
