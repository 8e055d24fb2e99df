import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';

/** 403: the account's roles do not reach this page or record. */
export function ForbiddenResult({ message }: { message?: string }) {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle={message ?? '您的账号角色无权查看此页面。如需开通，请联系系统管理员。'}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}

/** Unknown address inside the app. */
export function NotFoundResult() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在，可能地址有误或功能尚未开放。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}
