import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { CALENDAR_KEY, type CalendarOverride, setOverride } from './calendar.api.ts';

interface Values {
  day: Dayjs;
  isWorkingDay: boolean;
  note?: string;
}

/** Add a day's adjustment (existing = null) or change one; the date of an existing one is fixed. */
export function OverrideModal({
  existing,
  defaultYear,
  onClose,
}: {
  existing: CalendarOverride | null;
  defaultYear: number;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const initialValues: Partial<Values> = existing
    ? { day: dayjs(existing.day), isWorkingDay: existing.isWorkingDay, note: existing.note ?? '' }
    : { isWorkingDay: false };

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      await setOverride(values.day.format('YYYY-MM-DD'), {
        isWorkingDay: values.isWorkingDay,
        note: values.note?.trim() ? values.note.trim() : null,
      });
      message.success('日历调整已保存');
      await queryClient.invalidateQueries({ queryKey: [CALENDAR_KEY] });
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
      title={existing ? '修改日历调整' : '新增日历调整'}
      okText="保存"
      onOk={() => form.submit()}
      confirmLoading={isSaving}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit}>
        <Form.Item name="day" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker
            style={{ width: '100%' }}
            disabled={existing !== null}
            defaultPickerValue={dayjs(`${defaultYear}-01-01`)}
            inputReadOnly
          />
        </Form.Item>
        <Form.Item
          name="isWorkingDay"
          label="这一天"
          rules={[{ required: true, message: '请选择工作日或休息日' }]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: true, label: '工作日（上班）' },
              { value: false, label: '休息日（放假）' },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label="说明" rules={[{ max: 100, message: '说明不能超过 100 个字符' }]}>
          <Input placeholder="如：2031年春节调休上班" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
