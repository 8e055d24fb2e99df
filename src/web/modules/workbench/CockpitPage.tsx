import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Select, Skeleton, Space, Statistic, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { type ReactNode, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../app/auth-context.tsx';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { formatDay } from '../../components/date-time.ts';
import { EChart } from '../../components/EChart.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { recentYears } from '../officers/training/TrainingTab.tsx';
import {
  assessmentPeriodLink,
  casesFiledLink,
  disputesLink,
  noticesLink,
  officersLink,
  qualityLink,
  type RecordOutcome,
  recordsLink,
  trainingLink,
} from './cockpit-links.ts';
import { type CockpitData, fetchCockpit, WORKBENCH_KEY } from './workbench.api.ts';

const QUARTER_OPTIONS = [
  { value: 0, label: '全年' },
  { value: 1, label: '第一季度' },
  { value: 2, label: '第二季度' },
  { value: 3, label: '第三季度' },
  { value: 4, label: '第四季度' },
];
const PALETTE = ['#1d4e89', '#3a86c8', '#52c41a', '#faad14', '#f5222d', '#722ed1', '#13c2c2', '#8c8c8c'];
const rateText = (rate: number | null) => (rate === null ? '—' : `${rate}%`);

/** A headline figure that opens its list (a button when it has one). */
function Figure({
  title,
  value,
  suffix,
  hint,
  to,
}: {
  title: string;
  value: ReactNode;
  suffix?: string;
  hint?: string;
  to?: string;
}) {
  const body = (
    <Card size="small" hoverable={!!to} style={{ height: '100%' }}>
      <Statistic
        title={title}
        value={value as string}
        suffix={suffix}
        styles={{ content: { color: '#1d4e89' } }}
      />
      {hint && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      )}
    </Card>
  );
  if (!to) return body;
  return (
    <Link to={to} aria-label={`${title}，查看明细`} style={{ display: 'block', height: '100%' }}>
      {body}
    </Link>
  );
}

function ChartCard({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card title={title} extra={extra} size="small" style={{ height: '100%' }}>
      {children}
    </Card>
  );
}

const pie = (name: string, data: { name: string; value: number }[], isPhone: boolean): EChartsCoreOption => ({
  color: PALETTE,
  tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
  legend: { bottom: 0, type: 'scroll' },
  series: [
    {
      name,
      type: 'pie',
      radius: isPhone ? ['30%', '58%'] : ['38%', '66%'],
      center: ['50%', '44%'],
      data,
      avoidLabelOverlap: true,
      minShowLabelAngle: 12,
      label: { formatter: '{b}\n{c}', show: !isPhone },
    },
  ],
});

/** Horizontal bars of a percentage per unit (持证率, 培训达标率), labelled with the share. */
const unitRates = (units: { name: string; rate: number | null }[]): EChartsCoreOption => ({
  color: PALETTE,
  grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
  tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => `${value}%` },
  xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
  yAxis: { type: 'category', data: units.map((unit) => unit.name), inverse: true },
  series: [
    {
      type: 'bar',
      data: units.map((unit) => unit.rate ?? 0),
      barMaxWidth: 18,
      label: { show: true, position: 'right', formatter: '{c}%' },
    },
  ],
});

