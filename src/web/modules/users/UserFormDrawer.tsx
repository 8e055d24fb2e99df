import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { isValidMobile } from '../../../common/phone.ts';
import { ROLE_OPTIONS, type Role } from '../../app/roles.ts';
import type { UserView } from '../../app/session.types.ts';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { checkPasswordStrength, PASSWORD_HINT } from '../account/password-rules.ts';
import { createUser, USERS_KEY, updateUser } from './users.api.ts';

interface Values {
  username: string;
  displayName: string;
  orgId?: number;
  roles: Role[];
  phone?: string;
  password?: string;
}

/** Create a new account (user = null) or edit name, organisation, roles and phone of one. */
export function UserFormDrawer({
  user,
  onClose,
  onSaved,
}: {
  user: UserView | null;
  onClose: () => void;
  onSaved: (user: UserView) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const [isSaving, setSaving] = useState(false);
  const isCreate = user === null;
  const initialValues: Partial<Values> = user
    ? {
        username: user.username,
        displayName: user.displayName,
        orgId: user.orgId,
        roles: user.roles,
        phone: user.phone ?? '',
      }
    : { roles: [] };

  const submit = async (values: Values) => {
    setSaving(true);
    const phone = values.phone?.trim() ? values.phone.trim() : null;
    try {
      const saved = isCreate
        ? await createUser({
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            orgId: values.orgId!,
            roles: values.roles,
            phone,
            password: values.password!,
          })
        : await updateUser(user.id, {
            displayName: values.displayName.trim(),
            orgId: values.orgId,
            roles: values.roles,
            phone,
          });
      message.success(isCreate ? `已创建账号“${saved.username}”，首次登录须修改密码` : '账号信息已保存');
      await queryClient.invalidateQueries({ queryKey: [USERS_KEY] });
      onSaved(saved);
    } catch (error) {
      applyApiErrorToForm(form, error, message.error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      title={isCreate ? '新增账号' : `编辑账号 · ${user.displayName}`}
      size={isPhone ? '100%' : 480}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={isSaving} onClick={() => form.submit()}>
            {isCreate ? '创建' : '保存'}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit} preserve={false}>
        <Form.Item
          name="username"
          label="用户名"
          extra={isCreate ? '登录用，3–32 位字母、数字、下划线、点或连字符，创建后不能修改' : undefined}
          rules={[
            { required: true, whitespace: true, message: '请填写用户名' },
            { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: '用户名为 3–32 位字母、数字、下划线、点或连字符' },
          ]}
        >
          <Input disabled={!isCreate} autoComplete="off" placeholder="如：zhangsan" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label="姓名"
          rules={[
            { required: true, whitespace: true, message: '请填写姓名' },
            { max: 50, message: '姓名不能超过 50 个字符' },
          ]}
        >
          <Input placeholder="真实姓名" />
        </Form.Item>
        <Form.Item name="orgId" label="所属机构" rules={[{ required: true, message: '请选择所属机构' }]}>
          <OrgTreeSelect placeholder="请选择所属机构" />
        </Form.Item>
        <Form.Item name="roles" label="角色" rules={[{ required: true, message: '至少选择一个角色' }]}>
          <Select mode="multiple" options={ROLE_OPTIONS} placeholder="请选择角色（可多选）" />
        </Form.Item>
        <Form.Item
          name="phone"
          label="手机号"
          rules={[
            {
              validator: (_rule, value: string | undefined) =>
                !value?.trim() || isValidMobile(value.trim())
                  ? Promise.resolve()
                  : Promise.reject(new Error('请输入有效的 11 位手机号')),
            },
          ]}
        >
          <Input placeholder="选填" inputMode="tel" maxLength={20} />
        </Form.Item>
        {isCreate && (
          <Form.Item
            name="password"
            label="初始密码"
            extra={`${PASSWORD_HINT}。请线下告知本人，首次登录须修改。`}
            dependencies={['username']}
            rules={[
              { required: true, message: '请设置初始密码' },
              ({ getFieldValue }) => ({
                validator: (_rule, value: string | undefined) => {
                  const reason = value ? checkPasswordStrength(value, getFieldValue('username')) : null;
                  return reason ? Promise.reject(new Error(reason)) : Promise.resolve();
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
