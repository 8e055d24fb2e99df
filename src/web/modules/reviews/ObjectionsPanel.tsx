import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { formatDateTime, formatDay } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { LocalPagedList } from './LocalPagedList.tsx';
import {
  type CampaignView,
  decideObjection,
  getObjections,
  type Objection,
  type ObjectionDecisionInput,
  REVIEWS_KEY,
} from './reviews.api.ts';
import { OBJECTION_STATE_COLORS, OBJECTION_STATE_OPTIONS } from './reviews-labels.ts';

/**
 * 异议复核 (重点复核, 第十二条(七)): the units' objections to published results, filed from a unit's
 * results within the window; the organiser decides each after the experts' recheck (which the unit
 * may attend): upheld with the score the recheck found, or refused with the reason. Audited.
 */
export function ObjectionsPanel({ campaign }: { campaign: CampaignView }) {
  const objections = useQuery({
    queryKey: [REVIEWS_KEY, 'objections', campaign.id],
    queryFn: () => getObjections(campaign.id),
  });
  const [state, setState] = useState<Objection['state']>();
  const [unit, setUnit] = useState<string>();
  const [deciding, setDeciding] = useState<Objection | null>(null);
  if (objections.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (objections.isError) return <ErrorState error={objections.error} onRetry={() => objections.refetch()} />;
  const { items, window } = objections.data;
  const units = [...new Set(items.map((item) => item.unitName))].map((name) => ({
    value: name,
    label: name,
  }));
  const shown = items.filter((item) => (!state || item.state === state) && (!unit || item.unitName === unit));
  const outcome = (item: Objection) =>
    item.state === 'pending'
      ? '—'
      : `${item.state === 'upheld' ? `改为 ${item.changedScore} 分（原 ${item.scoreBefore ?? '—'} 分）` : `维持 ${item.scoreBefore ?? '—'} 分`}：${item.decisionReason}`;
  const columns: ColumnsType<Objection> = [
    { title: '案卷', dataIndex: 'caseNo', width: 180 },
    { title: '提出单位', dataIndex: 'unitName', width: 180, ellipsis: true },
    { title: '异议理由', dataIndex: 'reasons', ellipsis: true },
    {
      title: '提出',
      key: 'filed',
      width: 200,
      render: (_v, item) => `${item.filedBy} · ${formatDateTime(item.filedAt)}`,
    },
    {
      title: '状态',
      key: 'state',
      width: 100,
      render: (_v, item) => <Tag color={OBJECTION_STATE_COLORS[item.state]}>{item.stateLabel}</Tag>,
    },
    { title: '复核结果', key: 'outcome', width: 260, ellipsis: true, render: (_v, item) => outcome(item) },
    {
      title: '操作',
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_v, item) =>
        item.abilities.canDecide && (
          <Button size="small" type="primary" onClick={() => setDeciding(item)}>
            复核决定
          </Button>
        ),
    },
  ];
  return (
    <Card size="small">
      <Alert
        type={window.isOpen ? 'info' : 'success'}
        showIcon
        style={{ marginBottom: 12 }}
        message={
          window.opensOn && window.closesOn
            ? `异议期 ${formatDay(window.opensOn)}至${formatDay(window.closesOn)}${window.isOpen ? '，异议期内' : '，已届满'}`
            : '评查结果发布后，被评查单位可在异议期内对本单位案卷的评查结果提出异议'
        }
        description="被评查单位在“评查结果”中打开本单位结果，对某一案卷点击“提出异议”。"
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <FilterSelect
          label="状态"
          options={OBJECTION_STATE_OPTIONS}
          value={state}
          onChange={setState}
          width={140}
        />
        <FilterSelect label="提出单位" options={units} value={unit} onChange={setUnit} width={200} />
      </Space>
      <LocalPagedList<Objection>
        items={shown}
        rowKey={(item) => item.id}
        columns={columns}
        scrollX={1300}
        emptyText={state || unit ? '没有符合条件的异议。' : '还没有异议。'}
        totalText={(total) => `共 ${total} 项异议`}
        renderPhoneItem={(item) => (
          <>
            <Space size={4} wrap>
              <Typography.Text strong>{item.caseNo}</Typography.Text>
              <Tag color={OBJECTION_STATE_COLORS[item.state]}>{item.stateLabel}</Tag>
            </Space>
            <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.55)' }}>
              {item.unitName} · {item.filedBy} · {formatDateTime(item.filedAt)}
            </div>
            <div style={{ fontSize: 13 }}>{item.reasons}</div>
            {item.state !== 'pending' && <div style={{ fontSize: 13 }}>复核：{outcome(item)}</div>}
            {item.abilities.canDecide && (
              <Button size="small" type="primary" style={{ marginTop: 4 }} onClick={() => setDeciding(item)}>
                复核决定
              </Button>
            )}
          </>
        )}
      />
      {deciding && (
        <DecisionModal campaignId={campaign.id} objection={deciding} onClose={() => setDeciding(null)} />
      )}
    </Card>
  );
}

function DecisionModal({
  campaignId,
  objection,
  onClose,
}: {
  campaignId: number;
  objection: Objection;
  onClose: () => void;
}) {
  const [form] = Form.useForm<ObjectionDecisionInput>();
  const decision = Form.useWatch('decision', form);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const submit = async (values: ObjectionDecisionInput) => {
    setSaving(true);
    try {
      await decideObjection(campaignId, objection.id, {
        decision: values.decision,
        reason: values.reason,
        ...(values.decision === 'upheld' && { changedScore: values.changedScore }),
      });
      await queryClient.invalidateQueries({ queryKey: [REVIEWS_KEY] });
      message.success('复核决定已记录');
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
      title={`重点复核：${objection.caseNo}`}
      okText="记录决定"
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph>
        <Typography.Text type="secondary">{objection.unitName}的异议理由：</Typography.Text>
        {objection.reasons}
      </Typography.Paragraph>
      {objection.proof && (
        <Typography.Paragraph>
          <Typography.Text type="secondary">证明材料：</Typography.Text>
          {objection.proof}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary">现得分 {objection.scoreBefore ?? '—'} 分。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="decision"
          label="复核决定"
          rules={[{ required: true, message: '请选择采纳或不予采纳' }]}
        >
          <Radio.Group
            options={[
              { value: 'upheld', label: '采纳（改分）' },
              { value: 'refused', label: '不予采纳' },
            ]}
          />
        </Form.Item>
        {decision === 'upheld' && (
          <Form.Item
            name="changedScore"
            label="复核后的分数"
            rules={[{ required: true, message: '采纳异议时请填写复核后的分数' }]}
          >
            <InputNumber min={0} max={100} step={0.5} precision={1} style={{ width: 160 }} addonAfter="分" />
          </Form.Item>
        )}
        <Form.Item name="reason" label="复核意见" rules={[{ required: true, message: '请填写复核意见' }]}>
          <Input.TextArea rows={4} maxLength={5000} placeholder="专家复核的经过和结论" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
