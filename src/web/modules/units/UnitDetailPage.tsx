import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { DOSSIER_ENTRY_KIND_LABELS, DOSSIER_ENTRY_KINDS } from '../../../common/units.ts';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { AttachmentLinks } from '../../components/AttachmentLinks.tsx';
import { AttachmentUploadButton } from '../../components/AttachmentUpload.tsx';
import { formatDay } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CheckModal } from './CheckModal.tsx';
import { type StepField, StepModal } from './StepModal.tsx';
import {
  addDossierEntry,
  deleteReportFile,
  findChecks,
  findDossier,
  findUnitRectifications,
  getReport,
  getUnit,
  type Rectification,
  rectificationStep,
  reportFilePath,
  setUnitCategory,
  submitReport,
  UNITS_KEY,
  type UnitView,
  uploadReportFile,
} from './units.api.ts';

const ENTRY_FIELDS: StepField[] = [
  {
    name: 'kind',
    label: '类别',
    kind: 'select',
    options: DOSSIER_ENTRY_KINDS.map((value) => ({ value, label: DOSSIER_ENTRY_KIND_LABELS[value] })),
  },
  { name: 'title', label: '标题', placeholder: '如：2026年第三季度依法行政工作会议' },
  { name: 'occurredOn', label: '日期', kind: 'date' },
  { name: 'content', label: '内容摘要', kind: 'textarea', isOptional: true },
];

/** 依法行政档案: the year's entries, newest first, with who put each in. */
function DossierTab({ unit, year }: { unit: UnitView; year: number }) {
  const [page, setPage] = useState(1);
  const [isAdding, setAdding] = useState(false);
  const entries = useQuery({
    queryKey: [UNITS_KEY, 'dossier', unit.orgId, year, page],
    queryFn: () => findDossier(unit.orgId, year, page, 20),
  });
  if (entries.isError) return <ErrorState error={entries.error} onRetry={() => entries.refetch()} />;
  return (
    <>
      {unit.abilities.canAddEntry && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
          style={{ marginBottom: 12 }}
        >
          添加档案材料
        </Button>
      )}
      <List
        loading={entries.isPending}
        dataSource={entries.data?.items ?? []}
        locale={{ emptyText: <Empty description="本年度档案还没有材料。" /> }}
        pagination={
          (entries.data?.total ?? 0) > 20
            ? {
                current: page,
                pageSize: 20,
                total: entries.data?.total ?? 0,
                onChange: setPage,
                simple: true,
              }
            : false
        }
        renderItem={(entry) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <Tag color="blue">{entry.kindLabel}</Tag>
                  <span>{entry.title}</span>
                </Space>
              }
              description={
                <>
                  {entry.content && <div style={{ whiteSpace: 'pre-wrap' }}>{entry.content}</div>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDay(entry.occurredOn)} · {entry.sideLabel} · {entry.createdByName}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      {isAdding && (
        <StepModal
          title="添加档案材料"
          fields={ENTRY_FIELDS}
          done="已记入依法行政档案"
          submit={(values) =>
            addDossierEntry(unit.orgId, { ...(values as Record<string, unknown>), year } as never)
          }
          onClose={() => setAdding(false)}
        />
      )}
    </>
  );
}

