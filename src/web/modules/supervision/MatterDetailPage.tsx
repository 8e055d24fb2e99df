import {
  AuditOutlined,
  CheckCircleOutlined,
  EditOutlined,
  FileAddOutlined,
  FileTextOutlined,
  PlusOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { AttachmentLinks } from '../../components/AttachmentLinks.tsx';
import { formatDay } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DueTag } from './DueTag.tsx';
import { FormModal, type FormSpec } from './FormModal.tsx';
import { MatterFormDrawer } from './MatterFormDrawer.tsx';
import {
  closeMatterForm,
  evidenceForm,
  noticeDraftForm,
  planInspectionForm,
  recordInspectionForm,
  reportRequestForm,
} from './matter-forms.ts';
import {
  attachmentPath,
  findInspections,
  findNotices,
  findReportRequests,
  getMatter,
  type InspectionView,
  type MatterView,
  type NoticeView,
  type ReportRequestView,
  SUPERVISION_KEY,
} from './supervision.api.ts';
import { NOTICE_STATE_COLORS } from './supervision-labels.ts';

interface Event {
  key: string;
  day: string;
  color: string;
  node: ReactNode;
}

const muted = { color: 'rgba(0,0,0,0.55)', fontSize: 13 } as const;

function InspectionItem({
  inspection,
  canManage,
  open,
}: {
  inspection: InspectionView;
  canManage: boolean;
  open(spec: FormSpec<unknown>): void;
}) {
  return (
    <div>
      <Space wrap size={6}>
        <Typography.Text strong>{inspection.isOnSite ? '现场监督检查' : '监督检查'}</Typography.Text>
        <Tag color={inspection.state === 'done' ? 'green' : 'blue'}>{inspection.stateLabel}</Tag>
      </Space>
      <div style={muted}>
        {inspection.inspectedOn
          ? `${formatDay(inspection.inspectedOn)}检查`
          : `计划 ${formatDay(inspection.plannedOn)}`}{' '}
        · {inspection.place} · 监督人员：{inspection.supervisors.map((person) => person.name).join('、')}
      </div>
      {inspection.findings && (
        <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>
          检查发现：{inspection.findings}
        </Typography.Paragraph>
      )}
      {inspection.evidence.length > 0 && (
        <ul style={{ margin: '4px 0', paddingInlineStart: 18 }} aria-label="调查取证">
          {inspection.evidence.map((evidence) => (
            <li key={evidence.id}>
              <Tag>{evidence.meansLabel}</Tag>
              {formatDay(evidence.collectedOn)} {evidence.description}
              {evidence.case && (
                <>
                  {' '}
                  · 案件 <Link to={`/cases/${evidence.case.id}`}>{evidence.case.caseNo}</Link>
                </>
              )}
              <AttachmentLinks files={evidence.attachments} pathOf={attachmentPath} />
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <Space wrap size={4}>
          {inspection.state === 'planned' && (
            <Button size="small" onClick={() => open(recordInspectionForm(inspection) as FormSpec<unknown>)}>
              记录检查结果
            </Button>
          )}
          <Button size="small" onClick={() => open(evidenceForm(inspection) as FormSpec<unknown>)}>
            登记证据
          </Button>
        </Space>
      )}
    </div>
  );
}

function ReportRequestItem({ request }: { request: ReportRequestView }) {
  return (
    <div>
      <Space wrap size={6}>
        <Typography.Text strong>要求报告执法情况</Typography.Text>
        <Tag color={request.state === 'replied' ? 'green' : 'gold'}>{request.stateLabel}</Tag>
        {request.state === 'waiting' && <DueTag due={request.due} prefix="报告期限 " />}
      </Space>
      <div style={muted}>
        {formatDay(request.requestedOn)}发出 · {request.unit.name}
      </div>
      <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>
        {request.subject}
      </Typography.Paragraph>
      {request.reply && (
        <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>
          <Typography.Text type="secondary">
            {request.repliedOn ? `${formatDay(request.repliedOn)}报告：` : '报告：'}
          </Typography.Text>
          {request.reply}
        </Typography.Paragraph>
      )}
      <AttachmentLinks files={request.attachments} pathOf={attachmentPath} />
    </div>
  );
}

function NoticeItem({ notice }: { notice: NoticeView }) {
  return (
    <div>
      <Space wrap size={6}>
        <Link to={`/supervision/notices/${notice.id}`}>
          <Typography.Text strong>
            行政执法监督通知书{notice.number ? ` ${notice.number}` : '（草稿）'}
          </Typography.Text>
        </Link>
        <Tag color={NOTICE_STATE_COLORS[notice.state]}>{notice.stateLabel}</Tag>
        {notice.due && <DueTag due={notice.due} prefix="报告期限 " />}
      </Space>
      <div style={muted}>
        致 {notice.unit.name} · 改正期限 {formatDay(notice.correctionDueOn)}
        {notice.servedOn && ` · ${formatDay(notice.servedOn)}${notice.serviceManner ?? ''}`}
      </div>
      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0' }}>
        {notice.facts}
      </Typography.Paragraph>
    </div>
  );
}

/** The matter's inspections, report requests and notices in date order, newest last. */
function eventsOf(
  inspections: InspectionView[],
  requests: ReportRequestView[],
  notices: NoticeView[],
  canManage: boolean,
  open: (spec: FormSpec<unknown>) => void,
): Event[] {
  const events: Event[] = [
    ...inspections.map((inspection) => ({
      key: `i${inspection.id}`,
      day: inspection.inspectedOn ?? inspection.plannedOn,
      color: inspection.state === 'done' ? 'green' : 'blue',
      node: <InspectionItem inspection={inspection} canManage={canManage} open={open} />,
    })),
    ...requests.map((request) => ({
      key: `r${request.id}`,
      day: request.requestedOn,
      color: request.due?.state === 'overdue' ? 'red' : request.state === 'replied' ? 'green' : 'gold',
      node: <ReportRequestItem request={request} />,
    })),
    ...notices.map((notice) => ({
      key: `n${notice.id}`,
      day: notice.issuedOn ?? notice.correctionDueOn,
      color: notice.due?.state === 'overdue' ? 'red' : notice.state === 'accepted' ? 'green' : 'blue',
      node: <NoticeItem notice={notice} />,
    })),
  ];
  return events.sort((left, right) => left.day.localeCompare(right.day) || left.key.localeCompare(right.key));
}

function MatterFacts({ matter }: { matter: MatterView }) {
  const isPhone = useIsPhone();
  return (
    <Descriptions size="small" column={isPhone ? 1 : 3} bordered={!isPhone}>
      <Descriptions.Item label="监督方式">{matter.kindLabel}</Descriptions.Item>
      <Descriptions.Item label="监督领域">{matter.fieldLabel}</Descriptions.Item>
      <Descriptions.Item label="事项来源">{matter.sourceLabel}</Descriptions.Item>
      <Descriptions.Item label="被监督单位" span={isPhone ? 1 : 2}>
        {matter.units.map((unit) => unit.name).join('、') || '—'}
      </Descriptions.Item>
      <Descriptions.Item label="承办机构">{matter.org.name}</Descriptions.Item>
      <Descriptions.Item label="立项日期">{formatDay(matter.openedOn)}</Descriptions.Item>
      <Descriptions.Item label="办结期限">
        {matter.state === 'closed' ? (
          matter.due ? (
            formatDay(matter.due.dueOn)
          ) : (
            '—'
          )
        ) : (
          <DueTag due={matter.due} />
        )}
      </Descriptions.Item>
      <Descriptions.Item label="年度监督重点">{matter.focus?.title ?? '—'}</Descriptions.Item>
      {matter.case && (
        <Descriptions.Item label="监督的案件">
          <Link to={`/cases/${matter.case.id}`}>
            {matter.case.caseNo} {matter.case.name}
          </Link>
        </Descriptions.Item>
      )}
      {matter.complaint && (
        <Descriptions.Item label="投诉举报">
          {formatDay(matter.complaint.receivedOn)} {matter.complaint.summary}
        </Descriptions.Item>
      )}
      {matter.description && (
        <Descriptions.Item label="事项说明" span={isPhone ? 1 : 3}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{matter.description}</span>
        </Descriptions.Item>
      )}
      {matter.closedOn && (
        <Descriptions.Item label="办结情况" span={isPhone ? 1 : 3}>
          {formatDay(matter.closedOn)}办结。{matter.closingSummary}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** 监督事项: its facts and, as one timeline, its inspections and evidence, report requests and notices. */
export default function MatterDetailPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const [form, setForm] = useState<FormSpec<unknown> | null>(null);
  const [isEditing, setEditing] = useState(false);
  const matter = useQuery({ queryKey: [SUPERVISION_KEY, 'matter', id], queryFn: () => getMatter(id) });
  const inspections = useQuery({
    queryKey: [SUPERVISION_KEY, 'matter', id, 'inspections'],
    queryFn: () => findInspections(id),
  });
  const requests = useQuery({
    queryKey: [SUPERVISION_KEY, 'matter', id, 'report-requests'],
    queryFn: () => findReportRequests({ matterId: id, page: 1, pageSize: 100 }),
  });
  const notices = useQuery({
    queryKey: [SUPERVISION_KEY, 'matter', id, 'notices'],
    queryFn: () => findNotices({ matterId: id, page: 1, pageSize: 100 }),
  });
  if (matter.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (matter.isError) return <ErrorState error={matter.error} onRetry={() => matter.refetch()} />;
  const data = matter.data;
  const canManage = data.abilities.canManage && data.state === 'open';
  const open = (spec: FormSpec<unknown>) => setForm(spec);
  const isTimelineLoading = inspections.isPending || requests.isPending || notices.isPending;
  const events = eventsOf(
    inspections.data ?? [],
    requests.data?.items ?? [],
    notices.data?.items ?? [],
    canManage,
    open,
  );
  return (
    <>
      <PageHeader
        title={data.title}
        description={
          <Space wrap size={4}>
            <Tag color={data.state === 'closed' ? 'green' : 'blue'}>{data.stateLabel}</Tag>
            {data.isOverdue && <Tag color="red">逾期</Tag>}
            <span>
              检查 {data.counts.inspections} 次 · 待报告 {data.counts.waitingReports} 件
            </span>
          </Space>
        }
        extra={
          canManage && (
            <>
              <Button
                type="primary"
                icon={<SearchOutlined />}
                onClick={() => open(planInspectionForm(data) as FormSpec<unknown>)}
              >
                安排检查
              </Button>
              <Button
                icon={<AuditOutlined />}
                onClick={() => open(reportRequestForm(data) as FormSpec<unknown>)}
              >
                要求报告
              </Button>
              <Button
                icon={<FileAddOutlined />}
                onClick={() =>
                  open(
                    noticeDraftForm(data, (noticeId) =>
                      navigate(`/supervision/notices/${noticeId}`),
                    ) as FormSpec<unknown>,
                  )
                }
              >
                起草监督通知书
              </Button>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                修改
              </Button>
              <Button
                icon={<CheckCircleOutlined />}
                onClick={() => open(closeMatterForm(data) as FormSpec<unknown>)}
              >
                办结
              </Button>
            </>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <MatterFacts matter={data} />
      </Card>
      <Card title="办理过程" extra={<Link to="/supervision/matters">返回列表</Link>}>
        {isTimelineLoading ? (
          <Skeleton active />
        ) : events.length === 0 ? (
          <Empty
            image={<FileTextOutlined style={{ fontSize: 40, color: 'rgba(0,0,0,0.25)' }} />}
            description={
              canManage ? '还没有检查、报告或通知书，可先“安排检查”。' : '还没有检查、报告或通知书。'
            }
          >
            {canManage && (
              <Button
                icon={<PlusOutlined />}
                onClick={() => open(planInspectionForm(data) as FormSpec<unknown>)}
              >
                安排检查
              </Button>
            )}
          </Empty>
        ) : (
          <Timeline
            items={events.map((event) => ({
              key: event.key,
              color: event.color,
              content: (
                <>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDay(event.day)}
                  </Typography.Text>
                  {event.node}
                </>
              ),
            }))}
          />
        )}
      </Card>
      {form && <FormModal spec={form} onClose={() => setForm(null)} />}
      {isEditing && (
        <MatterFormDrawer
          matter={data}
          onClose={() => setEditing(false)}
          onCreated={() => setEditing(false)}
        />
      )}
    </>
  );
}
