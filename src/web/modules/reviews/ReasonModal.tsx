import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { REVIEWS_KEY } from './reviews.api.ts';

/**
 * A write that needs its reason recorded (移出案卷, 不予回避 …): the reason is required, the call's
 * field error shows under it, success refreshes the reviews cache and closes.
 */
export function ReasonModal({
  title,
  label,
  okText,
  done,
  placeholder,
  isDanger = false,
  children,
  onSubmit,
  onClose,
}: {
  title: string;
  label: string;
  okText: string;
  /** the success message */
  done: string;
  placeholder?: string;
  isDanger?: boolean;
  /** what the decision is about, above the field */
  children?: ReactNode;
  onSubmit: (reason: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const submit = async ({ reason }: { reason: string }) => {
    setSaving(true);
    try {
      await onSubmit(reason);
      await queryClient.invalidateQueries({ queryKey: [REVIEWS_KEY] });
      message.success(done);
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
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      okButtonProps={{ danger: isDanger }}
      confirmLoading={isSaving}
    >
      {children}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={label} rules={[{ required: true, message: `请填写${label}` }]}>
          <Input.TextArea rows={3} maxLength={500} placeholder={placeholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
