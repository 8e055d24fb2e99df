import { Button, Result } from 'antd';
import { ApiError } from '../app/api-client.ts';
import { ForbiddenResult } from './StatusResults.tsx';

/** A failed load: 403 becomes 无权访问, anything else an error with a retry button. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (error instanceof ApiError && error.code === 'FORBIDDEN')
    return <ForbiddenResult message={error.message} />;
  const message = error instanceof ApiError ? error.message : '页面加载出错，请稍后重试。';
  return (
    <Result
      status="error"
      title="加载失败"
      subTitle={message}
      extra={
        onRetry && (
          <Button type="primary" onClick={onRetry}>
            重试
          </Button>
        )
      }
    />
  );
}
