import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, InputNumber, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { rolesWith } from '../../../common/permissions.ts';
import { UNIT_CATEGORIES, UNIT_CATEGORY_LABELS } from '../../../common/units.ts';
import { useCurrentUser } from '../../app/auth-context.tsx';
import { hasAnyRole } from '../../app/roles.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { PagedResults } from '../../components/PagedResults.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { findUnits, UNITS_KEY, type UnitFilter, type UnitSummary } from './units.api.ts';

const STATE_COLORS: Record<string, string> = { normal: 'default', due_soon: 'orange', overdue: 'red' };
const CATEGORY_OPTIONS = UNIT_CATEGORIES.map((value) => ({ value, label: UNIT_CATEGORY_LABELS[value] }));

/** The report's state: 已报送 (green) or 正常 / 临期 / 逾期 as the server computed it. */
export function ReportStateTag({ unit }: { unit: Pick<UnitSummary, 'reportState' | 'reportStateLabel'> }) {
  const color = unit.reportState ? STATE_COLORS[unit.reportState] : 'green';
  return <Tag color={color}>{unit.reportStateLabel}</Tag>;
}

/** 依法行政考核单位 (seed 002 一(二)): every unit the account sees, with its year's dossier. */
export default function UnitsPage() {
  const navigate = useNavigate();
  const user = useCurrentUser();
  const seesApprovals = hasAnyRole(user.roles, [...rolesWith('units.manage'), ...rolesWith('units.approve')]);
  const [filter, setFilter] = useState<UnitFilter>({ year: dayjs().year(), page: 1, pageSize: 20 });
  const units = useQuery({
    queryKey: [UNITS_KEY, 'list', filter],
    queryFn: () => findUnits(filter),
    placeholderData: keepPreviousData,
  });
  const update = (patch: Partial<UnitFilter>) => setFilter((current) => ({ ...current, ...patch, page: 1 }));
  const open = (unit: UnitSummary) => navigate(`/units/${unit.orgId}?year=${filter.year}`);
  const columns: ColumnsType<UnitSummary> = [
    {
      title: '单位',
      dataIndex: 'name',
      render: (name: string, unit) => <Link to={`/units/${unit.orgId}?year=${filter.year}`}>{name}</Link>,
    },
    { title: '类别', dataIndex: 'categoryLabel', width: 120 },
    { title: '档案条数', dataIndex: 'entryCount', width: 100, align: 'right' },
    { title: '考核检查', dataIndex: 'checkCount', width: 100, align: 'right' },
    {
      title: `年度报告（${dayjs(`${filter.year}-12-01`).format('M月D日')}前）`,
      key: 'report',
      width: 200,
      render: (_value, unit) => <ReportStateTag unit={unit} />,
    },
  ];
  return (
    <>
      <PageHeader
        title="依法行政考核"
        description="考核对象的依法行政档案、自查自评报告、年终考核和抽查（乡镇依法行政考核方案 三）。"
        extra={seesApprovals && <Button onClick={() => navigate('/unit-periods')}>考核结果审定</Button>}
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Space.Compact>
            <Typography.Text style={{ padding: '4px 8px' }}>考核年度</Typography.Text>
            <InputNumber
              aria-label="考核年度"
              min={2000}
              max={2100}
              value={filter.year}
              onChange={(year) => year && update({ year })}
              style={{ width: 100 }}
            />
          </Space.Compact>
          <Input.Search
            allowClear
            placeholder="搜索单位名称"
            aria-label="搜索单位名称"
            style={{ width: 200 }}
            onSearch={(keyword) => update({ keyword: keyword || undefined })}
          />
          <FilterSelect
            label="类别"
            options={CATEGORY_OPTIONS}
            value={filter.category}
            onChange={(category) => update({ category })}
            width={150}
          />
        </Space>
        <PagedResults<UnitSummary>
          query={units}
          page={filter.page}
          pageSize={filter.pageSize}
          onPageChange={(page, pageSize) => setFilter((current) => ({ ...current, page, pageSize }))}
          columns={columns}
          onOpen={open}
          renderPhoneItem={(unit) => (
            <>
              <Typography.Text strong>{unit.name}</Typography.Text>
              <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
                {unit.categoryLabel} · 档案 {unit.entryCount} 条 · 检查 {unit.checkCount} 次
              </div>
              <ReportStateTag unit={unit} />
            </>
          )}
          emptyText="没有可查看的考核单位。"
          totalText={(total) => `共 ${total} 个单位`}
          scrollX={760}
        />
      </Card>
    </>
  );
}
