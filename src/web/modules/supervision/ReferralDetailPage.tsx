import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { AttachmentLinks } from '../../components/AttachmentLinks.tsx';
import { AttachmentUploadButton } from '../../components/AttachmentUpload.tsx';
import { formatDateTime, formatDay } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { FormModal, type FormSpec } from './FormModal.tsx';
import { acceptReferralForm, returnReferralForm } from './referral-forms.ts';
import {
  attachmentPath,
  getReferral,
  SUPERVISION_KEY,
  uploadSupervisionAttachment,
} from './supervision.api.ts';
import { REFERRAL_STATE_COLORS } from './supervision-labels.ts';

/** One justice-office referral: what was found, the photos, and the county's acceptance or return. */
export default function ReferralDetailPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const [form, setForm] = useState<FormSpec<unknown> | null>(null);
  const referral = useQuery({ queryKey: [SUPERVISION_KEY, 'referral', id], queryFn: () => getReferral(id) });
  if (referral.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (referral.isError) return <ErrorState error={referral.error} onRetry={() => referral.refetch()} />;
  const data = referral.data;
  return (
    <>
      <PageHeader
        title={`司法所提请：${data.unit.name}`}
        description={
          <Space wrap size={4}>
            <Tag color={REFERRAL_STATE_COLORS[data.state]}>{data.stateLabel}</Tag>
            <span>
              {data.office.name} · {formatDateTime(data.submittedAt)}提请
            </span>
          </Space>
        }
        extra={
          data.abilities.canDecide && (
            <>
              <Button
                type="primary"
                onClick={() =>
                  setForm(
                    acceptReferralForm(data, (matterId) =>
                      navigate(`/supervision/matters/${matterId}`),
                    ) as FormSpec<unknown>,
                  )
                }
              >
                受理立项
              </Button>
              <Button onClick={() => setForm(returnReferralForm(data) as FormSpec<unknown>)}>退回</Button>
            </>
          )
        }
      />
      {data.state === 'accepted' && data.matterId && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <>
              {data.decidedOn ? formatDay(data.decidedOn) : ''}已受理，
              <Link to={`/supervision/matters/${data.matterId}`}>查看监督事项</Link>
            </>
          }
        />
      )}
      {data.state === 'returned' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${data.decidedOn ? formatDay(data.decidedOn) : ''}已退回：${data.returnReason ?? ''}`}
        />
      )}
      <Card>
        <Descriptions size="small" column={1} bordered={!isPhone}>
          <Descriptions.Item label="被检查单位">{data.unit.name}</Descriptions.Item>
          <Descriptions.Item label="检查日期">{formatDay(data.inspectedOn)}</Descriptions.Item>
          <Descriptions.Item label="检查地点">{data.place}</Descriptions.Item>
          <Descriptions.Item label="检查情况">
            <span style={{ whiteSpace: 'pre-wrap' }}>{data.facts}</span>
          </Descriptions.Item>
          <Descriptions.Item label="发现的问题">
            <span style={{ whiteSpace: 'pre-wrap' }}>{data.findings}</span>
          </Descriptions.Item>
          <Descriptions.Item label="处理建议">{data.suggestion ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{data.contactPhone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="现场照片、材料">
            {data.attachments.length === 0 && !data.abilities.canAttach ? '—' : null}
            <AttachmentLinks files={data.attachments} pathOf={attachmentPath} />
            {data.abilities.canAttach && (
              <AttachmentUploadButton
                label="补传"
                upload={(file) => uploadSupervisionAttachment('referrals', id, file)}
                onUploaded={() => referral.refetch()}
              />
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {form && <FormModal spec={form} onClose={() => setForm(null)} />}
    </>
  );
}
