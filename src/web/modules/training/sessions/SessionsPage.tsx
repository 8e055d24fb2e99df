import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, InputNumber, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { formatDay } from '../../../components/date-time.ts';
import { FilterSelect } from '../../../components/FilterSelect.tsx';
import { PagedResults } from '../../../components/PagedResults.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { findSessions, type SessionFilter, type SessionView, TRAINING_KEY } from '../training.api.ts';
import { DELIVERY_OPTIONS, KIND_OPTIONS, STATUS_OPTIONS } from '../training-options.ts';
import { SessionFormModal } from './SessionFormModal.tsx';

/** 已结束 green, 未举办 blue. */
export function SessionStatusTag({ session }: { session: Pick<SessionView, 'status' | 'statusLabel'> }) {
  return <Tag color={session.status === 'finished' ? 'green' : 'blue'}>{session.statusLabel}</Tag>;
}

/** 培训班 (培训制度第四–八条): the sessions the account organises or its officers attend. */
export default function SessionsPage() {
  const navigate = useNavigate();
  const [filter, setFilter] = useState<SessionFilter>({ year: dayjs().year(), page: 1, pageSize: 20 });
  const [isCreating, setCreating] = useState(false);
  const sessions = useQuery({
    queryKey: [TRAINING_KEY, 'sessions', filter],
    queryFn: () => findSessions(filter),
    placeholderData: keepPreviousData,
  });
  const update = (patch: Partial<SessionFilter>) =>
    setFilter((current) => ({ ...current, ...patch, page: 1 }));
  const open = (session: SessionView) => navigate(`/training/sessions/${session.id}`);
  const columns: ColumnsType<SessionView> = [
    { title: '培训日期', dataIndex: 'heldOn', width: 130, render: formatDay },
    {
      title: '课程',
      dataIndex: 'course',
      render: (course: string, session) => <Link to={`/training/sessions/${session.id}`}>{course}</Link>,
    },
    {
      title: '举办单位',
      dataIndex: 'orgName',
      width: 200,
      render: (orgName: string, session) => (
        <>
          {orgName}
          {session.organiserKind === 'bureau' && (
            <Tag color="blue" style={{ marginLeft: 6 }}>
              县司法局
            </Tag>
          )}
        </>
      ),
    },
    { title: '类别', dataIndex: 'kindLabel', width: 90 },
    { title: '方式', dataIndex: 'deliveryLabel', width: 90 },
    { title: '学时', dataIndex: 'hours', width: 70, align: 'right' },
    { title: '参训人数', dataIndex: 'attendeeCount', width: 90, align: 'right' },
    {
      title: '状态',
      key: 'status',
      width: 90,
      render: (_value, session) => <SessionStatusTag session={session} />,
    },
  ];
  return (
    <>
      <PageHeader
        title="培训班"
        description="岗位培训、专题培训和自主培训的举办、参训名单与结业考核（培训制度第四至八条）。"
        extra={
          sessions.data?.canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建培训
            </Button>
          )
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Space.Compact>
            <Typography.Text style={{ padding: '4px 8px' }}>年度</Typography.Text>
            <InputNumber
              aria-label="年度"
              min={2000}
              max={2100}
              value={filter.year}
              onChange={(year) => update({ year: year ?? undefined })}
              style={{ width: 100 }}
            />
          </Space.Compact>
          <Input.Search
            allowClear
            placeholder="搜索课程、教材"
            aria-label="搜索课程、教材"
            style={{ width: 200 }}
            onSearch={(keyword) => update({ keyword: keyword || undefined })}
          />
          <FilterSelect
            label="类别"
            options={KIND_OPTIONS}
            value={filter.kind}
            onChange={(kind) => update({ kind })}
            width={130}
          />
          <FilterSelect
            label="方式"
            options={DELIVERY_OPTIONS}
            value={filter.delivery}
            onChange={(delivery) => update({ delivery })}
            width={130}
          />
          <FilterSelect
            label="状态"
            options={STATUS_OPTIONS}
            value={filter.status}
            onChange={(status) => update({ status })}
            width={120}
          />
        </Space>
        <PagedResults<SessionView>
          query={sessions}
          page={filter.page}
          pageSize={filter.pageSize}
          onPageChange={(page, pageSize) => setFilter((current) => ({ ...current, page, pageSize }))}
          columns={columns}
          onOpen={open}
          renderPhoneItem={(session) => (
            <>
              <Typography.Text strong>{session.course}</Typography.Text>
              <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
                {formatDay(session.heldOn)} · {session.orgName} · {session.kindLabel} · {session.hours} 学时 ·{' '}
                {session.attendeeCount} 人
              </div>
              <SessionStatusTag session={session} />
            </>
          )}
          emptyText="本年度暂无培训。"
          totalText={(total) => `共 ${total} 期培训`}
          scrollX={960}
        />
      </Card>
      {isCreating && (
        <SessionFormModal
          onClose={() => setCreating(false)}
          onSaved={(session) => navigate(`/training/sessions/${session.id}`)}
        />
      )}
    </>
  );
}
