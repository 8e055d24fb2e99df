import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Radio, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useCurrentUser } from '../../app/auth-context.tsx';
import { hasAnyRole } from '../../app/roles.ts';
import { formatDay } from '../../components/date-time.ts';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { PagedResults } from '../../components/PagedResults.tsx';
import { ASSESSMENT_KEY, decideAppeal, listAppeals, submitAppeal } from './assessment.api.ts';
import type { Appeal, AppealDecisionInput, PeriodDetail } from './assessment.types.ts';
import { ASSESSMENT_DECIDE_ROLES, ASSESSMENT_SELF_ROLES } from './assessment-access.ts';
import { useClientPagedQuery } from './client-paging.ts';
import { DeadlineTag } from './DeadlineTag.tsx';
import { useOwnSubject } from './use-own-subject.ts';
import { useSchemeVersion } from './use-scheme-version.ts';
import { useSubjectName } from './use-subject-names.ts';

const APPEAL_STATUS: Record<string, { label: string; color: string }> = {
  pending: { label: '待决定', color: 'gold' },
  upheld: { label: '申诉成立', color: 'green' },
  rejected: { label: '维持原结果', color: 'default' },
};

/** 提出申诉: reasons, within the window (公示之日起 N 个工作日), with the closing date shown. */
function AppealForm({ period, subjectKey }: { period: PeriodDetail; subjectKey: string }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reasons: string }>();
  const closesOn = period.appealClosesOn;
  const isClosed = closesOn !== null && closesOn < new Date().toISOString().slice(0, 10);
  const submit = async ({ reasons }: { reasons: string }) => {
    try {
      await submitAppeal(period.id, subjectKey, reasons.trim());
      await queryClient.invalidateQueries({ queryKey: [ASSESSMENT_KEY] });
      form.resetFields();
      message.success('申诉已提交，考核工作领导小组将在规定期限内作出决定');
    } catch (error) {
      applyApiErrorToForm(form, error, (text) => message.error(text));
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
        <Button type="primary" htmlType="submit" block>
          提交申诉
        </Button>
      </Form>
    </Card>
  );
}

/** 申诉决定 (考核工作领导小组): upheld withdraws the named records and recomputes; rejected keeps the scores. */
function DecisionModal({
  period,
  appeal,
  onClose,
}: {
  period: PeriodDetail;
  appeal: Appeal;
  onClose(): void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{
    decision: 'upheld' | 'rejected';
    reasons: string;
    withdrawRecordIds?: string;
  }>();
  const decision = Form.useWatch('decision', form);
  const submit = async (values: {
    decision: 'upheld' | 'rejected';
    reasons: string;
    withdrawRecordIds?: string;
  }) => {
    const input: AppealDecisionInput = { decision: values.decision, reasons: values.reasons.trim() };
    if (values.decision === 'upheld') {
      input.withdrawRecordIds = (values.withdrawRecordIds ?? '')
        .split(/[,，、\s]+/)
        .map((text) => Number(text.replace(/^R/i, '')))
        .filter((id) => Number.isInteger(id) && id > 0);
    }
    try {
      await decideAppeal(period.id, appeal.id, input);
      await queryClient.invalidateQueries({ queryKey: [ASSESSMENT_KEY] });
      message.success(values.decision === 'upheld' ? '申诉成立，已重新计分' : '已决定维持原结果');
      onClose();
    } catch (error) {
      applyApiErrorToForm(form, error, (text) => message.error(text));
    }
  };
  return (
    <Modal
      open
      title="申诉决定"
      okText="作出决定"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        <Typography.Text type="secondary">申诉理由：</Typography.Text>
        {appeal.reasons}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ decision: 'rejected' }}>
        <Form.Item name="decision" label="决定">
          <Radio.Group
            options={[
              { value: 'rejected', label: '维持原结果' },
              { value: 'upheld', label: '申诉成立' },
            ]}
          />
        </Form.Item>
        {decision === 'upheld' && (
          <Form.Item
            name="withdrawRecordIds"
            label="撤销的考核记录编号"
            extra="成绩单得分说明中的记录编号，如 R12、R15；撤销后全周期重新计分。"
            rules={[{ required: true, message: '请填写要撤销的记录编号' }]}
          >
            <Input placeholder="R12, R15" />
          </Form.Item>
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

/** 申诉: the appeals the actor may see; a subject files one in the window, the leading group decides. */
export function AppealsPanel({ period }: { period: PeriodDetail }) {
  const user = useCurrentUser();
  const canDecide = hasAnyRole(user.roles, ASSESSMENT_DECIDE_ROLES) && period.status === 'published';
  const canAppeal = hasAnyRole(user.roles, ASSESSMENT_SELF_ROLES) && period.status === 'published';
  const version = useSchemeVersion(period.schemeVersionId);
  const own = useOwnSubject(period.id, canAppeal ? version?.subjectKind : undefined);
  const subjectName = useSubjectName();
  const [deciding, setDeciding] = useState<Appeal | null>(null);
  const appeals = useClientPagedQuery([ASSESSMENT_KEY, 'appeals', period.id], () => listAppeals(period.id));
  const statusTag = (appeal: Appeal) => {
    const status = APPEAL_STATUS[appeal.status] ?? { label: appeal.status, color: 'default' };
    return <Tag color={status.color}>{status.label}</Tag>;
  };
  const columns: ColumnsType<Appeal> = [
    { title: '考核对象', dataIndex: 'subjectKey', width: 150, render: (key: string) => subjectName(key) },
    { title: '提出日期', dataIndex: 'submittedOn', width: 130, render: (day: string) => formatDay(day) },
    { title: '申诉理由', dataIndex: 'reasons', ellipsis: true },
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
    {
      title: '结果',
      key: 'result',
      width: 200,
      render: (_value, appeal) =>
        appeal.before && appeal.after
          ? `${appeal.before.total}分（第${appeal.before.rank}名）→ ${appeal.after.total}分（第${appeal.after.rank}名）`
          : (appeal.decision ?? '—'),
    },
    ...(canDecide
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 100,
            render: (_value: unknown, appeal: Appeal) =>
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
      {canAppeal && own.data && <AppealForm period={period} subjectKey={own.data.subjectKey} />}
      <PagedResults<Appeal>
        {...appeals}
        columns={columns}
        scrollX={900}
        onOpen={canDecide ? (appeal) => appeal.status === 'pending' && setDeciding(appeal) : undefined}
        emptyText={period.status === 'published' ? '公示期内尚无申诉。' : '本周期没有申诉。'}
        totalText={(total) => `共 ${total} 件申诉`}
        renderPhoneItem={(appeal) => (
          <>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <Typography.Text strong>{subjectName(appeal.subjectKey)}</Typography.Text>
              {statusTag(appeal)}
            </div>
            <div style={{ fontSize: 13 }}>{appeal.reasons}</div>
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
              {formatDay(appeal.submittedOn)}提出 · {formatDay(appeal.decideBy)}前决定
            </div>
          </>
        )}
      />
      {deciding && <DecisionModal period={period} appeal={deciding} onClose={() => setDeciding(null)} />}
    </>
  );
}
