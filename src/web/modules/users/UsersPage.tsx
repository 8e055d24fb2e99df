import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Input, Row, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { maskPhone } from '../../../common/phone.ts';
import { useCurrentUser } from '../../app/auth-context.tsx';
import { hasAnyRole, ROLE_OPTIONS, type Role } from '../../app/roles.ts';
import type { UserView } from '../../app/session.types.ts';
import { formatDateTime } from '../../components/date-time.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PagedResults } from '../../components/PagedResults.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RoleTags } from '../../components/RoleTags.tsx';
import { LinkOfficerModal } from './LinkOfficerModal.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserActions } from './UserActions.tsx';
import { UserFormDrawer } from './UserFormDrawer.tsx';
import { UserStatusTags } from './UserStatusTags.tsx';
import { findUsers, USERS_KEY, type UserFilter } from './users.api.ts';

const STATUS_OPTIONS = [
  { value: 'true', label: '启用' },
  { value: 'false', label: '停用' },
];

/** 账号管理: server-paged accounts with filters; admins create, edit, reset and (de)activate. */
export default function UsersPage() {
  const currentUser = useCurrentUser();
  const canEdit = hasAnyRole(currentUser.roles, ['admin']);
  const [filter, setFilter] = useState<UserFilter>({ page: 1, pageSize: 20 });
  const [keywordInput, setKeywordInput] = useState('');
  const [editing, setEditing] = useState<UserView | 'new' | null>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const [linking, setLinking] = useState<UserView | null>(null);
  const users = useQuery({
    queryKey: [USERS_KEY, filter],
    queryFn: () => findUsers(filter),
    placeholderData: keepPreviousData,
  });

  const changeFilter = (patch: Partial<UserFilter>) =>
    setFilter((current) => ({ ...current, ...patch, page: 1 }));
  const hasFilter = Boolean(filter.keyword || filter.orgId || filter.role || filter.isActive !== undefined);
  const emptyText = hasFilter
    ? '没有符合条件的账号，请调整搜索词或筛选条件。'
    : canEdit
      ? '还没有账号，点击右上角“新增账号”创建。'
      : '您的权限范围内还没有账号。';

  const actions = (user: UserView) => (
    <UserActions
      user={user}
      currentUserId={currentUser.id}
      onEdit={() => setEditing(user)}
      onResetPassword={() => setResetting(user)}
      onLinkOfficer={() => setLinking(user)}
    />
  );

  const columns: ColumnsType<UserView> = [
    {
      title: '姓名',
      key: 'name',
      width: 120,
      render: (_value, user) => (
        <>
          <div>{user.displayName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {user.username}
          </Typography.Text>
        </>
      ),
    },
    { title: '所属机构', dataIndex: 'orgName', key: 'orgName', width: 170, ellipsis: true },
    {
      title: '角色',
      dataIndex: 'roles',
      key: 'roles',
      width: 170,
      render: (roles: Role[]) => <RoleTags roles={roles} />,
    },
    {
      title: '手机号',
      dataIndex: 'phone',
      key: 'phone',
      width: 120,
      render: (phone: string | null) => (phone ? maskPhone(phone) : '—'),
    },
    {
      title: '执法人员档案',
      key: 'officer',
      width: 120,
      render: (_value, user) => user.officer?.name ?? '—',
    },
    { title: '状态', key: 'status', width: 130, render: (_value, user) => <UserStatusTags user={user} /> },
    {
      title: '上次登录',
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      width: 150,
      render: (value: string | null) => (value ? formatDateTime(value) : '从未登录'),
    },
    ...(canEdit
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 230,
            fixed: 'right' as const,
            render: (_value: unknown, user: UserView) => actions(user),
          },
        ]
      : []),
  ];

  const filters = (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={24} md={12} xl={6}>
        <Input.Search
          allowClear
          placeholder="搜索姓名或用户名"
          value={keywordInput}
          onChange={(event) => setKeywordInput(event.target.value)}
          onSearch={(value) => changeFilter({ keyword: value.trim() || undefined })}
          aria-label="搜索姓名或用户名"
        />
      </Col>
      <Col xs={24} md={12} xl={8}>
        <OrgTreeSelect
          allowClear
          placeholder="所属机构（含下级）"
          value={filter.orgId}
          onChange={(orgId) => changeFilter({ orgId })}
        />
      </Col>
      <Col xs={12} md={12} xl={5}>
        <FilterSelect<Role>
          label="角色"
          options={ROLE_OPTIONS}
          value={filter.role}
          onChange={(role) => changeFilter({ role })}
        />
      </Col>
      <Col xs={12} md={12} xl={5}>
        <FilterSelect<string>
          label="状态"
          options={STATUS_OPTIONS}
          value={filter.isActive === undefined ? undefined : String(filter.isActive)}
          onChange={(value) => changeFilter({ isActive: value === undefined ? undefined : value === 'true' })}
        />
      </Col>
    </Row>
  );

  const body = (
    <PagedResults<UserView>
      query={users}
      page={filter.page}
      pageSize={filter.pageSize}
      onPageChange={(page, pageSize) => setFilter((current) => ({ ...current, page, pageSize }))}
      columns={columns}
      scrollX={1040}
      emptyText={emptyText}
      totalText={(total) => `共 ${total} 个账号`}
      renderPhoneItem={(user) => (
        <>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 8 }}>
            <div style={{ minWidth: 0 }}>
              <Typography.Text strong>{user.displayName}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                {user.username}
              </Typography.Text>
              <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13, margin: '2px 0 6px' }}>
                {user.orgName}
              </div>
            </div>
            <UserStatusTags user={user} />
          </div>
          <RoleTags roles={user.roles} />
          {canEdit && <div style={{ marginTop: 6, marginLeft: -8 }}>{actions(user)}</div>}
        </>
      )}
    />
  );

  return (
    <>
      <PageHeader
        title="账号管理"
        description={canEdit ? '管理本县各单位的登录账号和角色。' : '查看权限范围内的账号（只读）。'}
        extra={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增账号
            </Button>
          )
        }
      />
      <Card>
        {filters}
        {body}
      </Card>
      {editing && (
        <UserFormDrawer
          user={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
      {linking && <LinkOfficerModal user={linking} onClose={() => setLinking(null)} />}
    </>
  );
}
