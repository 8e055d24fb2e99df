import { Alert } from 'antd';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../app/auth-context.tsx';
import { hasAnyRole } from '../../app/roles.ts';
import { SUPERVISION_SIGN_ROLES } from './supervision-labels.ts';

/** The banner of a signed document's state: returned by the leader, awaiting 签发, or withdrawn. */
export function SignOffStateAlerts({
  state,
  signComment,
  withdrawnReason,
  awaitingText,
}: {
  state: string;
  signComment: string | null;
  withdrawnReason: string | null;
  /** what happens once it is signed (numbering, registering, sending on) */
  awaitingText: string;
}) {
  const user = useCurrentUser();
  return (
    <>
      {state === 'draft' && signComment && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`领导退回意见：${signComment}`} />
      )}
      {state === 'awaiting_sign_off' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={awaitingText}
          action={
            hasAnyRole(user.roles, SUPERVISION_SIGN_ROLES) ? (
              <Link to="/documents/sign-offs">去签发</Link>
            ) : undefined
          }
        />
      )}
      {state === 'withdrawn' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`已撤回：${withdrawnReason ?? ''}`}
        />
      )}
    </>
  );
}
