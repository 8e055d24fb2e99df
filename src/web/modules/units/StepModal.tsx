import { useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { UNITS_KEY } from './units.api.ts';

/** One field of a step's form; dates are picked and sent as 'YYYY-MM-DD', checked again by the server. */
export interface StepField {
  name: string;
  label: string;
  kind?: 'text' | 'textarea' | 'select' | 'checkboxes' | 'date' | 'number';
  options?: ReadonlyArray<{ value: string | number; label: string }>;
  isOptional?: boolean;
  placeholder?: string;
}

/** A form in a modal: the server's field errors show under their fields; nothing is stored on a refusal. */
export function StepModal({
  title,
  fields,
  initialValues,
  okText = '提交',
  done,
  submit,
  onClose,
}: {
  title: string;
  fields: readonly StepField[];
  initialValues?: Record<string, unknown>;
  okText?: string;
  done: string;
  submit: (values: Record<string, unknown>) => Promise<unknown>;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const onFinish = async (values: Record<string, unknown>) => {
    setSaving(true);
    try {
      const sent = Object.fromEntries(
        Object.entries(values).map(([key, value]) => [
          key,
          dayjs.isDayjs(value) ? value.format('YYYY-MM-DD') : value === '' ? undefined : value,
        ]),
      );
      await submit(sent);
      await queryClient.invalidateQueries({ queryKey: [UNITS_KEY] });
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
      okText={okText}
      cancelText="取消"
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish}>
        {fields.map((field) => (
          <Form.Item
            key={field.name}
            name={field.name}
            label={field.label}
            rules={field.isOptional ? [] : [{ required: true, message: `请填写${field.label}` }]}
          >
            {field.kind === 'textarea' ? (
              <Input.TextArea rows={5} placeholder={field.placeholder} />
            ) : field.kind === 'select' ? (
              <Select options={[...(field.options ?? [])]} placeholder={field.placeholder ?? '请选择'} />
            ) : field.kind === 'checkboxes' ? (
              <Checkbox.Group options={[...(field.options ?? [])]} />
            ) : field.kind === 'date' ? (
              <DatePicker style={{ width: '100%' }} placeholder="选择日期" />
            ) : field.kind === 'number' ? (
              <InputNumber style={{ width: '100%' }} placeholder={field.placeholder} />
            ) : (
              <Input placeholder={field.placeholder} />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
