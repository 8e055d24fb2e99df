import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { todayInShanghai } from '../../../../common/format.ts';
import { errorMessage } from '../../../app/api-client.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { downloadFile } from '../../../components/file-transfer.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { COORDINATION_KEY, type DisputeView, disputeAction, getDispute } from '../coordination.api.ts';
import { ActionModal, type DisputeActionSpec } from './ActionModal.tsx';
import { DeadlineStateTag } from './DeadlineStateTag.tsx';
import { DEADLINE_COLORS } from './disputes-labels.ts';
import { OpinionEditor } from './OpinionEditor.tsx';

type DisputeDocument = DisputeView['documents'][number];

/** The steps the account may take now, from the abilities the server sent with the dispute. */
function actionsOf(dispute: DisputeView, today: string): Array<{ key: string; spec: DisputeActionSpec }> {
  const { abilities } = dispute;
  const partyOptions = dispute.parties.map((party) => ({ value: party.orgId, label: party.orgName }));
  const actions: Array<{ key: string; spec: DisputeActionSpec | null }> = [
    {
      key: 'accept',
      spec: abilities.canReview
        ? {
            title: '受理申请并征求各方书面意见',
            path: 'review',
            fields: [],
            initialValues: { decision: 'accept' },
            done: '已受理，已向各方征求书面意见',
          }
        : null,
    },
    {
      key: 'return',
      spec: abilities.canReview
        ? {
            title: '退回申请',
            path: 'review',
            fields: [{ name: 'reason', label: '退回理由', kind: 'textarea' }],
            initialValues: { decision: 'return' },
            done: '申请已退回',
          }
        : null,
    },
    {
      key: 'view',
      spec: abilities.canAnswerView
        ? {
            title: '答复书面意见',
            path: 'views',
            fields: [
              { name: 'partyOrgId', label: '答复单位', kind: 'select', options: partyOptions },
              { name: 'position', label: '书面意见', kind: 'textarea' },
              { name: 'legalBasis', label: '法律依据', kind: 'textarea' },
            ],
            done: '书面意见已提交',
          }
        : null,
    },
    {
      key: 'meeting',
      spec: abilities.canRecordMeeting
        ? {
            title: '记录协调会议',
            path: 'meetings',
            fields: [
              { name: 'heldOn', label: '会议日期（YYYY-MM-DD）' },
              { name: 'place', label: '会议地点' },
              { name: 'attendees', label: '参会人员', kind: 'textarea' },
              { name: 'experts', label: '参会专家', isOptional: true },
              { name: 'minutes', label: '会议纪要', kind: 'textarea' },
            ],
            initialValues: { heldOn: today },
            done: '协调会议已记录',
          }
        : null,
    },
    {
      key: 'escalate',
      spec: abilities.canEscalate
        ? {
            title: '协调不成，报县人民政府决定',
            path: 'escalate',
            fields: [{ name: 'reason', label: '报请理由', kind: 'textarea' }],
            done: '已报县人民政府决定',
          }
        : null,
    },
    {
      key: 'interim',
      spec: abilities.canNameInterimLead
        ? {
            title: '指定临时牵头单位',
            path: 'interim-lead',
            fields: [
              { name: 'orgId', label: '临时牵头单位', kind: 'select', options: partyOptions },
              { name: 'reason', label: '理由（紧急情况）', kind: 'textarea' },
            ],
            done: '已指定临时牵头单位',
          }
        : null,
    },
    {
      key: 'decision',
      spec: abilities.canRecordDecision
        ? {
            title:
              dispute.status === 'decided' ? '登记新的政府决定（替代已送达的决定）' : '登记县人民政府决定',
            path: 'decisions',
            fields: [
              { name: 'number', label: '决定文号' },
              { name: 'decidedOn', label: '决定日期（YYYY-MM-DD）' },
              { name: 'servedOn', label: '送达日期（YYYY-MM-DD）' },
              { name: 'content', label: '决定内容', kind: 'textarea' },
            ],
            initialValues: { decidedOn: today, servedOn: today },
            done: '政府决定已登记并送达',
          }
        : null,
    },
    {
      key: 'execution',
      spec: abilities.canConfirmExecution
        ? {
            title: '确认执行',
            path: 'execution',
            fields: [
              { name: 'partyOrgId', label: '确认单位', kind: 'select', options: partyOptions },
              { name: 'note', label: '执行情况', kind: 'textarea' },
            ],
            done: '已确认执行',
          }
        : null,
    },
  ];
  return actions.filter((action): action is { key: string; spec: DisputeActionSpec } => action.spec !== null);
}

