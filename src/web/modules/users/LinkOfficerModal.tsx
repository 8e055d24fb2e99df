import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import type { UserView } from '../../app/session.types.ts';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { findOfficers, OFFICERS_KEY } from '../officers/officers.api.ts';
import { setAccountOfficer, USERS_KEY } from './users.api.ts';

/**
 * 关联执法人员档案: pick the officer (the admin's scope, searched by name) an account belongs to, or
 * unlink it. The server refuses an officer linked to another account at the field.
 */
export function LinkOfficerModal({ user, onClose }: { user: UserView; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ officerId: number }>();
  const [keyword, setKeyword] = useState('');
  const [isSaving, setSaving] = useState(false);
  const officers = useQuery({
    queryKey: [OFFICERS_KEY, 'link-search', keyword],
    queryFn: () => findOfficers({ page: 1, pageSize: 30, keyword: keyword || undefined }),
  });
  const options = (officers.data?.items ?? []).map((officer) => ({
    value: officer.id,
    label: `${officer.name}（${officer.agencyName}${officer.userId !== null && officer.userId !== user.id ? ' · 已关联其他账号' : ''}）`,
  }));
  if (user.officer && !options.some((option) => option.value === user.officer?.id)) {
    options.unshift({ value: user.officer.id, label: user.officer.name });
  }

  const save = async (officerId: number | null) => {
    setSaving(true);
    try {
      await setAccountOfficer(user.id, officerId);
      message.success(officerId === null ? '已解除关联' : '已关联执法人员档案');
      await queryClient.invalidateQueries({ queryKey: [USERS_KEY] });
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
      title={`关联执法人员档案 · ${user.displayName}`}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        user.officer ? (
          <Button key="unlink" danger loading={isSaving} onClick={() => save(null)}>
            解除关联
          </Button>
        ) : null,
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="ok" type="primary" loading={isSaving} onClick={() => form.submit()}>
          保存
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">
        一名执法人员只能关联一个账号；关联后，该账号登录可查看“我的档案”并更正本人联系方式。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ officerId: user.officer?.id }}
        onFinish={(values) => save(values.officerId)}
      >
        <Form.Item name="officerId" label="执法人员" rules={[{ required: true, message: '请选择执法人员' }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setKeyword }}
            placeholder="输入姓名搜索执法人员"
            options={options}
            loading={officers.isFetching}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
