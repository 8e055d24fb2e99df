import {
  DownloadOutlined,
  EditOutlined,
  FileDoneOutlined,
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
import {
  circularForm,
  decisionReportForm,
  editDecisionRequestForm,
  recordDecisionForm,
  returnDecisionReportForm,
  withdrawDecisionForm,
} from './decision-forms.ts';
import { FormModal, type FormSpec } from './FormModal.tsx';
import { RectificationReports } from './RectificationReports.tsx';
import { ReportReviewButtons } from './ReportReviewButtons.tsx';
import { SignOffStateAlerts } from './SignOffStateAlerts.tsx';
import {
  type DecisionView,
  decisionDocxPath,
  decisionRequestDocxPath,
  getDecision,
  reviewDecisionReport,
  SUPERVISION_KEY,
  submitDecisionRequest,
} from './supervision.api.ts';
import { SUPERVISION_MANAGE_ROLES } from './supervision-labels.ts';

const pre = { whiteSpace: 'pre-wrap' } as const;

/**
 * 行政执法监督决定 (第十五条): the bureau's request to the county government — drafted, signed off
 * and numbered —, the government's decision recorded with its own number, the unit's reports
 * within 30 days of receipt and the supervisor's review.
 */
export default function DecisionDetailPage() {
  const id = Number(useParams().id);
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<FormSpec<unknown> | null>(null);
  const [isBusy, setBusy] = useState(false);
  const decision = useQuery({
    queryKey: [SUPERVISION_KEY, 'decision', id],
    queryFn: () => getDecision(id),
  });
  if (decision.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (decision.isError) return <ErrorState error={decision.error} onRetry={() => decision.refetch()} />;
  const data = decision.data;
  const { abilities } = data;
  const open = (spec: FormSpec<DecisionView>) => setForm(spec as FormSpec<unknown>);
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
  const download = (path: string, name: string) =>
    downloadFile(path, name).catch((error) => message.error(errorMessage(error)));
  const title = `报请监督决定${data.requestNumber ? ` ${data.requestNumber}` : '（未编号）'}`;
  const canCirculate =
    hasAnyRole(user.roles, SUPERVISION_MANAGE_ROLES) && ['decided', 'returned'].includes(data.state);
  return (
    <>
      <PageHeader
        title={title}
        description={
          <Space wrap size={4}>
            <Tag
              color={data.state === 'accepted' ? 'green' : data.state === 'withdrawn' ? 'default' : 'blue'}
            >
              {data.stateLabel}
            </Tag>
            {data.due && <DueTag due={data.due} prefix="报告期限 " />}
            <span>
              通知书：
              <Link to={`/supervision/notices/${data.notice.id}`}>{data.notice.number ?? '通知书'}</Link>
            </span>
          </Space>
        }
        extra={
          <>
            {abilities.canEdit && (
              <Button icon={<EditOutlined />} onClick={() => open(editDecisionRequestForm(data))}>
                修改草稿
              </Button>
            )}
            {abilities.canSubmit && (
              <Popconfirm
                title="提交领导签发？签发时从发文登记簿取号。"
                okText="提交"
                cancelText="取消"
                onConfirm={() => act(() => submitDecisionRequest(id), '已提交领导签发')}
              >
                <Button type="primary" icon={<SendOutlined />} loading={isBusy}>
                  提交签发
                </Button>
              </Popconfirm>
            )}
            {abilities.canRecord && (
              <Button
                type="primary"
                icon={<FileDoneOutlined />}
                onClick={() => open(recordDecisionForm(data))}
              >
                登记县政府决定
              </Button>
            )}
            <ReportReviewButtons
              canReport={abilities.canReport}
              canReview={abilities.canReview}
              isBusy={isBusy}
              acceptTitle="通过落实情况报告并办结？"
              onReport={() => open(decisionReportForm(data))}
              onAccept={() =>
                act(() => reviewDecisionReport(id, { accept: true }), '报告已通过，监督决定办结')
              }
              onReturn={() => open(returnDecisionReportForm(data))}
            />
            <Button
              icon={<DownloadOutlined />}
              onClick={() => download(decisionRequestDocxPath(id), `${title}.docx`)}
            >
              下载报请书
            </Button>
            {abilities.canPrintDecision && (
              <Button
                icon={<DownloadOutlined />}
                onClick={() =>
                  download(decisionDocxPath(id), `行政执法监督决定书${data.decisionNumber ?? ''}.docx`)
                }
              >
                下载决定书
              </Button>
            )}
            {canCirculate && (
              <Button
                icon={<NotificationOutlined />}
                onClick={() =>
                  open(
                    circularForm(
                      { unit: data.unit, decisionId: data.id, facts: data.decisionContent ?? undefined },
                      null,
                      () => navigate('/supervision/decisions?tab=circulars'),
                    ) as unknown as FormSpec<DecisionView>,
                  )
                }
              >
                起草通报批评
              </Button>
            )}
            {abilities.canWithdraw && (
              <Button danger icon={<StopOutlined />} onClick={() => open(withdrawDecisionForm(data))}>
                撤回报请
              </Button>
            )}
          </>
        }
      />
      <SignOffStateAlerts
        state={data.state}
        signComment={data.signComment}
        withdrawnReason={data.withdrawnReason}
        awaitingText="已提交领导签发，签发后自动编号并登记发文，再报送县人民政府。"
      />
      <Card title="报请内容" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={1} bordered={!isPhone}>
          <Descriptions.Item label="监督事项">
            <Link to={`/supervision/matters/${data.matterId}`}>{data.matterTitle}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="被监督单位">{data.unit.name}</Descriptions.Item>
          <Descriptions.Item label="报请事由">{data.groundLabel}</Descriptions.Item>
          <Descriptions.Item label="建议的决定种类">{data.proposedKindLabel}</Descriptions.Item>
          <Descriptions.Item label="报请理由">
            <span style={pre}>{data.requestReason}</span>
          </Descriptions.Item>
          <Descriptions.Item label="报请文号">{data.requestNumber ?? '签发时编号'}</Descriptions.Item>
          <Descriptions.Item label="签发人">
            {data.requestSignedBy
              ? `${data.requestSignedBy}（${data.requestedOn ? formatDay(data.requestedOn) : ''}）`
              : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="县人民政府的监督决定" style={{ marginBottom: 16 }}>
        {data.decisionNumber ? (
          <Descriptions size="small" column={1} bordered={!isPhone}>
            <Descriptions.Item label="决定种类">{data.kindLabel}</Descriptions.Item>
            <Descriptions.Item label="决定书文号">{data.decisionNumber}</Descriptions.Item>
            <Descriptions.Item label="决定日期">
              {data.decidedOn ? formatDay(data.decidedOn) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="决定内容">
              <span style={pre}>{data.decisionContent}</span>
            </Descriptions.Item>
            <Descriptions.Item label="送达日期">
              {data.servedOn ? formatDay(data.servedOn) : '—'}
            </Descriptions.Item>
            {data.closedOn && (
              <Descriptions.Item label="办结日期">{formatDay(data.closedOn)}</Descriptions.Item>
            )}
          </Descriptions>
        ) : (
          <span style={{ color: 'rgba(0,0,0,0.45)' }}>
            {data.state === 'requested' ? '已报请，等待县人民政府作出决定。' : '尚未报请县人民政府。'}
          </span>
        )}
      </Card>
      <Card title="决定落实情况报告">
        <RectificationReports reports={data.reports} />
      </Card>
      {form && <FormModal spec={form} onClose={() => setForm(null)} />}
    </>
  );
}
