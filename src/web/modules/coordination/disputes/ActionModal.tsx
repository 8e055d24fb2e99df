import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { applyApiErrorToForm } from '../../../components/form-errors.ts';
import { COORDINATION_KEY } from '../coordination.api.ts';

/** One field of a procedure step's form; dates are typed 'YYYY-MM-DD' and checked by the server. */
export interface ActionField {
  name: string;
  label: string;
  kind?: 'text' | 'textarea' | 'select';
  options?: Array<{ value: number | string; label: string }>;
  isOptional?: boolean;
}

/** A step of the procedure: what it posts, its form, and what it says when done. */
export interface DisputeActionSpec {
  title: string;
  path: string;
  method?: 'post' | 'put';
  fields: ActionField[];
  initialValues?: Record<string, unknown>;
  done: string;
}

/** The form of one step; the server's field errors show under their fields, and nothing is half written. */
export function ActionModal({
  spec,
  onSubmit,
  onClose,
}: {
  spec: DisputeActionSpec;
  /** posts the step to the record's sub-path (a dispute's, a joint action's …) */
  onSubmit: (path: string, body: object, method?: 'post' | 'put') => Promise<unknown>;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const submit = async (values: Record<string, unknown>) => {
    setSaving(true);
    try {
      await onSubmit(spec.path, { ...spec.initialValues, ...values }, spec.method);
      await queryClient.invalidateQueries({ queryKey: [COORDINATION_KEY] });
      message.success(spec.done);
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
      title={spec.title}
      okText="确定"
      cancelText="取消"
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={spec.initialValues}>
        {spec.fields.map((field) => (
          <Form.Item
            key={field.name}
            name={field.name}
            label={field.label}
            rules={field.isOptional ? [] : [{ required: true, message: `请填写${field.label}` }]}
          >
            {field.kind === 'select' ? (
              <Select options={field.options} />
            ) : field.kind === 'textarea' ? (
              <Input.TextArea rows={4} />
            ) : (
              <Input />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
