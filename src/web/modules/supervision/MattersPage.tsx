import { FlagOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../app/auth-context.tsx';
import { hasAnyRole } from '../../app/roles.ts';
import { formatDay } from '../../components/date-time.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { PagedResults } from '../../components/PagedResults.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DueTag } from './DueTag.tsx';
import { MatterFormDrawer } from './MatterFormDrawer.tsx';
import {
  findMatters,
  MATTERS_EXPORT_PATH,
  type MatterFilter,
  type MatterView,
  SUPERVISION_KEY,
} from './supervision.api.ts';
import {
  FIELD_OPTIONS,
  KIND_OPTIONS,
  MATTER_STATE_OPTIONS,
  SOURCE_OPTIONS,
  SUPERVISION_MANAGE_ROLES,
} from './supervision-labels.ts';
import { UnitSelect } from './UnitSelect.tsx';

const OVERDUE_OPTIONS = [
  { value: 'true', label: '仅看逾期' },
  { value: 'false', label: '未逾期' },
] as const;

/** 执法监督: the supervision matters the account may see (第十一–十四条), filterable and exportable. */
export default function MattersPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const canManage = hasAnyRole(user.roles, SUPERVISION_MANAGE_ROLES);
  const [filter, setFilter] = useState<MatterFilter>({ page: 1, pageSize: 20 });
  const [isCreating, setCreating] = useState(false);
  const matters = useQuery({
    queryKey: [SUPERVISION_KEY, 'matters', filter],
    queryFn: () => findMatters(filter),
    placeholderData: keepPreviousData,
  });
  const update = (patch: Partial<MatterFilter>) =>
    setFilter((current) => ({ ...current, ...patch, page: 1 }));
  const columns: ColumnsType<MatterView> = [
    { title: '立项日期', dataIndex: 'openedOn', width: 125, render: (day: string) => formatDay(day) },
    {
      title: '监督事项',
      dataIndex: 'title',
      render: (title: string, matter) => (
        <>
          <Link to={`/supervision/matters/${matter.id}`}>{title}</Link>
          <div style={{ color: 'rgba(0,0,0,0.5)', fontSize: 12 }}>
            {matter.kindLabel} · {matter.fieldLabel} · 来源：{matter.sourceLabel}
          </div>
        </>
      ),
    },
    {
      title: '被监督单位',
      key: 'units',
      width: 190,
      render: (_value, matter) =>
        matter.case
          ? `${matter.units.map((unit) => unit.name).join('、')}（案件 ${matter.case.caseNo}）`
          : matter.units.map((unit) => unit.name).join('、') || '—',
    },
    {
      title: '状态',
      key: 'state',
      width: 130,
      render: (_value, matter) => (
        <Space size={4}>
          <Tag color={matter.state === 'closed' ? 'green' : 'blue'}>{matter.stateLabel}</Tag>
          {matter.isOverdue && <Tag color="red">逾期</Tag>}
        </Space>
      ),
    },
    {
      title: '办结期限',
      key: 'due',
      width: 185,
      render: (_value, matter) => (matter.state === 'closed' ? '—' : <DueTag due={matter.due} />),
    },
    {
      title: '检查/待报告',
      key: 'counts',
      width: 105,
      align: 'center',
      render: (_value, matter) => `${matter.counts.inspections} / ${matter.counts.waitingReports}`,
    },
  ];
  const { page: _page, pageSize: _pageSize, ...exportQuery } = filter;
  const isFiltered = Object.keys(exportQuery).some(
    (key) => exportQuery[key as keyof typeof exportQuery] !== undefined,
  );
  return (
    <>
      <PageHeader
        title="执法监督"
        description="监督事项：日常监督检查、专项监督、个案监督等（协调监督工作办法第十一至十四条），检查、要求报告与监督通知书在事项内办理。"
        extra={
          <>
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                立项
              </Button>
            )}
            <Button icon={<FlagOutlined />} onClick={() => navigate('/supervision/focus')}>
              年度监督重点
            </Button>
            <ExportButton path={MATTERS_EXPORT_PATH} fileName="行政执法监督事项.xlsx" query={exportQuery} />
          </>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder="搜索事项名称"
            aria-label="搜索事项名称"
            style={{ width: 200 }}
            onSearch={(keyword) => update({ keyword: keyword || undefined })}
          />
          <FilterSelect
            label="监督方式"
            options={KIND_OPTIONS}
            value={filter.kind}
            onChange={(kind) => update({ kind })}
            width={140}
          />
          <FilterSelect
            label="监督领域"
            options={FIELD_OPTIONS}
            value={filter.field}
            onChange={(field) => update({ field })}
            width={140}
          />
          <FilterSelect
            label="事项来源"
            options={SOURCE_OPTIONS}
            value={filter.source}
            onChange={(source) => update({ source })}
            width={140}
          />
          <UnitSelect
            allowClear
            placeholder="被监督单位"
            value={filter.unitId ?? null}
            onChange={(unitId) => update({ unitId: typeof unitId === 'number' ? unitId : undefined })}
            style={{ width: 200 }}
          />
          <FilterSelect
            label="事项状态"
            options={MATTER_STATE_OPTIONS}
            value={filter.state}
            onChange={(state) => update({ state })}
            width={120}
          />
          <FilterSelect
            label="逾期"
            options={OVERDUE_OPTIONS}
            value={filter.overdue === undefined ? undefined : filter.overdue ? 'true' : 'false'}
            onChange={(overdue) =>
              update({ overdue: overdue === undefined ? undefined : overdue === 'true' })
            }
            width={120}
          />
        </Space>
        <PagedResults<MatterView>
          query={matters}
          page={filter.page}
          pageSize={filter.pageSize}
          onPageChange={(page, pageSize) => setFilter((current) => ({ ...current, page, pageSize }))}
          columns={columns}
          onOpen={(matter) => navigate(`/supervision/matters/${matter.id}`)}
          renderPhoneItem={(matter) => (
            <>
              <Typography.Text strong>{matter.title}</Typography.Text>
              <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
                {matter.kindLabel} · {matter.fieldLabel} · {matter.units.map((unit) => unit.name).join('、')}
              </div>
              <Space size={4} wrap>
                <Tag color={matter.state === 'closed' ? 'green' : 'blue'}>{matter.stateLabel}</Tag>
                {matter.isOverdue && <Tag color="red">逾期</Tag>}
                {matter.state !== 'closed' && matter.due && <DueTag due={matter.due} prefix="期限 " />}
              </Space>
            </>
          )}
          emptyText={
            isFiltered
              ? '没有符合条件的监督事项。'
              : canManage
                ? '还没有监督事项，点“立项”开始。'
                : '还没有涉及本单位的监督事项。'
          }
          totalText={(total) => `共 ${total} 件`}
          scrollX={1040}
        />
      </Card>
      {isCreating && (
        <MatterFormDrawer
          onClose={() => setCreating(false)}
          onCreated={(id) => navigate(`/supervision/matters/${id}`)}
        />
      )}
    </>
  );
}
