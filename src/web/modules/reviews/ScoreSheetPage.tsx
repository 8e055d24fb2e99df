import { ArrowLeftOutlined, BulbOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { formatDateTime, formatDay } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DeadlineTag } from '../assessment/DeadlineTag.tsx';
import { AssignedFileCard } from './AssignedFileCard.tsx';
import { findMyAssignments, getSheet, REVIEWS_KEY, type SheetView, saveSheet } from './reviews.api.ts';
import { BAND_COLORS } from './reviews-labels.ts';

interface ItemValue {
  no: number;
  deducted: number | null;
  reason?: string;
}
interface SheetValues {
  items: ItemValue[];
  note?: string;
}

const tenths = (value: number | null | undefined) => Math.round((value ?? 0) * 10);

/** The band of a total by the criteria version's bounds (第十六条), as the server computes it. */
function bandOf(totalTenths: number, bands: SheetView['bands']): 'excellent' | 'pass' | 'fail' {
  if (totalTenths >= tenths(bands.excellentFrom)) return 'excellent';
  if (totalTenths >= tenths(bands.passFrom)) return 'pass';
  return 'fail';
}
const BAND_LABELS = { excellent: '优秀', pass: '合格', fail: '不合格' } as const;

function initialItems(sheet: SheetView): ItemValue[] {
  const source = sheet.own?.items ?? sheet.suggestions;
  return sheet.criteria.map((criterion) => {
    const found = source.find((item) => item.no === criterion.no);
    return { no: criterion.no, deducted: found?.deducted ?? 0, reason: found?.reason ?? undefined };
  });
}

/**
 * 评分表 (第十条: 分别查阅案卷、独立评分、书面记录扣分理由并签名): per criterion of 第十五条 the
 * points deducted and why, suggestions for criteria 8 and 12 from the completeness check, a note,
 * then 提交并签名. Nobody else's score shows before one's own is submitted.
 */
