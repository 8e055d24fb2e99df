import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { formatDateTime, formatDay } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { AssignmentPanel } from './AssignmentPanel.tsx';
import { CampaignBoard } from './CampaignBoard.tsx';
import { ObjectionsPanel } from './ObjectionsPanel.tsx';
import { PanelTab } from './PanelTab.tsx';
import { RecheckPanel } from './RecheckPanel.tsx';
import { RectificationPanel } from './RectificationPanel.tsx';
import { ResultsPanel } from './ResultsPanel.tsx';
import { getCampaign, REVIEWS_KEY } from './reviews.api.ts';
import { STATE_COLORS } from './reviews-labels.ts';
import { SamplingPanel } from './SamplingPanel.tsx';
import { ScoresPanel } from './ScoresPanel.tsx';

export const campaignKey = (id: number) => [REVIEWS_KEY, 'campaign', id] as const;

/** One campaign: its plan, the board, and — for the organiser — sampling, panel, assignment and scores. */
export default function CampaignPage() {
  const id = Number(useParams().id);
  const [searchParams, setSearchParams] = useSearchParams();
  const campaign = useQuery({ queryKey: campaignKey(id), queryFn: () => getCampaign(id) });
  const isPhone = useIsPhone();
  const [showPlan, setShowPlan] = useState(false);
  if (campaign.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (campaign.isError) return <ErrorState error={campaign.error} onRetry={() => campaign.refetch()} />;
  const view = campaign.data;
  const { canManage } = view.abilities;
  const isPublished = view.state === 'published' || view.state === 'closed';
  const tabs = [
    { key: 'board', label: '进度看板', children: <CampaignBoard campaign={view} /> },
    canManage && { key: 'sampling', label: '抽取案卷', children: <SamplingPanel campaign={view} /> },
    canManage && { key: 'panel', label: '评查小组与回避', children: <PanelTab campaign={view} /> },
    canManage && { key: 'assignment', label: '分配评查任务', children: <AssignmentPanel campaign={view} /> },
    canManage && { key: 'scores', label: '评查得分', children: <ScoresPanel campaign={view} /> },
    canManage && { key: 'recheck', label: '复评', children: <RecheckPanel campaign={view} /> },
    (canManage || isPublished) && {
      key: 'results',
      label: '评查结果',
      children: <ResultsPanel campaign={view} />,
    },
    isPublished && { key: 'objections', label: '异议复核', children: <ObjectionsPanel campaign={view} /> },
    isPublished && { key: 'rectification', label: '整改', children: <RectificationPanel campaign={view} /> },
  ].filter((tab) => tab !== false);
  const active = tabs.find((tab) => tab.key === searchParams.get('tab'))?.key ?? 'board';
  return (
    <>
      <PageHeader
        title={view.name}
        description={
          <span>
            <Tag color={STATE_COLORS[view.state]}>{view.stateLabel}</Tag>
            {view.year}年 · {view.methodLabel}（{view.regularityLabel}）· {view.organiserName}（
            {view.levelLabel}）
          </span>
        }
        extra={
          <Link to="/reviews">
            <Button icon={<ArrowLeftOutlined />}>返回评查活动</Button>
          </Link>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        {isPhone && !showPlan ? (
          <Button type="link" style={{ padding: 0 }} onClick={() => setShowPlan(true)}>
            查看评查方案（范围、期限、要求）
          </Button>
        ) : (
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 3 }}
            items={[
              { key: 'kinds', label: '案件类别', children: view.caseKindLabels.join('、') },
              {
                key: 'closed',
                label: '结案日期',
                children: `${formatDay(view.closedFrom)} 至 ${formatDay(view.closedTo)}`,
              },
              {
                key: 'lit',
                label: '经复议、诉讼的案件',
                children: view.includeLitigated ? '纳入' : '不纳入（第四条）',
              },
              { key: 'list', label: '报送目录截止', children: formatDay(view.fileListDueOn) },
              { key: 'scoring', label: '评分截止', children: formatDay(view.scoringDueOn) },
              { key: 'objection', label: '异议期', children: `${view.objectionDays} 天` },
              {
                key: 'per',
                label: '每卷评查人数',
                children: `${view.reviewersPerFile} 名（每人最多 ${view.reviewerCap} 件）`,
              },
              {
                key: 'threshold',
                label: '复评分差',
                children: `超过 ${Number(view.divergenceThreshold)} 分`,
              },
              { key: 'created', label: '创建时间', children: formatDateTime(view.createdAt) },
              ...(view.requirements
                ? [
                    {
                      key: 'req',
                      label: '评查要求',
                      span: 'filled' as const,
                      children: (
                        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                          {view.requirements}
                        </Typography.Paragraph>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      <Tabs
        activeKey={active}
        items={tabs}
        destroyOnHidden
        onChange={(key) => setSearchParams({ tab: key }, { replace: true })}
      />
    </>
  );
}
