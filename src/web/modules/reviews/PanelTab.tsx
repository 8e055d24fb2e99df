import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../app/api-client.ts';
import { formatDateTime } from '../../components/date-time.ts';
import { EXPERTS_KEY } from './ExpertPool.tsx';
import { ReasonModal } from './ReasonModal.tsx';
import {
  type CampaignView,
  type Conflict,
  type ExpertView,
  findExperts,
  getConflicts,
  getPanel,
  REVIEWS_KEY,
  setPanel,
  waiveConflict,
} from './reviews.api.ts';

/**
 * 评查小组 (第十二条(二)) chosen from the active pool, and 回避 (第十条): every conflict of every
 * member with every file, with its reason; 不予回避 only with a recorded reason.
 */
export function PanelTab({ campaign }: { campaign: CampaignView }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const experts = useQuery({ queryKey: EXPERTS_KEY, queryFn: findExperts });
  const panel = useQuery({
    queryKey: [REVIEWS_KEY, 'panel', campaign.id],
    queryFn: () => getPanel(campaign.id),
  });
  const conflicts = useQuery({
    queryKey: [REVIEWS_KEY, 'conflicts', campaign.id],
    queryFn: () => getConflicts(campaign.id),
  });
  const [chosen, setChosen] = useState<number[]>([]);
  const [isSaving, setSaving] = useState(false);
  const [waiving, setWaiving] = useState<Conflict | null>(null);
  useEffect(() => {
    if (panel.data) setChosen(panel.data.items.map((expert) => expert.id));
  }, [panel.data]);
  const save = async () => {
    setSaving(true);
    try {
      await setPanel(campaign.id, chosen);
      await queryClient.invalidateQueries({ queryKey: [REVIEWS_KEY] });
      message.success(`评查小组已确定，共 ${chosen.length} 人`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };
  const options = (experts.data?.items ?? [])
    .filter((expert) => expert.isActive || chosen.includes(expert.id))
    .map((expert) => ({
      value: expert.id,
      label: `${expert.name}（${expert.categoryLabel}，${expert.orgName}）`,
    }));
  const conflictColumns: ColumnsType<Conflict> = [
    { title: '案卷', dataIndex: 'caseNo', width: 190 },
    { title: '评查人员', dataIndex: 'expertName', width: 100 },
    {
      title: '回避情形',
      dataIndex: 'label',
      width: 170,
      render: (label: string, item) => <Tag color={item.waiver ? 'default' : 'red'}>{label}</Tag>,
    },
    { title: '理由', dataIndex: 'reason' },
    {
      title: '处理',
      key: 'waiver',
      width: 240,
      render: (_value, item) =>
        item.waiver ? (
          <div style={{ fontSize: 12 }}>
            <Tag color="gold">不予回避</Tag>
            {item.waiver.reason}
            <div style={{ color: 'rgba(0,0,0,0.55)' }}>
              {item.waiver.by} {formatDateTime(item.waiver.at)}
            </div>
          </div>
        ) : (
          <Space size={4} wrap>
            <Tag color="red">须回避</Tag>
            <Button size="small" onClick={() => setWaiving(item)}>
              不予回避…
            </Button>
          </Space>
        ),
    },
  ];
  const blocking = (conflicts.data?.items ?? []).filter((item) => !item.waiver).length;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={`评查小组（${panel.data?.items.length ?? 0} 人）`}>
        <Typography.Paragraph type="secondary">
          从专家库在库成员中选定本次活动的评查工作人员（第十二条(二)）。每件案卷至少{' '}
          {campaign.reviewersPerFile} 名评查人员（第十一条），小组人数应足够回避后分配。
        </Typography.Paragraph>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select
            mode="multiple"
            aria-label="评查小组成员"
            style={{ width: '100%' }}
            placeholder="选择评查人员"
            value={chosen}
            onChange={setChosen}
            options={options}
            loading={experts.isPending || panel.isPending}
            optionFilterProp="label"
          />
          <Button type="primary" loading={isSaving} onClick={save}>
            保存评查小组
          </Button>
        </Space>
        {panel.data && panel.data.items.length > 0 && (
          <Table<ExpertView>
            style={{ marginTop: 12 }}
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 700 }}
            dataSource={panel.data.items}
            columns={[
              { title: '姓名', dataIndex: 'name', width: 100 },
              { title: '类别', dataIndex: 'categoryLabel', width: 150 },
              { title: '所在单位', dataIndex: 'orgName', ellipsis: true },
              {
                title: '擅长',
                dataIndex: 'expertiseLabels',
                render: (labels: string[]) => labels.join('、') || '—',
              },
            ]}
          />
        )}
      </Card>
      <Card size="small" title="回避情形（第十条）">
        {conflicts.data && conflicts.data.items.length > 0 && (
          <Alert
            type={blocking > 0 ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            message={
              blocking > 0
                ? `${blocking} 项须回避：分配时这些评查人员不会评查对应案卷。确有必要不予回避的，须记录理由。`
                : '所有回避情形均已处理。'
            }
          />
        )}
        <Table<Conflict>
          rowKey={(item) => `${item.fileId}-${item.expertId}-${item.code}`}
          size="small"
          loading={conflicts.isPending}
          columns={conflictColumns}
          dataSource={conflicts.data?.items ?? []}
          pagination={{ pageSize: 20, simple: true }}
          scroll={{ x: 950 }}
          locale={{ emptyText: '评查小组成员与评查案卷之间没有回避情形。' }}
        />
      </Card>
      {waiving && <WaiverModal campaign={campaign} conflict={waiving} onClose={() => setWaiving(null)} />}
    </Space>
  );
}

function WaiverModal({
  campaign,
  conflict,
  onClose,
}: {
  campaign: CampaignView;
  conflict: Conflict;
  onClose: () => void;
}) {
  return (
    <ReasonModal
      title="决定不予回避"
      label="不予回避的理由"
      okText="记录决定"
      done="已记录不予回避的决定"
      onClose={onClose}
      onSubmit={(reason) =>
        waiveConflict(campaign.id, {
          fileId: conflict.fileId,
          expertId: conflict.expertId,
          code: conflict.code,
          reason,
        })
      }
    >
      <Typography.Paragraph>
        {conflict.expertName} 与案卷 {conflict.caseNo}：<Tag color="red">{conflict.label}</Tag>
        {conflict.reason}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        不予回避只免除这一项情形；同一人员与该案卷的其他回避情形仍然有效。决定和理由将记入审计日志。
      </Typography.Paragraph>
    </ReasonModal>
  );
}
