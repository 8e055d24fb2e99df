import {
  DownloadOutlined,
  EditOutlined,
  FileAddOutlined,
  NotificationOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Popconfirm, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../app/api-client.ts';
import { useCurrentUser } from '../../app/auth-context.tsx';
import { hasAnyRole } from '../../app/roles.ts';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { formatDay } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { downloadFile } from '../../components/file-transfer.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DueTag } from './DueTag.tsx';
import { circularForm, requestDecisionForm } from './decision-forms.ts';
import { FormModal, type FormSpec } from './FormModal.tsx';
import { NoticeDecisions } from './NoticeDecisions.tsx';
import { editNoticeForm, reportForm, returnReportForm, serveForm, withdrawForm } from './notice-forms.ts';
import { RectificationReports } from './RectificationReports.tsx';
import { ReportReviewButtons } from './ReportReviewButtons.tsx';
import { SignOffStateAlerts } from './SignOffStateAlerts.tsx';
import {
  getNotice,
  type NoticeView,
  noticeDocxPath,
  reviewNoticeReport,
  SUPERVISION_KEY,
  submitNotice,
} from './supervision.api.ts';
import { NOTICE_STATE_COLORS, SUPERVISION_MANAGE_ROLES } from './supervision-labels.ts';

/** 行政执法监督通知书: its text, 签发 and 送达, the unit's reports and the supervisor's review (第十五条). */
export default function NoticeDetailPage() {
  const id = Number(useParams().id);
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<FormSpec<unknown> | null>(null);
  const [isBusy, setBusy] = useState(false);
  const notice = useQuery({ queryKey: [SUPERVISION_KEY, 'notice', id], queryFn: () => getNotice(id) });
  if (notice.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (notice.isError) return <ErrorState error={notice.error} onRetry={() => notice.refetch()} />;
  const data = notice.data;
  const { abilities } = data;
  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await run();
      await queryClient.invalidateQueries({ queryKey: [SUPERVISION_KEY] });
      message.success(done);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const open = (spec: FormSpec<NoticeView>) => setForm(spec as FormSpec<unknown>);
  // 第十五条: an issued notice not yet closed may go to the county government (the server checks
  // 逾期不改正 against the deadline) or be circulated (第二十三条(三)).
  const canEscalate =
    hasAnyRole(user.roles, SUPERVISION_MANAGE_ROLES) &&
    ['issued', 'served', 'reported', 'returned'].includes(data.state);
  const title = `行政执法监督通知书${data.number ? ` ${data.number}` : '（未编号）'}`;
  return (
    <>
      <PageHeader
        title={title}
        description={
          <Space wrap size={4}>
            <Tag color={NOTICE_STATE_COLORS[data.state]}>{data.stateLabel}</Tag>
            {data.due && <DueTag due={data.due} prefix="报告期限 " />}
            <span>
              监督事项：<Link to={`/supervision/matters/${data.matterId}`}>{data.matterTitle}</Link>
            </span>
          </Space>
        }
        extra={
          <>
            {abilities.canEdit && (
              <Button icon={<EditOutlined />} onClick={() => open(editNoticeForm(data))}>
                修改草稿
              </Button>
            )}
            {abilities.canSubmit && (
              <Popconfirm
                title="提交领导签发？签发时从发文登记簿取号。"
                okText="提交"
                cancelText="取消"
                onConfirm={() => act(() => submitNotice(id), '已提交领导签发')}
              >
                <Button type="primary" icon={<SendOutlined />} loading={isBusy}>
                  提交签发
                </Button>
              </Popconfirm>
            )}
            {abilities.canServe && (
              <Button type="primary" icon={<SendOutlined />} onClick={() => open(serveForm(data))}>
                登记送达
              </Button>
            )}
            <ReportReviewButtons
              canReport={abilities.canReport}
              canReview={abilities.canReview}
              isBusy={isBusy}
              acceptTitle="通过落实情况报告并办结此通知书？"
              onReport={() => open(reportForm(data))}
              onAccept={() => act(() => reviewNoticeReport(id, { accept: true }), '报告已通过，通知书办结')}
              onReturn={() => open(returnReportForm(data))}
            />
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                downloadFile(noticeDocxPath(id), `${title}.docx`).catch((error) =>
                  message.error(errorMessage(error)),
                )
              }
            >
              下载通知书
            </Button>
            {canEscalate && (
              <Button
                icon={<FileAddOutlined />}
                onClick={() =>
                  setForm(
                    requestDecisionForm(data, (decisionId) =>
                      navigate(`/supervision/decisions/${decisionId}`),
                    ) as FormSpec<unknown>,
                  )
                }
              >
                报请监督决定
              </Button>
            )}
            {canEscalate && (
              <Button
                icon={<NotificationOutlined />}
                onClick={() =>
                  setForm(
                    circularForm({ unit: data.unit, noticeId: data.id, facts: data.facts }, null, () =>
                      navigate('/supervision/decisions?tab=circulars'),
                    ) as FormSpec<unknown>,
                  )
                }
              >
                起草通报批评
              </Button>
            )}
            {abilities.canWithdraw && (
              <Button danger icon={<StopOutlined />} onClick={() => open(withdrawForm(data))}>
                撤回
              </Button>
            )}
          </>
        }
      />
      <SignOffStateAlerts
        state={data.state}
        signComment={data.signComment}
        withdrawnReason={data.withdrawnReason}
        awaitingText="已提交领导签发，签发后自动编号并登记发文。"
      />
      <Card title="通知书内容" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={1} bordered={!isPhone}>
          <Descriptions.Item label="被监督单位">{data.unit.name}</Descriptions.Item>
          <Descriptions.Item label="经查明的事实">
            <span style={{ whiteSpace: 'pre-wrap' }}>{data.facts}</span>
          </Descriptions.Item>
          <Descriptions.Item label="理由">
            <span style={{ whiteSpace: 'pre-wrap' }}>{data.reasons}</span>
          </Descriptions.Item>
          <Descriptions.Item label="法律依据">
            <span style={{ whiteSpace: 'pre-wrap' }}>{data.legalBasis}</span>
          </Descriptions.Item>
          <Descriptions.Item label="改正要求">
            <span style={{ whiteSpace: 'pre-wrap' }}>{data.requiredCorrection}</span>
          </Descriptions.Item>
          <Descriptions.Item label="改正期限">
            {data.correctionDue ? <DueTag due={data.correctionDue} /> : formatDay(data.correctionDueOn)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="签发与送达" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={isPhone ? 1 : 3}>
          <Descriptions.Item label="发文机关">{data.issuer.name}</Descriptions.Item>
          <Descriptions.Item label="文号">{data.number ?? '签发时编号'}</Descriptions.Item>
          <Descriptions.Item label="签发人">
            {data.signedBy ? `${data.signedBy}（${data.issuedOn ? formatDay(data.issuedOn) : ''}）` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="送达日期">
            {data.servedOn ? formatDay(data.servedOn) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="送达方式">{data.serviceManner ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="受送达人">{data.serviceReceiver ?? '—'}</Descriptions.Item>
          {data.closedOn && (
            <Descriptions.Item label="办结日期">{formatDay(data.closedOn)}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title="落实情况报告" style={{ marginBottom: 16 }}>
        <RectificationReports reports={data.rectifications} />
      </Card>
      <NoticeDecisions noticeId={data.id} />
      {form && <FormModal spec={form} onClose={() => setForm(null)} />}
    </>
  );
}
