import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space } from 'antd';
import { errorMessage } from '../../app/api-client.ts';
import type { UserView } from '../../app/session.types.ts';
import { USERS_KEY, updateUser } from './users.api.ts';

/** 编辑 / 重置密码 / 停用·启用 for one account (admins only; the caller decides). */
export function UserActions({
  user,
  currentUserId,
  onEdit,
  onResetPassword,
  onLinkOfficer,
}: {
  user: UserView;
  currentUserId: number;
  onEdit: () => void;
  onResetPassword: () => void;
  onLinkOfficer: () => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isSelf = user.id === currentUserId;

  const setActive = async (isActive: boolean) => {
    try {
      await updateUser(user.id, { isActive });
      message.success(isActive ? '账号已启用' : '账号已停用');
      await queryClient.invalidateQueries({ queryKey: [USERS_KEY] });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={onEdit}>
        编辑
      </Button>
      <Button type="link" size="small" onClick={onResetPassword}>
        重置密码
      </Button>
      <Button type="link" size="small" onClick={onLinkOfficer}>
        关联档案
      </Button>
      {user.isActive ? (
        <Popconfirm
          title={`停用“${user.displayName}”？`}
          description="停用后该账号不能登录，已登录的会话随即失效。"
          okText="停用"
          cancelText="取消"
          disabled={isSelf}
          onConfirm={() => setActive(false)}
        >
          <Button
            type="link"
            size="small"
            danger
            disabled={isSelf}
            title={isSelf ? '不能停用自己的账号' : undefined}
          >
            停用
          </Button>
        </Popconfirm>
      ) : (
        <Popconfirm
          title={`启用“${user.displayName}”？`}
          okText="启用"
          cancelText="取消"
          onConfirm={() => setActive(true)}
        >
          <Button type="link" size="small">
            启用
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
