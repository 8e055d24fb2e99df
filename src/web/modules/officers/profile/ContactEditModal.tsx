import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { applyApiErrorToForm } from '../../../components/form-errors.ts';
import { OFFICERS_KEY, updateOwnContact } from '../officers.api.ts';
import type { Officer } from '../officers.types.ts';

interface ContactValues {
  phone: string;
  email: string;
}

/** 更正联系方式: the officer's own phone and e-mail; every other field stays with the 法制机构. */
export function ContactEditModal({ officer, onClose }: { officer: Officer; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ContactValues>();
  const [isSaving, setSaving] = useState(false);

  const save = async (values: ContactValues) => {
    setSaving(true);
    try {
      await updateOwnContact({ phone: values.phone.trim() || null, email: values.email.trim() || null });
      message.success('联系方式已更正');
      await queryClient.invalidateQueries({ queryKey: [OFFICERS_KEY] });
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
      title="更正联系方式"
      okText="保存"
      cancelText="取消"
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        本人只能更正联系电话和电子邮箱；姓名、单位、岗位等其他档案信息请联系本单位法制机构修改。修改会记入档案变更记录。
      </Typography.Paragraph>
      <Form<ContactValues>
        form={form}
        layout="vertical"
        initialValues={{ phone: officer.phone ?? '', email: officer.email ?? '' }}
        onFinish={save}
      >
        <Form.Item name="phone" label="联系电话">
          <Input placeholder="11 位手机号" maxLength={20} />
        </Form.Item>
        <Form.Item name="email" label="电子邮箱">
          <Input placeholder="如 zhangsan@example.com" maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
