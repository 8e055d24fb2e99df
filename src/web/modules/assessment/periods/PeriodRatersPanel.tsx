import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Select, Skeleton, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { ApiError, errorMessage } from '../../../app/api-client.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ASSESSMENT_KEY, getPeriodRaters, putPeriodRaters } from '../assessment.api.ts';
import type { PeriodDetail } from '../assessment.types.ts';

interface RaterRow {
  item: string;
  role: string;
  userId: number;
}

/**
 * 测评人: the office names who rates each rating item in which role (seed 004 第二章第二条: 主要领导
 * and 分管领导). Once named, only they rate, and the board and the to-do list count their sheets.
 */
export function PeriodRatersPanel({ period }: { period: PeriodDetail }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ raters: RaterRow[] }>();
  const view = useQuery({
    queryKey: [ASSESSMENT_KEY, 'raters', period.id],
    queryFn: () => getPeriodRaters(period.id),
  });
  useEffect(() => {
    if (view.data)
      form.setFieldsValue({
        raters: view.data.raters.map(({ item, role, userId }) => ({ item, role, userId })),
      });
  }, [view.data, form]);
  if (view.isPending) return <Skeleton active />;
  if (view.isError) return <ErrorState error={view.error} onRetry={() => view.refetch()} />;
  const { items, candidates } = view.data;
  if (items.length === 0) return <Typography.Text type="secondary">本方案没有测评项目。</Typography.Text>;
  const isOpen = period.status === 'open' || period.status === 'computed';
  const itemOf = (id: string | undefined) => items.find((item) => item.id === id) ?? items[0]!;

  const save = async (values: { raters?: RaterRow[] }) => {
    try {
      await putPeriodRaters(period.id, values.raters ?? []);
      await queryClient.invalidateQueries({ queryKey: [ASSESSMENT_KEY] });
      message.success('测评人已保存');
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        form.setFields(
          error.fields.map((field) => ({
            name: field.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
            errors: [field.message],
          })) as Parameters<typeof form.setFields>[0],
        );
      } else message.error(errorMessage(error));
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={save} disabled={!isOpen}>
      <Typography.Paragraph type="secondary">
        指定本周期由谁、以何种身份测评（如主要领导、分管领导，群众评议由考核办录入）。指定后只有这些人能测评，
        每人测评全部考核对象；未指定时由各领导测评其分管范围内的对象。
      </Typography.Paragraph>
      <Form.List name="raters">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} wrap align="start" style={{ display: 'flex', marginBottom: 4 }}>
                <Form.Item
                  name={[field.name, 'item']}
                  label="测评项目"
                  hidden={items.length === 1}
                  rules={[{ required: true, message: '请选择测评项目' }]}
                >
                  <Select
                    style={{ minWidth: 160 }}
                    options={items.map((item) => ({ value: item.id, label: item.label }))}
                  />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {() => (
                    <Form.Item
                      name={[field.name, 'role']}
                      label="评价人身份"
                      rules={[{ required: true, message: '请选择评价人身份' }]}
                    >
                      <Select
                        style={{ minWidth: 130 }}
                        aria-label="评价人身份"
                        options={itemOf(form.getFieldValue(['raters', field.name, 'item'])).roles.map(
                          (role) => ({ value: role.role, label: role.label }),
                        )}
                      />
                    </Form.Item>
                  )}
                </Form.Item>
                <Form.Item
                  name={[field.name, 'userId']}
                  label="测评人"
                  rules={[{ required: true, message: '请选择测评人' }]}
                >
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    style={{ minWidth: 200 }}
                    aria-label="测评人"
                    options={candidates.map((candidate) => ({
                      value: candidate.userId,
                      label: `${candidate.name}（${candidate.orgName}${candidate.isLeader ? '' : '·考核办'}）`,
                    }))}
                  />
                </Form.Item>
                <Form.Item label=" ">
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label="移除测评人"
                    onClick={() => remove(field.name)}
                  />
                </Form.Item>
              </Space>
            ))}
            <Space wrap>
              <Button icon={<PlusOutlined />} onClick={() => add({ item: items[0]!.id })}>
                添加测评人
              </Button>
              <Button type="primary" htmlType="submit">
                保存测评人
              </Button>
            </Space>
          </>
        )}
      </Form.List>
    </Form>
  );
}
