import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Empty, Form, Input, Modal, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { DATE_RULES } from '../../../../common/date-rules.ts';
import { dateRuleItem, disabledDateOf } from '../../../components/date-rules.ts';
import { formatDay } from '../../../components/date-time.ts';
import { applyApiErrorToForm } from '../../../components/form-errors.ts';
import { optionalText, toIsoDay } from '../form-dates.ts';
import { createPostChange, OFFICERS_KEY } from '../officers.api.ts';
import type { Officer } from '../officers.types.ts';

interface Values {
  changedOn: Dayjs;
  toPost: string;
  toDuties?: string;
  reason?: string;
}

function PostChangeModal({ officer, onClose }: { officer: Officer; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const submit = async (values: Values) => {
    setSaving(true);
    try {
      await createPostChange(officer.id, {
        changedOn: toIsoDay(values.changedOn)!,
        toPost: values.toPost.trim(),
        toDuties: optionalText(values.toDuties),
        reason: optionalText(values.reason),
      });
      message.success('岗位变更已登记');
      await queryClient.invalidateQueries({ queryKey: [OFFICERS_KEY] });
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
      title="登记岗位变更"
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记"
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        当前岗位：{officer.post ?? '未填写'}。登记后档案中的执法岗位和职责随之更新。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ changedOn: dayjs() }}
        onFinish={submit}
        preserve={false}
      >
        <Form.Item
          name="changedOn"
          label="变更日期"
          rules={[
            { required: true, message: '请选择变更日期' },
            ...dateRuleItem(DATE_RULES.postChangedOn).rules,
          ]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={disabledDateOf(DATE_RULES.postChangedOn)} />
        </Form.Item>
        <Form.Item
          name="toPost"
          label="变更后执法岗位"
          rules={[{ required: true, whitespace: true, message: '请填写变更后的执法岗位' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="toDuties" label="变更后执法职责">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
        <Form.Item name="reason" label="变更原因">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 岗位变更 tab: a timeline of post changes, newest first, and 登记岗位变更 for writers. */
export function PostChangesTab({ officer, canWrite }: { officer: Officer; canWrite: boolean }) {
  const [isAdding, setAdding] = useState(false);
  const changes = [...officer.postChanges].sort((left, right) =>
    right.changedOn.localeCompare(left.changedOn),
  );
  return (
    <>
      {canWrite && (
        <div style={{ marginBottom: 16, textAlign: 'right' }}>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            登记岗位变更
          </Button>
        </div>
      )}
      {changes.length === 0 ? (
        <Empty description="暂无岗位变更记录。" />
      ) : (
        <Timeline
          items={changes.map((change) => ({
            key: change.id,
            title: formatDay(change.changedOn),
            content: (
              <>
                <div>
                  {change.fromPost ? `${change.fromPost} → ` : ''}
                  <Typography.Text strong>{change.toPost}</Typography.Text>
                </div>
                {change.toDuties && (
                  <Typography.Text type="secondary" style={{ display: 'block' }}>
                    职责：{change.toDuties}
                  </Typography.Text>
                )}
                {change.reason && (
                  <Typography.Text type="secondary" style={{ display: 'block' }}>
                    原因：{change.reason}
                  </Typography.Text>
                )}
              </>
            ),
          }))}
        />
      )}
      {isAdding && <PostChangeModal officer={officer} onClose={() => setAdding(false)} />}
    </>
  );
}
