import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Empty,
  InputNumber,
  Popconfirm,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../../app/api-client.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { deletePlan, findPlans, type PlanView, TRAINING_KEY } from '../training.api.ts';
import { PlanFormModal } from './PlanFormModal.tsx';

type PlanItem = PlanView['items'][number];

/** 年度培训计划 (培训制度第四条: 各执法单位组织实施): one plan per organisation and year. */
export default function PlansPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(() => dayjs().year());
  const [editing, setEditing] = useState<PlanView | 'new'>();
  const plans = useQuery({ queryKey: [TRAINING_KEY, 'plans', year], queryFn: () => findPlans({ year }) });
  const remove = async (plan: PlanView) => {
    try {
      await deletePlan(plan.id);
      message.success('培训计划已删除');
      await queryClient.invalidateQueries({ queryKey: [TRAINING_KEY] });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  let body: React.ReactNode;
  if (plans.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (plans.isError) body = <ErrorState error={plans.error} onRetry={() => plans.refetch()} />;
  else if (plans.data.items.length === 0)
    body = (
      <Card>
        <Empty description={`${year}年暂无培训计划`} />
      </Card>
    );
  else
    body = plans.data.items.map((plan) => (
      <Card
        key={plan.id}
        title={plan.title}
        style={{ marginBottom: 16 }}
        extra={
          <Space size={0}>
            <Typography.Text type="secondary" style={{ marginRight: 8 }}>
              {plan.orgName}
            </Typography.Text>
            {plan.abilities.canEdit && (
              <Button type="link" icon={<EditOutlined />} onClick={() => setEditing(plan)}>
                修改
              </Button>
            )}
            {plan.abilities.canDelete && (
              <Popconfirm title="删除这份培训计划？" okText="删除" onConfirm={() => remove(plan)}>
                <Button type="link" danger icon={<DeleteOutlined />}>
                  删除
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        {plan.note && <Typography.Paragraph>{plan.note}</Typography.Paragraph>}
        <Table<PlanItem>
          size="small"
          rowKey="id"
          dataSource={plan.items}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: '计划中暂无事项' }}
          columns={[
            { title: '月份', dataIndex: 'plannedMonth', width: 70, render: (month: number) => `${month}月` },
            { title: '类别', dataIndex: 'kindLabel', width: 100 },
            { title: '内容类别', dataIndex: 'contentCategoryLabel', width: 240 },
            {
              title: '培训内容',
              dataIndex: 'content',
              render: (content: string, item) => (
                <>
                  {content}
                  {item.isRequired && (
                    <Tag color="red" style={{ marginLeft: 6 }}>
                      必训
                    </Tag>
                  )}
                </>
              ),
            },
            {
              title: '已结业',
              dataIndex: 'finishedSessions',
              width: 90,
              align: 'right',
              render: (count: number) => (count > 0 ? `${count} 期` : '未举办'),
            },
          ]}
        />
      </Card>
    ));
  return (
    <>
      <PageHeader
        title="年度培训计划"
        description="各执法单位的年度培训计划；标为必训的专题培训，本单位每名执法人员都应参加（培训制度第四、七条）。"
        extra={
          plans.data?.canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              制定计划
            </Button>
          )
        }
      />
      <Space.Compact style={{ marginBottom: 16 }}>
        <Typography.Text style={{ padding: '4px 8px' }}>年度</Typography.Text>
        <InputNumber
          aria-label="年度"
          min={2000}
          max={2100}
          value={year}
          onChange={(next) => next && setYear(next)}
          style={{ width: 100 }}
        />
      </Space.Compact>
      {body}
      {editing && (
        <PlanFormModal
          plan={editing === 'new' ? undefined : editing}
          year={year}
          onClose={() => setEditing(undefined)}
        />
      )}
    </>
  );
}
