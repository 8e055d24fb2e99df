import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { DRAW_MODE_LABELS } from '../../../common/reviews.ts';
import { errorMessage } from '../../app/api-client.ts';
import { formatDateTime, formatDay } from '../../components/date-time.ts';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { findCases } from '../cases/cases.api.ts';
import { ReasonModal } from './ReasonModal.tsx';
import {
  addReviewFile,
  applyDraw,
  type CampaignView,
  type DrawParamsBody,
  type DrawPreview,
  type DrawRecord,
  getReviewFiles,
  previewDraw,
  REVIEWS_KEY,
  type ReviewFile,
  removeReviewFile,
  verifyDraw,
} from './reviews.api.ts';
import { DRAW_MODE_OPTIONS } from './reviews-labels.ts';

interface DrawValues {
  params: DrawParamsBody;
  seed?: string;
}

type Brief = DrawPreview['drawn'][number];
const briefColumns: ColumnsType<Brief> = [
  { title: '案号', dataIndex: 'caseNo', width: 200 },
  { title: '案件名称', dataIndex: 'name', ellipsis: true },
  { title: '类别', dataIndex: 'kindLabel', width: 90 },
  { title: '单位', dataIndex: 'unitName', width: 200, ellipsis: true },
  {
    title: '结案日期',
    dataIndex: 'closedOn',
    width: 130,
    render: (day: string | null) => (day ? formatDay(day) : '—'),
  },
];

function paramsText(params: DrawParamsBody): string {
  const size =
    params.mode === 'count'
      ? `共 ${params.count} 件`
      : params.mode === 'per_unit'
        ? `每个单位 ${params.perUnit} 件`
        : `${params.sharePercent}%`;
  const strata = [params.byUnit && '按单位', params.byKind && '按案件类别'].filter(Boolean).join('、');
  return `${DRAW_MODE_LABELS[params.mode]}，${size}${strata ? `，${strata}分层` : ''}`;
}

/**
 * 随机抽查 (双随机): the parameters, a preview with its seed (the same seed gives the same files),
 * the draw applied on confirmation, then manual additions and removals with reasons.
 */