const ACTION_LABELS: Record<string, string> = {
  accept: '受理',
  return: '退回',
  view: '答复书面意见',
  meeting: '记录协调会议',
  escalate: '报县政府决定',
  interim: '指定临时牵头',
  decision: '登记政府决定',
  execution: '确认执行',
};

/** The steps on one document (draft → 送签 → 送达; 签发 is in 公文 › 待签发), as the abilities allow. */
function documentSteps(
  dispute: DisputeView,
  document: DisputeDocument,
  today: string,
): Array<{ label: string; spec: DisputeActionSpec }> {
  const path = `opinions/${document.id}`;
  const steps: Array<{ label: string; spec: DisputeActionSpec }> = [];
  if (document.kind !== 'opinion') return steps;
  if (document.status === 'draft' && dispute.abilities.canDraftOpinion)
    steps.push({
      label: '送签',
      spec: { title: '送领导签发', path: `${path}/submit`, fields: [], done: '已送签' },
    });
  if (document.status === 'signed' && dispute.abilities.canServe)
    steps.push({
      label: '送达',
      spec: {
        title: '送达各方',
        path: `${path}/serve`,
        fields: [{ name: 'servedOn', label: '送达日期（YYYY-MM-DD）' }],
        initialValues: { servedOn: today },
        done: '已送达各方',
      },
    });
  return steps;
}

