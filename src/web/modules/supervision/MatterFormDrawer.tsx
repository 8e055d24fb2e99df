import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { MatterField, MatterKind, MatterSource } from '../../../common/supervision.ts';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { CaseSelect } from '../cases/CaseSelect.tsx';
import { toIsoDay } from '../officers/form-dates.ts';
import {
  createMatter,
  findFocus,
  type MatterView,
  SUPERVISION_KEY,
  updateMatter,
} from './supervision.api.ts';
import { FIELD_OPTIONS, KIND_OPTIONS, SOURCE_OPTIONS } from './supervision-labels.ts';
import { UnitSelect } from './UnitSelect.tsx';

interface Values {
  kind: MatterKind;
  field: MatterField;
  source: MatterSource;
  unitIds?: number[];
  caseId?: number | null;
  focusId?: number | null;
  title: string;
  description?: string;
  openedOn: Dayjs;
  dueOn?: Dayjs | null;
}

/** 立项: a new supervision matter (第十一、十二条) — method, field, source, the units or one case. */
export function MatterFormDrawer({
  matter,
  onClose,
  onCreated,
}: {
  /** the matter to edit (办理中); a new matter when absent */
  matter?: MatterView;
  onClose(): void;
  onCreated(id: number): void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const [isSaving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form);
  const openedOn = Form.useWatch('openedOn', form);
  const year = (openedOn ?? dayjs()).year();
  const focus = useQuery({ queryKey: [SUPERVISION_KEY, 'focus', year], queryFn: () => findFocus(year) });
  const submit = async (values: Values) => {
    setSaving(true);
    try {
      const fields = {
        field: values.field,
        source: values.source,
        unitIds: values.unitIds ?? [],
        caseId: values.caseId ?? null,
        focusId: values.focusId ?? null,
        title: values.title,
        description: values.description ?? null,
        openedOn: toIsoDay(values.openedOn) ?? '',
        dueOn: toIsoDay(values.dueOn),
      };
      const saved = matter
        ? await updateMatter(matter.id, fields)
        : await createMatter({ kind: values.kind, ...fields });
      await queryClient.invalidateQueries({ queryKey: [SUPERVISION_KEY] });
      message.success(matter ? '监督事项已修改' : '监督事项已立项');
      onCreated(saved.id);
    } catch (error) {
      applyApiErrorToForm(form, error, message.error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Drawer
      open
      title={matter ? '修改监督事项' : '立项监督事项'}
      size={isPhone ? '100%' : 560}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={isSaving} onClick={() => form.submit()}>
            {matter ? '保存' : '立项'}
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          matter
            ? {
                kind: matter.kind,
                field: matter.field,
                source: matter.source,
                unitIds: matter.units.map((unit) => unit.id),
                caseId: matter.case?.id ?? null,
                focusId: matter.focus?.id ?? null,
                title: matter.title,
                description: matter.description ?? undefined,
                openedOn: dayjs(matter.openedOn),
                dueOn: matter.due ? dayjs(matter.due.dueOn) : null,
              }
            : { kind: 'routine', source: 'daily', openedOn: dayjs() }
        }
      >
        <Form.Item name="title" label="事项名称" rules={[{ required: true, message: '请填写事项名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="kind"
          label="监督方式（第十一条）"
          rules={[{ required: true, message: '请选择监督方式' }]}
        >
          <Select
            options={KIND_OPTIONS}
            showSearch={{ optionFilterProp: 'label' }}
            disabled={matter !== undefined}
          />
        </Form.Item>
        <Form.Item
          name="field"
          label="监督领域（第十二条）"
          rules={[{ required: true, message: '请选择监督领域' }]}
        >
          <Select options={FIELD_OPTIONS} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="source" label="事项来源" rules={[{ required: true, message: '请选择事项来源' }]}>
          <Select options={SOURCE_OPTIONS} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        {kind === 'case' ? (
          <Form.Item
            name="caseId"
            label="监督的案件（个案监督）"
            rules={[{ required: true, message: '请选择案件' }]}
          >
            <CaseSelect />
          </Form.Item>
        ) : (
          <Form.Item
            name="unitIds"
            label="被监督单位"
            rules={[{ required: true, message: '请选择被监督单位' }]}
          >
            <UnitSelect isMultiple />
          </Form.Item>
        )}
        <Form.Item name="focusId" label={`${year} 年度监督重点`}>
          <Select
            allowClear
            placeholder={focus.data?.length === 0 ? '本年度还没有监督重点' : '不属于年度重点可不选'}
            options={(focus.data ?? [])
              .filter((item) => item.isActive)
              .map((item) => ({ value: item.id, label: `${item.fieldLabel}：${item.title}` }))}
          />
        </Form.Item>
        <Form.Item name="description" label="事项说明">
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="openedOn" label="立项日期" rules={[{ required: true, message: '请选择立项日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="dueOn" label="办结期限">
            <DatePicker />
          </Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}
