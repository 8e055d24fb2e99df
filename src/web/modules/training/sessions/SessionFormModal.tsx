import { useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyApiErrorToForm } from '../../../components/form-errors.ts';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect.tsx';
import {
  createSession,
  type SessionBody,
  type SessionDetail,
  type SessionView,
  TRAINING_KEY,
  updateSession,
} from '../training.api.ts';
import { CONTENT_CATEGORY_OPTIONS, DELIVERY_OPTIONS, KIND_OPTIONS } from '../training-options.ts';

type Values = Omit<SessionBody, 'heldOn'> & { heldOn: Dayjs };

/** 新建培训 / 修改培训: organiser, 第七条 category, 第六条 delivery, 第五条 content, course, hours, date. */
export function SessionFormModal({
  session,
  onClose,
  onSaved,
}: {
  session?: SessionView | undefined;
  onClose: () => void;
  onSaved?: (session: SessionDetail) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const submit = async (values: Values) => {
    setSaving(true);
    try {
      const body: SessionBody = {
        ...values,
        heldOn: values.heldOn.format('YYYY-MM-DD'),
        material: values.material || null,
        place: values.place || null,
        planItemId: session?.planItemId ?? null,
      };
      const saved = session ? await updateSession(session.id, body) : await createSession(body);
      message.success(session ? '培训信息已保存' : '培训已新建');
      await queryClient.invalidateQueries({ queryKey: [TRAINING_KEY] });
      onSaved?.(saved);
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
      title={session ? '修改培训' : '新建培训'}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={session ? '保存' : '新建'}
      confirmLoading={isSaving}
      destroyOnHidden
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={
          session
            ? { ...session, heldOn: dayjs(session.heldOn) }
            : { kind: 'post', delivery: 'classroom', heldOn: dayjs(), isGraded: false }
        }
      >
        <Form.Item name="orgId" label="举办单位" rules={[{ required: true, message: '请选择举办单位' }]}>
          <OrgTreeSelect placeholder="本单位或下属单位" />
        </Form.Item>
        <Form.Item
          name="course"
          label="课程名称"
          rules={[{ required: true, whitespace: true, message: '请填写课程名称' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item
            name="kind"
            label="培训类别"
            style={{ flex: 1, minWidth: 160 }}
            rules={[{ required: true }]}
          >
            <Select options={KIND_OPTIONS} />
          </Form.Item>
          <Form.Item
            name="delivery"
            label="培训方式"
            style={{ flex: 1, minWidth: 160 }}
            rules={[{ required: true }]}
          >
            <Select options={DELIVERY_OPTIONS} />
          </Form.Item>
        </div>
        <Form.Item
          name="contentCategory"
          label="培训内容类别（第五条）"
          rules={[{ required: true, message: '请选择培训内容类别' }]}
        >
          <Select options={CONTENT_CATEGORY_OPTIONS} />
        </Form.Item>
        <Form.Item name="material" label="教材">
          <Input maxLength={200} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item
            name="heldOn"
            label="培训日期"
            style={{ flex: 1, minWidth: 160 }}
            rules={[{ required: true, message: '请选择培训日期' }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="hours"
            label="学时"
            style={{ flex: 1, minWidth: 120 }}
            rules={[{ required: true, message: '请填写学时' }]}
          >
            <InputNumber min={0.1} max={1000} step={0.5} precision={1} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="place" label="地点">
          <Input maxLength={100} placeholder="集中授课的地点；网络授课可填平台" />
        </Form.Item>
        <Form.Item name="isGraded" valuePropName="checked">
          <Checkbox>结业时考核（第八条：记录每位参训人员的成绩）</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
