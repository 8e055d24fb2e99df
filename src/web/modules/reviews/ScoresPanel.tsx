import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ErrorState } from '../../components/ErrorState.tsx';
import { type CampaignView, type FileScore, getFileScores, REVIEWS_KEY } from './reviews.api.ts';
import { BAND_COLORS } from './reviews-labels.ts';

/** 评查得分: each file's exact mean, band (第十六条), spread and 复评 flags (第十二条(五)). */
export function ScoresPanel({ campaign }: { campaign: CampaignView }) {
  const scores = useQuery({
    queryKey: [REVIEWS_KEY, 'scores', campaign.id],
    queryFn: () => getFileScores(campaign.id),
  });
  if (scores.isError) return <ErrorState error={scores.error} onRetry={() => scores.refetch()} />;
  const columns: ColumnsType<FileScore> = [
    { title: '案卷', dataIndex: 'caseNo', width: 200 },
    { title: '被评查单位', dataIndex: 'unitName', ellipsis: true },
    {
      title: '已评 / 分配',
      key: 'progress',
      width: 110,
      render: (_value, score) => (
        <span style={{ color: score.submitted < score.assigned ? '#d46b08' : undefined }}>
          {score.submitted} / {score.assigned}
        </span>
      ),
    },
    {
      title: '得分（平均）',
      dataIndex: 'mean',
      width: 110,
      align: 'right',
      render: (mean: string | null) => mean ?? '—',
    },
    {
      title: '等次',
      key: 'band',
      width: 90,
      render: (_value, score) =>
        score.band ? <Tag color={BAND_COLORS[score.band]}>{score.bandLabel}</Tag> : '—',
    },
    {
      title: '分差',
      dataIndex: 'spread',
      width: 80,
      align: 'right',
      render: (spread: string | null) => spread ?? '—',
    },
    {
      title: '复评标记',
      dataIndex: 'flagLabels',
      width: 260,
      render: (labels: string[]) =>
        labels.length
          ? labels.map((label) => (
              <Tag key={label} color="orange">
                {label}
              </Tag>
            ))
          : '—',
    },
  ];
  return (
    <Card size="small">
      <Table<FileScore>
        rowKey="fileId"
        size="small"
        loading={scores.isPending}
        columns={columns}
        dataSource={scores.data?.items ?? []}
        pagination={{ pageSize: 20, simple: true }}
        scroll={{ x: 950 }}
        locale={{ emptyText: '还没有评查案卷。' }}
      />
    </Card>
  );
}