function CockpitCharts({ data }: { data: CockpitData }) {
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { casesByMonth, records, quality, certificates, training, reviews, notices, disputes } = data;
  const options = useMemo(() => {
    const recordSlices: { key: RecordOutcome; name: string; value: number }[] = [
      { key: 'onTime', name: '按时报送', value: records.onTime },
      { key: 'late', name: '逾期报送', value: records.late },
      { key: 'overdue', name: '未报送·逾期', value: records.overdue },
      { key: 'dueSoon', name: '未报送·临期', value: records.dueSoon },
      { key: 'normal', name: '未报送·正常', value: records.normal },
    ];
    return {
      recordSlices,
      cases: {
        color: PALETTE,
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0, type: 'scroll' },
        grid: { left: 8, right: 8, top: 16, bottom: 36, containLabel: true },
        xAxis: { type: 'category', data: casesByMonth.months.map((month) => `${Number(month.slice(5))}月`) },
        yAxis: { type: 'value', minInterval: 1, name: '件' },
        series: casesByMonth.kinds.map((kind) => ({
          name: kind.label,
          type: 'bar',
          stack: 'cases',
          barMaxWidth: 28,
          data: kind.counts,
        })),
      } satisfies EChartsCoreOption,
      records: pie(
        '案件记录表',
        recordSlices.filter((slice) => slice.value > 0),
        isPhone,
      ),
      quality: pie(
        '质量分析',
        quality.grades.map((grade) => ({ name: grade.label, value: grade.count })),
        isPhone,
      ),
      certificates: unitRates(certificates.units),
      training: unitRates(training.units),
      reviews: {
        color: PALETTE,
        tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => `${value}%` },
        legend: { bottom: 0 },
        grid: { left: 8, right: 8, top: 16, bottom: 36, containLabel: true },
        xAxis: {
          type: 'category',
          data: reviews.units.map((unit) => unit.name),
          axisLabel: { interval: 0, rotate: 20 },
        },
        yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        series: [
          {
            name: '优秀率',
            type: 'bar',
            data: reviews.units.map((unit) => unit.excellentRate ?? 0),
            barMaxWidth: 20,
          },
          {
            name: '合格率',
            type: 'bar',
            data: reviews.units.map((unit) => unit.passRate ?? 0),
            barMaxWidth: 20,
          },
        ],
      } satisfies EChartsCoreOption,
      disputes: {
        color: PALETTE,
        grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: disputes.statuses.map((status) => status.label), inverse: true },
        series: [
          {
            type: 'bar',
            data: disputes.statuses.map((status) => status.count),
            barMaxWidth: 18,
            label: { show: true, position: 'right' },
          },
        ],
      } satisfies EChartsCoreOption,
      assessment: (() => {
        const grades = [
          ...new Set(data.assessment.flatMap((period) => period.grades.map((grade) => grade.grade))),
        ];
        return {
          color: PALETTE,
          tooltip: { trigger: 'axis' },
          legend: { bottom: 0 },
          grid: { left: 8, right: 8, top: 16, bottom: 36, containLabel: true },
          xAxis: { type: 'category', data: data.assessment.map((period) => period.label) },
          yAxis: { type: 'value', minInterval: 1, name: '个' },
          series: grades.map((grade) => ({
            name: grade,
            type: 'bar',
            stack: 'grades',
            barMaxWidth: 36,
            data: data.assessment.map(
              (period) => period.grades.find((entry) => entry.grade === grade)?.count ?? 0,
            ),
          })),
        } satisfies EChartsCoreOption;
      })(),
    };
  }, [data, casesByMonth, records, quality, certificates, training, reviews, disputes, isPhone]);

  const chartHeight = isPhone ? 240 : 280;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={8} xl={4}>
          <Figure
            title="立案数"
            value={casesByMonth.total}
            suffix="件"
            to={casesFiledLink(data, undefined)}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Figure
            title="记录表按时报送率"
            value={rateText(records.onTimeRate)}
            hint={`应报 ${records.onTime + records.late + records.overdue} 件，按时 ${records.onTime} 件`}
            to={recordsLink(data, 'onTime')}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Figure
            title="记录表逾期未报"
            value={records.overdue}
            suffix="件"
            hint={`临期 ${records.dueSoon} 件`}
            to={recordsLink(data, 'overdue')}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Figure
            title="持证率"
            value={rateText(certificates.rate)}
            hint={`在岗 ${certificates.officers} 人，持有效证 ${certificates.certified} 人`}
            to={officersLink(data.org.id)}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Figure
            title="培训达标率"
            value={rateText(training.rate)}
            hint={`${data.period.year}年，标准 ${training.minHours} 学时`}
            to={trainingLink(data, data.org.id)}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Figure
            title="监督通知书在办"
            value={notices.open}
            suffix="份"
            hint={`期内发出 ${notices.issued} 份，已办结 ${notices.closed} 份`}
            to={noticesLink(data, 'open')}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Figure
            title="监督通知书逾期未报告"
            value={notices.overdue}
            suffix="份"
            hint="送达后 30 日内未书面报告"
            to={noticesLink(data, 'overdue')}
          />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <ChartCard
            title="案件数量（按类别、月份）"
            extra={<Typography.Text type="secondary">点击柱条查看案件</Typography.Text>}
          >
            {casesByMonth.total === 0 ? (
              <Empty description="本期没有立案" />
            ) : (
              <EChart
                ariaLabel="按类别和月份的案件数量"
                option={options.cases}
                height={chartHeight + 40}
                onClick={(click) =>
                  navigate(
                    casesFiledLink(
                      data,
                      casesByMonth.kinds[click.seriesIndex ?? 0]?.kind,
                      casesByMonth.months[click.dataIndex],
                    ),
                  )
                }
              />
            )}
          </ChartCard>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <ChartCard title="案件记录表报送（期内结案）">
            {records.closed === 0 ? (
              <Empty description="本期没有结案" />
            ) : (
              <EChart
                ariaLabel="案件记录表报送情况"
                option={options.records}
                height={chartHeight}
                onClick={(click) => {
                  const slice = options.recordSlices.find((entry) => entry.name === click.name);
                  if (slice) navigate(recordsLink(data, slice.key));
                }}
              />
            )}
          </ChartCard>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <ChartCard
            title="案件质量分析等次"
            extra={<Typography.Text type="secondary">未评 {quality.ungraded} 件</Typography.Text>}
          >
            {quality.grades.every((grade) => grade.count === 0) ? (
              <Empty description="本期还没有质量分析" />
            ) : (
              <EChart
                ariaLabel="案件质量分析等次"
                option={options.quality}
                height={chartHeight}
                onClick={(click) => {
                  const grade = quality.grades.find((entry) => entry.label === click.name);
                  if (grade) navigate(qualityLink(data, grade.grade));
                }}
              />
            )}
          </ChartCard>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <ChartCard title="持证率（按单位，今日）">
            {certificates.units.length === 0 ? (
              <Empty description="没有在岗执法人员" />
            ) : (
              <EChart
                ariaLabel="各单位持证率"
                option={options.certificates}
                height={Math.max(160, certificates.units.length * 30 + 24)}
                onClick={(click) => {
                  const unit = certificates.units[click.dataIndex];
                  if (unit) navigate(officersLink(unit.orgId));
                }}
              />
            )}
          </ChartCard>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <ChartCard title={`培训达标率（按单位，${data.period.year}年）`}>
            {training.units.length === 0 ? (
              <Empty description="没有在岗执法人员" />
            ) : (
              <EChart
                ariaLabel="各单位培训达标率"
                option={options.training}
                height={Math.max(160, training.units.length * 30 + 24)}
                onClick={(click) => {
                  const unit = training.units[click.dataIndex];
                  if (unit) navigate(trainingLink(data, unit.orgId));
                }}
              />
            )}
          </ChartCard>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <ChartCard title={`案卷评查结果（${data.period.year}年）`}>
            {reviews.files === 0 ? (
              <Empty description="本年度还没有评分完成的评查案卷" />
            ) : (
              <EChart ariaLabel="各单位评查优秀率与合格率" option={options.reviews} height={chartHeight} />
            )}
          </ChartCard>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <ChartCard
            title="职责争议（期内提出）"
            extra={
              <Typography.Link onClick={() => navigate(disputesLink())}>
                全部 {disputes.total} 件
              </Typography.Link>
            }
          >
            {disputes.total === 0 ? (
              <Empty description="本期没有职责争议" />
            ) : (
              <EChart
                ariaLabel="职责争议状态"
                option={options.disputes}
                height={chartHeight}
                onClick={(click) => {
                  const status = disputes.statuses[click.dataIndex];
                  if (status) navigate(disputesLink(status.status));
                }}
              />
            )}
          </ChartCard>
        </Col>
        <Col xs={24} xl={16}>
          <ChartCard title={`考核等次（${data.period.year}年各考核周期）`}>
            {data.assessment.length === 0 ? (
              <Empty description="本年度还没有计算出考核结果" />
            ) : (
              <EChart
                ariaLabel="各考核周期等次分布"
                option={options.assessment}
                height={chartHeight}
                onClick={(click) => {
                  const period = data.assessment[click.dataIndex];
                  if (period) navigate(assessmentPeriodLink(period.periodId));
                }}
              />
            )}
          </ChartCard>
        </Col>
      </Row>
    </Space>
  );
}

