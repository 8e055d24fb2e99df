import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { formatDateTime, formatDay } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { DeadlineTag } from '../workbench/deadline-tag.tsx';
import { RectificationAttachments } from './RectificationAttachments.tsx';
import { boardKey } from './ResultsPanel.tsx';
import {
  type CampaignView,
  decideRectification,
  getBoard,
  getRectification,
  REVIEWS_KEY,
  type RectificationDecisionInput,
  submitRectification,
  type UnitRectificationData,
} from './reviews.api.ts';
import { RECTIFICATION_STATUS_COLORS } from './reviews-labels.ts';

type Report = UnitRectificationData['history'][number];
const REPORT_COLORS = { submitted: 'blue', accepted: 'green', returned: 'red' } as const;

/**
 * 整改 (第十七条): each unit with failing files files its rectification report within 10 days of the
 * circular, listing its attachments; the organiser accepts it or returns it with the reason, and a
 * returned report is filed again. Due and late states show per unit.
 */
export function RectificationPanel({ campaign }: { campaign: CampaignView }) {
  const board = useQuery({ queryKey: boardKey(campaign.id), queryFn: () => getBoard(campaign.id) });
  const owing = (board.data?.units ?? []).filter((unit) => unit.rectificationStatus !== 'not_required');
  const [chosen, setChosen] = useState<number>();
  const orgId = chosen ?? owing[0]?.orgId;
  if (board.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (board.isError) return <ErrorState error={board.error} onRetry={() => board.refetch()} />;
  if (owing.length === 0)
    return (
      <Card size="small">
        <Empty
          description={
            board.data.state === 'published' || board.data.state === 'closed'
              ? '没有需要整改的单位：各被评查单位均无不合格案卷。'
              : '评查结果发布、评查通报印发后，有不合格案卷的单位在这里报送整改报告。'
          }
        />
      </Card>
    );
  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <span>被评查单位</span>
        <Select
          aria-label="选择被评查单位"
          style={{ width: 260 }}
          value={orgId}
          onChange={setChosen}
          options={owing.map((unit) => ({
            value: unit.orgId,
            label: `${unit.name}（${unit.rectificationStatusLabel}）`,
          }))}
        />
      </Space>
      {orgId !== undefined && <UnitRectificationCard key={orgId} campaignId={campaign.id} orgId={orgId} />}
    </Card>
  );
}

function UnitRectificationCard({ campaignId, orgId }: { campaignId: number; orgId: number }) {
  const rectification = useQuery({
    queryKey: [REVIEWS_KEY, 'rectification', campaignId, orgId],
    queryFn: () => getRectification(campaignId, orgId),
  });
  const [deciding, setDeciding] = useState<Report | null>(null);
  if (rectification.isPending) return <Skeleton active />;
  if (rectification.isError)
    return <ErrorState error={rectification.error} onRetry={() => rectification.refetch()} />;
  const data = rectification.data;
  return (
    <>
      <Space size={8} wrap style={{ marginBottom: 12 }}>
        <Typography.Text strong>{data.name}</Typography.Text>
        <Tag color={RECTIFICATION_STATUS_COLORS[data.status]}>{data.statusLabel}</Tag>
        <DeadlineTag state={data.deadlineState} label={data.deadlineLabel} />
        <span>不合格案卷 {data.failingFiles} 件</span>
        {data.circularNumber && (
          <span>
            依据 {data.circularNumber}（{formatDay(data.circularIssuedOn!)}印发）
          </span>
        )}
        {data.dueOn && <span>报送期限 {formatDay(data.dueOn)}</span>}
      </Space>
      {data.status === 'awaiting_circular' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="评查通报印发后起算 10 日报送整改报告（第十七条）。"
        />
      )}
      {data.abilities.canSubmit && (
        <ReportForm campaignId={campaignId} orgId={orgId} isAgain={data.status === 'returned'} />
      )}
      <List<Report>
        header={<Typography.Text strong>整改报告</Typography.Text>}
        dataSource={[...data.history].reverse()}
        locale={{ emptyText: '尚未报送整改报告。' }}
        renderItem={(report) => (
          <List.Item
            key={report.id}
            style={{ display: 'block' }}
            actions={
              data.abilities.canDecide && report.state === 'submitted'
                ? [
                    <Button key="decide" type="primary" size="small" onClick={() => setDeciding(report)}>
                      审核
                    </Button>,
                  ]
                : []
            }
          >
            <Space size={4} wrap>
              <Tag color={REPORT_COLORS[report.state]}>{report.stateLabel}</Tag>
              <span style={{ fontSize: 13, color: 'rgba(0,0,0,0.55)' }}>
                {report.submittedBy} 于 {formatDateTime(report.submittedAt)} 报送
              </span>
            </Space>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0' }}>
              {report.report}
            </Typography.Paragraph>
            {report.attachmentNames.length > 0 && (
              <div style={{ fontSize: 13 }}>附件：{report.attachmentNames.join('；')}</div>
            )}
            <RectificationAttachments
              campaignId={campaignId}
              orgId={orgId}
              report={report}
              canAttach={data.abilities.canAttach && report.id === data.history.at(-1)?.id}
            />
            {report.decidedAt && (
              <div style={{ fontSize: 13, marginTop: 4 }}>
                审核：{report.decidedBy} 于 {formatDateTime(report.decidedAt)}
                {report.state === 'accepted' ? '通过' : '退回'}
                {report.decisionNote ? `，${report.decisionNote}` : ''}
              </div>
            )}
          </List.Item>
        )}
      />
      {deciding && (
        <DecisionModal
          campaignId={campaignId}
          orgId={orgId}
          report={deciding}
          onClose={() => setDeciding(null)}
        />
      )}
    </>
  );
}

