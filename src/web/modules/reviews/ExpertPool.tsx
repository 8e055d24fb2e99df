import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { DECLARATION_KIND_LABELS, DECLARATION_KINDS } from '../../../common/reviews.ts';
import { errorMessage } from '../../app/api-client.ts';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { formatDay } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { CASE_KIND_OPTIONS } from '../cases/case-labels.ts';
import { findUsers } from '../users/users.api.ts';
import {
  createExpert,
  type DeclarationInput,
  declareInterest,
  type ExpertCreateBody,
  type ExpertView,
  findExperts,
  REVIEWS_KEY,
  updateExpert,
} from './reviews.api.ts';
import { EXPERT_CATEGORY_OPTIONS } from './reviews-labels.ts';

export const EXPERTS_KEY = [REVIEWS_KEY, 'experts'] as const;

/** 评查专家库 (第九条): members, their categories and expertise, active flags and declarations (第十条). */
export function ExpertPool() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const experts = useQuery({ queryKey: EXPERTS_KEY, queryFn: findExperts });
  const [isAdding, setAdding] = useState(false);
  const [declaring, setDeclaring] = useState<ExpertView | null>(null);
  const [password, setPassword] = useState<{ username: string; password: string } | null>(null);
  const toggle = async (expert: ExpertView, isActive: boolean) => {
    try {
      await updateExpert(expert.id, { isActive });
      await queryClient.invalidateQueries({ queryKey: EXPERTS_KEY });
      message.success(isActive ? `${expert.name}已启用` : `${expert.name}已停用，不再进入新的评查小组`);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  if (experts.isError) return <ErrorState error={experts.error} onRetry={() => experts.refetch()} />;
  const columns: ColumnsType<ExpertView> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 110,
      render: (name: string, expert) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            账号 {expert.username}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '类别', dataIndex: 'categoryLabel', width: 150 },
    { title: '所在单位', dataIndex: 'orgName', width: 200, ellipsis: true },
    {
      title: '擅长案件类别',
      dataIndex: 'expertiseLabels',
      render: (labels: string[]) =>
        labels.length ? labels.map((label) => <Tag key={label}>{label}</Tag>) : '—',
    },
    {
      title: '利害关系申报',
      dataIndex: 'declarations',
      width: 240,
      render: (declarations: ExpertView['declarations']) =>
        declarations.length === 0
          ? '无'
          : declarations.map((item) => (
              <div key={item.id} style={{ fontSize: 13 }}>
                {item.kindLabel}：{item.subject}
                {item.leftOn ? `（${formatDay(item.leftOn)}调离）` : ''}
              </div>
            )),
    },
    {
      title: '在库',
      dataIndex: 'isActive',
      width: 80,
      render: (isActive: boolean, expert) => (
        <Switch
          checked={isActive}
          aria-label={`${expert.name}是否在库`}
          onChange={(checked) => toggle(expert, checked)}
        />
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_value, expert) => (
        <Button size="small" onClick={() => setDeclaring(expert)}>
          登记利害关系
        </Button>
      ),
    },
  ];
  return (
    <Card>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">
          专家库成员从人大代表、政协委员、专家学者、律师、行政执法监督人员、行政执法人员、法治督察工作人员中选聘（第九条）。
        </Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          选聘评查专家
        </Button>
      </Space>
      <Table<ExpertView>
        rowKey="id"
        size="middle"
        loading={experts.isPending}
        columns={columns}
        dataSource={experts.data?.items ?? []}
        scroll={{ x: 1100 }}
        pagination={
          isPhone
            ? { simple: true, pageSize: 20 }
            : { pageSize: 20, showTotal: (total) => `共 ${total} 名专家` }
        }
        locale={{ emptyText: '专家库还没有成员。点击“选聘评查专家”添加。' }}
      />
      {isAdding && (
        <ExpertDrawer
          onClose={() => setAdding(false)}
          onCreated={(expert) => {
            setAdding(false);
            if (expert.initialPassword)
              setPassword({ username: expert.username, password: expert.initialPassword });
          }}
        />
      )}
      {declaring && <DeclarationModal expert={declaring} onClose={() => setDeclaring(null)} />}
      <Modal
        open={password !== null}
        title="新评查账号的初始密码"
        onOk={() => setPassword(null)}
        onCancel={() => setPassword(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText="已记下"
      >
        <p>
          账号 <Typography.Text strong>{password?.username}</Typography.Text>{' '}
          的初始密码只显示这一次，请当面或以安全方式告知本人；首次登录须修改密码。
        </p>
        <Typography.Paragraph copyable code style={{ fontSize: 18 }}>
          {password?.password}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}

type ExpertValues = Omit<ExpertCreateBody, 'userId' | 'username'> & {
  account: 'existing' | 'new';
  userId?: number;
  username?: string;
};

/** 选聘: an existing account of the organiser's subtree, or a new reviewer-only account for an outsider. */
function ExpertDrawer({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (expert: ExpertView) => void;
}) {
  const [form] = Form.useForm<ExpertValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const [keyword, setKeyword] = useState('');
  const [isSaving, setSaving] = useState(false);
  const account = Form.useWatch('account', form);
  const users = useQuery({
    queryKey: [REVIEWS_KEY, 'user-options', keyword],
    queryFn: () => findUsers({ page: 1, pageSize: 20, keyword: keyword || undefined, isActive: true }),
    enabled: account === 'existing',
  });
  const submit = async ({ account: kind, userId, username, ...rest }: ExpertValues) => {
    setSaving(true);
    try {
      const created = await createExpert({
        ...rest,
        expertise: rest.expertise ?? [],
        ...(kind === 'existing' ? { userId } : { username }),
      });
      await queryClient.invalidateQueries({ queryKey: EXPERTS_KEY });
      message.success(`${created.name}已加入专家库`);
      onCreated(created);
    } catch (error) {
      applyApiErrorToForm(form, error, message.error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Drawer
      open
      title="选聘评查专家"
      width={isPhone ? '100%' : 560}
      onClose={onClose}
      extra={
        <Button type="primary" loading={isSaving} onClick={() => form.submit()}>
          保存
        </Button>
      }
    >
      <Form<ExpertValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ account: 'existing', expertise: [] }}
      >
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择专家类别' }]}>
          <Select options={EXPERT_CATEGORY_OPTIONS} placeholder="请选择" />
        </Form.Item>
        <Form.Item name="expertise" label="擅长的案件类别">
          <Select mode="multiple" options={CASE_KIND_OPTIONS} placeholder="可多选" />
        </Form.Item>
        <Form.Item name="account" label="评查账号">
          <Radio.Group
            options={[
              { value: 'existing', label: '使用已有账号' },
              { value: 'new', label: '为外部专家新建评查账号' },
            ]}
          />
        </Form.Item>
        {account === 'new' ? (
          <Form.Item
            name="username"
            label="新账号用户名"
            rules={[{ required: true, message: '请填写用户名' }]}
            extra="新账号只有评查人员角色，只能看到分配给本人的案卷。"
          >
            <Input maxLength={32} placeholder="例如 zhanglvshi" />
          </Form.Item>
        ) : (
          <Form.Item name="userId" label="已有账号" rules={[{ required: true, message: '请选择账号' }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setKeyword}
              loading={users.isFetching}
              placeholder="输入姓名或用户名查找"
              options={(users.data?.items ?? []).map((user) => ({
                value: user.id,
                label: `${user.displayName}（${user.orgName}）`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

type DeclarationValues = {
  kind: DeclarationInput['kind'];
  partyName?: string;
  orgId?: number;
  leftOn?: Dayjs;
  reason: string;
};

/** 申报利害关系 (第十条), recorded by the organiser for a member. */
function DeclarationModal({ expert, onClose }: { expert: ExpertView; onClose: () => void }) {
  const [form] = Form.useForm<DeclarationValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const kind = Form.useWatch('kind', form);
  const [isSaving, setSaving] = useState(false);
  const submit = async (values: DeclarationValues) => {
    setSaving(true);
    try {
      const body = { ...values, leftOn: values.leftOn?.format('YYYY-MM-DD') } as DeclarationInput;
      await declareInterest(expert.id, body);
      await queryClient.invalidateQueries({ queryKey: [REVIEWS_KEY] });
      message.success('利害关系已登记，回避情形随即更新');
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
      title={`登记利害关系：${expert.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记"
      confirmLoading={isSaving}
    >
      <Form<DeclarationValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'party' }}
      >
        <Form.Item name="kind" label="类型">
          <Select
            options={DECLARATION_KINDS.filter((value) => value !== 'case').map((value) => ({
              value,
              label: DECLARATION_KIND_LABELS[value],
            }))}
          />
        </Form.Item>
        {kind === 'party' && (
          <Form.Item
            name="partyName"
            label="当事人名称"
            rules={[{ required: true, message: '请填写当事人名称' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        )}
        {(kind === 'org' || kind === 'former_unit') && (
          <Form.Item name="orgId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
            <OrgTreeSelect />
          </Form.Item>
        )}
        {kind === 'former_unit' && (
          <Form.Item name="leftOn" label="调离日期" rules={[{ required: true, message: '请选择调离日期' }]}>
            <DatePicker style={{ width: '100%' }} format="YYYY年M月D日" />
          </Form.Item>
        )}
        <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写理由' }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
