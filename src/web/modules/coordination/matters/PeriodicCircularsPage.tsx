import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { CIRCULAR_STATUS_LABELS, CIRCULAR_STATUSES } from '../../../../common/coordination.ts';
import { rolesWith } from '../../../../common/permissions.ts';
import { errorMessage } from '../../../app/api-client.ts';
import { useCurrentUser } from '../../../app/auth-context.tsx';
import { hasAnyRole } from '../../../app/roles.ts';
import { formatDay } from '../../../components/date-time.ts';
import { FilterSelect } from '../../../components/FilterSelect.tsx';
import { downloadFile } from '../../../components/file-transfer.ts';
import { PagedResults } from '../../../components/PagedResults.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { FormModal, type FormSpec } from '../../supervision/FormModal.tsx';
import {
  COORDINATION_KEY,
  findPeriodicCirculars,
  type PeriodicCircularFilter,
  type PeriodicCircularView,
  periodicCircularDocxPath,
  submitPeriodicCircular,
} from '../coordination.api.ts';
import { editCircularForm, generateCircularForm } from './major-matter-forms.ts';

const STATUS_OPTIONS = CIRCULAR_STATUSES.map((value) => ({ value, label: CIRCULAR_STATUS_LABELS[value] }));
/** This year and the five before it (a circular's period touches the year). */
const YEAR_OPTIONS = Array.from({ length: 6 }, (_, index) => {
  const year = String(new Date().getFullYear() - index);
  return { value: year, label: `${year}年` };
});
const STATUS_COLORS: Record<PeriodicCircularView['status'], string> = {
  draft: 'default',
  pending_sign: 'gold',
  issued: 'green',
};

/** 定期通报 (协调监督办法第九条): generated from the period's data, edited, signed off, numbered. */
export default function PeriodicCircularsPage() {
  const user = useCurrentUser();
  const isBureau = hasAnyRole(user.roles, rolesWith('coordination.manage'));
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<PeriodicCircularFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [form, setForm] = useState<FormSpec<unknown> | null>(null);
  const circulars = useQuery({
    queryKey: [COORDINATION_KEY, 'periodic-circulars', filter, paging],
    queryFn: () => findPeriodicCirculars({ ...filter, ...paging }),
    placeholderData: keepPreviousData,
  });
  const update = (patch: Partial<PeriodicCircularFilter>) => {
    setFilter((current) => ({ ...current, ...patch }));
    setPaging((current) => ({ ...current, page: 1 }));
  };
  const open = (spec: FormSpec<PeriodicCircularView>) => setForm(spec as FormSpec<unknown>);
  const submit = (circular: PeriodicCircularView) =>
    submitPeriodicCircular(circular.id)
      .then(() => queryClient.invalidateQueries({ queryKey: [COORDINATION_KEY] }))
      .then(() => message.success('定期通报已送领导签发'))
      .catch((error) => message.error(errorMessage(error)));
  const download = (circular: PeriodicCircularView) =>
    downloadFile(periodicCircularDocxPath(circular.id), `${circular.title}.docx`).catch((error) =>
      message.error(errorMessage(error)),
    );
  const actions = (circular: PeriodicCircularView) => (
    <Space size={0} wrap>
      {circular.isEditable && circular.canManage && (
        <Button size="small" type="link" onClick={() => open(editCircularForm(circular))}>
          修改
        </Button>
      )}
      {circular.status === 'draft' && circular.canManage && (
        <Popconfirm
          title="送领导签发？签发时从发文登记簿取号，此后不能再修改。"
          okText="送签"
          cancelText="取消"
          onConfirm={() => submit(circular)}
        >
          <Button size="small" type="link">
            送签
          </Button>
        </Popconfirm>
      )}
      <Button size="small" type="link" icon={<DownloadOutlined />} onClick={() => download(circular)}>
        Word
      </Button>
    </Space>
  );
  const periodOf = (circular: PeriodicCircularView) =>
    `${formatDay(circular.periodFrom)}至${formatDay(circular.periodTo)}`;
  const columns: ColumnsType<PeriodicCircularView> = [
    { title: '通报期间', key: 'period', width: 260, render: (_value, circular) => periodOf(circular) },
    {
      title: '标题',
      key: 'title',
      render: (_value, circular) => (
        <>
          {circular.title}
          {circular.signComment && circular.status === 'draft' && (
            <div style={{ color: '#d46b08', fontSize: 12 }}>领导退回意见：{circular.signComment}</div>
          )}
        </>
      ),
    },
    {
      title: '文号',
      key: 'number',
      width: 200,
      render: (_value, circular) =>
        circular.number ? (
          <>
            {circular.number}
            <div style={{ color: 'rgba(0,0,0,0.5)', fontSize: 12 }}>
              {circular.signedByName ?? ''} {circular.issuedOn ? formatDay(circular.issuedOn) : ''}
            </div>
          </>
        ) : (
          '签发时编号'
        ),
    },
    {
      title: '状态',
      key: 'status',
      width: 100,
      render: (_value, circular) => <Tag color={STATUS_COLORS[circular.status]}>{circular.statusLabel}</Tag>,
    },
    {
      title: '操作',
      key: 'actions',
      width: 190,
      fixed: 'right',
      render: (_value, circular) => actions(circular),
    },
  ];
  return (
    <>
      <PageHeader
        title="定期通报"
        description="按期间汇总本县行政执法情况（案件、协调争议、联合执法、重大事项、工作衔接）生成通报草稿，修改后送签印发（协调监督办法第九条）。"
        extra={
          isBureau && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open(generateCircularForm())}>
              生成通报
            </Button>
          )
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder="搜索标题或正文"
            aria-label="搜索标题或正文"
            style={{ width: 220 }}
            onSearch={(keyword) => update({ keyword: keyword || undefined })}
          />
          <FilterSelect
            label="状态"
            options={STATUS_OPTIONS}
            value={filter.status}
            onChange={(status) => update({ status })}
            width={130}
          />
          <FilterSelect
            label="年度"
            options={YEAR_OPTIONS}
            value={filter.year ? String(filter.year) : undefined}
            onChange={(year) => update({ year: year ? Number(year) : undefined })}
            width={110}
          />
        </Space>
        <PagedResults<PeriodicCircularView>
          query={circulars}
          page={paging.page}
          pageSize={paging.pageSize}
          onPageChange={(page, pageSize) => setPaging({ page, pageSize })}
          columns={columns}
          renderPhoneItem={(circular) => (
            <>
              <Typography.Text strong>{circular.title}</Typography.Text>
              <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
                {periodOf(circular)} · {circular.number ?? '签发时编号'}
              </div>
              <Tag color={STATUS_COLORS[circular.status]}>{circular.statusLabel}</Tag>
              {actions(circular)}
            </>
          )}
          emptyText={isBureau ? '还没有定期通报，点“生成通报”按期间汇总。' : '还没有定期通报。'}
          totalText={(total) => `共 ${total} 期`}
          scrollX={950}
        />
      </Card>
      {form && <FormModal spec={form} onClose={() => setForm(null)} />}
    </>
  );
}
