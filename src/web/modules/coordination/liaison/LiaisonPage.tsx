import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import {
  LIAISON_COUNTERPART_LABELS,
  LIAISON_COUNTERPARTS,
  LIAISON_KIND_LABELS,
  LIAISON_KINDS,
  LIAISON_STATUS_LABELS,
  LIAISON_STATUSES,
} from '../../../../common/coordination.ts';
import { todayInShanghai } from '../../../../common/format.ts';
import { rolesWith } from '../../../../common/permissions.ts';
import { useCurrentUser } from '../../../app/auth-context.tsx';
import { hasAnyRole } from '../../../app/roles.ts';
import { DateRangeFilter } from '../../../components/DateRangeFilter.tsx';
import { formatDay } from '../../../components/date-time.ts';
import { ExportButton } from '../../../components/ExportButton.tsx';
import { FilterSelect } from '../../../components/FilterSelect.tsx';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect.tsx';
import { PagedResults } from '../../../components/PagedResults.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { FormModal, type FormSpec } from '../../supervision/FormModal.tsx';
import {
  COORDINATION_KEY,
  createLiaison,
  findLiaisons,
  LIAISON_EXPORT_PATH,
  type LiaisonFilter,
  type LiaisonView,
  recordLiaisonOutcome,
  recordLiaisonReceipt,
} from '../coordination.api.ts';
import { DeadlineStateTag } from '../disputes/DeadlineStateTag.tsx';

const KIND_OPTIONS = LIAISON_KINDS.map((value) => ({ value, label: LIAISON_KIND_LABELS[value] }));
const COUNTERPART_OPTIONS = LIAISON_COUNTERPARTS.map((value) => ({
  value,
  label: LIAISON_COUNTERPART_LABELS[value],
}));
const STATUS_OPTIONS = LIAISON_STATUSES.map((value) => ({ value, label: LIAISON_STATUS_LABELS[value] }));
const DEADLINE_OPTIONS = [
  { value: 'normal' as const, label: '正常' },
  { value: 'due_soon' as const, label: '临期' },
  { value: 'overdue' as const, label: '逾期' },
];
// biome-ignore lint/suspicious/noExplicitAny: the form's values are checked by the server's schema
type Values = Record<string, any>;
const today = () => todayInShanghai(new Date());

function liaisonForm(isBureau: boolean): FormSpec<LiaisonView> {
  return {
    title: '登记衔接事项（第十条）',
    fields: [
      { name: 'kind', label: '类型', kind: 'select', options: KIND_OPTIONS },
      { name: 'counterpart', label: '衔接机关', kind: 'select', options: COUNTERPART_OPTIONS },
      { name: 'counterpartName', label: '接收机关名称', maxLength: 200 },
      ...(isBureau ? [{ name: 'orgId', label: '涉及单位', kind: 'units' as const }] : []),
      { name: 'caseId', label: '移送的案件', kind: 'case', isOptional: true, help: '案件移送时选择' },
      { name: 'subject', label: '事项', maxLength: 500 },
      { name: 'reason', label: '移送或反映理由', kind: 'textarea', rows: 5, maxLength: 4000 },
      { name: 'sentOn', label: '移送/发出日期', kind: 'date' },
      { name: 'dueOn', label: '回复期限', kind: 'date', isOptional: true, help: '不填则为发出后 15 日' },
    ],
    initialValues: { sentOn: today(), kind: 'case_transfer' },
    save: (values: Values) =>
      createLiaison({
        kind: values.kind,
        counterpart: values.counterpart,
        counterpartName: values.counterpartName,
        ...(values.orgId ? { orgId: values.orgId } : {}),
        caseId: values.caseId ?? null,
        subject: values.subject,
        reason: values.reason,
        sentOn: values.sentOn,
        dueOn: values.dueOn ?? null,
      }),
    done: '衔接事项已登记',
    queryKey: COORDINATION_KEY,
  };
}

function receiptForm(item: LiaisonView): FormSpec<LiaisonView> {
  return {
    title: `登记接收回执：${item.subject}`,
    fields: [
      { name: 'receiptOn', label: '接收日期', kind: 'date' },
      { name: 'receiptBy', label: '接收人', maxLength: 100 },
    ],
    initialValues: { receiptOn: today() },
    save: (values: Values) =>
      recordLiaisonReceipt(item.id, { receiptOn: values.receiptOn, receiptBy: values.receiptBy }),
    done: '接收回执已登记',
    queryKey: COORDINATION_KEY,
  };
}

function outcomeForm(item: LiaisonView): FormSpec<LiaisonView> {
  return {
    title: `登记办理结果：${item.subject}`,
    okText: '办结',
    fields: [
      { name: 'outcomeOn', label: '办结日期', kind: 'date' },
      { name: 'outcome', label: '办理结果', kind: 'textarea', rows: 5, maxLength: 4000 },
    ],
    initialValues: { outcomeOn: today() },
    save: (values: Values) =>
      recordLiaisonOutcome(item.id, { outcome: values.outcome, outcomeOn: values.outcomeOn }),
    done: '办理结果已登记',
    queryKey: COORDINATION_KEY,
  };
}

