import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  Modal,
  Select,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { ApiError } from '../../app/api-client.ts';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { formatDateTime } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { LocalPagedList } from './LocalPagedList.tsx';
import {
  assignRecheck,
  type CampaignView,
  type FileScore,
  getFileHistory,
  getFileScores,
  getPanel,
  REVIEWS_KEY,
} from './reviews.api.ts';
import { BAND_COLORS, RESULT_STATE_COLORS, RESULT_STATE_OPTIONS } from './reviews-labels.ts';

type ResultState = FileScore['resultState'];

/**
 * 复评 (第十二条(五)): the files flagged automatically — graded 不合格, reviewers' scores further
 * apart than the campaign's threshold, or in different bands — and the organiser's re-review of each
 * by a further reviewer whose result stands; every file's history stays readable.
 */
export function RecheckPanel({ campaign }: { campaign: CampaignView }) {
  const scores = useQuery({
    queryKey: [REVIEWS_KEY, 'scores', campaign.id],
    queryFn: () => getFileScores(campaign.id),
  });
  const [state, setState] = useState<ResultState>();
  const [keyword, setKeyword] = useState('');
  const [assigning, setAssigning] = useState<FileScore | null>(null);
  const [history, setHistory] = useState<FileScore | null>(null);
  if (scores.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (scores.isError) return <ErrorState error={scores.error} onRetry={() => scores.refetch()} />;
  const flagged = scores.data.items.filter((score) => score.flags.length > 0);
  const shown = flagged.filter(
    (score) =>
      (!state || score.resultState === state) &&
      (!keyword || score.caseNo.includes(keyword) || score.unitName.includes(keyword)),
  );
  const canAssign = (score: FileScore) =>
    campaign.state === 'scoring' && score.resultState !== 'unscored' && score.resultState !== 'final';
  const columns: ColumnsType<FileScore> = [
    { title: '案卷', dataIndex: 'caseNo', width: 190 },
    { title: '被评查单位', dataIndex: 'unitName', width: 200, ellipsis: true },
    {
      title: '初评平均',
      key: 'mean',
      width: 120,
      align: 'right',
      render: (_v, score) => (
        <Space size={4}>
          {score.mean ?? '—'}
          {score.band && <Tag color={BAND_COLORS[score.band]}>{score.bandLabel}</Tag>}
        </Space>
      ),
    },
    { title: '分差', dataIndex: 'spread', width: 70, align: 'right', render: (spread) => spread ?? '—' },
    {
      title: '复评原因',
      dataIndex: 'flagLabels',
      width: 240,
      render: (labels: string[]) =>
        labels.map((label) => (
          <Tag key={label} color="orange">
            {label}
          </Tag>
        )),
    },
    {
      title: '复评',
      key: 'recheck',
      width: 130,
      render: (_v, score) =>
        score.recheckAssigned
          ? `${score.recheckSubmitted} / ${score.recheckAssigned} 已评${score.recheckMean ? `，${score.recheckMean} 分` : ''}`
          : '未安排',
    },
    {
      title: '结果',
      key: 'state',
      width: 160,
      render: (_v, score) => (
        <Space size={4} wrap>
          <Tag color={RESULT_STATE_COLORS[score.resultState]}>{score.resultStateLabel}</Tag>
          {score.resultState === 'final' && score.score && `${score.score} 分`}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      fixed: 'right',
      render: (_v, score) => (
        <Space size={4}>
          {canAssign(score) && (
            <Button size="small" type="primary" onClick={() => setAssigning(score)}>
              安排复评
            </Button>
          )}
          <Button size="small" onClick={() => setHistory(score)}>
            评查经过
          </Button>
        </Space>
      ),
    },
  ];
  const waiting = flagged.filter((score) => score.resultState === 'needs_recheck').length;
  return (
    <Card size="small">
      {waiting > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`${waiting} 件案卷待安排复评`}
          description="需复评的案卷未复评完毕前，不能发布评查结果（第十二条(五)(六)）。复评人员应为本卷原评查人员以外、无回避情形的评查小组成员。"
        />
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="搜索案号或单位"
          aria-label="搜索案号或单位"
          style={{ width: 200 }}
          onSearch={(value) => setKeyword(value.trim())}
        />
        <FilterSelect
          label="复评状态"
          options={RESULT_STATE_OPTIONS}
          value={state}
          onChange={setState}
          width={160}
        />
      </Space>
      <LocalPagedList<FileScore>
        items={shown}
        rowKey={(score) => score.fileId}
        columns={columns}
        scrollX={1300}
        emptyText={
          keyword || state
            ? '没有符合条件的案卷。'
            : '没有需要复评的案卷：评为不合格、分差超过阈值或等次不一致的案卷会自动列在这里。'
        }
        totalText={(total) => `共 ${total} 件需复评案卷`}
        renderPhoneItem={(score) => (
          <>
            <Typography.Text strong>{score.caseNo}</Typography.Text>
            <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.55)' }}>
              {score.unitName} · 初评 {score.mean ?? '—'} 分 · 分差 {score.spread ?? '—'}
            </div>
            <Space size={4} wrap style={{ marginTop: 4 }}>
              {score.flagLabels.map((label) => (
                <Tag key={label} color="orange">
                  {label}
                </Tag>
              ))}
              <Tag color={RESULT_STATE_COLORS[score.resultState]}>{score.resultStateLabel}</Tag>
              {canAssign(score) && (
                <Button size="small" type="primary" onClick={() => setAssigning(score)}>
                  安排复评
                </Button>
              )}
              <Button size="small" onClick={() => setHistory(score)}>
                评查经过
              </Button>
            </Space>
          </>
        )}
      />
      {assigning && <RecheckModal campaign={campaign} score={assigning} onClose={() => setAssigning(null)} />}
      {history && <HistoryDrawer campaignId={campaign.id} score={history} onClose={() => setHistory(null)} />}
    </Card>
  );
}

interface RecheckValues {
  expertId: number;
  reason: string;
}

/** Chooses the further reviewer; a broken 第十一条 rule (the cap) is shown and may be accepted. */
function RecheckModal({
  campaign,
  score,
  onClose,
}: {
  campaign: CampaignView;
  score: FileScore;
  onClose: () => void;
}) {
  const [form] = Form.useForm<RecheckValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const panel = useQuery({
    queryKey: [REVIEWS_KEY, 'panel', campaign.id],
    queryFn: () => getPanel(campaign.id),
  });
  const [problems, setProblems] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const submit = async (values: RecheckValues) => {
    setSaving(true);
    try {
      await assignRecheck(campaign.id, {
        fileId: score.fileId,
        expertId: values.expertId,
        reason: values.reason,
        acceptBrokenRules: problems !== null,
      });
      await queryClient.invalidateQueries({ queryKey: [REVIEWS_KEY] });
      message.success('已安排复评');
      onClose();
    } catch (error) {
      if (
        error instanceof ApiError &&
        error.code === 'REVIEW_ASSIGNMENT_RULES' &&
        error.message.startsWith('此项调整不符合分配规则')
      )
        setProblems(error.message);
      else applyApiErrorToForm(form, error, message.error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`安排复评：${score.caseNo}`}
      okText={problems ? '仍然安排' : '安排复评'}
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        复评原因：{score.flagLabels.join('、')}。复评结果即为本卷得分，初评记录保留可查。
      </Typography.Paragraph>
      {problems && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={problems} />}
      <Form form={form} layout="vertical" onFinish={submit} onValuesChange={() => setProblems(null)}>
        <Form.Item name="expertId" label="复评人员" rules={[{ required: true, message: '请选择复评人员' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={panel.isPending}
            placeholder="评查小组成员"
            options={(panel.data?.items ?? []).map((expert) => ({
              value: expert.id,
              label: `${expert.name}（${expert.categoryLabel}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="reason" label="复评理由" rules={[{ required: true, message: '请填写复评理由' }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The file's whole story: reviewers and their sheets, changes, objections. */
function HistoryDrawer({
  campaignId,
  score,
  onClose,
}: {
  campaignId: number;
  score: FileScore;
  onClose: () => void;
}) {
  const isPhone = useIsPhone();
  const history = useQuery({
    queryKey: [REVIEWS_KEY, 'history', campaignId, score.fileId],
    queryFn: () => getFileHistory(campaignId, score.fileId),
  });
  return (
    <Drawer open title={`评查经过：${score.caseNo}`} size={isPhone ? '100%' : 640} onClose={onClose}>
      {history.isPending ? (
        <Skeleton active />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => history.refetch()} />
      ) : (
        <>
          <Typography.Paragraph>
            初评平均 {history.data.initialMean ?? '—'} 分；复评 {history.data.recheckMean ?? '—'} 分；现得分{' '}
            {history.data.score ?? '—'} 分（{history.data.sourceLabel ?? history.data.resultStateLabel}）。
          </Typography.Paragraph>
          <Timeline
            items={[
              ...history.data.reviewers.map((reviewer) => ({
                key: `r${reviewer.assignmentId}`,
                color: reviewer.kind === 'recheck' ? 'orange' : 'blue',
                children: (
                  <>
                    <Typography.Text strong>
                      {reviewer.kind === 'recheck' ? '复评' : '初评'} · {reviewer.expertName}
                    </Typography.Text>
                    <div style={{ fontSize: 13 }}>
                      {reviewer.submittedAt
                        ? `${reviewer.total} 分，${reviewer.signerName} 于 ${formatDateTime(reviewer.submittedAt)} 签名提交`
                        : '尚未提交'}
                      {reviewer.reason ? `；安排理由：${reviewer.reason}` : ''}
                    </div>
                    {reviewer.items
                      .filter((item) => item.deducted > 0)
                      .map((item) => (
                        <div key={item.no} style={{ fontSize: 13, color: 'rgba(0,0,0,0.65)' }}>
                          第 {item.no} 项扣 {item.deducted} 分：{item.reason}
                        </div>
                      ))}
                  </>
                ),
              })),
              ...history.data.objections.map((objection) => ({
                key: `o${objection.id}`,
                color: 'red',
                children: (
                  <>
                    <Typography.Text strong>异议 · {objection.filedBy}</Typography.Text>
                    <div style={{ fontSize: 13 }}>
                      {formatDateTime(objection.filedAt)}：{objection.reasons}
                      {objection.decisionReason
                        ? `。复核：${objection.decisionReason}${objection.changedScore ? `，改为 ${objection.changedScore} 分` : ''}`
                        : '。待复核'}
                    </div>
                  </>
                ),
              })),
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
