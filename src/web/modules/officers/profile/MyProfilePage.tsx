import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Result } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../app/api-client.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { getOwnOfficer, OFFICERS_KEY } from '../officers.api.ts';
import { ContactEditModal } from './ContactEditModal.tsx';
import { OfficerProfile } from './OfficerProfile.tsx';
import { ProfileSkeleton } from './OfficerProfilePage.tsx';

/** 我的档案 — the profile linked to the signed-in officer's account. */
export default function MyProfilePage() {
  const officer = useQuery({ queryKey: [OFFICERS_KEY, 'me'], queryFn: getOwnOfficer });
  const [isEditingContact, setEditingContact] = useState(false);
  if (officer.isPending) return <ProfileSkeleton />;
  if (officer.error instanceof ApiError && officer.error.code === 'NOT_FOUND')
    return (
      <Result
        status="info"
        title="您的账号还没有关联执法人员档案"
        subTitle="请联系本单位法制机构建立档案并关联到您的账号。"
      />
    );
  if (officer.isError) return <ErrorState error={officer.error} onRetry={() => officer.refetch()} />;
  return (
    <>
      <OfficerProfile
        officer={officer.data}
        title="我的档案"
        extraActions={
          <Button icon={<EditOutlined />} onClick={() => setEditingContact(true)}>
            更正联系方式
          </Button>
        }
      />
      {isEditingContact && (
        <ContactEditModal officer={officer.data} onClose={() => setEditingContact(false)} />
      )}
    </>
  );
}
