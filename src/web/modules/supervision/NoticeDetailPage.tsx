import {
  CheckOutlined,
  DownloadOutlined,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Popconfirm,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../app/api-client.ts';
import { useCurrentUser } from '../../app/auth-context.tsx';
import { hasAnyRole } from '../../app/roles.ts';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { AttachmentLinks } from '../../components/AttachmentLinks.tsx';
import { formatDay } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { downloadFile } from '../../components/file-transfer.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DueTag } from './DueTag.tsx';
import { FormModal, type FormSpec } from './FormModal.tsx';
import { reportForm, returnReportForm, serveForm, withdrawForm } from './notice-forms.ts';
import {
  attachmentPath,
  getNotice,
  type NoticeView,
  noticeDocxPath,
  reviewNoticeReport,
  SUPERVISION_KEY,
  submitNotice,
} from './supervision.api.ts';
import { NOTICE_STATE_COLORS, SUPERVISION_SIGN_ROLES } from './supervision-labels.ts';

const REPORT_STATE = {
  submitted: { label: '待审核', color: 'purple' },
  accepted: { label: '已通过', color: 'green' },
  returned: { label: '已退回', color: 'orange' },
} as const;

function Reports({ notice }: { notice: NoticeView }) {
  if (notice.rectifications.length === 0)
    return <Typography.Text type="secondary">被监督单位尚未报告落实情况。</Typography.Text>;
  return (
    <Timeline
      items={notice.rectifications.map((report, index) => ({
        key: report.id,
        color: report.state === 'accepted' ? 'green' : report.state === 'returned' ? 'orange' : 'blue',
        content: (
          <div>
            <Space wrap size={6}>
              <Typography.Text strong>第 {index + 1} 次报告</Typography.Text>
              <Typography.Text type="secondary">{formatDay(report.submittedOn)}提交</Typography.Text>
              <Tag color={REPORT_STATE[report.state].color}>{REPORT_STATE[report.state].label}</Tag>
            </Space>
            <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>
              {report.content}
            </Typography.Paragraph>
            <AttachmentLinks files={report.attachments} pathOf={attachmentPath} />
            {report.returnReason && (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 6 }}
                title={`${report.reviewedOn ? formatDay(report.reviewedOn) : ''}退回理由：${report.returnReason}`}
              />
            )}
            {report.state === 'accepted' && report.reviewedOn && (
              <Typography.Text type="success">{formatDay(report.reviewedOn)}审核通过</Typography.Text>
            )}
          </div>
        ),
      }))}
    />
  );
}

/** 行政执法监督通知书: its text, 签发 and 送达, the unit's reports and the supervisor's review (第十五条). */
export default function NoticeDetailPage() {
  const id = Number(useParams().id);
  const user = useCurrentUser();
  const isPhone = useIsPhone();
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
            {abilities.canReport && (
              <Button type="primary" icon={<SendOutlined />} onClick={() => open(reportForm(data))}>
                报告落实情况
              </Button>
            )}
            {abilities.canReview && (
              <>
                <Popconfirm
                  title="通过落实情况报告并办结此通知书？"
                  okText="通过"
                  cancelText="取消"
                  onConfirm={() =>
                    act(() => reviewNoticeReport(id, { accept: true }), '报告已通过，通知书办结')
                  }
                >
                  <Button type="primary" icon={<CheckOutlined />} loading={isBusy}>
                    通过报告
                  </Button>
                </Popconfirm>
                <Button icon={<RollbackOutlined />} onClick={() => open(returnReportForm(data))}>
                  退回重报
                </Button>
              </>
            )}
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
            {abilities.canWithdraw && (
              <Button danger icon={<StopOutlined />} onClick={() => open(withdrawForm(data))}>
                撤回
              </Button>
            )}
          </>
        }
      />
      {data.state === 'draft' && data.signComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`领导退回意见：${data.signComment}`}
        />
      )}
      {data.state === 'awaiting_sign_off' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="已提交领导签发，签发后自动编号并登记发文。"
          action={
            hasAnyRole(user.roles, SUPERVISION_SIGN_ROLES) ? (
              <Link to="/documents/sign-offs">去签发</Link>
            ) : undefined
          }
        />
      )}
      {data.state === 'withdrawn' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`已撤回：${data.withdrawnReason ?? ''}`}
        />
      )}
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
      <Card title="落实情况报告">
        <Reports notice={data} />
      </Card>
      {form && <FormModal spec={form} onClose={() => setForm(null)} />}
    </>
  );
}