/** 自查自评 and the 依法行政年度报告 with its files (三(一): 12月1日前报送). */
function ReportTab({ unit, year }: { unit: UnitView; year: number }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const report = useQuery({
    queryKey: [UNITS_KEY, 'report', unit.orgId, year],
    queryFn: () => getReport(unit.orgId, year),
  });
  if (report.isPending) return null;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => report.refetch()} />;
  const view = report.data;
  const refresh = () => queryClient.invalidateQueries({ queryKey: [UNITS_KEY] });
  const save = async (values: { body: string; selfScore?: number | null }) => {
    setSaving(true);
    try {
      await submitReport(unit.orgId, year, { body: values.body, selfScore: values.selfScore ?? null });
      await refresh();
      message.success(view.report ? '年度报告已修改' : '年度报告已报送');
    } catch (error) {
      applyApiErrorToForm(form, error, message.error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <Alert
        style={{ marginBottom: 12 }}
        type={
          view.report
            ? view.report.isLate
              ? 'warning'
              : 'success'
            : view.deadlineState === 'normal'
              ? 'info'
              : 'warning'
        }
        message={
          view.report
            ? `已于${formatDay(view.report.submittedOn)}报送（${view.report.submittedByName}）${view.report.isLate ? '，逾期报送' : ''}`
            : `应于${formatDay(view.dueOn)}前报送 · ${view.deadlineStateLabel}`
        }
      />
      {view.canSubmit ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            body: view.report?.body,
            selfScore: view.report?.selfScore ? Number(view.report.selfScore) : null,
          }}
          onFinish={save}
        >
          <Form.Item
            name="body"
            label="依法行政年度报告（对照考核评分标准自查自评）"
            rules={[{ required: true, message: '请填写依法行政年度报告' }]}
          >
            <Input.TextArea rows={10} />
          </Form.Item>
          <Form.Item name="selfScore" label="自评分（选填）">
            <InputNumber min={0} max={100} style={{ width: 140 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={isSaving}>
            {view.report ? '保存修改' : '报送年度报告'}
          </Button>
        </Form>
      ) : view.report ? (
        <Card size="small" title="年度报告">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{view.report.body}</Typography.Paragraph>
          {view.report.selfScore && <div>自评分：{view.report.selfScore}</div>}
        </Card>
      ) : (
        <Empty description="单位尚未报送年度报告。" />
      )}
      {view.report && (
        <Card
          size="small"
          title="有关资料"
          style={{ marginTop: 12 }}
          extra={
            view.canSubmit && (
              <AttachmentUploadButton
                upload={(file) => uploadReportFile(unit.orgId, year, file)}
                onUploaded={refresh}
              />
            )
          }
        >
          {view.report.attachments.length === 0 ? (
            <Typography.Text type="secondary">还没有上传资料。</Typography.Text>
          ) : (
            <AttachmentLinks
              files={view.report.attachments}
              pathOf={(file) => reportFilePath(unit.orgId, year, file.id)}
              onRemove={
                view.canSubmit
                  ? async (file) => {
                      await deleteReportFile(unit.orgId, year, file.id);
                      await refresh();
                    }
                  : undefined
              }
            />
          )}
        </Card>
      )}
    </>
  );
}

/** 年终考核和组织抽查 (三(三)): who, how, what was found, and the records it became. */
function ChecksTab({ unit, year }: { unit: UnitView; year: number }) {
  const [isRecording, setRecording] = useState(false);
  const checks = useQuery({
    queryKey: [UNITS_KEY, 'checks', unit.orgId, year],
    queryFn: () => findChecks(unit.orgId, year),
  });
  if (checks.isError) return <ErrorState error={checks.error} onRetry={() => checks.refetch()} />;
  return (
    <>
      {unit.abilities.canRecordCheck && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setRecording(true)}
          style={{ marginBottom: 12 }}
        >
          记录年终考核或抽查
        </Button>
      )}
      <List
        loading={checks.isPending}
        dataSource={checks.data?.items ?? []}
        locale={{ emptyText: <Empty description="本年度还没有考核检查记录。" /> }}
        renderItem={(check) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <Tag color={check.kind === 'spot' ? 'purple' : 'blue'}>{check.kindLabel}</Tag>
                  <span>{formatDay(check.checkedOn)}</span>
                  <Typography.Text type="secondary">考核人员：{check.checkers}</Typography.Text>
                </Space>
              }
              description={
                <>
                  <div>方法：{check.methodLabels.join('、')}</div>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{check.findings}</div>
                  {check.recordIds.length > 0 && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      已记入考核周期：{check.recordIds.map((id) => `R${id}`).join('、')}
                    </Typography.Text>
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
      {isRecording && <CheckModal orgId={unit.orgId} year={year} onClose={() => setRecording(false)} />}
    </>
  );
}

const STATUS_COLORS: Record<string, string> = {
  missing: 'red',
  filed: 'blue',
  returned: 'orange',
  accepted: 'gold',
  done: 'green',
};