/** 驾驶舱: the county's (or the legal unit's own agency's) figures for a year or quarter. */
export default function CockpitPage() {
  const user = useCurrentUser();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [quarter, setQuarter] = useState(0);
  const [orgId, setOrgId] = useState<number | undefined>();
  const query = { year, ...(quarter > 0 && { quarter }), ...(orgId !== undefined && { orgId }) };
  const cockpit = useQuery({
    queryKey: [WORKBENCH_KEY, 'cockpit', query],
    queryFn: () => fetchCockpit(query),
    placeholderData: keepPreviousData,
  });
  // the org filter for whoever sees the county (a unit's legal officer sees only their unit)
  const isCountyUser =
    user.roles.some((role) => role === 'admin' || role === 'supervisor') ||
    orgId !== undefined ||
    cockpit.data?.org.isCounty === true;
  return (
    <>
      <PageHeader
        title="驾驶舱"
        description={
          cockpit.data
            ? `${cockpit.data.org.name} · ${cockpit.data.period.label} · 数据截至${formatDay(cockpit.data.today)}，均由业务记录计算，点击数字或图形查看明细`
            : '均由业务记录计算，点击数字或图形查看明细'
        }
        extra={
          <>
            <Select
              aria-label="年度"
              value={year}
              options={recentYears()}
              onChange={setYear}
              style={{ width: 100 }}
            />
            <Select
              aria-label="季度"
              value={quarter}
              options={QUARTER_OPTIONS}
              onChange={setQuarter}
              style={{ width: 110 }}
            />
            {isCountyUser && (
              <OrgTreeSelect
                allowClear
                placeholder="全县"
                value={orgId}
                onChange={setOrgId}
                style={{ width: 220 }}
              />
            )}
          </>
        }
      />
      {cockpit.isPending ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : cockpit.isError ? (
        <ErrorState error={cockpit.error} onRetry={() => cockpit.refetch()} />
      ) : (
        <CockpitCharts data={cockpit.data} />
      )}
    </>
  );
}
