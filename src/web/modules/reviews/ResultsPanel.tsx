import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Popconfirm, Skeleton, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { errorMessage } from '../../app/api-client.ts';
import { formatDay } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { useDownload } from '../../components/use-download.ts';
import { DeadlineTag } from '../workbench/deadline-tag.tsx';
import { LocalPagedList } from './LocalPagedList.tsx';
import {
  type BoardUnit,
  type CampaignView,
  getBoard,
  issueCircular,
  publishResults,
  REVIEWS_KEY,
} from './reviews.api.ts';
import { RECTIFICATION_STATUS_COLORS, RECTIFICATION_STATUS_OPTIONS } from './reviews-labels.ts';
import { UnitResultsDrawer } from './UnitResultsDrawer.tsx';

export const boardKey = (id: number) => [REVIEWS_KEY, 'board', id] as const;

/** A failed download's Chinese message, shown once. */
/**
 * 评查结果: per unit the counts, 优秀率 and 合格率 (第十七条), the objections pending, the files'
 * return (第十二条(九)) and the rectification state; the organiser publishes the results (refused
 * while a file is unscored or a flagged file has no re-review, 第十二条(五)(六)), prints the reports
 * and issues the circular. Each unit's files open in a drawer.
 */
export function ResultsPanel({ campaign }: { campaign: CampaignView }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const download = useDownload();
  const board = useQuery({ queryKey: boardKey(campaign.id), queryFn: () => getBoard(campaign.id) });
  const [keyword, setKeyword] = useState('');
  const [status, setStatus] = useState<BoardUnit['rectificationStatus']>();
  const [openUnit, setOpenUnit] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  if (board.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (board.isError) return <ErrorState error={board.error} onRetry={() => board.refetch()} />;
  const data = board.data;
  const isPublished = data.state === 'published' || data.state === 'closed';
  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setRefusal(null);
    try {
      await action();
      await queryClient.invalidateQueries({ queryKey: [REVIEWS_KEY] });
      message.success(done);
    } catch (error) {
      setRefusal(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const units = data.units.filter(
    (unit) => (!keyword || unit.name.includes(keyword)) && (!status || unit.rectificationStatus === status),
  );
  const rate = (value: string | null | undefined) => (value == null ? '—' : `${value}%`);
  const columns: ColumnsType<BoardUnit> = [
    {
      title: '被评查单位',
      dataIndex: 'name',
      width: 220,
      ellipsis: true,
      render: (name: string, unit) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpenUnit(unit.orgId)}>
          {name}
        </Button>
      ),
    },
    { title: '评查案卷', dataIndex: 'files', width: 90, align: 'right' },
    { title: '已定分', dataIndex: 'final', width: 80, align: 'right' },
    {
      title: '优秀',
      key: 'excellent',
      width: 70,
      align: 'right',
      render: (_v, unit) => unit.results?.excellent ?? '—',
    },
    {
      title: '合格',
      key: 'pass',
      width: 70,
      align: 'right',
      render: (_v, unit) => unit.results?.pass ?? '—',
    },
    {
      title: '不合格',
      key: 'fail',
      width: 80,
      align: 'right',
      render: (_v, unit) =>
        unit.results ? (
          <span style={{ color: unit.results.fail ? '#cf1322' : undefined }}>{unit.results.fail}</span>
        ) : (
          '—'
        ),
    },
    {
      title: '优秀率',
      key: 'er',
      width: 90,
      align: 'right',
      render: (_v, unit) => rate(unit.results?.excellentRate),
    },
    {
      title: '合格率',
      key: 'pr',
      width: 90,
      align: 'right',
      render: (_v, unit) => rate(unit.results?.passRate),
    },
    {
      title: '待复核异议',
      dataIndex: 'pendingObjections',
      width: 100,
      align: 'right',
      render: (count: number) => (count ? <Tag color="orange">{count}</Tag> : 0),
    },
    {
      title: '案卷退回',
      dataIndex: 'filesReturnedOn',
      width: 140,
      render: (day: string | null) => (day ? formatDay(day) : '未退回'),
    },
    {
      title: '整改',
      key: 'rect',
      width: 200,
      render: (_v, unit) => (
        <Space size={4} wrap>
          <Tag color={RECTIFICATION_STATUS_COLORS[unit.rectificationStatus]}>
            {unit.rectificationStatusLabel}
          </Tag>
          <DeadlineTag state={unit.rectificationDeadlineState} label={unit.rectificationDeadlineLabel} />
        </Space>
      ),
    },
  ];
  return (
    <Card size="small">
      {!isPublished && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="评查结果尚未发布"
          description="全部案卷评完、需复评的案卷复评完毕后，由组织单位审核并向被评查单位反馈评查结果（第十二条(六)）。发布前被评查单位看不到得分。"
        />
      )}
      {isPublished && (
        <Alert
          type={data.objectionWindow.isOpen ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          message={`评查结果已于 ${formatDay(data.publishedOn!)} 发布`}
          description={
            <>
              异议期（重点复核，第十二条(七)）：
              {data.objectionWindow.opensOn && data.objectionWindow.closesOn
                ? `${formatDay(data.objectionWindow.opensOn)}至${formatDay(data.objectionWindow.closesOn)}`
                : '—'}
              {data.objectionWindow.isOpen ? '，异议期内' : '，已届满'}。
              {data.circularNumber
                ? ` 评查通报 ${data.circularNumber} 已于 ${formatDay(data.circularIssuedOn!)} 印发，不合格案卷的单位应在 10 日内报送整改报告（第十七条）。`
                : ' 评查通报尚未印发。'}
            </>
          }
        />
      )}
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setRefusal(null)}
          style={{ marginBottom: 12 }}
          message={refusal}
        />
      )}
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder="搜索单位名称"
            aria-label="搜索单位名称"
            style={{ width: 200 }}
            onSearch={(value) => setKeyword(value.trim())}
          />
          <FilterSelect
            label="整改状态"
            options={RECTIFICATION_STATUS_OPTIONS}
            value={status}
            onChange={setStatus}
            width={160}
          />
        </Space>
        <Space wrap>
          {data.abilities.canPublish && (
            <Popconfirm
              title="发布评查结果"
              description="发布后各被评查单位可查看本单位案卷的得分和扣分理由，异议期自今日起算。"
              okText="发布"
              onConfirm={() => run(() => publishResults(campaign.id), '评查结果已发布')}
            >
              <Button type="primary" loading={isBusy}>
                发布评查结果
              </Button>
            </Popconfirm>
          )}
          {data.abilities.canIssueCircular && (
            <Popconfirm
              title="印发评查通报"
              description="通报经领导签发后编号印发；整改报告的 10 日期限自印发之日起算。"
              okText="印发"
              onConfirm={() => run(() => issueCircular(campaign.id), '评查通报已印发')}
            >
              <Button loading={isBusy}>印发评查通报</Button>
            </Popconfirm>
          )}
          {isPublished && (
            <>
              <Button
                icon={<DownloadOutlined />}
                onClick={() => download(`/review-campaigns/${campaign.id}/circular.docx`, '评查通报.docx')}
              >
                评查通报
              </Button>
              {campaign.abilities.canManage && (
                <Button
                  icon={<DownloadOutlined />}
                  onClick={() =>
                    download(`/review-campaigns/${campaign.id}/overall-report.docx`, '评查总体报告.docx')
                  }
                >
                  总体报告
                </Button>
              )}
            </>
          )}
          {campaign.abilities.canManage && (
            <Button
              icon={<DownloadOutlined />}
              onClick={() => download(`/review-campaigns/${campaign.id}/scores.xlsx`, '评查得分.xlsx')}
            >
              全部评分
            </Button>
          )}
        </Space>
      </Space>
      <LocalPagedList<BoardUnit>
        items={units}
        rowKey={(unit) => unit.orgId}
        columns={columns}
        scrollX={1300}
        emptyText={keyword || status ? '没有符合条件的单位。' : '本次评查没有被评查单位。'}
        totalText={(total) => `共 ${total} 个单位`}
        renderPhoneItem={(unit) => (
          <div>
            <Button
              type="link"
              style={{ padding: 0, fontWeight: 600 }}
              onClick={() => setOpenUnit(unit.orgId)}
            >
              {unit.name}
            </Button>
            <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.55)' }}>
              {unit.files} 件 · 已定分 {unit.final}
              {unit.results
                ? ` · 优秀率 ${rate(unit.results.excellentRate)} · 合格率 ${rate(unit.results.passRate)}`
                : ''}
            </div>
            <Space size={4} wrap style={{ marginTop: 4 }}>
              <Tag color={RECTIFICATION_STATUS_COLORS[unit.rectificationStatus]}>
                {unit.rectificationStatusLabel}
              </Tag>
              <DeadlineTag state={unit.rectificationDeadlineState} label={unit.rectificationDeadlineLabel} />
              {unit.pendingObjections > 0 && <Tag color="orange">待复核异议 {unit.pendingObjections}</Tag>}
            </Space>
          </div>
        )}
      />
      {openUnit !== null && (
        <UnitResultsDrawer
          campaign={campaign}
          orgId={openUnit}
          canMarkFiles={data.abilities.canMarkFiles}
          onClose={() => setOpenUnit(null)}
        />
      )}
    </Card>
  );
}
