import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../../app/api-client.ts';
import { useAuth } from '../../app/auth-context.tsx';
import type { LoginRedirectState } from '../../app/router.tsx';
import { AuthCard } from './AuthCard.tsx';

interface Values {
  username: string;
  password: string;
}

/** Username + password; shows the server's Chinese reason (wrong password, locked, deactivated). */
export default function LoginPage() {
  const { login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [errorText, setErrorText] = useState<string | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);

  const submit = async (values: Values) => {
    setSubmitting(true);
    setErrorText(null);
    try {
      const user = await login(values.username.trim(), values.password);
      if (user.mustChangePassword) {
        navigate('/change-password', { replace: true });
      } else {
        const from = (location.state as LoginRedirectState | null)?.from;
        navigate(from && from !== '/login' ? from : '/', { replace: true });
      }
    } catch (error) {
      setErrorText(error instanceof ApiError ? error.message : '登录失败，请稍后重试');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthCard subtitle="账号登录">
      {errorText && (
        <Alert type="error" showIcon title={errorText} style={{ marginBottom: 16 }} role="alert" />
      )}
      <Form<Values> layout="vertical" onFinish={submit} requiredMark={false} size="large">
        <Form.Item
          name="username"
          label="用户名"
          rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" placeholder="请输入用户名" autoFocus />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            placeholder="请输入密码"
          />
        </Form.Item>
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" block loading={isSubmitting}>
            登录
          </Button>
        </Form.Item>
      </Form>
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/public/certificate">执法证查询（群众无需登录）</Link>
      </div>
    </AuthCard>
  );
}
