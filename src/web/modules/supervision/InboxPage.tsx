import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../app/api-client.ts';
import { AttachmentLinks } from '../../components/AttachmentLinks.tsx';
import { formatDay } from '../../components/date-time.ts';
import { PagedResults } from '../../components/PagedResults.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DueTag } from './DueTag.tsx';
import { FormModal, type FormSpec, uploadPicked } from './FormModal.tsx';
import {
  attachmentPath,
  findNotices,
  findReportRequests,
  type NoticeFilter,
  type NoticeView,
  type ReportRequestFilter,
  type ReportRequestView,
  replyReportRequest,
  SUPERVISION_KEY,
  uploadSupervisionAttachment,
} from './supervision.api.ts';
import { NOTICE_STATE_COLORS } from './supervision-labels.ts';

/** 报告执法情况: the files go first (the request takes files only while it waits), then the reply. */
function replyForm(request: ReportRequestView): FormSpec<ReportRequestView> {
  return {
    title: `报告执法情况：${request.matterTitle}`,
    okText: '提交报告',
    fields: [
      { name: 'reply', label: '报告内容', kind: 'textarea', rows: 8 },
      { name: 'files', label: '附件', kind: 'files', isOptional: true },
    ],
    save: async (values, files) => {
      const failures = await uploadPicked(files, 'files', (file) =>
        uploadSupervisionAttachment('report-requests', request.id, file),
      );
      if (failures.length > 0) throw new ApiError(422, 'VALIDATION_FAILED', failures.join('；'));
      return replyReportRequest(request.id, { reply: String(values.reply ?? '') });
    },
    done: '报告已提交',
  };
}

function NoticesTab() {
  const navigate = useNavigate();
  const [filter, setFilter] = useState<NoticeFilter>({ page: 1, pageSize: 20 });
  const notices = useQuery({
    queryKey: [SUPERVISION_KEY, 'inbox-notices', filter],
    queryFn: () => findNotices(filter),
    placeholderData: keepPreviousData,
  });
  const columns: ColumnsType<NoticeView> = [
    {
      title: '文号',
      dataIndex: 'number',
      width: 170,
      render: (number: string | null, notice) => (
        <Link to={`/supervision/notices/${notice.id}`}>{number}</Link>
      ),
    },
    { title: '被监督单位', key: 'unit', width: 190, render: (_value, notice) => notice.unit.name },
    { title: '改正要求', dataIndex: 'requiredCorrection', ellipsis: true },
    {
      title: '状态',
      dataIndex: 'stateLabel',
      width: 140,
      render: (label: string, notice) => <Tag color={NOTICE_STATE_COLORS[notice.state]}>{label}</Tag>,
    },
    {
      title: '改正期限',
      key: 'correction',
      width: 190,
      render: (_value, notice) => <DueTag due={notice.correctionDue} />,
    },
    { title: '报告期限', key: 'due', width: 190, render: (_value, notice) => <DueTag due={notice.due} /> },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_value, notice) => (
        <Button
          size="small"
          type={notice.abilities.canReport ? 'primary' : 'link'}
          onClick={() => navigate(`/supervision/notices/${notice.id}`)}
        >
          {notice.abilities.canReport ? '报告落实情况' : '查看'}
        </Button>
      ),
    },
  ];
  return (
    <PagedResults<NoticeView>
      query={notices}
      page={filter.page}
      pageSize={filter.pageSize}
      onPageChange={(page, pageSize) => setFilter({ page, pageSize })}
      columns={columns}
      onOpen={(notice) => navigate(`/supervision/notices/${notice.id}`)}
      renderPhoneItem={(notice) => (
        <>
          <Typography.Text strong>{notice.number}</Typography.Text>
          <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>{notice.requiredCorrection}</div>
          <Space size={4} wrap>
            <Tag color={NOTICE_STATE_COLORS[notice.state]}>{notice.stateLabel}</Tag>
            {notice.due && <DueTag due={notice.due} prefix="报告期限 " />}
          </Space>
        </>
      )}
      emptyText="没有发给本单位的监督通知书。"
      totalText={(total) => `共 ${total} 份`}
      scrollX={1200}
    />
  );
}

