import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Drawer, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import { applyApiErrorToForm } from '../../../components/form-errors.ts';
import {
  applyDispute,
  COORDINATION_KEY,
  type DisputeApplyBody,
  findCountyAgencies,
} from '../coordination.api.ts';

/**
 * 书面申请 (第七条): the matter, this agency's position and legal basis, each other agency's, and
 * the record of the agencies' own negotiation, without which the bureau does not accept it.
 */
export function ApplicationDrawer({
  onClose,
  onFiled,
}: {
  onClose: () => void;
  onFiled: (id: number) => void;
}) {
  const [form] = Form.useForm<DisputeApplyBody>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const [isSaving, setSaving] = useState(false);
  const agencies = useQuery({ queryKey: [COORDINATION_KEY, 'agencies'], queryFn: findCountyAgencies });
  const options = (agencies.data?.items ?? []).map((org) => ({ value: org.id, label: org.name }));
  const submit = async (values: DisputeApplyBody) => {
    setSaving(true);
    try {
      const filed = await applyDispute(values);
      await queryClient.invalidateQueries({ queryKey: [COORDINATION_KEY] });
      message.success('申请已提交，等待县司法局审核');
      onFiled(filed.id);
    } catch (error) {
      applyApiErrorToForm(form, error, message.error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Drawer
      open
      title="提交职责争议协调申请"
      width={isPhone ? '100%' : 640}
      onClose={onClose}
      extra={
        <Button type="primary" loading={isSaving} onClick={() => form.submit()}>
          提交
        </Button>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="协调监督办法第七条：行政执法机关之间对职责有争议的，应当先行协商；协商不成的，方可书面申请协调。请如实填写协商情况。"
      />
      <Form<DisputeApplyBody>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ parties: [{}] }}
      >
        <Form.Item name="matter" label="争议事项" rules={[{ required: true, message: '请填写争议事项' }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="position"
          label="本单位主张"
          rules={[{ required: true, message: '请填写本单位主张' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="legalBasis"
          label="本单位主张的法律依据"
          rules={[{ required: true, message: '请填写法律依据' }]}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="negotiationRecord" label="协商情况（时间、参加人员、各方意见、未达成一致的原因）">
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.List name="parties">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={`争议相对单位 ${index + 1}`}
                  style={{ marginBottom: 12 }}
                  extra={
                    fields.length > 1 && (
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label="移除"
                      />
                    )
                  }
                >
                  <Form.Item
                    name={[field.name, 'orgId']}
                    label="单位"
                    rules={[{ required: true, message: '请选择争议相对单位' }]}
                  >
                    <Select
                      options={options}
                      loading={agencies.isPending}
                      showSearch
                      optionFilterProp="label"
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'position']}
                    label="对方主张"
                    rules={[{ required: true, message: '请填写对方主张' }]}
                  >
                    <Input.TextArea rows={2} maxLength={2000} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'legalBasis']}
                    label="对方主张的法律依据"
                    rules={[{ required: true, message: '请填写法律依据' }]}
                  >
                    <Input.TextArea rows={2} maxLength={2000} />
                  </Form.Item>
                </Card>
              ))}
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => add({})}>
                  添加争议相对单位
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
