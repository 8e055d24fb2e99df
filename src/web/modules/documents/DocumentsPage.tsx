import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../app/api-client.ts';
import { useCurrentUser } from '../../app/auth-context.tsx';
import { hasAnyRole } from '../../app/roles.ts';
import { formatDay } from '../../components/date-time.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { PagedResults } from '../../components/PagedResults.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import {
  DOCUMENTS_KEY,
  findIssuedDocuments,
  findRegisters,
  findSignOffs,
  type IssuedDocumentView,
  type IssuedFilter,
  type RegisterView,
  returnSignOff,
  type SignOffView,
  signSignOff,
  updateRegister,
} from './documents.api.ts';
import { DOCUMENT_READ_ROLES, DOCUMENT_SIGN_ROLES } from './documents-access.ts';

const recordLink = (record: { label: string; link: string | null }, id: number) =>
  record.link ? <Link to={record.link}>{record.label}</Link> : `${record.label} #${id}`;

/** 发文登记簿: every issued number with search, filters and export. */
function IssuedList() {
  const [filter, setFilter] = useState<IssuedFilter>({ page: 1, pageSize: 20 });
  const query = useQuery({
    queryKey: [DOCUMENTS_KEY, 'issued', filter],
    queryFn: () => findIssuedDocuments(filter),
    placeholderData: keepPreviousData,
  });
  const { page, pageSize, ...exportFilter } = filter;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="文号、标题、主送、签发人"
          style={{ width: 260 }}
          onSearch={(keyword) =>
            setFilter((current) => ({ ...current, keyword: keyword || undefined, page: 1 }))
          }
        />
        <InputNumber
          placeholder="年度"
          min={2000}
          max={2100}
          onChange={(year) => setFilter((current) => ({ ...current, year: year ?? undefined, page: 1 }))}
        />
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 110 }}
          options={[
            { value: 'issued', label: '已发文' },
            { value: 'withdrawn', label: '已撤回' },
          ]}
          onChange={(status) => setFilter((current) => ({ ...current, status, page: 1 }))}
        />
        <ExportButton path="/documents/issued/export.xlsx" fileName="发文登记簿.xlsx" query={exportFilter} />
      </Space>
      <PagedResults<IssuedDocumentView>
        query={query}
        page={page}
        pageSize={pageSize}
        onPageChange={(nextPage, nextSize) =>
          setFilter((current) => ({ ...current, page: nextPage, pageSize: nextSize }))
        }
        scrollX={1100}
        emptyText="还没有登记的发文。文件签发或印发时自动登记。"
        totalText={(total) => `共 ${total} 件`}
        columns={[
          { title: '文号', dataIndex: 'number', width: 170 },
          { title: '标题', dataIndex: 'title', ellipsis: true },
          { title: '主送', dataIndex: 'recipient', width: 160, ellipsis: true },
          { title: '发文日期', dataIndex: 'issuedOn', width: 120, render: (day: string) => formatDay(day) },
          { title: '签发人', dataIndex: 'signedBy', width: 90, render: (name: string | null) => name ?? '—' },
          {
            title: '所属记录',
            key: 'source',
            width: 130,
            render: (_value, row) => recordLink(row.source, row.source.recordId),
          },
          {
            title: '状态',
            dataIndex: 'statusLabel',
            width: 90,
            render: (label: string, row) => (
              <Tag
                color={row.status === 'withdrawn' ? 'red' : 'green'}
                title={row.withdrawnReason ?? undefined}
              >
                {label}
              </Tag>
            ),
          },
        ]}
        renderPhoneItem={(row) => (
          <>
            <Typography.Text strong>{row.number}</Typography.Text> · {row.statusLabel}
            <div>{row.title}</div>
            <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
              {formatDay(row.issuedOn)} · {row.recipient} {row.signedBy ? `· 签发：${row.signedBy}` : ''}
            </div>
          </>
        )}
      />
    </>
  );
}

