import { EditOutlined, FileWordOutlined, HistoryOutlined } from '@ant-design/icons';
import { App, Button, Card, Tabs } from 'antd';
import { type ReactNode, useState } from 'react';
import { errorMessage } from '../../../app/api-client.ts';
import { useCurrentUser } from '../../../app/auth-context.tsx';
import { hasAnyRole } from '../../../app/roles.ts';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { OfficerFormDrawer } from '../archive/OfficerFormDrawer.tsx';
import { OfficerHistoryDrawer } from '../archive/OfficerHistoryDrawer.tsx';
import { PostChangesTab } from '../archive/PostChangesTab.tsx';
import { RewardsPunishmentsTab } from '../archive/RewardsPunishmentsTab.tsx';
import { CertificatesTab } from '../certificates/CertificatesTab.tsx';
import { downloadOfficerArchive } from '../officers.api.ts';
import type { Officer } from '../officers.types.ts';
import { OFFICER_WRITE_ROLES, WORK_LOG_READ_ROLES } from '../officers-access.ts';
import { TrainingTab } from '../training/TrainingTab.tsx';
import { WorkLogList } from '../work-logs/WorkLogList.tsx';
import { OfficerBasicInfo } from './OfficerBasicInfo.tsx';

/** One officer's archive: 基本信息表, then 执法证 / 培训记录 / 岗位变更 / 工作记实 tabs. */
export function OfficerProfile({
  officer,
  title,
  extraActions,
}: {
  officer: Officer;
  title: string;
  /** more buttons beside the download (我的档案: 更正联系方式) */
  extraActions?: ReactNode;
}) {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const canWrite = hasAnyRole(user.roles, OFFICER_WRITE_ROLES);
  const canReadLogs = hasAnyRole(user.roles, WORK_LOG_READ_ROLES);
  const isPhone = useIsPhone();
  const [isEditing, setEditing] = useState(false);
  const [isHistoryOpen, setHistoryOpen] = useState(false);
  const [isDownloading, setDownloading] = useState(false);

  const downloadArchive = async () => {
    setDownloading(true);
    try {
      await downloadOfficerArchive(officer.id, officer.name);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setDownloading(false);
    }
  };

  const tabs = [
    {
      key: 'certificates',
      label: isPhone ? '执法证' : `执法证（${officer.certificates.length}）`,
      children: <CertificatesTab officer={officer} canWrite={canWrite} />,
    },
    { key: 'training', label: '培训记录', children: <TrainingTab officer={officer} canWrite={canWrite} /> },
    {
      key: 'posts',
      label: '岗位变更',
      children: <PostChangesTab officer={officer} canWrite={canWrite} />,
    },
    { key: 'rewards', label: '奖惩记录', children: <RewardsPunishmentsTab officerId={officer.id} /> },
    ...(canReadLogs
      ? [{ key: 'logs', label: '工作记实', children: <WorkLogList officerId={officer.id} /> }]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={title}
        description={`${officer.agencyName}${officer.orgName !== officer.agencyName ? ` · ${officer.orgName}` : ''}`}
        extra={
          <>
            {extraActions}
            <Button icon={<FileWordOutlined />} loading={isDownloading} onClick={downloadArchive}>
              下载执法业绩档案（Word）
            </Button>
            <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)}>
              变更记录
            </Button>
            {canWrite && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                编辑档案
              </Button>
            )}
          </>
        }
      />
      <Card
        title="基本信息"
        style={{ marginBottom: 16 }}
        styles={{ body: isPhone ? { padding: 12 } : undefined }}
      >
        <OfficerBasicInfo officer={officer} canWrite={canWrite} />
      </Card>
      <Card styles={{ body: isPhone ? { padding: '4px 12px 12px' } : undefined }}>
        <Tabs items={tabs} tabBarGutter={isPhone ? 16 : undefined} />
      </Card>
      {isEditing && (
        <OfficerFormDrawer
          officer={officer}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
      {isHistoryOpen && <OfficerHistoryDrawer officerId={officer.id} onClose={() => setHistoryOpen(false)} />}
    </>
  );
}
