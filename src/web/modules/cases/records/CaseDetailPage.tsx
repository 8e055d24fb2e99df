import { ArrowLeftOutlined, EditOutlined, FileWordOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Result, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../../app/api-client.ts';
import { useCurrentUser } from '../../../app/auth-context.tsx';
import { hasAnyRole } from '../../../app/roles.ts';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import { formatDay } from '../../../components/date-time.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { CaseFilePanel } from '../../case-files/CaseFilePanel.tsx';
import { RecordStateTag } from '../CaseTags.tsx';
import { CASES_KEY, downloadCaseRecord, getCase, signCase } from '../cases.api.ts';
import type { CaseDetail } from '../cases.types.ts';
import {
  CASE_PERSONAL_ROLES,
  CASE_QUALITY_ROLES,
  CASE_WRITE_ROLES,
  COMPLAINT_READ_ROLES,
} from '../cases-access.ts';
import { ComplaintList } from '../complaints/ComplaintList.tsx';
import { CaseFormDrawer } from './CaseFormDrawer.tsx';
import { CaseRecord } from './CaseRecord.tsx';
import { QualityModal } from './QualityModal.tsx';
import { SubmitRecordModal } from './SubmitRecordModal.tsx';

function DetailSkeleton() {
  return (
    <>
      <Skeleton active title paragraph={{ rows: 1 }} style={{ marginBottom: 16 }} />
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    </>
  );
}

/** The record's deadline in words, e.g. 结案后 30 日内报送：2025年3月2日前（临期）. */
function deadlineNote(item: CaseDetail): React.ReactNode {
  if (item.recordState === 'submitted') {
    const on = item.recordSubmittedOn ? formatDay(item.recordSubmittedOn) : '—';
    return item.recordLateReason
      ? `记录表已于 ${on} 逾期报送法制部门，原因：${item.recordLateReason}`
      : `记录表已于 ${on} 报送法制部门。`;
  }
  if (!item.recordDueOn) return '案件在办，结案后 30 日内填写完毕并报送本单位法制部门。';
  return `结案后 30 日内报送：${formatDay(item.recordDueOn)}前。`;
}

/** /cases/:id — 案件记录表, 案卷 and the complaints about the case. */
export default function CaseDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const [isEditing, setEditing] = useState(false);
  const [isGrading, setGrading] = useState(false);
  const [signingPart, setSigningPart] = useState<'opinion' | 'result' | null>(null);
  const [isDownloading, setDownloading] = useState(false);
  const [isSubmitOpen, setSubmitOpen] = useState(false);
  const caseId = Number(id);
  const isValidId = Number.isInteger(caseId) && caseId > 0;
  const detail = useQuery({
    queryKey: [CASES_KEY, 'detail', caseId],
    queryFn: () => getCase(caseId),
    enabled: isValidId,
  });
  const canWrite = hasAnyRole(user.roles, CASE_WRITE_ROLES);
  const canGrade = hasAnyRole(user.roles, CASE_QUALITY_ROLES);
  const canSeeFull = hasAnyRole(user.roles, CASE_PERSONAL_ROLES);
  const canReadComplaints = hasAnyRole(user.roles, COMPLAINT_READ_ROLES);

  if (!isValidId || (detail.error instanceof ApiError && detail.error.code === 'NOT_FOUND'))
    return (
      <Result
        status="404"
        title="未找到该案件"
        subTitle="案件不存在，或不在您的权限范围内。"
        extra={
          <Button type="primary" onClick={() => navigate('/cases')}>
            返回案件列表
          </Button>
        }
      />
    );
  if (detail.isPending) return <DetailSkeleton />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => detail.refetch()} />;
  const item = detail.data;

  const saved = async (next: CaseDetail) => {
    queryClient.setQueryData([CASES_KEY, 'detail', caseId], next);
    await queryClient.invalidateQueries({ queryKey: [CASES_KEY, 'list'] });
  };
  const sign = async (part: 'opinion' | 'result') => {
    setSigningPart(part);
    try {
      await saved(await signCase(caseId, part));
      message.success(part === 'opinion' ? '已在办案意见栏签字' : '已在办案结果栏签字');
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSigningPart(null);
    }
  };
  const download = async () => {
    setDownloading(true);
    try {
      await downloadCaseRecord(caseId, item.caseNo);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setDownloading(false);
    }
  };

  const flags = [
    item.isSupervised && '督办案件',
    item.isAssigned && '交办案件',
    item.isMajorStability && '影响社会稳定的重大事项',
  ].filter(Boolean) as string[];
  const tabs = [
    {
      key: 'record',
      label: '案件记录表',
      children: (
        <>
          <div
            style={{
              display: 'flex',
              flexWrap: 'wrap',
              justifyContent: 'space-between',
              gap: 8,
              marginBottom: 12,
              color: 'rgba(0,0,0,0.65)',
            }}
          >
            <span>单位：{item.orgName}</span>
            <span>
              <RecordStateTag state={item.recordState} label={item.recordStateLabel} /> {deadlineNote(item)}
            </span>
          </div>
          <CaseRecord
            item={item}
            canSeeFull={canSeeFull}
            canSign={canWrite}
            canGrade={canGrade}
            onSign={sign}
            onGrade={() => setGrading(true)}
            signingPart={signingPart}
          />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
            填表说明：本表格一案一记，由行政执法人员在行政执法结案 30 日内填写完毕并报送本单位法制部门归档；
            质量分析一栏由单位法制部门根据案卷评查等情况进行填写。
          </Typography.Paragraph>
        </>
      ),
    },
    { key: 'file', label: '案卷', children: <CaseFilePanel caseItem={item} /> },
    ...(canReadComplaints
      ? [
          {
            key: 'complaints',
            label: '投诉举报',
            children: <ComplaintList fixedCase={{ id: item.id, caseNo: item.caseNo, orgId: item.orgId }} />,
          },
        ]
      : []),
  ];
  const activeTab = tabs.some((tab) => tab.key === searchParams.get('tab'))
    ? searchParams.get('tab')!
    : 'record';

  return (
    <>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        onClick={() => navigate('/cases')}
        style={{ paddingLeft: 0 }}
      >
        返回案件列表
      </Button>
      <PageHeader
        title={item.name}
        description={
          <Space size={6} wrap>
            <span>{item.caseNo}</span>
            <Tag style={{ marginInlineEnd: 0 }}>{item.kindLabel}</Tag>
            {flags.map((flag) => (
              <Tag key={flag} color="purple" style={{ marginInlineEnd: 0 }}>
                {flag}
              </Tag>
            ))}
          </Space>
        }
        extra={
          <>
            <Button icon={<FileWordOutlined />} loading={isDownloading} onClick={download}>
              {isPhone ? '下载记录表' : '下载案件记录表（Word）'}
            </Button>
            {canWrite && item.closedOn && item.recordState !== 'submitted' && (
              <Button icon={<SendOutlined />} onClick={() => setSubmitOpen(true)}>
                报送记录表
              </Button>
            )}
            {canWrite && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                编辑
              </Button>
            )}
          </>
        }
      />
      {item.recordState === 'overdue' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`案件记录表已逾期：应于 ${item.recordDueOn ? formatDay(item.recordDueOn) : '—'} 前报送。`}
        />
      )}
      <Card styles={{ body: isPhone ? { padding: '4px 12px 12px' } : undefined }}>
        <Tabs
          activeKey={activeTab}
          onChange={(key) => setSearchParams(key === 'record' ? {} : { tab: key }, { replace: true })}
          items={tabs}
        />
      </Card>
      {isEditing && (
        <CaseFormDrawer item={item} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      )}
      {isGrading && <QualityModal item={item} onClose={() => setGrading(false)} />}
      {isSubmitOpen && (
        <SubmitRecordModal item={item} onClose={() => setSubmitOpen(false)} onSubmitted={saved} />
      )}
    </>
  );
}
