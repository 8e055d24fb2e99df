import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth-context.tsx';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { changeOwnPassword } from './account.api.ts';
import { checkPasswordStrength, PASSWORD_HINT } from './password-rules.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Current + new + repeated password; used by 我的账号 and the forced first-login change. */
export function ChangePasswordForm({ username, onChanged }: { username: string; onChanged: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const { refresh } = useAuth();
  const [isSaving, setSaving] = useState(false);

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      await changeOwnPassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      message.success('密码已修改');
      form.resetFields();
      await refresh();
      onChanged();
    } catch (error) {
      applyApiErrorToForm(form, error, message.error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} style={{ maxWidth: 420 }}>
      <Form.Item
        name="currentPassword"
        label="当前密码"
        rules={[{ required: true, message: '请输入当前密码' }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="新密码"
        extra={PASSWORD_HINT}
        rules={[
          { required: true, message: '请输入新密码' },
          {
            validator: (_rule, value: string | undefined) => {
              const reason = value ? checkPasswordStrength(value, username) : null;
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
                : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" loading={isSaving} block>
          修改密码
        </Button>
      </Form.Item>
    </Form>
  );
}
