import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, InputNumber, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { todayInShanghai } from '../../../common/format.ts';
import { errorMessage } from '../../app/api-client.ts';
import { useCurrentUser } from '../../app/auth-context.tsx';
import { hasAnyRole } from '../../app/roles.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { FormModal, type FormSpec } from './FormModal.tsx';
import { createFocus, type FocusView, findFocus, SUPERVISION_KEY, updateFocus } from './supervision.api.ts';
import { FIELD_OPTIONS, SUPERVISION_MANAGE_ROLES } from './supervision-labels.ts';

// biome-ignore lint/suspicious/noExplicitAny: the form's values are checked by the server's schema
type Values = Record<string, any>;

function focusForm(year: number, item?: FocusView): FormSpec<FocusView> {
  return {
    title: item ? '修改年度监督重点' : `新增 ${year} 年度监督重点`,
    fields: [
      { name: 'field', label: '监督领域', kind: 'select', options: FIELD_OPTIONS },
      { name: 'title', label: '重点事项' },
      { name: 'description', label: '说明', kind: 'textarea', maxLength: 2000, isOptional: true },
      { name: 'sortOrder', label: '排序', kind: 'number', isOptional: true },
    ],
    initialValues: item
      ? { field: item.field, title: item.title, description: item.description, sortOrder: item.sortOrder }
      : { sortOrder: 0 },
    save: (values: Values) => {
      const body = {
        field: values.field,
        title: values.title,
        description: values.description || null,
        sortOrder: values.sortOrder ?? 0,
      };
      return item ? updateFocus(item.id, body) : createFocus({ ...body, year });
    },
    done: item ? '已修改' : '已新增',
  };
}

/** 年度监督重点 (第十二条): the fields and matters the bureau puts first this year; matters link to them. */
export default function FocusPage() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canEdit = hasAnyRole(user.roles, SUPERVISION_MANAGE_ROLES);
  const [year, setYear] = useState(Number(todayInShanghai(new Date()).slice(0, 4)));
  const [form, setForm] = useState<FormSpec<unknown> | null>(null);
  const focus = useQuery({ queryKey: [SUPERVISION_KEY, 'focus', year], queryFn: () => findFocus(year) });
  const toggle = async (item: FocusView, isActive: boolean) => {
    try {
      await updateFocus(item.id, { isActive });
      await queryClient.invalidateQueries({ queryKey: [SUPERVISION_KEY] });
      message.success(isActive ? '已启用' : '已停用');
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const columns: ColumnsType<FocusView> = [
    { title: '排序', dataIndex: 'sortOrder', width: 70 },
    { title: '监督领域', dataIndex: 'fieldLabel', width: 130, render: (label: string) => <Tag>{label}</Tag> },
    {
      title: '重点事项',
      dataIndex: 'title',
      render: (title: string, item) => (
        <>
          <Typography.Text strong={item.isActive} type={item.isActive ? undefined : 'secondary'}>
            {title}
          </Typography.Text>
          {item.description && (
            <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13, whiteSpace: 'pre-wrap' }}>
              {item.description}
            </div>
          )}
        </>
      ),
    },
    { title: '关联事项', dataIndex: 'matterCount', width: 90, render: (count: number) => `${count} 件` },
    {
      title: '启用',
      dataIndex: 'isActive',
      width: 80,
      render: (isActive: boolean, item) => (
        <Switch
          size="small"
          checked={isActive}
          disabled={!canEdit}
          onChange={(next) => toggle(item, next)}
          aria-label={`启用 ${item.title}`}
        />
      ),
    },
    ...(canEdit
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 80,
            render: (_value: unknown, item: FocusView) => (
              <Button
                size="small"
                type="link"
                onClick={() => setForm(focusForm(year, item) as FormSpec<unknown>)}
              >
                修改
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader
        title="年度监督重点"
        description="县司法局每年确定的监督重点领域和事项（协调监督工作办法第十二条）；立项时可关联到重点。"
        extra={
          <Space wrap>
            <InputNumber
              aria-label="年度"
              min={2000}
              max={2100}
              value={year}
              onChange={(next) => next && setYear(next)}
              suffix="年"
              style={{ width: 120 }}
            />
            {canEdit && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setForm(focusForm(year) as FormSpec<unknown>)}
              >
                新增重点
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        {focus.isError ? (
          <ErrorState error={focus.error} onRetry={() => focus.refetch()} />
        ) : (
          <Table<FocusView>
            rowKey="id"
            size="middle"
            loading={focus.isPending}
            columns={columns}
            dataSource={focus.data ?? []}
            pagination={false}
            scroll={{ x: 700 }}
            locale={{ emptyText: `${year} 年还没有监督重点${canEdit ? '，点“新增重点”添加' : ''}。` }}
          />
        )}
      </Card>
      {form && <FormModal spec={form} onClose={() => setForm(null)} />}
    </>
  );
}
