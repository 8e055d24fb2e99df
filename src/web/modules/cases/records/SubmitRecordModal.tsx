import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../app/api-client.ts';
import { formatDay } from '../../../components/date-time.ts';
import { applyApiErrorToForm } from '../../../components/form-errors.ts';
import { submitCaseRecord } from '../cases.api.ts';
import type { CaseDetail } from '../cases.types.ts';

const LATE_REASON_MAX = 500;

interface Values {
  lateReason?: string;
}

/**
 * 报送案件记录表: a confirmation, and for a record past its due date (seed 000 填表说明1: 30 days
 * after closing) the reason it is late, which the server requires (CASE_RECORD_LATE_REASON_REQUIRED).
 */
export function SubmitRecordModal({
  item,
  onClose,
  onSubmitted,
}: {
  item: CaseDetail;
  onClose: () => void;
  onSubmitted: (next: CaseDetail) => Promise<void>;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [isSaving, setSaving] = useState(false);
  // the server may know better than the page (the day turned while it was open)
  const [isLate, setLate] = useState(item.recordState === 'overdue');

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      await onSubmitted(await submitCaseRecord(item.id, values.lateReason?.trim() || null));
      message.success('案件记录表已报送');
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CASE_RECORD_LATE_REASON_REQUIRED' && !isLate) {
        setLate(true);
        message.error(error.message);
      } else applyApiErrorToForm(form, error, message.error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title="报送案件记录表"
      okText={isLate ? '逾期报送' : '报送'}
      cancelText="取消"
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Typography.Paragraph>报送后记录表交本单位法制部门归档，期限不再计算。确认报送？</Typography.Paragraph>
      {isLate && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`记录表应于 ${item.recordDueOn ? formatDay(item.recordDueOn) : '—'} 前报送，已逾期。`}
          description="逾期报送须说明原因，原因随记录表一并报送法制部门并记入审计日志。"
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit}>
        {isLate && (
          <Form.Item
            name="lateReason"
            label="逾期报送原因"
            rules={[
              { required: true, whitespace: true, message: '请填写逾期报送原因' },
              { max: LATE_REASON_MAX, message: `不能超过 ${LATE_REASON_MAX} 个字符` },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={LATE_REASON_MAX} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