/** 待签发: what waits for this leader; sign, or return with a comment. */
function SignOffList() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState({ page: 1, pageSize: 20, view: 'mine' as const });
  const [returning, setReturning] = useState<SignOffView | null>(null);
  const [form] = Form.useForm<{ comment: string }>();
  const query = useQuery({
    queryKey: [DOCUMENTS_KEY, 'sign-offs', filter],
    queryFn: () => findSignOffs(filter),
    placeholderData: keepPreviousData,
  });
  const done = (text: string) => {
    message.success(text);
    queryClient.invalidateQueries({ queryKey: [DOCUMENTS_KEY] });
  };
  const sign = useMutation({
    mutationFn: (row: SignOffView) => signSignOff(row.id),
    onSuccess: () => done('已签发，文件已编号登记'),
    onError: (error) => message.error(errorMessage(error)),
  });
  const send = useMutation({
    mutationFn: ({ id, comment }: { id: number; comment: string }) => returnSignOff(id, comment),
    onSuccess: () => {
      setReturning(null);
      form.resetFields();
      done('已退回');
    },
    onError: (error) => message.error(errorMessage(error)),
  });
  return (
    <>
      <PagedResults<SignOffView>
        query={query}
        page={filter.page}
        pageSize={filter.pageSize}
        onPageChange={(page, pageSize) => setFilter((current) => ({ ...current, page, pageSize }))}
        scrollX={900}
        emptyText="没有待签发的文件。"
        totalText={(total) => `共 ${total} 件待签发`}
        columns={[
          { title: '标题', dataIndex: 'title', ellipsis: true },
          { title: '发文单位', dataIndex: 'orgName', width: 180, ellipsis: true },
          { title: '提请人', dataIndex: 'requestedByName', width: 90 },
          {
            title: '提请时间',
            dataIndex: 'requestedAt',
            width: 120,
            render: (at: string) => formatDay(at.slice(0, 10)),
          },
          {
            title: '文件',
            key: 'record',
            width: 120,
            render: (_value, row) => recordLink(row.record, row.recordId),
          },
          {
            title: '操作',
            key: 'actions',
            width: 130,
            render: (_value, row) =>
              row.abilities.canDecide ? (
                <Space size={4}>
                  <Button type="link" size="small" loading={sign.isPending} onClick={() => sign.mutate(row)}>
                    签发
                  </Button>
                  <Button type="link" size="small" danger onClick={() => setReturning(row)}>
                    退回
                  </Button>
                </Space>
              ) : (
                row.statusLabel
              ),
          },
        ]}
        renderPhoneItem={(row) => (
          <>
            <Typography.Text strong>{row.title}</Typography.Text>
            <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
              {row.orgName} · {row.requestedByName}
            </div>
            {row.abilities.canDecide && (
              <Space>
                <Button size="small" type="primary" onClick={() => sign.mutate(row)}>
                  签发
                </Button>
                <Button size="small" danger onClick={() => setReturning(row)}>
                  退回
                </Button>
              </Space>
            )}
          </>
        )}
      />
      <Modal
        title={`退回：${returning?.title ?? ''}`}
        open={returning !== null}
        okText="退回"
        okButtonProps={{ danger: true, loading: send.isPending }}
        onCancel={() => setReturning(null)}
        onOk={() => form.validateFields().then(({ comment }) => send.mutate({ id: returning!.id, comment }))}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="comment"
            label="退回意见"
            rules={[{ required: true, whitespace: true, message: '请填写退回意见' }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 登记簿设置: prefix and next number of each register; managers set the next number. */
function RegisterSettings() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: [DOCUMENTS_KEY, 'registers'], queryFn: findRegisters });
  const save = useMutation({
    mutationFn: ({ row, nextNumber }: { row: RegisterView; nextNumber: number }) =>
      updateRegister(row.id, { year: row.year, nextNumber }),
    onSuccess: (row) => {
      message.success(`下一个文号：${row.nextDocumentNumber}`);
      queryClient.invalidateQueries({ queryKey: [DOCUMENTS_KEY] });
    },
    onError: (error) => message.error(errorMessage(error)),
  });
  return (
    <Table<RegisterView>
      rowKey="id"
      size="middle"
      loading={query.isPending}
      dataSource={query.data ?? []}
      pagination={false}
      columns={[
        { title: '发文单位', dataIndex: 'orgName' },
        { title: '登记簿', dataIndex: 'name' },
        { title: '代字', dataIndex: 'prefix', width: 90 },
        { title: '年度', dataIndex: 'year', width: 80 },
        {
          title: '下一个文号',
          key: 'next',
          width: 260,
          render: (_value, row) =>
            row.canManage ? (
              <Space>
                <InputNumber
                  min={1}
                  defaultValue={row.nextNumber}
                  onBlur={(event) => {
                    const value = Number(event.target.value);
                    if (value && value !== row.nextNumber) save.mutate({ row, nextNumber: value });
                  }}
                />
                <span>{row.nextDocumentNumber}</span>
              </Space>
            ) : (
              row.nextDocumentNumber
            ),
        },
        {
          title: '状态',
          dataIndex: 'isActive',
          width: 80,
          render: (isActive: boolean) => (isActive ? '启用' : '停用'),
        },
      ]}
    />
  );
}

/** 公文与发文登记: the register book, the leader's 待签发 list and the registers. */
export default function DocumentsPage() {
  const user = useCurrentUser();
  const canSign = hasAnyRole(user.roles, DOCUMENT_SIGN_ROLES);
  const canRead = hasAnyRole(user.roles, DOCUMENT_READ_ROLES);
  const tabs = [
    ...(canSign ? [{ key: 'sign-offs', label: '待签发', children: <SignOffList /> }] : []),
    ...(canRead
      ? [
          { key: 'issued', label: '发文登记簿', children: <IssuedList /> },
          { key: 'registers', label: '登记簿设置', children: <RegisterSettings /> },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader
        title="公文与发文登记"
        description="按 GB/T 9704 印制的公文在签发、印发时从本单位发文登记簿取号；领导在“待签发”中签发或退回。"
      />
      <Card>
        <Tabs items={tabs} />
      </Card>
    </>
  );
}
