import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Select, Space, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  CIRCULAR_KIND_LABELS,
  CIRCULAR_KINDS,
  CIRCULAR_STATE_LABELS,
  CIRCULAR_STATES,
} from '../../../common/supervision.ts';
import { errorMessage } from '../../app/api-client.ts';
import { useCurrentUser } from '../../app/auth-context.tsx';
import { hasAnyRole } from '../../app/roles.ts';
import { formatDay } from '../../components/date-time.ts';
import { downloadFile } from '../../components/file-transfer.ts';
import { PagedResults } from '../../components/PagedResults.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DueTag } from './DueTag.tsx';
import { circularForm, withdrawCircularForm } from './decision-forms.ts';
import { FormModal, type FormSpec } from './FormModal.tsx';
import {
  type CircularFilter,
  type CircularView,
  circularDocxPath,
  type DecisionFilter,
  type DecisionView,
  decisionDocxPath,
  decisionRequestDocxPath,
  findCirculars,
  findDecisions,
  SUPERVISION_KEY,
  submitCircular,
} from './supervision.api.ts';
import { SUPERVISION_MANAGE_ROLES } from './supervision-labels.ts';
import { UnitSelect } from './UnitSelect.tsx';

const muted = { color: 'rgba(0,0,0,0.5)', fontSize: 12 } as const;

function useDownload() {
  const { message } = App.useApp();
  return (path: string, name: string) =>
    downloadFile(path, name).catch((error) => message.error(errorMessage(error)));
}

