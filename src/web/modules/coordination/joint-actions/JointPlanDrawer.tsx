import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Drawer, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { JOINT_SITUATION_LABELS, JOINT_SITUATIONS } from '../../../../common/coordination.ts';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import { applyApiErrorToForm } from '../../../components/form-errors.ts';
import {
  COORDINATION_KEY,
  createJointAction,
  findCountyAgencies,
  type JointPlanBody,
  type JointView,
  jointAction,
} from '../coordination.api.ts';

const SITUATION_OPTIONS = JOINT_SITUATIONS.map((value) => ({ value, label: JOINT_SITUATION_LABELS[value] }));

/**
 * The plan of a joint action (第八条: 发起和参与部门、职责分工、时间、地点、对象): the bureau names the
 * situation and the initiator; an agency proposing among agencies is the initiator itself.
 */
export function JointPlanDrawer({
  isBureau,
  action,
  onClose,
  onSaved,
}: {
  isBureau: boolean;
  action: JointView | null;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const [form] = Form.useForm<JointPlanBody>();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const agencies = useQuery({ queryKey: [COORDINATION_KEY, 'agencies'], queryFn: findCountyAgencies });
  const options = (agencies.data?.items ?? []).map((org) => ({ value: org.id, label: org.name }));
  const initiator = action?.participants.find((participant) => participant.role === 'initiator');
  const initialValues: Partial<JointPlanBody> = action
    ? {
        title: action.title,
        situation: action.situation,
        initiatingOrgId: action.initiatingOrgId,
        initiatorDuty: initiator?.duty ?? '',
        participants: action.participants
          .filter((participant) => participant.role === 'participant')
          .map((participant) => ({ orgId: participant.orgId, duty: participant.duty })),
        startsOn: action.startsOn,
        endsOn: action.endsOn,
        places: action.places,
        targets: action.targets,
      }
    : { participants: [{ orgId: undefined as unknown as number, duty: '' }] };
  const save = async (values: JointPlanBody) => {
    setSaving(true);
    try {
      const saved = action
        ? await jointAction(action.id, '', values, 'put')
        : await createJointAction(values);
      await queryClient.invalidateQueries({ queryKey: [COORDINATION_KEY] });
      message.success(action ? '方案已修改' : '已保存');
      onSaved(saved.id);
    } catch (error) {
      applyApiErrorToForm(form, error, message.error);
    } finally {
      setSaving(false);
    }
  };
  const required = (label: string) => [{ required: true, message: `请填写${label}` }];
  return (
    <Drawer
      open
      title={action ? '修改联合执法方案' : isBureau ? '提出联合执法建议' : '发起联合执法'}
      width={isPhone ? '100%' : 680}
      onClose={onClose}
      extra={
        <Button type="primary" loading={isSaving} onClick={() => form.submit()}>
          保存
        </Button>
      }
    >
      <Form<JointPlanBody> form={form} layout="vertical" onFinish={save} initialValues={initialValues}>
        <Form.Item name="title" label="行动名称" rules={required('行动名称')}>
          <Input maxLength={200} />
        </Form.Item>
        {isBureau && (
          <>
            <Form.Item
              name="situation"
              label="第八条情形"
              rules={[{ required: true, message: '请选择第八条规定的情形' }]}
            >
              <Select options={SITUATION_OPTIONS} />
            </Form.Item>
            <Form.Item
              name="initiatingOrgId"
              label="发起部门"
              rules={[{ required: true, message: '请选择发起部门' }]}
            >
              <Select options={options} showSearch optionFilterProp="label" />
            </Form.Item>
          </>
        )}
        <Form.Item name="initiatorDuty" label="发起部门职责分工" rules={required('发起部门职责分工')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.List name="participants">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={`参与部门 ${index + 1}`}
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
                    label="部门"
                    rules={[{ required: true, message: '请选择参与部门' }]}
                  >
                    <Select options={options} showSearch optionFilterProp="label" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'duty']} label="职责分工" rules={required('职责分工')}>
                    <Input.TextArea rows={2} maxLength={1000} />
                  </Form.Item>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
                添加参与部门
              </Button>
            </>
          )}
        </Form.List>
        <Space wrap>
          <Form.Item name="startsOn" label="开始日期（YYYY-MM-DD）" rules={required('开始日期')}>
            <Input />
          </Form.Item>
          <Form.Item name="endsOn" label="结束日期（YYYY-MM-DD）" rules={required('结束日期')}>
            <Input />
          </Form.Item>
        </Space>
        <Form.Item name="places" label="行动地点" rules={required('行动地点')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="targets" label="检查对象或案件" rules={required('检查对象或案件')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
