import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyApiErrorToForm } from '../../../components/form-errors.ts';
import { addSelfStudy, type SelfStudyBody } from '../../training/training.api.ts';
import { PLATFORM_OPTIONS } from '../../training/training-options.ts';
import { COMPLIANCE_KEY, TRAININGS_KEY } from '../officers.api.ts';

type Values = Omit<SelfStudyBody, 'studiedOn'> & { studiedOn: Dayjs };

/** 登记自学: the officer's own online learning (培训制度第七条(一)(三): 法治讲堂·逢九必讲, 法宣在线). */
export function SelfStudyModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const submit = async (values: Values) => {
    setSaving(true);
    try {
      await addSelfStudy({ ...values, studiedOn: values.studiedOn.format('YYYY-MM-DD') });
      message.success('自学记录已登记');
      await queryClient.invalidateQueries({ queryKey: [TRAININGS_KEY] });
      await queryClient.invalidateQueries({ queryKey: [COMPLIANCE_KEY] });
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
      title="登记自学"
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记"
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={{ studiedOn: dayjs(), platform: 'faxuan_online' }}
      >
        <Form.Item name="platform" label="学习平台" rules={[{ required: true, message: '请选择学习平台' }]}>
          <Select options={PLATFORM_OPTIONS} />
        </Form.Item>
        <Form.Item
          name="content"
          label="学习内容"
          rules={[{ required: true, whitespace: true, message: '请填写学习内容' }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item
            name="studiedOn"
            label="学习日期"
            style={{ flex: 1 }}
            rules={[{ required: true, message: '请选择学习日期' }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item
            name="hours"
            label="学时"
            style={{ flex: 1 }}
            rules={[{ required: true, message: '请填写学时' }]}
          >
            <InputNumber min={0.1} max={1000} step={0.5} precision={1} style={{ width: '100%' }} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