export function SamplingPanel({ campaign }: { campaign: CampaignView }) {
  const [form] = Form.useForm<DrawValues>();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const mode = Form.useWatch(['params', 'mode'], form);
  const [preview, setPreview] = useState<{ values: DrawValues; result: DrawPreview } | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [isAdding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<ReviewFile | null>(null);
  const { canDraw, canChangeFiles } = campaign.abilities;
  const files = useQuery({
    queryKey: [REVIEWS_KEY, 'files', campaign.id],
    queryFn: () => getReviewFiles(campaign.id),
  });

  const runPreview = async (values: DrawValues, againOf?: DrawPreview) => {
    setBusy(true);
    try {
      const result = await previewDraw(campaign.id, {
        params: values.params,
        seed: values.seed || undefined,
      });
      setPreview({ values: { ...values, seed: result.seed }, result });
      if (againOf)
        message.info(
          result.drawnDigest === againOf.drawnDigest
            ? '同一种子重新运行，抽取结果相同（抽取摘要一致）'
            : '结果与上次不同：可抽取的案件已发生变化',
        );
    } catch (error) {
      applyApiErrorToForm(form, error, message.error);
    } finally {
      setBusy(false);
    }
  };
  const confirmDraw = () => {
    if (!preview) return;
    const { values, result } = preview;
    modal.confirm({
      title: '确认抽取',
      content: `按随机种子 ${result.seed} 从 ${result.eligibleCount} 件可抽取案卷中抽取 ${result.drawn.length} 件。${
        (files.data?.items.length ?? 0) > 0
          ? '之前抽取的案卷将被替换（保留在记录中，原因为“重新抽取”）。'
          : ''
      }`,
      okText: '确认抽取',
      onOk: async () => {
        try {
          await applyDraw(campaign.id, {
            params: values.params,
            seed: result.seed,
            eligibleDigest: result.eligibleDigest,
          });
          await queryClient.invalidateQueries({ queryKey: [REVIEWS_KEY] });
          setPreview(null);
          message.success(`已抽取 ${result.drawn.length} 件案卷`);
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });
  };
  const verify = async (draw: DrawRecord) => {
    try {
      const result = await verifyDraw(campaign.id, draw.id);
      const same = result.eligibleMatches && result.drawnMatches;
      modal[same ? 'success' : 'warning']({
        title: same ? '核验一致' : '核验结果不一致',
        content: same
          ? `按种子 ${draw.seed} 重新运行，可抽取范围（${result.eligibleCountNow} 件）与抽取结果都与记录一致。`
          : `可抽取范围${result.eligibleMatches ? '未变' : `已变化（现 ${result.eligibleCountNow} 件，记录时 ${draw.eligibleCount} 件）`}；抽取结果${result.drawnMatches ? '一致' : '不一致'}。`,
      });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const fileColumns: ColumnsType<ReviewFile> = [
    {
      title: '案号',
      dataIndex: 'caseNo',
      width: 200,
      render: (caseNo: string, file) =>
        file.removedAt ? <Typography.Text delete>{caseNo}</Typography.Text> : caseNo,
    },
    { title: '案件名称', dataIndex: 'name', ellipsis: true },
    { title: '单位', dataIndex: 'unitName', width: 180, ellipsis: true },
    {
      title: '来源',
      key: 'source',
      width: 230,
      render: (_value, file) => (
        <div>
          <Tag color={file.source === 'draw' ? 'blue' : 'purple'}>{file.sourceLabel}</Tag>
          {file.addedReason && <div style={{ fontSize: 12 }}>理由：{file.addedReason}</div>}
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
            {file.addedBy} {formatDateTime(file.addedAt)}
          </div>
        </div>
      ),
    },
    {
      title: '移出',
      key: 'removed',
      width: 220,
      render: (_value, file) =>
        file.removedAt ? (
          <div style={{ fontSize: 12 }}>
            <Tag>已移出</Tag>
            {file.removedReason}
            <div style={{ color: 'rgba(0,0,0,0.55)' }}>
              {file.removedBy} {formatDateTime(file.removedAt)}
            </div>
          </div>
        ) : canChangeFiles ? (
          <Button size="small" danger onClick={() => setRemoving(file)}>
            移出
          </Button>
        ) : null,
    },
  ];
  const live = (files.data?.items ?? []).filter((file) => !file.removedAt);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {canDraw ? (
        <Card title="抽取参数" size="small">
          <Form<DrawValues>
            form={form}
            layout="vertical"
            onFinish={(values) => runPreview(values)}
            initialValues={{ params: { mode: 'count', count: 10, byUnit: true, byKind: false } }}
          >
            <Form.Item name={['params', 'mode']} label="抽取方式">
              <Radio.Group options={DRAW_MODE_OPTIONS} optionType="button" />
            </Form.Item>
            <Space wrap align="start" size={16}>
              {mode === 'count' && (
                <Form.Item
                  name={['params', 'count']}
                  label="抽取件数"
                  rules={[{ required: true, message: '请填写抽取件数' }]}
                >
                  <InputNumber min={1} max={100000} style={{ width: 140 }} addonAfter="件" />
                </Form.Item>
              )}
              {mode === 'per_unit' && (
                <Form.Item
                  name={['params', 'perUnit']}
                  label="每个单位件数"
                  rules={[{ required: true, message: '请填写件数' }]}
                >
                  <InputNumber min={1} max={10000} style={{ width: 140 }} addonAfter="件" />
                </Form.Item>
              )}
              {mode === 'share' && (
                <Form.Item
                  name={['params', 'sharePercent']}
                  label="抽取比例"
                  rules={[{ required: true, message: '请填写比例' }]}
                >
                  <InputNumber min={0.1} max={100} step={0.1} style={{ width: 140 }} addonAfter="%" />
                </Form.Item>
              )}
              <Form.Item label="分层">
                <Space wrap>
                  <Form.Item name={['params', 'byUnit']} valuePropName="checked" noStyle>
                    <Checkbox>按单位</Checkbox>
                  </Form.Item>
                  <Form.Item name={['params', 'byKind']} valuePropName="checked" noStyle>
                    <Checkbox>按案件类别</Checkbox>
                  </Form.Item>
                </Space>
              </Form.Item>
              <Form.Item
                name="seed"
                label="随机种子（可选）"
                extra="留空则自动生成；填写记录中的种子可复现抽取"
              >
                <Input style={{ width: 220 }} maxLength={64} placeholder="自动生成" />
              </Form.Item>
            </Space>
            <Button type="primary" htmlType="submit" loading={isBusy}>
              预览抽取结果
            </Button>
          </Form>
        </Card>
      ) : (
        <Alert type="info" showIcon message="已分配评查任务，抽取结果和评查案卷不再变更。" />
      )}
      {preview && (
        <Card
          size="small"
          title="抽取预览（尚未保存）"
          extra={
            <Space wrap>
              <Button loading={isBusy} onClick={() => runPreview(preview.values, preview.result)}>
                用同一种子重新运行
              </Button>
              <Button type="primary" onClick={confirmDraw} disabled={preview.result.drawn.length === 0}>
                确认抽取
              </Button>
            </Space>
          }
        >
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'seed',
                label: '随机种子',
                children: (
                  <Typography.Text code copyable>
                    {preview.result.seed}
                  </Typography.Text>
                ),
              },
              { key: 'params', label: '参数', children: paramsText(preview.values.params) },
              {
                key: 'counts',
                label: '可抽取 / 抽中',
                children: `${preview.result.eligibleCount} 件 / ${preview.result.drawn.length} 件`,
              },
              {
                key: 'eligible',
                label: '可抽取范围摘要',
                children: (
                  <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
                    {preview.result.eligibleDigest}
                  </Typography.Text>
                ),
              },
              {
                key: 'drawn',
                label: '抽取结果摘要',
                children: (
                  <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
                    {preview.result.drawnDigest}
                  </Typography.Text>
                ),
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            算法：可抽取案件按编号升序排列；每件案件的次序值为
            SHA-256（种子:案件编号），各层按规模以最大余数法分配件数后取次序值最小者（详见使用说明）。任何人用同一种子可得到相同结果。
          </Typography.Paragraph>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            style={{ marginBottom: 12 }}
            dataSource={preview.result.strata}
            columns={[
              { title: '分层', dataIndex: 'label' },
              { title: '可抽取', dataIndex: 'eligible', width: 90, align: 'right' },
              { title: '抽中', dataIndex: 'drawn', width: 90, align: 'right' },
            ]}
          />
          <Table<Brief>
            rowKey="caseId"
            size="small"
            columns={briefColumns}
            dataSource={preview.result.drawn}
            pagination={{ pageSize: 20, simple: true }}
            scroll={{ x: 800 }}
            locale={{ emptyText: '可抽取的案件为 0：请检查被评查单位、案件类别和结案日期范围。' }}
          />
        </Card>
      )}
      <Card
        size="small"
        title={`评查案卷（${live.length} 件）`}
        extra={canChangeFiles && <Button onClick={() => setAdding(true)}>增补案卷</Button>}
      >
        <Table<ReviewFile>
          rowKey="id"
          size="small"
          loading={files.isPending}
          columns={fileColumns}
          dataSource={files.data?.items ?? []}
          pagination={{ pageSize: 20, simple: true }}
          scroll={{ x: 1000 }}
          locale={{ emptyText: '还没有抽取案卷。设置参数后预览并确认抽取。' }}
        />
      </Card>
      {(files.data?.draws.length ?? 0) > 0 && (
        <Card size="small" title="抽取记录">
          <Table<DrawRecord>
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 900 }}
            dataSource={files.data?.draws ?? []}
            columns={[
              { title: '时间', dataIndex: 'drawnAt', width: 170, render: formatDateTime },
              { title: '操作人', dataIndex: 'drawnBy', width: 90 },
              {
                title: '随机种子',
                dataIndex: 'seed',
                width: 170,
                render: (seed: string) => <Typography.Text code>{seed}</Typography.Text>,
              },
              { title: '参数', dataIndex: 'params', render: paramsText },
              {
                title: '可抽取 / 抽中',
                key: 'counts',
                width: 120,
                render: (_value, draw) => `${draw.eligibleCount} / ${draw.drawnCount}`,
              },
              {
                title: '',
                key: 'verify',
                width: 100,
                render: (_value, draw) => (
                  <Button size="small" onClick={() => verify(draw)}>
                    重新核验
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      )}
      {isAdding && <AddFileModal campaign={campaign} onClose={() => setAdding(false)} />}
      {removing && <RemoveFileModal campaign={campaign} file={removing} onClose={() => setRemoving(null)} />}
    </Space>
  );
}

/** 增补案卷: any closed case of a unit under review (e.g. a 重点 case), with the reason. */
function AddFileModal({ campaign, onClose }: { campaign: CampaignView; onClose: () => void }) {
  const [form] = Form.useForm<{ caseId: number; reason: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [keyword, setKeyword] = useState('');
  const [isSaving, setSaving] = useState(false);
  const cases = useQuery({
    queryKey: [REVIEWS_KEY, 'case-options', keyword],
    queryFn: () =>
      findCases({ page: 1, pageSize: 20, keyword: keyword || undefined, closedFrom: '2000-01-01' }),
  });
  const submit = async (values: { caseId: number; reason: string }) => {
    setSaving(true);
    try {
      await addReviewFile(campaign.id, values);
      await queryClient.invalidateQueries({ queryKey: [REVIEWS_KEY] });
      message.success('案卷已增补');
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
      title="增补评查案卷"
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="增补"
      confirmLoading={isSaving}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="caseId" label="案件（已结案）" rules={[{ required: true, message: '请选择案件' }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setKeyword}
            loading={cases.isFetching}
            placeholder="输入案号或案件名称查找"
            options={(cases.data?.items ?? []).map((item) => ({
              value: item.id,
              label: `${item.caseNo} ${item.name}（${item.orgName}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="reason" label="增补理由" rules={[{ required: true, message: '请填写增补理由' }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder="例如：群众投诉较多的重点案件" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RemoveFileModal({
  campaign,
  file,
  onClose,
}: {
  campaign: CampaignView;
  file: ReviewFile;
  onClose: () => void;
}) {
  return (
    <ReasonModal
      title={`移出案卷 ${file.caseNo}`}
      label="移出理由"
      okText="移出"
      isDanger
      done={`${file.caseNo} 已移出，记录保留`}
      placeholder="例如：该案已进入行政诉讼程序"
      onClose={onClose}
      onSubmit={(reason) => removeReviewFile(campaign.id, file.id, reason)}
    />
  );
}
