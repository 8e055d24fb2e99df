import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  FileDoneOutlined,
  SendOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Popconfirm, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../app/api-client.ts';
import { formatDay } from '../../../components/date-time.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { HandlerSelect } from '../../cases/HandlerSelect.tsx';
import { ImportModal } from '../../officers/archive/ImportModal.tsx';
import {
  addAttendees,
  deleteSession,
  downloadAttendeeTemplate,
  downloadNotice,
  downloadSignInSheet,
  getSession,
  importAttendees,
  issueNotice,
  removeAttendee,
  type SessionDetail,
  TRAINING_KEY,
} from '../training.api.ts';
import { FinishModal } from './FinishModal.tsx';
import { SessionFormModal } from './SessionFormModal.tsx';
import { SessionStatusTag } from './SessionsPage.tsx';

type Attendee = SessionDetail['attendees'][number];

/** 第八条 考核: “86 分 · 合格”, or — before the session finishes or when it is not graded. */
export function gradeText(score: number | null, passed: boolean | null): string {
  const parts = [score === null ? null : `${score} 分`, passed === null ? null : passed ? '合格' : '不合格'];
  return parts.filter(Boolean).join(' · ') || '—';
}

/** Picks officers of the scope and adds them to the list (培训制度第八条: 参训名单). */
function AddAttendees({ session }: { session: SessionDetail }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [officerIds, setOfficerIds] = useState<number[]>([]);
  const [isSaving, setSaving] = useState(false);
  const add = async () => {
    setSaving(true);
    try {
      const result = await addAttendees(session.id, officerIds);
      message.success(`已添加 ${result.added} 名参训人员`);
      setOfficerIds([]);
      await queryClient.invalidateQueries({ queryKey: [TRAINING_KEY] });
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
      <div style={{ flex: 1, minWidth: 0 }}>
        <HandlerSelect value={officerIds} onChange={setOfficerIds} placeholder="输入姓名选择参训人员" />
      </div>
      <Button type="primary" disabled={officerIds.length === 0} loading={isSaving} onClick={add}>
        添加
      </Button>
    </Space.Compact>
  );
}

/** One 培训班: its facts, the attendee list, 结业 with the 考核 results, 培训通知 and 签到表. */
export default function SessionDetailPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isEditing, setEditing] = useState(false);
  const [isFinishing, setFinishing] = useState(false);
  const [isImporting, setImporting] = useState(false);
  const session = useQuery({ queryKey: [TRAINING_KEY, 'session', id], queryFn: () => getSession(id) });
  if (session.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => session.refetch()} />;
  const data = session.data;
  const { abilities } = data;
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      message.success(done);
      await queryClient.invalidateQueries({ queryKey: [TRAINING_KEY] });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const download = (action: () => Promise<void>) =>
    action().catch((error) => message.error(errorMessage(error)));
  const columns = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 120,
      render: (name: string, attendee: Attendee) => (
        <Link to={`/officers/${attendee.officerId}`}>{name}</Link>
      ),
    },
    { title: '单位', dataIndex: 'orgName' },
    {
      title: '执法证编号',
      dataIndex: 'certificateNumber',
      width: 180,
      render: (number: string | null) => number ?? '未持证',
    },
    ...(data.status === 'finished'
      ? [
          {
            title: data.isGraded ? '考核成绩' : '培训记录',
            key: 'grade',
            width: 140,
            render: (_value: unknown, attendee: Attendee) =>
              data.isGraded
                ? gradeText(attendee.score, attendee.passed)
                : attendee.trainingId
                  ? '已写入档案'
                  : '—',
          },
        ]
      : []),
    ...(abilities.canEdit
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 70,
            render: (_value: unknown, attendee: Attendee) => (
              <Popconfirm
                title={`将${attendee.name}移出参训名单？`}
                okText="移出"
                onConfirm={() =>
                  run(() => removeAttendee(data.id, attendee.officerId), `${attendee.name}已移出名单`)
                }
              >
                <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label="移出" />
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader
        title={data.course}
        description={
          <Space wrap size={4}>
            <SessionStatusTag session={data} />
            {data.organiserKind === 'bureau' && <Tag color="blue">县司法局举办</Tag>}
            {data.isGraded && <Tag>结业考核</Tag>}
          </Space>
        }
        extra={
          <>
            {abilities.canEdit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                修改
              </Button>
            )}
            {abilities.canEdit && !data.noticeNumber && (
              <Popconfirm
                title="删除这期培训？"
                okText="删除"
                onConfirm={() =>
                  deleteSession(data.id)
                    .then(async () => {
                      message.success('培训已删除');
                      await queryClient.invalidateQueries({ queryKey: [TRAINING_KEY] });
                      navigate('/training/sessions');
                    })
                    .catch((error) => message.error(errorMessage(error)))
                }
              >
                <Button danger icon={<DeleteOutlined />}>
                  删除
                </Button>
              </Popconfirm>
            )}
            {abilities.canIssueNotice && (
              <Popconfirm
                title="印发培训通知？将从发文登记簿取号。"
                okText="印发"
                onConfirm={() => run(() => issueNotice(data.id), '培训通知已印发')}
              >
                <Button icon={<SendOutlined />}>印发培训通知</Button>
              </Popconfirm>
            )}
            <Button icon={<DownloadOutlined />} onClick={() => download(() => downloadNotice(data))}>
              培训通知
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => download(() => downloadSignInSheet(data))}>
              签到表
            </Button>
            {abilities.canFinish && (
              <Button type="primary" icon={<FileDoneOutlined />} onClick={() => setFinishing(true)}>
                结业
              </Button>
            )}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label="举办单位">{data.orgName}</Descriptions.Item>
          <Descriptions.Item label="培训类别">{data.kindLabel}</Descriptions.Item>
          <Descriptions.Item label="培训方式">{data.deliveryLabel}</Descriptions.Item>
          <Descriptions.Item label="内容类别">{data.contentCategoryLabel}</Descriptions.Item>
          <Descriptions.Item label="教材">{data.material ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="学时">{data.hours}</Descriptions.Item>
          <Descriptions.Item label="培训日期">{formatDay(data.heldOn)}</Descriptions.Item>
          <Descriptions.Item label="地点">{data.place ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="年度计划事项">{data.planItemLabel ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="培训通知">
            {data.noticeNumber
              ? `${data.noticeNumber}（${formatDay(data.noticeIssuedOn ?? data.heldOn)}印发）`
              : '未印发'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={`参训名单（${data.attendees.length} 人）`}
        extra={
          abilities.canEdit && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入名单
            </Button>
          )
        }
      >
        {abilities.canEdit && (
          <div style={{ marginBottom: 12 }}>
            <AddAttendees session={data} />
          </div>
        )}
        <Table<Attendee>
          size="small"
          rowKey="officerId"
          dataSource={data.attendees}
          columns={columns}
          pagination={data.attendees.length > 50 ? { pageSize: 50 } : false}
          locale={{
            emptyText: abilities.canEdit ? '尚无参训人员，请选择或导入名单' : '名单中没有您可查看的人员',
          }}
          scroll={{ x: 640 }}
        />
        {data.attendeeCount > data.attendees.length && (
          <Typography.Text type="secondary">
            共 {data.attendeeCount} 人参训，此处只列出您权限范围内的人员。
          </Typography.Text>
        )}
      </Card>
      {isEditing && <SessionFormModal session={data} onClose={() => setEditing(false)} />}
      {isFinishing && <FinishModal session={data} onClose={() => setFinishing(false)} />}
      {isImporting && (
        <ImportModal
          title="导入参训名单"
          onDownloadTemplate={downloadAttendeeTemplate}
          onImport={(file) => importAttendees(data.id, file)}
          describeSuccess={(result: { added: number }) => `已添加 ${result.added} 名参训人员`}
          onClose={() => {
            setImporting(false);
            queryClient.invalidateQueries({ queryKey: [TRAINING_KEY] });
          }}
        />
      )}
    </>
  );
}
