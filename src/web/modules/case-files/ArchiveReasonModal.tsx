import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { archiveCaseFile } from './case-files.api.ts';
import type { CaseFile } from './case-files.types.ts';

/**
 * Archiving a case file whose completeness check fails: the reason is a required form field, so an
 * empty one is said at the field (it used to throw an uncaught "reason required" in the page), and
 * the server's refusal shows there too. The reason is recorded with the archiver's name.
 */
export function ArchiveReasonModal({
  caseId,
  findingCount,
  onArchived,
  onClose,
}: {
  caseId: number;
  findingCount: number;
  onArchived: (saved: CaseFile) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ overrideReason: string }>();
  const { message } = App.useApp();
  const [isSaving, setSaving] = useState(false);

  const submit = async (values: { overrideReason: string }) => {
    setSaving(true);
    try {
      const saved = await archiveCaseFile(caseId, values.overrideReason.trim());
      message.success('案卷已归档');
      onArchived(saved);
    } catch (error) {
      applyApiErrorToForm(form, error, message.error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title="完整性检查未通过，注明理由后归档"
      width={560}
      okText="注明理由并归档"
      okButtonProps={{ danger: true, loading: isSaving }}
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        案卷尚有 {findingCount} 个问题。如确需归档，请写明理由，理由与您的姓名一并记录。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ overrideReason: '' }}>
        <Form.Item
          name="overrideReason"
          label="归档理由"
          rules={[
            { required: true, whitespace: true, message: '请填写归档理由' },
            { max: 1000, message: '理由不能超过 1000 个字符' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
