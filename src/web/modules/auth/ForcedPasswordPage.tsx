import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useAuth, useCurrentUser } from '../../app/auth-context.tsx';
import { ChangePasswordForm } from '../account/ChangePasswordForm.tsx';
import { AuthCard } from './AuthCard.tsx';

/** First login (or after a reset): the account must set its own password before anything else. */
export default function ForcedPasswordPage() {
  const user = useCurrentUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  return (
    <AuthCard subtitle="首次登录，请修改密码">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${user.displayName}，您好。为保障账号安全，管理员设置的初始密码须修改后才能使用系统。`}
      />
      <ChangePasswordForm username={user.username} onChanged={() => navigate('/', { replace: true })} />
      <Button
        type="link"
        block
        style={{ marginTop: 8 }}
        onClick={async () => {
          await logout();
          navigate('/login', { replace: true });
        }}
      >
        退出登录
      </Button>
    </AuthCard>
  );
}
