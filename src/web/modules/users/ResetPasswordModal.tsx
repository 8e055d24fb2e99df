import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { UserView } from '../../app/session.types.ts';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { checkPasswordStrength, PASSWORD_HINT } from '../account/password-rules.ts';
import { resetUserPassword, USERS_KEY } from './users.api.ts';

/** Admin sets a new password for an account; it must be changed at the next login. */
export function ResetPasswordModal({ user, onClose }: { user: UserView; onClose: () => void }) {
  const [form] = Form.useForm<{ newPassword: string; confirmPassword: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);

  const submit = async ({ newPassword }: { newPassword: string }) => {
    setSaving(true);
    try {
      await resetUserPassword(user.id, newPassword);
      message.success(`已重置“${user.displayName}”的密码`);
      await queryClient.invalidateQueries({ queryKey: [USERS_KEY] });
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
      title={`重置密码 · ${user.displayName}（${user.username}）`}
      okText="重置"
      onOk={() => form.submit()}
      confirmLoading={isSaving}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        重置后该账号的登录锁定随之解除，下次登录须修改密码。请将新密码线下告知本人。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="newPassword"
          label="新密码"
          extra={PASSWORD_HINT}
          rules={[
            { required: true, message: '请输入新密码' },
            {
              validator: (_rule, value: string | undefined) => {
                const reason = value ? checkPasswordStrength(value, user.username) : null;
                return reason ? Promise.reject(new Error(reason)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
