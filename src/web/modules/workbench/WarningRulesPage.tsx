import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { can } from '../../../common/permissions.ts';
import { ApiError, errorMessage } from '../../app/api-client.ts';
import { useCurrentUser } from '../../app/auth-context.tsx';
import { ROLE_LABELS, ROLE_OPTIONS } from '../../app/roles.ts';
import { formatDateTime } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TierTag } from './deadline-tag.tsx';
import {
  fetchWarningRules,
  runWarningPass,
  updateWarningRule,
  type WarningRuleBody,
  type WarningRuleView,
  WORKBENCH_KEY,
} from './workbench.api.ts';

const TIER_OPTIONS = [
  { value: 'notice', label: '提醒' },
  { value: 'warning', label: '预警' },
  { value: 'alarm', label: '报警' },
];
const LEVEL_OPTIONS = [
  { value: 'unit', label: '本单位及上级（范围内均可收到）' },
  { value: 'county', label: '仅县级' },
];
const TRIGGER_LABELS = { start: '启动时', nightly: '每日零点', manual: '手动' } as const;

/** 预警规则: what each built-in indicator watches, its thresholds, tier, recipients, on/off; run now. */
export default function WarningRulesPage() {
  const user = useCurrentUser();
  const mayWrite = can(user, 'warning_rule.write');
  const client = useQueryClient();
  const { message } = App.useApp();
  const query = useQuery({ queryKey: [WORKBENCH_KEY, 'rules'], queryFn: fetchWarningRules });
  const [editing, setEditing] = useState<WarningRuleView | null>(null);
  const [form] = Form.useForm<WarningRuleBody>();
  const save = useMutation({
    mutationFn: (body: WarningRuleBody) => updateWarningRule(editing!.id, body),
    onSuccess: () => {
      message.success('预警规则已保存，下次检查时生效');
      setEditing(null);
      void client.invalidateQueries({ queryKey: [WORKBENCH_KEY] });
    },
    onError: (error) => applyApiErrorToForm(form, error, message.error),
  });
  const run = useMutation({
    mutationFn: runWarningPass,
    onSuccess: (result) => {
      const pass = result.counties[0];
      message.success(
        `检查完成：新增 ${pass?.raised ?? 0} 条，关闭 ${pass?.closed ?? 0} 条，当前 ${pass?.openAfter ?? 0} 条`,
      );
      void client.invalidateQueries({ queryKey: [WORKBENCH_KEY] });
    },
    onError: (error) => message.error(errorMessage(error)),
  });
  const columns: ColumnsType<WarningRuleView> = [
    {
      title: '监测指标',
      dataIndex: 'label',
      render: (label: string, rule) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{label}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            依据：{rule.clause}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '阈值',
      dataIndex: 'params',
      render: (params: Record<string, number>, rule) =>
        Object.keys(params).length === 0
          ? '—'
          : Object.entries(params).map(([key, value]) => (
              <div key={key}>
                {rule.paramLabels[key] ?? key}：{value}
              </div>
            )),
    },
    {
      title: '级别',
      dataIndex: 'tier',
      render: (_: unknown, rule) => <TierTag tier={rule.tier} label={rule.tierLabel} />,
    },
    {
      title: '接收人',
      dataIndex: 'recipientRoles',
      render: (roles: WarningRuleView['recipientRoles'], rule) => (
        <>
          {roles.map((role) => (
            <Tag key={role}>{ROLE_LABELS[role]}</Tag>
          ))}
          <div style={{ fontSize: 12, color: '#888' }}>
            {LEVEL_OPTIONS.find((option) => option.value === rule.recipientLevel)?.label}
          </div>
        </>
      ),
    },
    {
      title: '状态',
      dataIndex: 'isEnabled',
      render: (enabled: boolean) => (enabled ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
    },
    { title: '当前预警', dataIndex: 'openAlerts', align: 'right' },
    ...(mayWrite
      ? [
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, rule: WarningRuleView) => (
              <Button
                type="link"
                onClick={() => {
                  setEditing(rule);
                  form.setFieldsValue({
                    params: rule.params,
                    tier: rule.tier,
                    recipientRoles: rule.recipientRoles,
                    recipientLevel: rule.recipientLevel,
                    isEnabled: rule.isEnabled,
                  });
                }}
              >
                修改
              </Button>
            ),
          },
        ]
      : []),
  ];
  const lastPass = query.data?.lastPass;
  return (
    <>
      <PageHeader
        title="预警规则"
        description={
          lastPass
            ? `上次检查：${formatDateTime(lastPass.startedAt)}（${TRIGGER_LABELS[lastPass.trigger]}，用时 ${lastPass.durationMs} 毫秒，新增 ${lastPass.raised} 条，关闭 ${lastPass.closed} 条）。每日零点自动检查。`
            : '每日零点（北京时间）及系统启动时自动检查。'
        }
        extra={
          can(user, 'warning.run') && (
            <Button type="primary" loading={run.isPending} onClick={() => run.mutate()}>
              立即检查
            </Button>
          )
        }
      />
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table
          rowKey="id"
          loading={query.isPending}
          columns={columns}
          dataSource={query.data?.items}
          pagination={false}
          scroll={{ x: 900 }}
        />
      )}
      <Modal
        title={editing ? `修改预警规则：${editing.label}` : ''}
        open={editing !== null}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        okText="保存"
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
          {editing &&
            Object.keys(editing.defaultParams).map((key) => (
              <Form.Item
                key={key}
                name={['params', key]}
                label={`${editing.paramLabels[key] ?? key}（默认 ${editing.defaultParams[key]}）`}
                rules={[{ required: true, message: '请填写参数' }]}
              >
                <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            ))}
          <Form.Item name="tier" label="级别" rules={[{ required: true, message: '请选择级别' }]}>
            <Select options={TIER_OPTIONS} />
          </Form.Item>
          <Form.Item
            name="recipientRoles"
            label="接收角色"
            rules={[{ required: true, message: '请至少选择一个接收角色' }]}
          >
            <Select mode="multiple" options={ROLE_OPTIONS} />
          </Form.Item>
          <Form.Item
            name="recipientLevel"
            label="接收层级"
            rules={[{ required: true, message: '请选择接收层级' }]}
          >
            <Select options={LEVEL_OPTIONS} />
          </Form.Item>
          <Form.Item name="isEnabled" label="启用" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