interface ReportValues {
  report: string;
  attachments?: string;
}

/** The unit's report; attachments are listed one a line (已整改案卷, 整改措施文件). */
function ReportForm({ campaignId, orgId, isAgain }: { campaignId: number; orgId: number; isAgain: boolean }) {
  const [form] = Form.useForm<ReportValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const submit = async (values: ReportValues) => {
    setSaving(true);
    try {
      await submitRectification(campaignId, orgId, {
        report: values.report,
        attachmentNames: (values.attachments ?? '')
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      });
      await queryClient.invalidateQueries({ queryKey: [REVIEWS_KEY] });
      message.success('整改报告已报送');
      form.resetFields();
    } catch (error) {
      applyApiErrorToForm(form, error, message.error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card
      size="small"
      type="inner"
      title={isAgain ? '重新报送整改报告' : '报送整改报告'}
      style={{ marginBottom: 12 }}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="report"
          label="整改情况报告"
          rules={[{ required: true, message: '请填写整改情况报告' }]}
        >
          <Input.TextArea rows={6} maxLength={20_000} placeholder="逐卷说明存在的问题、整改措施和整改结果" />
        </Form.Item>
        <Form.Item name="attachments" label="附件清单" extra="每行一项，如：已补正的案卷、整改措施文件">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isSaving}>
          报送
        </Button>
      </Form>
    </Card>
  );
}

function DecisionModal({
  campaignId,
  orgId,
  report,
  onClose,
}: {
  campaignId: number;
  orgId: number;
  report: Report;
  onClose: () => void;
}) {
  const [form] = Form.useForm<RectificationDecisionInput>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const submit = async (values: RectificationDecisionInput) => {
    setSaving(true);
    try {
      await decideRectification(campaignId, orgId, report.id, {
        decision: values.decision,
        note: values.note?.trim() || undefined,
      });
      await queryClient.invalidateQueries({ queryKey: [REVIEWS_KEY] });
      message.success(values.decision === 'accepted' ? '整改报告已通过' : '整改报告已退回');
      onClose();
    } catch (error) {
      applyApiErrorToForm(form, error, message.error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title="审核整改报告"
      okText="确定"
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="decision" label="审核结果" rules={[{ required: true, message: '请选择通过或退回' }]}>
          <Radio.Group
            options={[
              { value: 'accepted', label: '通过' },
              { value: 'returned', label: '退回重报' },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label="审核意见">
          <Input.TextArea rows={3} maxLength={2000} placeholder="退回时请写明理由" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
