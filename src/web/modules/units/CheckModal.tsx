import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { CHECK_KIND_LABELS, CHECK_KINDS, CHECK_METHOD_LABELS, CHECK_METHODS } from '../../../common/units.ts';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { findCheckItems, findUnitPeriods, recordCheck, UNITS_KEY } from './units.api.ts';

interface CheckValues {
  kind: string;
  checkedOn: Dayjs;
  checkers: string;
  methods: string[];
  findings: string;
  periodId?: number;
  items?: string[];
}

/**
 * 记录年终考核或抽查 (三(三)): who, when, how and what was found; the deductions picked become the unit's
 * records in the chosen period (one each; the period page corrects a count).
 */
export function CheckModal({ orgId, year, onClose }: { orgId: number; year: number; onClose: () => void }) {
  const [form] = Form.useForm<CheckValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const periodId = Form.useWatch('periodId', form);
  const periods = useQuery({ queryKey: [UNITS_KEY, 'periods'], queryFn: findUnitPeriods });
  const items = useQuery({
    queryKey: [UNITS_KEY, 'check-items', periodId],
    queryFn: () => findCheckItems(periodId!),
    enabled: Boolean(periodId),
  });
  const save = async (values: CheckValues) => {
    setSaving(true);
    try {
      await recordCheck(orgId, {
        year,
        kind: values.kind as 'spot',
        checkedOn: values.checkedOn.format('YYYY-MM-DD'),
        checkers: values.checkers,
        methods: values.methods as ['briefing'],
        findings: values.findings,
        ...(values.periodId && { periodId: values.periodId }),
        ...(values.items?.length && { deductions: values.items.map((item) => ({ item })) }),
      });
      await queryClient.invalidateQueries({ queryKey: [UNITS_KEY] });
      message.success('考核检查已记录');
      onClose();
    } catch (error) {
      applyApiErrorToForm(form, error, message.error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title="记录年终考核或抽查"
      okText="提交"
      cancelText="取消"
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={680}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'spot', methods: ['briefing'], checkedOn: dayjs() }}
        onFinish={save}
      >
        <Form.Item name="kind" label="方式" rules={[{ required: true, message: '请选择方式' }]}>
          <Select options={CHECK_KINDS.map((value) => ({ value, label: CHECK_KIND_LABELS[value] }))} />
        </Form.Item>
        <Form.Item name="checkedOn" label="考核日期" rules={[{ required: true, message: '请选择考核日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="checkers" label="考核人员" rules={[{ required: true, message: '请填写考核人员' }]}>
          <Input placeholder="如：李建国、赵敏" />
        </Form.Item>
        <Form.Item
          name="methods"
          label="考核方法"
          rules={[{ required: true, message: '请至少选择一种考核方法' }]}
        >
          <Checkbox.Group
            options={CHECK_METHODS.map((value) => ({ value, label: CHECK_METHOD_LABELS[value] }))}
          />
        </Form.Item>
        <Form.Item
          name="findings"
          label="考核情况和发现的问题"
          rules={[{ required: true, message: '请填写考核情况' }]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="periodId" label="记入考核周期（有扣分时选择）">
          <Select
            allowClear
            aria-label="记入考核周期"
            loading={periods.isPending}
            options={(periods.data?.items ?? [])
              .filter((period) => period.status === 'open' || period.status === 'computed')
              .map((period) => ({ value: period.id, label: `${period.label} · ${period.schemeName}` }))}
            placeholder="不扣分可不选"
          />
        </Form.Item>
        {periodId && (
          <Form.Item name="items" label="扣分项目（附件一）">
            <Select
              mode="multiple"
              aria-label="扣分项目"
              loading={items.isPending}
              optionFilterProp="label"
              options={(items.data?.items ?? []).map((item) => ({ value: item.id, label: item.label }))}
              placeholder="选择发现的问题对应的扣分项目"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