/** 工作衔接 (协调监督办法第十条): case transfers, issue reports and exchanges with 人大、监察、司法机关. */
export default function LiaisonPage() {
  const user = useCurrentUser();
  const isBureau = hasAnyRole(user.roles, rolesWith('coordination.manage'));
  const canCreate = isBureau || hasAnyRole(user.roles, rolesWith('coordination.apply'));
  const [filter, setFilter] = useState<LiaisonFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [form, setForm] = useState<FormSpec<unknown> | null>(null);
  const items = useQuery({
    queryKey: [COORDINATION_KEY, 'liaison', filter, paging],
    queryFn: () => findLiaisons({ ...filter, ...paging }),
    placeholderData: keepPreviousData,
  });
  const update = (patch: Partial<LiaisonFilter>) => {
    setFilter((current) => ({ ...current, ...patch }));
    setPaging((current) => ({ ...current, page: 1 }));
  };
  const open = (spec: FormSpec<LiaisonView>) => setForm(spec as FormSpec<unknown>);
  const actions = (item: LiaisonView) => (
    <Space size={0} wrap>
      {item.abilities.canRecordReceipt && (
        <Button size="small" type="link" onClick={() => open(receiptForm(item))}>
          登记回执
        </Button>
      )}
      {item.abilities.canRecordOutcome && (
        <Button size="small" type="link" onClick={() => open(outcomeForm(item))}>
          登记结果
        </Button>
      )}
    </Space>
  );
  const columns: ColumnsType<LiaisonView> = [
    { title: '发出日期', key: 'sentOn', width: 140, render: (_value, item) => formatDay(item.sentOn) },
    {
      title: '类型 / 机关',
      key: 'kind',
      width: 190,
      render: (_value, item) => (
        <>
          <Tag>{item.kindLabel}</Tag>
          <div>
            {item.counterpartLabel}：{item.counterpartName}
          </div>
        </>
      ),
    },
    {
      title: '事项',
      key: 'subject',
      render: (_value, item) => (
        <>
          {item.subject}
          <div style={{ color: 'rgba(0,0,0,0.5)', fontSize: 12 }}>
            {item.orgName}
            {item.caseNo ? ` · 案件 ${item.caseNo}` : ''}
          </div>
          {item.outcome && <div style={{ fontSize: 12 }}>办理结果：{item.outcome}</div>}
        </>
      ),
    },
    {
      title: '回执',
      key: 'receipt',
      width: 150,
      render: (_value, item) =>
        item.receiptOn ? `${formatDay(item.receiptOn)} ${item.receiptBy ?? ''}` : '—',
    },
    { title: '状态', key: 'status', width: 110, render: (_value, item) => <Tag>{item.statusLabel}</Tag> },
    {
      title: '期限',
      key: 'deadline',
      width: 200,
      render: (_value, item) =>
        item.status === 'done' ? '—' : <DeadlineStateTag deadline={item.deadline} />,
    },
    { title: '操作', key: 'actions', width: 170, fixed: 'right', render: (_value, item) => actions(item) },
  ];
  const exportQuery = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
  return (
    <>
      <PageHeader
        title="工作衔接"
        description="向人大、监察机关、司法机关移送案件、反映问题、交流信息，登记回执和办理结果（协调监督办法第十条）。"
        extra={
          <>
            {canCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => open(liaisonForm(isBureau))}>
                登记衔接事项
              </Button>
            )}
            <ExportButton path={LIAISON_EXPORT_PATH} fileName="工作衔接台账.xlsx" query={exportQuery} />
          </>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder="搜索事项、理由或接收机关"
            aria-label="搜索事项、理由或接收机关"
            style={{ width: 240 }}
            onSearch={(keyword) => update({ keyword: keyword || undefined })}
          />
          <FilterSelect
            label="类型"
            options={KIND_OPTIONS}
            value={filter.kind}
            onChange={(kind) => update({ kind })}
            width={130}
          />
          <FilterSelect
            label="状态"
            options={STATUS_OPTIONS}
            value={filter.status}
            onChange={(status) => update({ status })}
            width={140}
          />
          <FilterSelect
            label="期限"
            options={DEADLINE_OPTIONS}
            value={filter.deadlineState}
            onChange={(deadlineState) => update({ deadlineState })}
            width={110}
          />
          {isBureau && (
            <OrgTreeSelect
              allowClear
              placeholder="涉及单位（含下级机构）"
              value={filter.orgId}
              onChange={(orgId) => update({ orgId })}
              style={{ width: 240 }}
            />
          )}
          <DateRangeFilter
            label="发出日期"
            from={filter.sentFrom}
            to={filter.sentTo}
            onChange={({ from, to }) => update({ sentFrom: from, sentTo: to })}
          />
        </Space>
        <PagedResults<LiaisonView>
          query={items}
          page={paging.page}
          pageSize={paging.pageSize}
          onPageChange={(page, pageSize) => setPaging({ page, pageSize })}
          columns={columns}
          renderPhoneItem={(item) => (
            <>
              <Typography.Text strong>{item.subject}</Typography.Text>
              <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
                {item.kindLabel} · {item.counterpartName} · {formatDay(item.sentOn)}
              </div>
              <Space size={4} wrap>
                <Tag>{item.statusLabel}</Tag>
                {item.status !== 'done' && <DeadlineStateTag deadline={item.deadline} />}
              </Space>
              {actions(item)}
            </>
          )}
          emptyText={canCreate ? '还没有衔接事项，点“登记衔接事项”开始。' : '还没有衔接事项。'}
          totalText={(total) => `共 ${total} 件`}
          scrollX={1150}
        />
      </Card>
      {form && <FormModal spec={form} onClose={() => setForm(null)} />}
    </>
  );
}
