import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
  type UploadFile,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { todayInShanghai } from '../../../../common/format.ts';
import type { CatalogueItem } from '../../../../server/modules/assessment/schemes/scheme-catalogue.ts';
import { useCurrentUser } from '../../../app/auth-context.tsx';
import { hasAnyRole } from '../../../app/roles.ts';
import { AttachmentLinks } from '../../../components/AttachmentLinks.tsx';
import {
  AttachmentPicker,
  AttachmentUploadButton,
  uploadEach,
} from '../../../components/AttachmentUpload.tsx';
import { formatDay } from '../../../components/date-time.ts';
import { applyApiErrorToForm } from '../../../components/form-errors.ts';
import { PagedResults } from '../../../components/PagedResults.tsx';
import { toIsoDay } from '../../officers/form-dates.ts';
import {
  ASSESSMENT_KEY,
  attachmentPath,
  decideAppeal,
  deleteAttachment,
  listAppeals,
  listRecords,
  submitAppeal,
  uploadAppealAttachment,
} from '../assessment.api.ts';
import type { AppealDecisionInput, AppealListItem, PeriodDetail } from '../assessment.types.ts';
import { ASSESSMENT_DECIDE_ROLES, ASSESSMENT_SELF_ROLES } from '../assessment-access.ts';
import { periodRange } from '../assessment-labels.ts';
import { DeadlineTag } from '../DeadlineTag.tsx';
import { useCatalogue } from '../use-catalogue.ts';
import { useOwnSubject } from '../use-own-subject.ts';
import { useServerPage } from '../use-server-page.ts';

const APPEAL_STATUS: Record<string, { label: string; color: string }> = {
  pending: { label: '待决定', color: 'gold' },
  upheld: { label: '申诉成立', color: 'green' },
  rejected: { label: '维持原结果', color: 'default' },
};

interface AppealValues {
  reasons: string;
  /** 证明材料, uploaded once the appeal is filed */
  files?: UploadFile[];
}

/**
 * 提出申诉: reasons and proof (seed 004 第四章第三条: 提交申诉理由、依据，并附相关证明材料), within the
 * window (公示之日起 N 个工作日), with the closing date shown.
 */
