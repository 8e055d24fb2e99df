import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../app/api-client.ts';
import {
  type AssignmentPreviewData,
  applyAssignment,
  type CampaignView,
  getAssignments,
  previewAssignment,
  REVIEWS_KEY,
} from './reviews.api.ts';

type Pair = AssignmentPreviewData['added'][number];

/**
 * 一卷一评 (第十一条): the automatic proposal as a diff against the current assignment, each
 * member's load and the files short of reviewers; applied only as previewed.
 */
export function AssignmentPanel({ campaign }: { campaign: CampaignView }) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [preview, setPreview] = useState<AssignmentPreviewData | null>(null);
  const [isBusy, setBusy] = useState(false);
  const current = useQuery({
    queryKey: [REVIEWS_KEY, 'assignments', campaign.id],
    queryFn: () => getAssignments(campaign.id),
  });
  const byFile = useMemo(() => {
    const map = new Map<number, { fileId: number; caseNo: string; names: string[] }>();
    for (const row of current.data?.items ?? []) {
      const entry = map.get(row.fileId) ?? { fileId: row.fileId, caseNo: row.caseNo, names: [] };
      entry.names.push(row.expertName);
      map.set(row.fileId, entry);
    }
    return [...map.values()];
  }, [current.data]);

  const runPreview = async () => {
    setBusy(true);
    try {
      setPreview(await previewAssignment(campaign.id));
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const confirm = () => {
    if (!preview) return;
    modal.confirm({
      title: '确认分配方案',
      content: `新增 ${preview.added.length} 项、取消 ${preview.removed.length} 项、保留 ${preview.kept} 项。确认后活动进入评分阶段，评查人员可在“我的评查任务”中看到分配给本人的案卷；抽取的案卷不再变更。`,
      okText: '确认分配',
      onOk: async () => {
        try {
          await applyAssignment(campaign.id, { proposalDigest: preview.proposalDigest });
          await queryClient.invalidateQueries({ queryKey: [REVIEWS_KEY] });
          setPreview(null);
          message.success('分配方案已确认，评查人员可以开始评分');
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });
  };
  const pairColumns = [
    { title: '案卷', dataIndex: 'caseNo', width: 200 },
    { title: '评查人员', dataIndex: 'expertName' },
  ];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title="自动分配"
        extra={
          <Button type="primary" loading={isBusy} onClick={runPreview}>
            {preview ? '重新预览' : '预览自动分配'}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: preview ? 12 : 0 }}>
          每件案卷 {campaign.reviewersPerFile} 名评查人员、每人最多 {campaign.reviewerCap}{' '}
          件；须回避的人员不分配；尽量按擅长的案件类别分配并均衡工作量。预览不保存，确认后才生效。
        </Typography.Paragraph>
        {preview && (
          <>
            <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
              {[
                { title: '新增', value: preview.added.length },
                { title: '取消', value: preview.removed.length },
                { title: '保留', value: preview.kept },
                { title: '缺评查人员的案卷', value: preview.shortfalls.length },
                { title: '类别不匹配', value: preview.expertiseMismatches },
                { title: '已回避的组合', value: preview.conflictCount },
              ].map((item) => (
                <Col key={item.title} xs={12} sm={8} md={4}>
                  <Statistic title={item.title} value={item.value} />
                </Col>
              ))}
            </Row>
            {preview.shortfalls.length > 0 ? (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                message="以下案卷凑不齐评查人员，不能确认分配。请扩大评查小组、提高每人件数上限或处理回避情形后重新预览。"
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {preview.shortfalls.map((item) => (
                      <li key={item.fileId}>
                        {item.caseNo}：缺 {item.missing} 名（{item.reason}）
                      </li>
                    ))}
                  </ul>
                }
              />
            ) : (
              <Space style={{ marginBottom: 12 }} wrap>
                <Button type="primary" onClick={confirm}>
                  确认分配
                </Button>
                <Typography.Text type="secondary">每件案卷都已配齐评查人员。</Typography.Text>
              </Space>
            )}
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={8}>
                <Typography.Title level={5}>工作量</Typography.Title>
                <Table
                  rowKey="expertId"
                  size="small"
                  pagination={false}
                  dataSource={preview.loads}
                  columns={[
                    { title: '评查人员', dataIndex: 'expertName' },
                    { title: '案卷数', dataIndex: 'files', width: 80, align: 'right' as const },
                  ]}
                />
              </Col>
              <Col xs={24} lg={8}>
                <Typography.Title level={5}>
                  新增 <Tag color="green">+{preview.added.length}</Tag>
                </Typography.Title>
                <Table<Pair>
                  rowKey={(pair) => `${pair.fileId}-${pair.expertId}`}
                  size="small"
                  pagination={{ pageSize: 15, simple: true }}
                  dataSource={preview.added}
                  columns={pairColumns}
                  locale={{ emptyText: '无' }}
                />
              </Col>
              <Col xs={24} lg={8}>
                <Typography.Title level={5}>
                  取消 <Tag color="red">−{preview.removed.length}</Tag>
                </Typography.Title>
                <Table<Pair>
                  rowKey={(pair) => `${pair.fileId}-${pair.expertId}`}
                  size="small"
                  pagination={{ pageSize: 15, simple: true }}
                  dataSource={preview.removed}
                  columns={pairColumns}
                  locale={{ emptyText: '无' }}
                />
              </Col>
            </Row>
          </>
        )}
      </Card>
      <Card size="small" title={`当前分配（${byFile.length} 件案卷）`}>
        <Table
          rowKey="fileId"
          size="small"
          loading={current.isPending}
          dataSource={byFile}
          pagination={{ pageSize: 20, simple: true }}
          locale={{ emptyText: '还没有分配评查任务。' }}
          columns={[
            { title: '案卷', dataIndex: 'caseNo', width: 220 },
            {
              title: '评查人员',
              dataIndex: 'names',
              render: (names: string[]) => (
                <span>
                  {names.join('、')}
                  {names.length < campaign.reviewersPerFile && (
                    <Tag color="red" style={{ marginInlineStart: 8 }}>
                      不足 {campaign.reviewersPerFile} 名
                    </Tag>
                  )}
                </span>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