/** One dispute: the application, the parties' views, meetings, documents, the timeline and the next steps. */
export default function DisputeDetailPage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const today = todayInShanghai(new Date());
  const [action, setAction] = useState<DisputeActionSpec | null>(null);
  const [editing, setEditing] = useState<{ draft: DisputeDocument | null } | null>(null);
  const dispute = useQuery({ queryKey: [COORDINATION_KEY, 'dispute', id], queryFn: () => getDispute(id) });
  if (dispute.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (dispute.isError) return <ErrorState error={dispute.error} onRetry={() => dispute.refetch()} />;
  const view = dispute.data;
  const draft = view.documents.find((document) => document.kind === 'opinion' && document.isEditable) ?? null;
  const hasOpenOpinion = view.documents.some(
    (document) =>
      document.kind === 'opinion' && ['draft', 'pending_sign', 'signed'].includes(document.status),
  );
  const download = (document: DisputeDocument) =>
    downloadFile(
      `/coordination/disputes/${view.id}/opinions/${document.id}/docx`,
      `${document.number ?? '协调意见书'}.docx`,
    ).catch((error) => message.error(errorMessage(error)));
  return (
    <>
      <PageHeader
        title={view.matter}
        description={
          <Space wrap>
            <Tag>{view.statusLabel}</Tag>
            <DeadlineStateTag deadline={view.deadline} />
          </Space>
        }
        extra={
          <>
            {actionsOf(view, today).map(({ key, spec }) => (
              <Button key={key} onClick={() => setAction(spec)}>
                {ACTION_LABELS[key]}
              </Button>
            ))}
            {view.abilities.canDraftOpinion && !hasOpenOpinion && (
              <Button type="primary" onClick={() => setEditing({ draft: null })}>
                {view.status === 'served' ? '出具替代的协调意见书' : '起草协调意见书'}
              </Button>
            )}
          </>
        }
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title="申请">
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label="申请单位">{view.applicantName}</Descriptions.Item>
            <Descriptions.Item label="申请日期">{view.filedOn}</Descriptions.Item>
            <Descriptions.Item label="审核期限">{view.reviewDueOn}</Descriptions.Item>
            <Descriptions.Item label="办结期限">{view.concludeDueOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="协商情况" span={2}>
              {view.negotiationRecord}
            </Descriptions.Item>
            {view.returnReason && (
              <Descriptions.Item label="退回理由" span={2}>
                {view.returnReason}
              </Descriptions.Item>
            )}
            {view.interimLead && (
              <Descriptions.Item label="临时牵头单位" span={2}>
                {view.interimLead.orgName}（{view.interimLead.namedOn}：{view.interimLead.reason}）
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        <Card title="各方主张、书面意见与执行">
          <Table
            rowKey="orgId"
            size="small"
            pagination={false}
            scroll={{ x: 900 }}
            dataSource={view.parties}
            columns={[
              {
                title: '单位',
                dataIndex: 'orgName',
                width: 160,
                render: (name: string, party) => `${name}（${party.roleLabel}）`,
              },
              {
                title: '申请所列主张及依据',
                key: 'stated',
                render: (_value, party) => `${party.statedPosition}（${party.statedBasis}）`,
              },
              {
                title: '书面意见',
                key: 'view',
                render: (_value, party) =>
                  party.viewAnsweredOn ? (
                    `${party.viewPosition}（${party.viewBasis}，${party.viewAnsweredOn}）`
                  ) : party.viewDueOn ? (
                    <span>
                      待答复，期限 {party.viewDueOn}{' '}
                      {party.viewDeadlineState && (
                        <Tag color={DEADLINE_COLORS[party.viewDeadlineState]}>
                          {party.viewDeadlineState === 'overdue'
                            ? '逾期'
                            : party.viewDeadlineState === 'due_soon'
                              ? '临期'
                              : '正常'}
                        </Tag>
                      )}
                    </span>
                  ) : (
                    '—'
                  ),
              },
              {
                title: '执行确认',
                key: 'execution',
                width: 200,
                render: (_value, party) =>
                  party.executionConfirmedOn
                    ? `${party.executionConfirmedOn}：${party.executionNote}`
                    : view.executionDueOn
                      ? `待确认（期限 ${view.executionDueOn}）`
                      : '—',
              },
            ]}
          />
        </Card>
        <Card title="文书">
          {view.documents.length === 0 ? (
            <Typography.Text type="secondary">尚无协调意见书或政府决定。</Typography.Text>
          ) : (
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={view.documents}
              columns={[
                { title: '文书', dataIndex: 'kindLabel', width: 130 },
                { title: '标题', dataIndex: 'title' },
                {
                  title: '文号',
                  dataIndex: 'number',
                  width: 160,
                  render: (number: string | null) => number ?? '（签发时编号）',
                },
                {
                  title: '状态',
                  dataIndex: 'statusLabel',
                  width: 100,
                  render: (label: string) => <Tag>{label}</Tag>,
                },
                {
                  title: '送达',
                  dataIndex: 'servedOn',
                  width: 110,
                  render: (day: string | null) => day ?? '—',
                },
                {
                  title: '操作',
                  key: 'actions',
                  width: 260,
                  render: (_value, document) => (
                    <Space wrap>
                      {document.kind === 'opinion' && (
                        <Button size="small" onClick={() => download(document)}>
                          下载 Word
                        </Button>
                      )}
                      {document.isEditable && draft?.id === document.id && view.abilities.canDraftOpinion && (
                        <Button size="small" onClick={() => setEditing({ draft: document })}>
                          修改
                        </Button>
                      )}
                      {document.status === 'pending_sign' && view.abilities.canSignOpinion && (
                        <Link to="/documents/sign-offs">
                          <Button size="small" type="primary">
                            前往待签发
                          </Button>
                        </Link>
                      )}
                      {documentSteps(view, document, today).map((step) => (
                        <Button key={step.label} size="small" onClick={() => setAction(step.spec)}>
                          {step.label}
                        </Button>
                      ))}
                      {document.signComment && (
                        <Typography.Text type="warning">{document.signComment}</Typography.Text>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </Card>
        {view.meetings.length > 0 && (
          <Card title="协调会议">
            {view.meetings.map((meeting) => (
              <Descriptions
                key={meeting.id}
                size="small"
                column={1}
                style={{ marginBottom: 12 }}
                title={`${meeting.heldOn} · ${meeting.place}`}
              >
                <Descriptions.Item label="参会人员">{meeting.attendees}</Descriptions.Item>
                {meeting.experts && <Descriptions.Item label="参会专家">{meeting.experts}</Descriptions.Item>}
                <Descriptions.Item label="会议纪要">{meeting.minutes}</Descriptions.Item>
              </Descriptions>
            ))}
          </Card>
        )}
        <Card title="办理过程">
          <Timeline
            items={view.timeline.map((event) => ({
              children: (
                <>
                  <Typography.Text strong>{event.on}</Typography.Text> {event.label}
                  {event.detail && <div style={{ color: 'rgba(0,0,0,0.55)' }}>{event.detail}</div>}
                </>
              ),
            }))}
          />
        </Card>
      </Space>
      {action && (
        <ActionModal
          spec={action}
          onSubmit={(path, body, method) => disputeAction(view.id, path, body, method)}
          onClose={() => setAction(null)}
        />
      )}
      {editing && <OpinionEditor dispute={view} draft={editing.draft} onClose={() => setEditing(null)} />}
    </>
  );
}
