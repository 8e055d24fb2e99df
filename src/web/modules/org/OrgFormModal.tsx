import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { validateUscc } from '../../../common/uscc.ts';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { createOrg, ORGS_KEY, updateOrg } from './org.api.ts';
import { ALLOWED_CHILD_KINDS, ORG_KIND_LABELS, type OrgKind, type OrgView } from './org.types.ts';

interface Values {
  kind?: OrgKind;
  name: string;
  shortName?: string;
  uscc?: string;
  docPrefix?: string;
  sortOrder?: number | null;
}

/** Create a child under `parent`, or edit `org`. */
export type OrgFormTarget = { mode: 'create'; parent: OrgView } | { mode: 'edit'; org: OrgView };

/** Empty text fields are sent as null so clearing a field clears it on the server. */
function blankToNull(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** Modal form for a new child organisation or the editable fields of an existing one. */
export function OrgFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: OrgFormTarget;
  onClose: () => void;
  onSaved: (org: OrgView) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const isCreate = target.mode === 'create';
  const kindOptions = isCreate
    ? ALLOWED_CHILD_KINDS[target.parent.kind].map((kind) => ({ value: kind, label: ORG_KIND_LABELS[kind] }))
    : [];
  const initialValues: Values = isCreate
    ? { kind: kindOptions.length === 1 ? kindOptions[0]?.value : undefined, name: '', sortOrder: 0 }
    : {
        name: target.org.name,
        shortName: target.org.shortName ?? '',
        uscc: target.org.uscc ?? '',
        docPrefix: target.org.docPrefix ?? '',
        sortOrder: target.org.sortOrder,
      };

  const submit = async (values: Values) => {
    setSaving(true);
    const common = {
      name: values.name.trim(),
      shortName: blankToNull(values.shortName),
      uscc: blankToNull(values.uscc)?.toUpperCase() ?? null,
      docPrefix: blankToNull(values.docPrefix),
      sortOrder: values.sortOrder ?? 0,
    };
    try {
      const saved = isCreate
        ? await createOrg({ parentId: target.parent.id, kind: values.kind!, ...common })
        : await updateOrg(target.org.id, common);
      message.success(isCreate ? `已新增机构“${saved.name}”` : '机构信息已保存');
      await queryClient.invalidateQueries({ queryKey: [ORGS_KEY] });
      onSaved(saved);
    } catch (error) {
      applyApiErrorToForm(form, error, message.error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={isCreate ? `新增下级机构 · ${target.parent.name}` : `编辑机构 · ${target.org.name}`}
      okText={isCreate ? '新增' : '保存'}
      onOk={() => form.submit()}
      confirmLoading={isSaving}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit} preserve={false}>
        {isCreate && (
          <Form.Item
            name="kind"
            label="机构类型"
            rules={[{ required: true, message: '请选择机构类型' }]}
            extra={`“${target.parent.kindLabel}”下可设立：${kindOptions.map((option) => option.label).join('、')}`}
          >
            <Select options={kindOptions} placeholder="请选择机构类型" />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label="机构名称"
          rules={[
            { required: true, whitespace: true, message: '请填写机构名称' },
            { max: 100, message: '机构名称不能超过 100 个字符' },
          ]}
        >
          <Input placeholder="如：博湖县市场监督管理局" />
        </Form.Item>
        <Form.Item name="shortName" label="简称" rules={[{ max: 30, message: '简称不能超过 30 个字符' }]}>
          <Input placeholder="选填，如：县市场监管局" />
        </Form.Item>
        <Form.Item
          name="uscc"
          label="统一社会信用代码"
          normalize={(value: string) => value.toUpperCase()}
          rules={[
            {
              validator: (_rule, value: string | undefined) => {
                if (!value?.trim()) return Promise.resolve();
                const result = validateUscc(value);
                return result.ok ? Promise.resolve() : Promise.reject(new Error(result.reason));
              },
            },
          ]}
        >
          <Input placeholder="选填，18 位" maxLength={18} />
        </Form.Item>
        <Form.Item
          name="docPrefix"
          label="发文机关代字"
          extra="用于生成文书编号，如“博司监”生成 博司监〔2025〕3号"
          rules={[{ max: 10, message: '发文机关代字不能超过 10 个字符' }]}
        >
          <Input placeholder="选填" />
        </Form.Item>
        <Form.Item name="sortOrder" label="排序号" extra="同级机构按排序号从小到大排列">
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