/** One plan with its steps (五(二)): file → office accepts or returns → progress → done. */
export function RectificationCard({ plan }: { plan: Rectification }) {
  const [step, setStep] = useState<null | 'file' | 'review' | 'progress'>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const specs = {
    file: {
      title: '提交书面整改方案',
      fields: [{ name: 'plan', label: '书面整改方案', kind: 'textarea' }] as StepField[],
      path: '' as const,
      done: '整改方案已提交',
    },
    review: {
      title: '审核整改方案',
      fields: [
        {
          name: 'decision',
          label: '意见',
          kind: 'select',
          options: [
            { value: 'accept', label: '同意' },
            { value: 'return', label: '退回修改' },
          ],
        },
        { name: 'note', label: '说明（退回须写明理由）', kind: 'textarea', isOptional: true },
      ] as StepField[],
      path: 'review' as const,
      done: '已审核',
    },
    progress: {
      title: '报告整改落实情况',
      fields: [{ name: 'progress', label: '整改落实情况', kind: 'textarea' }] as StepField[],
      path: 'progress' as const,
      done: '已报告整改落实情况',
    },
  };
  const confirmDone = async () => {
    try {
      await rectificationStep(plan.periodId, plan.orgId, 'done');
      await queryClient.invalidateQueries({ queryKey: [UNITS_KEY] });
      message.success('已确认整改完成');
    } catch (error) {
      message.error(error instanceof Error ? error.message : '操作失败');
    }
  };
  const spec = step && specs[step];
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Space wrap size={4}>
          <span>{plan.unitName}</span>
          <Typography.Text type="secondary">
            {plan.periodLabel} · {plan.total ?? '—'} 分 · {plan.grade}
          </Typography.Text>
        </Space>
      }
      extra={<Tag color={STATUS_COLORS[plan.status]}>{plan.statusLabel}</Tag>}
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label="整改方案">
          <div>
            {plan.plan ? <div style={{ whiteSpace: 'pre-wrap' }}>{plan.plan}</div> : '尚未提交'}
            {plan.filedOn && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDay(plan.filedOn)}提交
              </Typography.Text>
            )}
          </div>
        </Descriptions.Item>
        {plan.reviewNote && <Descriptions.Item label="审核意见">{plan.reviewNote}</Descriptions.Item>}
        {plan.progress && (
          <Descriptions.Item label="落实情况">
            <span style={{ whiteSpace: 'pre-wrap' }}>{plan.progress}</span>
          </Descriptions.Item>
        )}
        {plan.doneOn && <Descriptions.Item label="整改完成">{formatDay(plan.doneOn)}</Descriptions.Item>}
      </Descriptions>
      <Space wrap>
        {plan.abilities.canFile && (
          <Button type="primary" onClick={() => setStep('file')}>
            {plan.status === 'returned' ? '重新提交整改方案' : '提交整改方案'}
          </Button>
        )}
        {plan.abilities.canReview && (
          <Button type="primary" onClick={() => setStep('review')}>
            审核整改方案
          </Button>
        )}
        {plan.abilities.canReportProgress && (
          <Button onClick={() => setStep('progress')}>报告落实情况</Button>
        )}
        {plan.abilities.canConfirmDone && (
          <Button type="primary" onClick={confirmDone}>
            确认整改完成
          </Button>
        )}
      </Space>
      {spec && (
        <StepModal
          title={spec.title}
          fields={spec.fields}
          initialValues={
            step === 'file' ? { plan: plan.plan ?? '' } : step === 'review' ? { decision: 'accept' } : {}
          }
          done={spec.done}
          submit={(values) => rectificationStep(plan.periodId, plan.orgId, spec.path, values)}
          onClose={() => setStep(null)}
        />
      )}
    </Card>
  );
}

function RectificationsTab({ unit }: { unit: UnitView }) {
  const plans = useQuery({
    queryKey: [UNITS_KEY, 'rectifications', unit.orgId],
    queryFn: () => findUnitRectifications(unit.orgId),
  });
  if (plans.isError) return <ErrorState error={plans.error} onRetry={() => plans.refetch()} />;
  if (plans.isPending) return null;
  if (plans.data.items.length === 0) return <Empty description="没有须整改的考核结果。" />;
  return (
    <>
      {plans.data.items.map((plan) => (
        <RectificationCard key={plan.periodId} plan={plan} />
      ))}
    </>
  );
}

