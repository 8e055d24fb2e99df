import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal } from 'antd';
import { useMemo, useState } from 'react';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { moveOrg, ORGS_KEY } from './org.api.ts';
import { ALLOWED_CHILD_KINDS, type OrgView } from './org.types.ts';
import { subtreeIds } from './org-tree.ts';

/** Moves an organisation (with its subtree) under a new parent that may contain its kind. */
export function OrgMoveModal({
  org,
  orgs,
  onClose,
  onMoved,
}: {
  org: OrgView;
  orgs: readonly OrgView[];
  onClose: () => void;
  onMoved: () => void;
}) {
  const [form] = Form.useForm<{ parentId?: number }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const disabledIds = useMemo(() => {
    const blocked = subtreeIds(orgs, org.id);
    for (const candidate of orgs) {
      if (candidate.id === org.parentId || !ALLOWED_CHILD_KINDS[candidate.kind].includes(org.kind)) {
        blocked.add(candidate.id);
      }
    }
    return blocked;
  }, [orgs, org]);

  const submit = async ({ parentId }: { parentId?: number }) => {
    setSaving(true);
    try {
      await moveOrg(org.id, parentId!);
      message.success(`已将“${org.name}”移至新的上级机构`);
      await queryClient.invalidateQueries({ queryKey: [ORGS_KEY] });
      onMoved();
    } catch (error) {
      applyApiErrorToForm(form, error, message.error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`移动机构 · ${org.name}`}
      okText="移动"
      onOk={() => form.submit()}
      confirmLoading={isSaving}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="下级机构和账号随之移动。灰色的机构不能作为新的上级（本机构及其下级、当前上级，或不能设立该类型机构的单位）。"
      />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="parentId"
          label="新的上级机构"
          rules={[{ required: true, message: '请选择新的上级机构' }]}
        >
          <OrgTreeSelect disabledIds={disabledIds} placeholder="请选择新的上级机构" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