function RequestsTab() {
  const [filter, setFilter] = useState<ReportRequestFilter>({ page: 1, pageSize: 20 });
  const [form, setForm] = useState<FormSpec<unknown> | null>(null);
  const requests = useQuery({
    queryKey: [SUPERVISION_KEY, 'inbox-requests', filter],
    queryFn: () => findReportRequests(filter),
    placeholderData: keepPreviousData,
  });
  const replyButton = (request: ReportRequestView) =>
    request.abilities.canReply && (
      <Button size="small" type="primary" onClick={() => setForm(replyForm(request) as FormSpec<unknown>)}>
        报告
      </Button>
    );
  const columns: ColumnsType<ReportRequestView> = [
    { title: '发出日期', dataIndex: 'requestedOn', width: 130, render: (day: string) => formatDay(day) },
    {
      title: '监督事项',
      dataIndex: 'matterTitle',
      width: 200,
      ellipsis: true,
      render: (title: string, request) => (
        <Link to={`/supervision/matters/${request.matterId}`}>{title}</Link>
      ),
    },
    { title: '报告事项', dataIndex: 'subject', ellipsis: true },
    { title: '报告单位', key: 'unit', width: 180, render: (_value, request) => request.unit.name },
    {
      title: '状态',
      dataIndex: 'stateLabel',
      width: 90,
      render: (label: string, request) => (
        <Tag color={request.state === 'replied' ? 'green' : 'gold'}>{label}</Tag>
      ),
    },
    {
      title: '报告期限',
      key: 'due',
      width: 190,
      render: (_value, request) =>
        request.state === 'waiting' ? <DueTag due={request.due} /> : formatDay(request.dueOn),
    },
    {
      title: '报告',
      key: 'reply',
      width: 200,
      render: (_value, request) =>
        request.reply ? (
          <>
            <Typography.Text ellipsis style={{ maxWidth: 180 }}>
              {request.reply}
            </Typography.Text>
            <AttachmentLinks files={request.attachments} pathOf={attachmentPath} />
          </>
        ) : (
          replyButton(request) || '—'
        ),
    },
  ];
  return (
    <>
      <PagedResults<ReportRequestView>
        query={requests}
        page={filter.page}
        pageSize={filter.pageSize}
        onPageChange={(page, pageSize) => setFilter({ page, pageSize })}
        columns={columns}
        renderPhoneItem={(request) => (
          <>
            <Typography.Text strong>{request.subject}</Typography.Text>
            <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
              {request.matterTitle} · {formatDay(request.requestedOn)}发出
            </div>
            <Space size={4} wrap>
              <Tag color={request.state === 'replied' ? 'green' : 'gold'}>{request.stateLabel}</Tag>
              {request.state === 'waiting' && <DueTag due={request.due} prefix="期限 " />}
              {replyButton(request)}
            </Space>
          </>
        )}
        emptyText="没有要求本单位报告的事项。"
        totalText={(total) => `共 ${total} 件`}
        scrollX={1200}
      />
      {form && <FormModal spec={form} onClose={() => setForm(null)} />}
    </>
  );
}

/** 监督来文: what the bureau sent the legal officer's unit — notices to answer and requests to report. */
export default function InboxPage() {
  return (
    <>
      <PageHeader
        title="监督来文"
        description="县司法局发给本单位的行政执法监督通知书和要求报告执法情况，按期限书面报告（协调监督工作办法第十三、十五条）。"
      />
      <Card>
        <Tabs
          items={[
            { key: 'notices', label: '监督通知书', children: <NoticesTab /> },
            { key: 'requests', label: '要求报告执法情况', children: <RequestsTab /> },
          ]}
        />
      </Card>
    </>
  );
}