/** What Fazhi already holds about the unit this year (三(二) 动态记录), read from the other modules. */
function LinkedTab({ unit }: { unit: UnitView }) {
  const linked = unit.linked;
  return (
    <Descriptions column={{ xs: 1, sm: 2 }} bordered size="small">
      <Descriptions.Item label="立案（件）">{linked.casesFiled}</Descriptions.Item>
      <Descriptions.Item label="结案（件）">{linked.casesClosed}</Descriptions.Item>
      <Descriptions.Item label="职责争议（件）">{linked.disputes}</Descriptions.Item>
      <Descriptions.Item label="监督通知书（收到 / 整改通过）">
        {linked.noticesIssued} / {linked.noticesAccepted}
      </Descriptions.Item>
      <Descriptions.Item label="案卷评查（抽取 / 已评分）">
        {linked.reviewFiles} / {linked.reviewFilesScored}
      </Descriptions.Item>
      <Descriptions.Item label="协调监督办法第二十三条">
        {linked.violations.length === 0
          ? '无'
          : linked.violations.map((mark) => `${formatDay(mark.markedOn)} ${mark.label}`).join('；')}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** One unit's year: dossier, report, checks, rectification, and what Fazhi links. */
export default function UnitDetailPage() {
  const orgId = Number(useParams().orgId);
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || dayjs().year();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const unit = useQuery({ queryKey: [UNITS_KEY, 'unit', orgId, year], queryFn: () => getUnit(orgId, year) });
  if (unit.isPending) return null;
  if (unit.isError) return <ErrorState error={unit.error} onRetry={() => unit.refetch()} />;
  const view = unit.data;
  // Short labels on a phone so all five fit the bar: a tab folded half behind antd's 「…」 only
  // scrolled into view on the first tap, so 整改 took two taps to open (issue 20, e2e step 6).
  const tabs = [
    {
      key: 'dossier',
      label: isPhone ? '档案' : '依法行政档案',
      children: <DossierTab unit={view} year={year} />,
    },
    {
      key: 'report',
      label: isPhone ? '自评报告' : '自查自评报告',
      children: <ReportTab unit={view} year={year} />,
    },
    {
      key: 'checks',
      label: isPhone ? '考核抽查' : '年终考核和抽查',
      children: <ChecksTab unit={view} year={year} />,
    },
    { key: 'rectifications', label: '整改', children: <RectificationsTab unit={view} /> },
    { key: 'linked', label: isPhone ? '关联' : '系统关联记录', children: <LinkedTab unit={view} /> },
  ];
  const activeTab = tabs.find((tab) => tab.key === params.get('tab'))?.key ?? 'dossier';
  return (
    <>
      <PageHeader
        title={view.name}
        description={`${view.categoryLabel} · ${year}年度依法行政考核`}
        extra={
          <Space wrap>
            <InputNumber
              aria-label="考核年度"
              min={2000}
              max={2100}
              value={year}
              onChange={(next) => {
                if (!next) return;
                const kept = new URLSearchParams(params);
                kept.set('year', String(next));
                setParams(kept);
              }}
              addonAfter="年度"
              style={{ width: 130 }}
            />
            {view.abilities.canSetCategory && (
              <Select
                aria-label="单位类别"
                value={view.category}
                style={{ width: 150 }}
                options={[
                  { value: 'county_department', label: '县直部门' },
                  { value: 'vertical', label: '垂直管理单位' },
                ]}
                onChange={async (category) => {
                  try {
                    await setUnitCategory(orgId, year, category);
                    await queryClient.invalidateQueries({ queryKey: [UNITS_KEY] });
                    message.success('单位类别已设置');
                  } catch (error) {
                    message.error(error instanceof Error ? error.message : '操作失败');
                  }
                }}
              />
            )}
          </Space>
        }
      />
      <Card>
        <Tabs
          activeKey={activeTab}
          onChange={(key) => {
            const next = new URLSearchParams(params);
            next.set('tab', key);
            setParams(next, { replace: true });
          }}
          tabBarGutter={isPhone ? 16 : undefined}
          items={tabs}
        />
      </Card>
    </>
  );
}
