import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { formatChineseDate, todayInShanghai } from '../../../../common/format.ts';
import { rolesWith } from '../../../../common/permissions.ts';
import { errorMessage } from '../../../app/api-client.ts';
import { useCurrentUser } from '../../../app/auth-context.tsx';
import { hasAnyRole } from '../../../app/roles.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { downloadFile } from '../../../components/file-transfer.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { COORDINATION_KEY, getJointAction, type JointView, jointAction } from '../coordination.api.ts';
import { ActionModal, type DisputeActionSpec } from '../disputes/ActionModal.tsx';
import { JointPlanDrawer } from './JointPlanDrawer.tsx';

const RESPONSE_COLORS = { pending: 'default', confirmed: 'green', objected: 'red' } as const;
const day = (value: string | null) => (value ? formatChineseDate(value) : '—');

/** The steps the account may take now, from the abilities the server sent. */
function stepsOf(action: JointView, today: string): Array<{ label: string; spec: DisputeActionSpec }> {
  const { abilities } = action;
  const own = action.participants
    .filter((participant) => abilities.canRespondFor.includes(participant.orgId))
    .map((participant) => ({ value: participant.orgId, label: participant.orgName }));
  const steps: Array<{ label: string; spec: DisputeActionSpec | false }> = [
    {
      label: '印发建议书',
      spec: abilities.canIssueProposal && {
        title: '印发联合执法建议书（从博司协登记簿编号）',
        path: 'issue',
        fields: [],
        done: '建议书已印发，待各部门确认',
      },
    },
    {
      label: '确认或提出异议',
      spec: own.length > 0 && {
        title: '对联合执法方案确认或提出异议',
        path: 'responses',
        fields: [
          { name: 'orgId', label: '答复部门', kind: 'select', options: own },
          {
            name: 'response',
            label: '意见',
            kind: 'select',
            options: [
              { value: 'confirmed', label: '确认' },
              { value: 'objected', label: '提出异议' },
            ],
          },
          { name: 'note', label: '说明（提出异议时必填）', kind: 'textarea', isOptional: true },
        ],
        initialValues: { orgId: own[0]?.value, response: 'confirmed' },
        done: '已答复',
      },
    },
    {
      label: '申请司法局协调',
      spec: abilities.canRequestCoordination && {
        title: '方案未能达成一致，申请司法局协调（第八条第一项）',
        path: 'coordination-request',
        fields: [{ name: 'reason', label: '未能达成一致的情况', kind: 'textarea' }],
        done: '已申请司法局协调',
      },
    },
    {
      label: '撤回修改',
      spec: abilities.canRevise && {
        title: '撤回已印发的建议书并修改方案（文号保留，不再使用）',
        path: 'revise',
        fields: [{ name: 'reason', label: '修改理由', kind: 'textarea' }],
        done: '已撤回，可修改方案后重新印发',
      },
    },
    {
      label: '开始实施',
      spec: abilities.canStart && {
        title: '开始实施',
        path: 'start',
        fields: [{ name: 'startedOn', label: '开始日期（YYYY-MM-DD）' }],
        initialValues: { startedOn: today },
        done: '已开始实施',
      },
    },
    {
      label: '记录检查',
      spec: abilities.canRecord && {
        title: '记录联合检查',
        path: 'inspections',
        fields: [
          { name: 'heldOn', label: '检查日期（YYYY-MM-DD）' },
          { name: 'place', label: '检查地点' },
          { name: 'orgNames', label: '参加部门' },
          { name: 'findings', label: '检查情况', kind: 'textarea' },
        ],
        initialValues: { heldOn: today },
        done: '已记录',
      },
    },
    {
      label: '关联案件',
      spec: abilities.canRecord && {
        title: '关联行动查处的案件（填写系统中的案件编号）',
        path: 'cases',
        fields: [{ name: 'caseId', label: '案件编号（数字）' }],
        done: '已关联',
      },
    },
    {
      label: '总结',
      spec: abilities.canClose && {
        title: '行动总结（每行一段；“一、”开头为小标题）',
        path: 'close',
        fields: [{ name: 'summary', label: '行动总结', kind: 'textarea' }],
        done: '已总结',
      },
    },
  ];
  return steps.flatMap((step) => (step.spec ? [{ label: step.label, spec: step.spec }] : []));
}