export default function ScoreSheetPage() {
  const id = Number(useParams().id);
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SheetValues>();
  const [isSaving, setSaving] = useState(false);
  const sheet = useQuery({ queryKey: [REVIEWS_KEY, 'sheet', id], queryFn: () => getSheet(id) });
  const queue = useQuery({ queryKey: [REVIEWS_KEY, 'mine', 'raw'], queryFn: findMyAssignments });
  const brief = queue.data?.items.find((item) => item.assignmentId === id);
  const watched = Form.useWatch('items', form) as ItemValue[] | undefined;
  useEffect(() => {
    if (sheet.data)
      form.setFieldsValue({ items: initialItems(sheet.data), note: sheet.data.own?.note ?? undefined });
  }, [sheet.data, form]);
  const totals = useMemo(() => {
    if (!sheet.data) return null;
    const full = sheet.data.criteria.reduce((sum, criterion) => sum + tenths(criterion.points), 0);
    const deducted = (watched ?? initialItems(sheet.data)).reduce(
      (sum, item) => sum + tenths(item?.deducted),
      0,
    );
    const total = Math.max(0, full - deducted);
    return { text: (total / 10).toFixed(1).replace(/\.0$/, ''), band: bandOf(total, sheet.data.bands) };
  }, [sheet.data, watched]);

  if (sheet.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (sheet.isError) return <ErrorState error={sheet.error} onRetry={() => sheet.refetch()} />;
  const view = sheet.data;
  const isSubmitted = Boolean(view.own?.submittedAt);

  const save = async (submit: boolean) => {
    let values: SheetValues;
    try {
      values = await form.validateFields();
    } catch {
      message.error('请补全扣分理由');
      return;
    }
    setSaving(true);
    try {
      await saveSheet(id, {
        items: values.items.map((item) => ({
          no: item.no,
          deducted: item.deducted ?? 0,
          reason: item.reason?.trim() || undefined,
        })),
        note: values.note?.trim() || undefined,
        submit,
      });
      await queryClient.invalidateQueries({ queryKey: [REVIEWS_KEY] });
      message.success(submit ? '评分表已提交并签名' : '草稿已保存');
    } catch (error) {
      applyApiErrorToForm(form, error, message.error);
    } finally {
      setSaving(false);
    }
  };
  const confirmSubmit = () =>
    modal.confirm({
      title: '提交并签名',
      content: `本卷评分 ${totals?.text} 分（${totals ? BAND_LABELS[totals.band] : ''}）。提交后评分表以您的姓名和时间签名，不能再修改。`,
      okText: '提交并签名',
      onOk: () => save(true),
    });

  return (
    <div style={{ maxWidth: 880, margin: '0 auto' }}>
      <PageHeader
        title="案卷评分表"
        description={`${view.caseNo} ${view.caseName}`}
        extra={
          <Link to="/reviews?tab=mine">
            <Button icon={<ArrowLeftOutlined />}>我的评查任务</Button>
          </Link>
        }
      />
      <Card size="small" title="案卷封面" style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'no', label: '案号', children: view.caseNo },
            { key: 'name', label: '案件名称', children: view.caseName },
            ...(brief
              ? [
                  { key: 'kind', label: '案件类别', children: brief.kindLabel },
                  { key: 'unit', label: '办案单位', children: brief.unitName },
                  {
                    key: 'closed',
                    label: '结案日期',
                    children: brief.closedOn ? formatDay(brief.closedOn) : '—',
                  },
                  { key: 'campaign', label: '评查活动', children: brief.campaignName },
                  {
                    key: 'due',
                    label: '评分截止',
                    children: (
                      <span>
                        {formatDay(brief.scoringDueOn)}{' '}
                        {!isSubmitted && <DeadlineTag dueOn={brief.scoringDueOn} />}
                      </span>
                    ),
                  },
                ]
              : []),
            { key: 'criteria', label: '评查标准', children: view.criteriaName },
          ]}
        />
      </Card>
      <AssignedFileCard assignmentId={id} />
      {isSubmitted ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          message={`已提交并签名：${view.own?.signerName}，${formatDateTime(view.own?.submittedAt)}。评分 ${view.own?.total} 分。`}
        />
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="独立评分：提交前看不到其他评查人员的评分。每项扣分须写明理由（第十条）。"
        />
      )}
      <Form<SheetValues> form={form} layout="vertical" disabled={isSubmitted}>
        {view.criteria.map((criterion, index) => {
          const suggestion = view.suggestions.find((item) => item.no === criterion.no);
          const current = watched?.[index];
          // a signed sheet shows only the criteria it deducted on
          if (isSubmitted && tenths(current?.deducted ?? initialItems(view)[index]?.deducted) === 0)
            return null;
          const differs =
            suggestion &&
            (tenths(current?.deducted) !== tenths(suggestion.deducted) ||
              current?.reason !== suggestion.reason);
          return (
            <Card
              key={criterion.no}
              size="small"
              style={{ marginBottom: 8 }}
              title={
                <div style={{ whiteSpace: 'normal', lineHeight: 1.5, padding: '6px 0' }}>
                  {criterion.no}. {criterion.title}
                </div>
              }
              extra={<Tag>满分 {criterion.points} 分</Tag>}
            >
              {criterion.notes && (
                <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 8 }}>
                  {criterion.notes}
                </Typography.Paragraph>
              )}
              {suggestion && (
                <Alert
                  type="warning"
                  icon={<BulbOutlined />}
                  showIcon
                  style={{ marginBottom: 8 }}
                  message={`系统建议扣 ${suggestion.deducted} 分：${suggestion.reason ?? ''}`}
                  action={
                    differs && !isSubmitted ? (
                      <Button
                        size="small"
                        onClick={() =>
                          form.setFieldValue(['items', index], {
                            no: criterion.no,
                            deducted: suggestion.deducted,
                            reason: suggestion.reason ?? undefined,
                          })
                        }
                      >
                        采用建议
                      </Button>
                    ) : undefined
                  }
                />
              )}
              <Form.Item name={['items', index, 'no']} hidden>
                <Input />
              </Form.Item>
              <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
                <Form.Item
                  name={['items', index, 'deducted']}
                  label="扣分"
                  style={{ width: 130, marginBottom: 8 }}
                  rules={[{ required: true, message: '请填写扣分' }]}
                >
                  <InputNumber
                    min={0}
                    max={criterion.points}
                    step={0.5}
                    inputMode="decimal"
                    style={{ width: '100%' }}
                    aria-label={`第${criterion.no}项扣分`}
                  />
                </Form.Item>
                <Form.Item
                  name={['items', index, 'reason']}
                  label="扣分理由"
                  style={{ flex: '1 1 240px', marginBottom: 8 }}
                  dependencies={[['items', index, 'deducted']]}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: (_rule, value?: string) =>
                        (getFieldValue(['items', index, 'deducted']) ?? 0) > 0 && !value?.trim()
                          ? Promise.reject(new Error('扣分须写明理由'))
                          : Promise.resolve(),
                    }),
                  ]}
                >
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    maxLength={1000}
                    aria-label={`第${criterion.no}项扣分理由`}
                  />
                </Form.Item>
              </div>
            </Card>
          );
        })}
        {isSubmitted && <Typography.Paragraph type="secondary">其余各项未扣分。</Typography.Paragraph>}
        <Card size="small" style={{ marginBottom: 12 }}>
          <Form.Item name="note" label="评查意见" style={{ marginBottom: 0 }}>
            <Input.TextArea rows={3} maxLength={5000} placeholder="案卷的主要问题和改进建议" />
          </Form.Item>
        </Card>
      </Form>
      {view.others !== null && (
        <Card size="small" title="其他评查人员的评分" style={{ marginBottom: 12 }}>
          {view.others.length === 0 ? (
            <Typography.Text type="secondary">其他评查人员尚未提交。</Typography.Text>
          ) : (
            <Collapse
              defaultActiveKey={view.others.map((_other, index) => index)}
              items={view.others.map((other, index) => ({
                key: index,
                label: `${other.expertName}：${other.total} 分（${formatDateTime(other.submittedAt)} 签名）`,
                children: (
                  <>
                    {other.items
                      .filter((item) => item.deducted > 0)
                      .map((item) => (
                        <div key={item.no} style={{ fontSize: 13 }}>
                          第{item.no}项 扣 {item.deducted} 分：{item.reason}
                        </div>
                      ))}
                    {other.note && (
                      <Typography.Paragraph style={{ marginTop: 8 }}>{other.note}</Typography.Paragraph>
                    )}
                  </>
                ),
              }))}
            />
          )}
        </Card>
      )}
      <div
        style={{
          position: 'sticky',
          bottom: 0,
          zIndex: 10,
          background: '#fff',
          borderTop: '1px solid #f0f0f0',
          padding: '10px 12px',
          display: 'flex',
          flexWrap: 'wrap',
          gap: 8,
          alignItems: 'center',
          justifyContent: 'space-between',
          boxShadow: '0 -2px 8px rgba(0,0,0,0.06)',
        }}
      >
        <Space size={6}>
          <Typography.Text strong style={{ fontSize: 16 }} aria-label="合计得分">
            合计 {totals?.text} 分
          </Typography.Text>
          {totals && <Tag color={BAND_COLORS[totals.band]}>{BAND_LABELS[totals.band]}</Tag>}
        </Space>
        {!isSubmitted && (
          <Space>
            <Button loading={isSaving} onClick={() => save(false)}>
              保存草稿
            </Button>
            <Button type="primary" loading={isSaving} onClick={confirmSubmit}>
              提交并签名
            </Button>
          </Space>
        )}
      </div>
    </div>
  );
}