function DecisionsTab() {
  const download = useDownload();
  const [filter, setFilter] = useState<DecisionFilter>({ page: 1, pageSize: 20 });
  const decisions = useQuery({
    queryKey: [SUPERVISION_KEY, 'decisions', filter],
    queryFn: () => findDecisions(filter),
    placeholderData: keepPreviousData,
  });
  const columns: ColumnsType<DecisionView> = [
    {
      title: '报请文号',
      key: 'request',
      width: 170,
      render: (_value, decision) => (
        <>
          <Link to={`/supervision/decisions/${decision.id}`}>{decision.requestNumber ?? '（未签发）'}</Link>
          <div style={muted}>
            {decision.requestedOn ? formatDay(decision.requestedOn) : decision.stateLabel}
          </div>
        </>
      ),
    },
    { title: '被监督单位', key: 'unit', width: 180, render: (_value, decision) => decision.unit.name },
    {
      title: '通知书',
      key: 'notice',
      width: 160,
      render: (_value, decision) => (
        <Link to={`/supervision/notices/${decision.notice.id}`}>{decision.notice.number ?? '通知书'}</Link>
      ),
    },
    {
      title: '事由 / 决定',
      key: 'kind',
      render: (_value, decision) => (
        <>
          {decision.groundLabel}，建议{decision.proposedKindLabel}
          {decision.kindLabel && (
            <div style={muted}>
              县政府决定：{decision.kindLabel} {decision.decisionNumber ?? ''}
              {decision.decidedOn ? `（${formatDay(decision.decidedOn)}）` : ''}
            </div>
          )}
        </>
      ),
    },
    { title: '状态', dataIndex: 'stateLabel', width: 130, render: (label: string) => <Tag>{label}</Tag> },
    {
      title: '报告期限',
      key: 'due',
      width: 185,
      render: (_value, decision) => <DueTag due={decision.due} />,
    },
    {
      title: '打印',
      key: 'print',
      width: 110,
      fixed: 'right',
      render: (_value, decision) => (
        <Space direction="vertical" size={0}>
          <Button
            size="small"
            type="link"
            icon={<DownloadOutlined />}
            onClick={() => download(decisionRequestDocxPath(decision.id), '报请决定.docx')}
          >
            报请书
          </Button>
          {decision.abilities.canPrintDecision && (
            <Button
              size="small"
              type="link"
              icon={<DownloadOutlined />}
              onClick={() => download(decisionDocxPath(decision.id), '行政执法监督决定书.docx')}
            >
              决定书
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <PagedResults<DecisionView>
      query={decisions}
      page={filter.page}
      pageSize={filter.pageSize}
      onPageChange={(page, pageSize) => setFilter({ page, pageSize })}
      columns={columns}
      renderPhoneItem={(decision) => (
        <>
          <Link to={`/supervision/decisions/${decision.id}`}>
            <Typography.Text strong>{decision.requestNumber ?? '（未签发）'}</Typography.Text>
          </Link>
          <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
            {decision.unit.name} · {decision.groundLabel}
          </div>
          <Space size={4} wrap>
            <Tag>{decision.stateLabel}</Tag>
            {decision.due && <DueTag due={decision.due} prefix="报告期限 " />}
          </Space>
        </>
      )}
      emptyText="还没有报请县人民政府的监督决定。"
      totalText={(total) => `共 ${total} 件`}
      scrollX={1150}
    />
  );
}

function CircularsTab() {
  const download = useDownload();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const canManage = hasAnyRole(user.roles, SUPERVISION_MANAGE_ROLES);
  const [form, setForm] = useState<FormSpec<CircularView> | null>(null);
  const submit = (circular: CircularView) =>
    submitCircular(circular.id)
      .then(() => queryClient.invalidateQueries({ queryKey: [SUPERVISION_KEY] }))
      .then(() => message.success('通报已提交领导签发'))
      .catch((error) => message.error(errorMessage(error)));
  const [filter, setFilter] = useState<CircularFilter>({ page: 1, pageSize: 20 });
  const circulars = useQuery({
    queryKey: [SUPERVISION_KEY, 'circulars', filter],
    queryFn: () => findCirculars(filter),
    placeholderData: keepPreviousData,
  });
  const columns: ColumnsType<CircularView> = [
    {
      title: '文号',
      key: 'number',
      width: 170,
      render: (_value, circular) => (
        <>
          {circular.number ?? '（未签发）'}
          <div style={muted}>{circular.issuedOn ? formatDay(circular.issuedOn) : ''}</div>
        </>
      ),
    },
    {
      title: '种类',
      dataIndex: 'kindLabel',
      width: 110,
      render: (label: string, circular) => (
        <Tag color={circular.kind === 'commendation' ? 'green' : 'red'}>{label}</Tag>
      ),
    },
    {
      title: '标题',
      dataIndex: 'title',
      render: (title: string, circular) => (
        <>
          {title}
          <div style={muted}>
            {circular.situationLabel}（{circular.clause}）
          </div>
        </>
      ),
    },
    { title: '通报对象', key: 'subject', width: 180, render: (_value, circular) => circular.subject.name },
    { title: '状态', dataIndex: 'stateLabel', width: 110, render: (label: string) => <Tag>{label}</Tag> },
    {
      title: '操作',
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_value, circular) => circularActions(circular),
    },
  ];
  const circularActions = (circular: CircularView) => {
    return (
      <Space direction="vertical" size={0}>
        {circular.abilities.canEdit && (
          <Button size="small" type="link" onClick={() => setForm(circularForm(null, circular))}>
            修改
          </Button>
        )}
        {circular.abilities.canSubmit && (
          <Popconfirm
            title="提交领导签发？签发时从发文登记簿取号。"
            okText="提交"
            cancelText="取消"
            onConfirm={() => submit(circular)}
          >
            <Button size="small" type="link">
              提交签发
            </Button>
          </Popconfirm>
        )}
        <Button
          size="small"
          type="link"
          icon={<DownloadOutlined />}
          onClick={() => download(circularDocxPath(circular.id), `${circular.title}.docx`)}
        >
          DOCX
        </Button>
        {circular.abilities.canWithdraw && (
          <Button size="small" type="link" danger onClick={() => setForm(withdrawCircularForm(circular))}>
            撤回
          </Button>
        )}
      </Space>
    );
  };
  const update = (patch: Partial<CircularFilter>) =>
    setFilter((current) => ({ ...current, ...patch, page: 1 }));
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="种类"
          style={{ width: 120 }}
          value={filter.kind}
          onChange={(kind) => update({ kind })}
          options={CIRCULAR_KINDS.map((value) => ({ value, label: CIRCULAR_KIND_LABELS[value] }))}
        />
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 120 }}
          value={filter.state}
          onChange={(state) => update({ state })}
          options={CIRCULAR_STATES.map((value) => ({ value, label: CIRCULAR_STATE_LABELS[value] }))}
        />
        <UnitSelect
          allowClear
          placeholder="被通报单位"
          style={{ width: 200 }}
          value={filter.unitId}
          onChange={(unitId) => update({ unitId: unitId as number | undefined })}
        />
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm(circularForm(null, null))}>
            起草通报
          </Button>
        )}
      </Space>
      <PagedResults<CircularView>
        query={circulars}
        page={filter.page}
        pageSize={filter.pageSize}
        onPageChange={(page, pageSize) => setFilter({ page, pageSize })}
        columns={columns}
        renderPhoneItem={(circular) => (
          <>
            <Typography.Text strong>{circular.title}</Typography.Text>
            <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
              {circular.number ?? '（未签发）'} · {circular.subject.name}
            </div>
            <Tag color={circular.kind === 'commendation' ? 'green' : 'red'}>{circular.kindLabel}</Tag>
            <Tag>{circular.stateLabel}</Tag>
            {circularActions(circular)}
          </>
        )}
        emptyText="还没有通报。"
        totalText={(total) => `共 ${total} 份`}
        scrollX={1080}
      />
      {form && <FormModal spec={form as FormSpec<unknown>} onClose={() => setForm(null)} />}
    </>
  );
}

/** 监督决定与通报: decisions requested of the county government and the bureau's circulars, to read and print. */
export default function DecisionsPage() {
  const [params, setParams] = useSearchParams();
  return (
    <>
      <PageHeader
        title="监督决定与通报"
        description="逾期不改正或拒不改正的，报请县人民政府作出行政执法监督决定（第十五条）；通报批评、通报表扬（第二十二、二十三条）。"
      />
      <Card>
        <Tabs
          activeKey={params.get('tab') === 'circulars' ? 'circulars' : 'decisions'}
          onChange={(tab) => setParams({ tab }, { replace: true })}
          items={[
            { key: 'decisions', label: '监督决定', children: <DecisionsTab /> },
            { key: 'circulars', label: '通报', children: <CircularsTab /> },
          ]}
        />
      </Card>
    </>
  );
}
