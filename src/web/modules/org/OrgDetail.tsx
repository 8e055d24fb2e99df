import {
  DeleteOutlined,
  DragOutlined,
  EditOutlined,
  PlusOutlined,
  PoweroffOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Popconfirm, Space, Tag, Tooltip } from 'antd';
import { errorMessage } from '../../app/api-client.ts';
import { OrgKindTag } from './OrgKindTag.tsx';
import { deleteOrg, ORGS_KEY, updateOrg } from './org.api.ts';
import { ALLOWED_CHILD_KINDS, type OrgView } from './org.types.ts';

interface OrgDetailProps {
  org: OrgView;
  parent: OrgView | undefined;
  childCount: number;
  canEdit: boolean;
  onCreateChild: () => void;
  onEdit: () => void;
  onMove: () => void;
  onDeleted: () => void;
}

/** The selected organisation's fields and, for admins, what can be done with it. */
export function OrgDetail({
  org,
  parent,
  childCount,
  canEdit,
  onCreateChild,
  onEdit,
  onMove,
  onDeleted,
}: OrgDetailProps) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canHaveChildren = ALLOWED_CHILD_KINDS[org.kind].length > 0;

  const run = async (action: () => Promise<unknown>, success: string) => {
    try {
      await action();
      message.success(success);
      await queryClient.invalidateQueries({ queryKey: [ORGS_KEY] });
      return true;
    } catch (error) {
      message.error(errorMessage(error));
      return false;
    }
  };

  return (
    <>
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 130 } }}>
        <Descriptions.Item label="机构名称">
          <Space wrap>
            {org.name}
            {!org.isActive && <Tag color="default">停用</Tag>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="机构类型">
          <OrgKindTag kind={org.kind} />
        </Descriptions.Item>
        <Descriptions.Item label="上级机构">{parent?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="简称">{org.shortName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="统一社会信用代码">{org.uscc ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="发文机关代字">{org.docPrefix ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="排序号">{org.sortOrder}</Descriptions.Item>
        <Descriptions.Item label="下级机构">{childCount > 0 ? `${childCount} 个` : '无'}</Descriptions.Item>
        <Descriptions.Item label="状态">{org.isActive ? '启用' : '停用'}</Descriptions.Item>
      </Descriptions>
      {canEdit && (
        <Space wrap style={{ marginTop: 16 }}>
          <Tooltip title={canHaveChildren ? undefined : `${org.kindLabel}下不能再设立机构`}>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={!canHaveChildren || !org.isActive}
              onClick={onCreateChild}
            >
              新增下级机构
            </Button>
          </Tooltip>
          <Button icon={<EditOutlined />} onClick={onEdit}>
            编辑
          </Button>
          {parent && (
            <Button icon={<DragOutlined />} onClick={onMove}>
              移动
            </Button>
          )}
          {org.isActive ? (
            <Popconfirm
              title={`停用“${org.name}”？`}
              description="停用后不能再在其下新增机构或账号；已有下级机构或启用账号时不能停用。"
              okText="停用"
              cancelText="取消"
              onConfirm={() => run(() => updateOrg(org.id, { isActive: false }), '机构已停用')}
            >
              <Button icon={<StopOutlined />}>停用</Button>
            </Popconfirm>
          ) : (
            <Popconfirm
              title={`重新启用“${org.name}”？`}
              okText="启用"
              cancelText="取消"
              onConfirm={() => run(() => updateOrg(org.id, { isActive: true }), '机构已启用')}
            >
              <Button icon={<PoweroffOutlined />}>启用</Button>
            </Popconfirm>
          )}
          {parent && (
            <Popconfirm
              title={`删除“${org.name}”？`}
              description="只有没有下级机构、账号和业务数据的机构才能删除，否则请停用。"
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={async () => {
                if (await run(() => deleteOrg(org.id), '机构已删除')) onDeleted();
              }}
            >
              <Button danger icon={<DeleteOutlined />}>
                删除
              </Button>
            </Popconfirm>
          )}
        </Space>
      )}
    </>
  );
}
