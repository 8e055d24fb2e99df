import { DownOutlined, FileTextOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../app/api-client.ts';
import { useCurrentUser } from '../../../app/auth-context.tsx';
import { hasAnyRole } from '../../../app/roles.ts';
import { downloadFile } from '../../../components/file-transfer.ts';
import type { Period } from '../assessment.types.ts';
import { ASSESSMENT_MANAGE_ROLES } from '../assessment-access.ts';

interface DocumentLink {
  key: string;
  label: string;
  path: string;
  fileName: string;
}

const FORMATS = [
  ['xlsx', 'Excel'],
  ['docx', 'Word'],
] as const;

/** Which documents the page offers (server: assessment-documents.service.ts decides and audits). */
function documentsFor(period: Period, subjectKey: string | undefined, canManage: boolean): DocumentLink[] {
  const isVisible = canManage
    ? period.status !== 'open'
    : period.status === 'published' || period.status === 'finalised';
  if (!isVisible) return [];
  const base = `/assessment/periods/${period.id}`;
  if (subjectKey) {
    if (!subjectKey.startsWith('officer:')) return [];
    const subject = `${base}/subjects/${subjectKey}`;
    const isQuarter = /-Q[1-4]$/.test(period.periodKey);
    return FORMATS.flatMap(([format, label]) => [
      ...(isQuarter
        ? [
            {
              key: `quality-${format}`,
              label: `质量监督表（${label}）`,
              path: `${subject}/quality-supervision.${format}`,
              fileName: `质量监督表-${period.label}.${format}`,
            },
          ]
        : []),
      {
        key: `rewards-${format}`,
        label: `奖惩记录表（${label}）`,
        path: `${subject}/rewards-punishments.${format}`,
        fileName: `奖惩记录表.${format}`,
      },
    ]);
  }
  return [
    {
      key: 'circular',
      label: '考核结果通报（Word）',
      path: `${base}/circular.docx`,
      fileName: `考核结果通报-${period.label}.docx`,
    },
    ...(canManage
      ? FORMATS.map(([format, label]) => ({
          key: `summary-${format}`,
          label: `年度考评汇总表（${label}）`,
          path: `${base}/annual-summary.${format}`,
          fileName: `执法业绩考评汇总表.${format}`,
        }))
      : []),
  ];
}

/**
 * 文书下载: on a period board the results circular and (for the assessment office) the year's
 * 汇总表; on an officer's scorecard the 质量监督表 and 奖惩记录表 of seed 000. Hidden until the
 * results are visible to the user, as the server would refuse them.
 */
export function DocumentDownloads(props: { period: Period; subjectKey?: string }) {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState<string | null>(null);
  const documents = documentsFor(
    props.period,
    props.subjectKey,
    hasAnyRole(user.roles, ASSESSMENT_MANAGE_ROLES),
  );
  if (documents.length === 0) return null;
  const onClick: MenuProps['onClick'] = async ({ key }) => {
    const link = documents.find((candidate) => candidate.key === key);
    if (!link) return;
    setDownloading(key);
    try {
      await downloadFile(link.path, link.fileName);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setDownloading(null);
    }
  };
  return (
    <div style={{ marginTop: 16, textAlign: 'right' }}>
      <Dropdown
        menu={{ items: documents.map((link) => ({ key: link.key, label: link.label })), onClick }}
        trigger={['click']}
      >
        <Button icon={<FileTextOutlined />} loading={downloading !== null}>
          文书下载 <DownOutlined />
        </Button>
      </Dropdown>
    </div>
  );
}
