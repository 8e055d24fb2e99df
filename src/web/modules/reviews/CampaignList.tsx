import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, InputNumber, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../app/auth-context.tsx';
import { hasAnyRole } from '../../app/roles.ts';
import { formatDay } from '../../components/date-time.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { PagedResults } from '../../components/PagedResults.tsx';
import { CampaignWizard } from './CampaignWizard.tsx';
import { type CampaignFilter, type CampaignSummary, findCampaigns, REVIEWS_KEY } from './reviews.api.ts';
import { REVIEW_MANAGE_ROLES } from './reviews-access.ts';
import { STATE_COLORS, STATE_OPTIONS } from './reviews-labels.ts';

/** 评查活动: every campaign the account organises or whose units it belongs to, filterable. */
export function CampaignList() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const canCreate = hasAnyRole(user.roles, REVIEW_MANAGE_ROLES);
  const [filter, setFilter] = useState<CampaignFilter>({ page: 1, pageSize: 20 });
  const [isCreating, setCreating] = useState(false);
  const campaigns = useQuery({
    queryKey: [REVIEWS_KEY, 'campaigns', filter],
    queryFn: () => findCampaigns(filter),
    placeholderData: keepPreviousData,
  });
  const update = (patch: Partial<CampaignFilter>) =>
    setFilter((current) => ({ ...current, ...patch, page: 1 }));
  const open = (campaign: CampaignSummary) => navigate(`/reviews/campaigns/${campaign.id}`);
  const columns: ColumnsType<CampaignSummary> = [
    {
      title: '评查活动',
      dataIndex: 'name',
      width: 300,
      ellipsis: true,
      render: (name: string, campaign) => <Link to={`/reviews/campaigns/${campaign.id}`}>{name}</Link>,
    },
    { title: '年度', dataIndex: 'year', width: 70 },
    {
      title: '评查方式',
      key: 'method',
      width: 140,
      render: (_value, campaign) => `${campaign.methodLabel}（${campaign.regularityLabel}）`,
    },
    {
      title: '组织单位',
      key: 'organiser',
      width: 200,
      ellipsis: true,
      render: (_value, campaign) => (
        <span>
          {campaign.organiserName} <Tag>{campaign.levelLabel}</Tag>
        </span>
      ),
    },
    {
      title: '状态',
      dataIndex: 'stateLabel',
      width: 160,
      render: (label: string, campaign) => <Tag color={STATE_COLORS[campaign.state]}>{label}</Tag>,
    },
    { title: '被评查单位', dataIndex: 'unitCount', width: 100, align: 'right' },
    { title: '评查案卷', dataIndex: 'fileCount', width: 90, align: 'right' },
    { title: '目录报送截止', dataIndex: 'fileListDueOn', width: 140, render: formatDay },
    { title: '评分截止', dataIndex: 'scoringDueOn', width: 140, render: formatDay },
  ];
  const isFiltered = Boolean(filter.keyword || filter.year || filter.state);
  return (
    <Card>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder="搜索活动名称"
            aria-label="搜索活动名称"
            style={{ width: 220 }}
            onSearch={(keyword) => update({ keyword: keyword || undefined })}
          />
          <InputNumber
            placeholder="年度"
            aria-label="按年度筛选"
            min={2000}
            max={2100}
            style={{ width: 110 }}
            value={filter.year}
            onChange={(year) => update({ year: year ?? undefined })}
          />
          <FilterSelect
            label="状态"
            options={STATE_OPTIONS}
            value={filter.state}
            onChange={(state) => update({ state })}
            width={200}
          />
        </Space>
        {canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建评查活动
          </Button>
        )}
      </Space>
      <PagedResults<CampaignSummary>
        query={campaigns}
        page={filter.page}
        pageSize={filter.pageSize}
        onPageChange={(page, pageSize) => setFilter((current) => ({ ...current, page, pageSize }))}
        columns={columns}
        onOpen={open}
        renderPhoneItem={(campaign) => (
          <>
            <Typography.Text strong>{campaign.name}</Typography.Text>
            <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
              {campaign.year}年 · {campaign.methodLabel} · {campaign.organiserName}
            </div>
            <Space size={4} wrap style={{ marginTop: 4 }}>
              <Tag color={STATE_COLORS[campaign.state]}>{campaign.stateLabel}</Tag>
              <span style={{ fontSize: 13 }}>
                {campaign.unitCount} 个单位 · {campaign.fileCount} 件案卷 · 评分截止{' '}
                {formatDay(campaign.scoringDueOn)}
              </span>
            </Space>
          </>
        )}
        emptyText={
          isFiltered
            ? '没有符合条件的评查活动。'
            : canCreate
              ? '还没有评查活动。点击“新建评查活动”制订评查方案。'
              : '还没有涉及本单位的评查活动。'
        }
        totalText={(total) => `共 ${total} 项评查活动`}
        scrollX={1300}
      />
      {isCreating && (
        <CampaignWizard
          onClose={() => setCreating(false)}
          onCreated={(id) => navigate(`/reviews/campaigns/${id}`)}
        />
      )}
    </Card>
  );
}
