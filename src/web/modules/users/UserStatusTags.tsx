import { Tag, Tooltip } from 'antd';
import type { UserView } from '../../app/session.types.ts';

/** 启用/停用, plus 已锁定 (too many wrong passwords) and 待改密 (first login pending). */
export function UserStatusTags({ user }: { user: UserView }) {
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {user.isActive ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>}
      {user.isLocked && (
        <Tooltip title="密码连续输错，账号暂时锁定；到期自动解锁，重置密码也可解锁">
          <Tag color="error">已锁定</Tag>
        </Tooltip>
      )}
      {user.mustChangePassword && (
        <Tooltip title="初始密码或重置后的密码，下次登录须修改">
          <Tag color="warning">待改密</Tag>
        </Tooltip>
      )}
    </span>
  );
}
