import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { applyApiErrorToForm } from '../../../components/form-errors.ts';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect.tsx';
import { createPlan, type PlanBody, type PlanView, TRAINING_KEY, updatePlan } from '../training.api.ts';
import { CONTENT_CATEGORY_OPTIONS, KIND_OPTIONS, MONTH_OPTIONS } from '../training-options.ts';

/** 制定 / 修改年度培训计划 (培训制度第四条): items with 第七条 category, 第五条 content, month, 必训. */
export function PlanFormModal({
  plan,
  year,
  onClose,
}: {
  plan?: PlanView | undefined;
  year: number;
  onClose: () => void;
}) {
  const [form] = Form.useForm<PlanBody>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const submit = async (values: PlanBody) => {
    setSaving(true);
    try {
      const body = { ...values, note: values.note || null, items: values.items ?? [] };
      if (plan) await updatePlan(plan.id, body);
      else await createPlan(body);
      message.success(plan ? '培训计划已保存' : '培训计划已制定');
      await queryClient.invalidateQueries({ queryKey: [TRAINING_KEY] });
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
      title={plan ? '修改年度培训计划' : '制定年度培训计划'}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={isSaving}
      destroyOnHidden
      width={860}
    >
      <Form<PlanBody>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={plan ?? { year, title: `${year}年度行政执法人员培训计划`, items: [] }}
      >
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item
            name="orgId"
            label="制定单位"
            style={{ flex: 2, minWidth: 220 }}
            rules={[{ required: true, message: '请选择制定计划的单位' }]}
          >
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="year" label="年度" style={{ width: 110 }} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item
          name="title"
          label="计划名称"
          rules={[{ required: true, whitespace: true, message: '请填写计划名称' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[field.name, 'id']} hidden>
                    <InputNumber />
                  </Form.Item>
                  <Form.Item name={[field.name, 'kind']} rules={[{ required: true, message: '请选择类别' }]}>
                    <Select
                      options={KIND_OPTIONS}
                      placeholder="类别"
                      style={{ width: 110 }}
                      aria-label="培训类别"
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'contentCategory']}
                    rules={[{ required: true, message: '请选择内容类别' }]}
                  >
                    <Select
                      options={CONTENT_CATEGORY_OPTIONS}
                      placeholder="内容类别（第五条）"
                      style={{ width: 230 }}
                      aria-label="内容类别"
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'content']}
                    rules={[{ required: true, whitespace: true, message: '请填写培训内容' }]}
                  >
                    <Input
                      placeholder="培训内容"
                      maxLength={200}
                      style={{ width: 200 }}
                      aria-label="培训内容"
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'plannedMonth']}
                    rules={[{ required: true, message: '请选择月份' }]}
                  >
                    <Select
                      options={MONTH_OPTIONS}
                      placeholder="月份"
                      style={{ width: 80 }}
                      aria-label="计划月份"
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'isRequired']} valuePropName="checked">
                    <Checkbox>必训</Checkbox>
                  </Form.Item>
                  <Button
                    type="link"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label="删除事项"
                    onClick={() => remove(field.name)}
                  />
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ kind: 'thematic', isRequired: false })}
                style={{ width: '100%' }}
                type="dashed"
              >
                添加计划事项
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