/** One joint action: the plan, each agency's answer, inspections, cases, summary and documents. */
export default function JointActionDetailPage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const user = useCurrentUser();
  const today = todayInShanghai(new Date());
  const [step, setStep] = useState<DisputeActionSpec | null>(null);
  const [isEditing, setEditing] = useState(false);
  const action = useQuery({ queryKey: [COORDINATION_KEY, 'joint', id], queryFn: () => getJointAction(id) });
  if (action.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (action.isError) return <ErrorState error={action.error} onRetry={() => action.refetch()} />;
  const view = action.data;
  const download = (kind: 'proposal' | 'plan' | 'summary', name: string) =>
    downloadFile(
      `/coordination/joint-actions/${view.id}/documents/${kind}`,
      `${view.title}${name}.docx`,
    ).catch((error) => message.error(errorMessage(error)));
  return (
    <>
      <PageHeader
        title={view.title}
        description={
          <Space wrap>
            <Tag>{view.statusLabel}</Tag>
            <span>{view.situationLabel}</span>
          </Space>
        }
        extra={
          <>
            {view.abilities.canEditPlan && <Button onClick={() => setEditing(true)}>修改方案</Button>}
            {stepsOf(view, today).map(({ label, spec }) => (
              <Button
                key={label}
                type={label === '确认或提出异议' ? 'primary' : 'default'}
                onClick={() => setStep(spec)}
              >
                {label}
              </Button>
            ))}
          </>
        }
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title="方案">
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label="发起部门">{view.initiatingOrgName}</Descriptions.Item>
            <Descriptions.Item label="时间">
              {day(view.startsOn)} 至 {day(view.endsOn)}
            </Descriptions.Item>
            <Descriptions.Item label="地点" span={2}>
              {view.places}
            </Descriptions.Item>
            <Descriptions.Item label="检查对象或案件" span={2}>
              {view.targets}
            </Descriptions.Item>
            <Descriptions.Item label="建议书">
              {view.proposalNumber ? `${view.proposalNumber}（${day(view.proposalIssuedOn)}）` : '—'}
            </Descriptions.Item>
            {view.coordinationReason && (
              <Descriptions.Item label="申请协调">
                {day(view.coordinationRequestedOn)}：{view.coordinationReason}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Space wrap style={{ marginTop: 12 }}>
            <Button size="small" onClick={() => download('proposal', '建议书')}>
              建议书 Word
            </Button>
            <Button size="small" onClick={() => download('plan', '方案')}>
              方案 Word
            </Button>
            <Button size="small" onClick={() => download('summary', '总结')}>
              总结 Word
            </Button>
          </Space>
        </Card>
        <Card title="发起和参与部门、职责分工与确认">
          <Table
            rowKey="orgId"
            size="small"
            pagination={false}
            scroll={{ x: 700 }}
            dataSource={view.participants}
            columns={[
              {
                title: '部门',
                dataIndex: 'orgName',
                width: 200,
                render: (name: string, participant) =>
                  `${name}（${participant.role === 'initiator' ? '发起' : '参与'}）`,
              },
              { title: '职责分工', dataIndex: 'duty' },
              {
                title: '确认',
                key: 'response',
                width: 220,
                render: (_value, participant) => (
                  <Space direction="vertical" size={0}>
                    <Tag color={RESPONSE_COLORS[participant.response]}>{participant.responseLabel}</Tag>
                    {participant.responseNote && (
                      <Typography.Text type="secondary">{participant.responseNote}</Typography.Text>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
        {(view.inspections.length > 0 || view.cases.length > 0 || view.summary) && (
          <Card title="实施情况">
            {view.inspections.map((inspection) => (
              <Descriptions
                key={inspection.id}
                size="small"
                column={1}
                title={`${day(inspection.heldOn)} · ${inspection.place}`}
              >
                <Descriptions.Item label="参加部门">{inspection.orgNames}</Descriptions.Item>
                <Descriptions.Item label="检查情况">{inspection.findings}</Descriptions.Item>
              </Descriptions>
            ))}
            {view.cases.length > 0 && (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={view.cases}
                columns={[
                  { title: '案号', dataIndex: 'caseNo', width: 200 },
                  { title: '案件名称', dataIndex: 'name' },
                  { title: '办案部门', dataIndex: 'orgName', width: 180 },
                ]}
              />
            )}
            {view.summary && (
              <Descriptions
                size="small"
                column={1}
                style={{ marginTop: 12 }}
                title={`行动总结（${day(view.closedOn)}）`}
              >
                <Descriptions.Item label="总结">
                  <span style={{ whiteSpace: 'pre-wrap' }}>{view.summary}</span>
                </Descriptions.Item>
              </Descriptions>
            )}
          </Card>
        )}
      </Space>
      {step && (
        <ActionModal
          spec={step}
          onSubmit={(path, body, method) =>
            jointAction(
              view.id,
              path,
              path === 'cases' ? { caseId: Number((body as { caseId: unknown }).caseId) } : body,
              method,
            )
          }
          onClose={() => setStep(null)}
        />
      )}
      {isEditing && (
        <JointPlanDrawer
          isBureau={hasAnyRole(user.roles, rolesWith('coordination.manage'))}
          action={view}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
    </>
  );
}
