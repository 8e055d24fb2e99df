import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Result, Skeleton } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../app/api-client.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { getOfficer, OFFICERS_KEY } from '../officers.api.ts';
import { OfficerProfile } from './OfficerProfile.tsx';

/** Skeleton of the profile while it loads. */
export function ProfileSkeleton() {
  return (
    <>
      <Skeleton active title paragraph={{ rows: 1 }} style={{ marginBottom: 16 }} />
      <Card style={{ marginBottom: 16 }}>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
      <Card>
        <Skeleton active paragraph={{ rows: 4 }} />
      </Card>
    </>
  );
}

/** /officers/:id — one officer's archive. */
export default function OfficerProfilePage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const officerId = Number(id);
  const isValidId = Number.isInteger(officerId) && officerId > 0;
  const officer = useQuery({
    queryKey: [OFFICERS_KEY, 'detail', officerId],
    queryFn: () => getOfficer(officerId),
    enabled: isValidId,
  });
  const back = (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      onClick={() => navigate('/officers')}
      style={{ paddingLeft: 0 }}
    >
      返回执法人员列表
    </Button>
  );
  if (!isValidId || (officer.error instanceof ApiError && officer.error.code === 'NOT_FOUND'))
    return (
      <Result
        status="404"
        title="未找到该执法人员"
        subTitle="档案不存在，或不在您的权限范围内。"
        extra={
          <Button type="primary" onClick={() => navigate('/officers')}>
            返回执法人员列表
          </Button>
        }
      />
    );
  if (officer.isPending) return <ProfileSkeleton />;
  if (officer.isError) return <ErrorState error={officer.error} onRetry={() => officer.refetch()} />;
  return (
    <>
      {back}
      <OfficerProfile officer={officer.data} title={officer.data.name} />
    </>
  );
}
