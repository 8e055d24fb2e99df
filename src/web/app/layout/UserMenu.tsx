import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Space, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { RoleTags } from '../../components/RoleTags.tsx';
import { useAuth } from '../auth-context.tsx';
import type { SessionUser } from '../session.types.ts';

/** Header corner: name, organisation and roles, with 我的账号 and 退出登录. */
export function UserMenu({ user, isPhone }: { user: SessionUser; isPhone: boolean }) {
  const { logout } = useAuth();
  const navigate = useNavigate();
  const items = [
    {
      key: 'summary',
      disabled: true,
      label: (
        <div style={{ maxWidth: 260, cursor: 'default' }}>
          <div style={{ color: 'rgba(0,0,0,0.88)', fontWeight: 600 }}>{user.displayName}</div>
          <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 12, margin: '2px 0 6px' }}>{user.orgName}</div>
          <RoleTags roles={user.roles} />
        </div>
      ),
    },
    { type: 'divider' as const },
    { key: 'account', icon: <UserOutlined />, label: '我的账号' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
  ];
  return (
    <Space size={12}>
      {!isPhone && (
        <span className="fz-header-roles">
          <RoleTags roles={user.roles} />
        </span>
      )}
      <Dropdown
        trigger={['click']}
        menu={{
          items,
          onClick: async ({ key }) => {
            if (key === 'account') navigate('/account');
            if (key === 'logout') {
              await logout();
              navigate('/login', { replace: true });
            }
          },
        }}
      >
        <button
          type="button"
          aria-label="账号菜单"
          data-testid="user-menu"
          style={{ background: 'none', border: 0, cursor: 'pointer', padding: 0, lineHeight: 1.3 }}
        >
          <Space size={8}>
            <Avatar size="small" style={{ background: '#1d4e89' }}>
              {user.displayName.slice(0, 1)}
            </Avatar>
            {!isPhone && (
              <span style={{ textAlign: 'left', display: 'inline-block' }}>
                <Typography.Text strong style={{ display: 'block' }}>
                  {user.displayName}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {user.orgName}
                </Typography.Text>
              </span>
            )}
            <DownOutlined style={{ fontSize: 10, color: 'rgba(0,0,0,0.45)' }} />
          </Space>
        </button>
      </Dropdown>
    </Space>
  );
}