function AppealForm({ period, subjectKey }: { period: PeriodDetail; subjectKey: string }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AppealValues>();
  const [isSaving, setSaving] = useState(false);
  const closesOn = period.appealClosesOn;
  const isClosed = closesOn !== null && closesOn < todayInShanghai(new Date());
  const submit = async ({ reasons, files = [] }: AppealValues) => {
    setSaving(true);
    try {
      const appeal = await submitAppeal(period.id, subjectKey, reasons.trim());
      // the appeal is filed even when a file is refused: say which, it can be added from the list
      const failures = await uploadEach(files, (file) => uploadAppealAttachment(period.id, appeal.id, file));
      await queryClient.invalidateQueries({ queryKey: [ASSESSMENT_KEY] });
      form.resetFields();
      if (failures.length > 0) {
        message.warning(`申诉已提交，以下证明材料未上传，可在申诉列表中补传：${failures.join('；')}`, 8);
      } else {
        message.success('申诉已提交，考核工作领导小组将在规定期限内作出决定');
      }
    } catch (error) {
      applyApiErrorToForm(form, error, (text) => message.error(text));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title="提出申诉" style={{ marginBottom: 16 }}>
      {closesOn && (
        <Alert
          type={isClosed ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          message={
            <>
              申诉期至 {formatDay(closesOn)} 截止（公示之日起 {period.appealDays} 个工作日），超期不再受理{' '}
              <DeadlineTag dueOn={closesOn} />
            </>
          }
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} disabled={isClosed}>
        <Form.Item
          name="reasons"
          label="申诉理由"
          rules={[{ required: true, whitespace: true, message: '请填写申诉理由' }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={5000}
            showCount
            placeholder="写明对哪项扣分（加分）有异议、事实和依据"
          />
        </Form.Item>
        <Form.Item name="files" label="证明材料" extra="决定作出前可在申诉列表中补传或删除。">
          <AttachmentPicker />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={isSaving}>
          提交申诉
        </Button>
      </Form>
    </Card>
  );
}

interface DecisionValues {
  decision: 'upheld' | 'rejected';
  reasons: string;
  withdrawRecordIds?: number[];
  addRecords?: { item?: string; level?: string; occurredOn?: Dayjs; count?: number; note?: string }[];
}

/**
 * 申诉决定 (考核工作领导小组): upheld withdraws the subject's records named and/or adds the records
 * the appeal proved missing, and the whole period recomputes; rejected keeps the scores.
 */
function DecisionModal({
  period,
  appeal,
  onClose,
}: {
  period: PeriodDetail;
  appeal: AppealListItem;
  onClose(): void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DecisionValues>();
  const decision = Form.useWatch('decision', form);
  const catalogue = useCatalogue(period.schemeVersionId);
  const subjectRecords = useQuery({
    queryKey: [ASSESSMENT_KEY, 'records', period.id, 'appeal', appeal.subjectKey],
    queryFn: () =>
      listRecords(period.id, { subjectKey: appeal.subjectKey, status: 'active', page: 1, pageSize: 200 }),
  });
  const items = [...(catalogue.data?.items.values() ?? [])].filter((item) => item.kind !== 'rating');
  const range = periodRange(period.periodKey);
  const submit = async (values: DecisionValues) => {
    const input: AppealDecisionInput = { decision: values.decision, reasons: values.reasons.trim() };
    if (values.decision === 'upheld') {
      input.withdrawRecordIds = values.withdrawRecordIds ?? [];
      input.addRecords = (values.addRecords ?? [])
        .filter((entry) => entry.item && entry.occurredOn)
        .map((entry) => ({
          item: entry.item!,
          occurredOn: toIsoDay(entry.occurredOn)!,
          count: entry.count ?? 1,
          ...(entry.level && { level: entry.level }),
          ...(entry.note?.trim() && { note: entry.note.trim() }),
        }));
    }
    try {
      await decideAppeal(period.id, appeal.id, input);
      await queryClient.invalidateQueries({ queryKey: [ASSESSMENT_KEY] });
      message.success(values.decision === 'upheld' ? '申诉成立，已更正记录并重新计分' : '已决定维持原结果');
      onClose();
    } catch (error) {
      applyApiErrorToForm(form, error, (text) => message.error(text));
    }
  };
  return (
    <Modal
      open
      title={`申诉决定 · ${appeal.subjectName}`}
      okText="作出决定"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph>
        <Typography.Text type="secondary">申诉理由：</Typography.Text>
        {appeal.reasons}
      </Typography.Paragraph>
      {appeal.attachments.length > 0 && (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">证明材料：</Typography.Text>
          <AttachmentLinks files={appeal.attachments} pathOf={(file) => attachmentPath(period.id, file.id)} />
        </div>
      )}
      <Form<DecisionValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ decision: 'rejected', addRecords: [] }}
      >
        <Form.Item name="decision" label="决定">
          <Radio.Group
            options={[
              { value: 'rejected', label: '维持原结果' },
              { value: 'upheld', label: '申诉成立' },
            ]}
          />
        </Form.Item>
        {decision === 'upheld' && (
          <>
            <Form.Item
              name="withdrawRecordIds"
              label="撤销的考核记录"
              extra="撤销有误的扣分（加分）记录；也可只补记下方记录。更正后全周期重新计分。"
            >
              <Select
                mode="multiple"
                allowClear
                placeholder="选择申诉对象的有效记录"
                loading={subjectRecords.isPending}
                optionFilterProp="label"
                options={(subjectRecords.data?.items ?? []).map((record) => ({
                  value: record.id,
                  label: `R${record.id} ${record.itemLabel}（${formatDay(record.occurredOn)}，${record.count} 次）`,
                }))}
              />
            </Form.Item>
            <Form.List name="addRecords">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <AddedRecordFields
                      key={field.key}
                      name={field.name}
                      items={items}
                      range={range}
                      onRemove={() => remove(field.name)}
                    />
                  ))}
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => add({ count: 1 })}
                    block
                    style={{ marginBottom: 16 }}
                  >
                    补记考核记录
                  </Button>
                </>
              )}
            </Form.List>
          </>
        )}
        <Form.Item
          name="reasons"
          label="决定理由"
          rules={[{ required: true, whitespace: true, message: '请填写决定理由' }]}
        >
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One record the decision adds: item (with level when it has levels), date in the period, count, note. */
function AddedRecordFields({
  name,
  items,
  range,
  onRemove,
}: {
  name: number;
  items: CatalogueItem[];
  range: { start: string; end: string } | null;
  onRemove(): void;
}) {
  const form = Form.useFormInstance<DecisionValues>();
  const itemId = Form.useWatch(['addRecords', name, 'item'], form);
  const item = items.find((candidate) => candidate.id === itemId);
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title="补记"
      extra={
        <Button size="small" type="link" danger onClick={onRemove}>
          删除
        </Button>
      }
    >
      <Form.Item
        name={[name, 'item']}
        label="考核项目"
        rules={[{ required: true, message: '请选择考核项目' }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={items.map((entry) => ({
            value: entry.id,
            label: entry.clause ? `${entry.label}（${entry.clause}）` : entry.label,
          }))}
        />
      </Form.Item>
      {item && item.levels.length > 0 && (
        <Form.Item name={[name, 'level']} label="等级" rules={[{ required: true, message: '请选择等级' }]}>
          <Select options={item.levels.map((level) => ({ value: level, label: level }))} />
        </Form.Item>
      )}
      <Space.Compact block style={{ display: 'flex', gap: 12 }}>
        <Form.Item
          name={[name, 'occurredOn']}
          label="发生日期"
          style={{ flex: 1 }}
          rules={[{ required: true, message: '请选择发生日期' }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(day) =>
              range !== null &&
              (day.isBefore(dayjs(range.start), 'day') || day.isAfter(dayjs(range.end), 'day'))
            }
          />
        </Form.Item>
        <Form.Item name={[name, 'count']} label="次数" style={{ flex: 1 }}>
          <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name={[name, 'note']} label="说明">
        <Input maxLength={2000} placeholder="如：经核实应予加分的表彰文件" />
      </Form.Item>
    </Card>
  );
}

/** Before → after of an upheld appeal, or the reasons of a rejection. */
function appealOutcome(appeal: AppealListItem): string {
  if (appeal.status === 'upheld' && appeal.before && appeal.after) {
    return `${appeal.before.total}分（第${appeal.before.rank}名）→ ${appeal.after.total}分（第${appeal.after.rank}名）`;
  }
  return appeal.decision ?? '—';
}

/** 申诉: the appeals the actor may see; a subject files one in the window, the leading group decides. */
export function AppealsPanel({ period }: { period: PeriodDetail }) {
  const user = useCurrentUser();
  const canDecide = hasAnyRole(user.roles, ASSESSMENT_DECIDE_ROLES) && period.status === 'published';
  const canAppeal = hasAnyRole(user.roles, ASSESSMENT_SELF_ROLES) && period.status === 'published';
  const own = useOwnSubject(period.id, canAppeal);
  const [deciding, setDeciding] = useState<AppealListItem | null>(null);
  const queryClient = useQueryClient();
  const ownSubject = own.data?.subject;
  /** the appellant adds or removes proof until the decision */
  const canEditProof = (appeal: AppealListItem) =>
    canAppeal && appeal.status === 'pending' && appeal.subjectKey === ownSubject?.subjectKey;
  const refresh = () => queryClient.invalidateQueries({ queryKey: [ASSESSMENT_KEY] });
  const proof = (appeal: AppealListItem) => (
    <>
      <AttachmentLinks
        files={appeal.attachments}
        pathOf={(file) => attachmentPath(period.id, file.id)}
        onRemove={
          canEditProof(appeal)
            ? async (file) => {
                await deleteAttachment(period.id, file.id);
                await refresh();
              }
            : undefined
        }
      />
      {canEditProof(appeal) && (
        <AttachmentUploadButton
          label="补传证明材料"
          upload={(file) => uploadAppealAttachment(period.id, appeal.id, file)}
          onUploaded={refresh}
        />
      )}
    </>
  );
  const appeals = useServerPage<AppealListItem, { page: number; pageSize: number }>(
    [ASSESSMENT_KEY, 'appeals', period.id],
    (filter) => listAppeals(period.id, filter),
    { page: 1, pageSize: 20 },
  );
  const statusTag = (appeal: AppealListItem) => {
    const status = APPEAL_STATUS[appeal.status] ?? { label: appeal.status, color: 'default' };
    return <Tag color={status.color}>{status.label}</Tag>;
  };
  const columns: ColumnsType<AppealListItem> = [
    { title: '考核对象', dataIndex: 'subjectName', width: 150 },
    { title: '提出日期', dataIndex: 'submittedOn', width: 130, render: (day: string) => formatDay(day) },
    { title: '申诉理由', dataIndex: 'reasons', ellipsis: true },
    {
      title: '证明材料',
      key: 'attachments',
      width: 170,
      render: (_value, appeal) =>
        appeal.attachments.length > 0 || canEditProof(appeal) ? proof(appeal) : '—',
    },
    {
      title: '决定期限',
      dataIndex: 'decideBy',
      width: 170,
      render: (day: string, appeal) => (
        <>
          {formatDay(day)} {appeal.status === 'pending' && <DeadlineTag dueOn={day} />}
        </>
      ),
    },
    { title: '状态', key: 'status', width: 110, render: (_value, appeal) => statusTag(appeal) },
    { title: '结果', key: 'result', width: 220, render: (_value, appeal) => appealOutcome(appeal) },
    ...(canDecide
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 100,
            render: (_value: unknown, appeal: AppealListItem) =>
              appeal.status === 'pending' && (
                <Button size="small" type="link" onClick={() => setDeciding(appeal)}>
                  作出决定
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <>
      {canAppeal && ownSubject && <AppealForm period={period} subjectKey={ownSubject.subjectKey} />}
      <PagedResults<AppealListItem>
        {...appeals}
        columns={columns}
        scrollX={1130}
        onOpen={canDecide ? (appeal) => appeal.status === 'pending' && setDeciding(appeal) : undefined}
        emptyText={period.status === 'published' ? '公示期内尚无申诉。' : '本周期没有申诉。'}
        totalText={(total) => `共 ${total} 件申诉`}
        renderPhoneItem={(appeal) => (
          <>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <Typography.Text strong>{appeal.subjectName}</Typography.Text>
              {statusTag(appeal)}
            </div>
            <div style={{ fontSize: 13 }}>{appeal.reasons}</div>
            {proof(appeal)}
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
              {formatDay(appeal.submittedOn)}提出 ·{' '}
              {appeal.status === 'pending' ? `${formatDay(appeal.decideBy)}前决定` : appealOutcome(appeal)}
            </div>
            {canDecide && appeal.status === 'pending' && (
              <Button
                size="small"
                type="primary"
                style={{ marginTop: 6 }}
                onClick={() => setDeciding(appeal)}
              >
                作出决定
              </Button>
            )}
          </>
        )}
      />
      {deciding && <DecisionModal period={period} appeal={deciding} onClose={() => setDeciding(null)} />}
    </>
  );
}
