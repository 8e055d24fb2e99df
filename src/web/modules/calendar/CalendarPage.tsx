import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  List,
  Popconfirm,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../app/api-client.ts';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { formatDay } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CALENDAR_KEY, type CalendarOverride, findOverrides, removeOverride } from './calendar.api.ts';
import { DueDateTool } from './DueDateTool.tsx';
import { OverrideModal } from './OverrideModal.tsx';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

function dayText(day: string): string {
  return `${formatDay(day)} ${WEEKDAYS[dayjs(day).day()]}`;
}

function DayTypeTag({ isWorkingDay }: { isWorkingDay: boolean }) {
  return isWorkingDay ? <Tag color="blue">工作日</Tag> : <Tag color="green">休息日</Tag>;
}

/** 工作日历: local adjustments per year on top of the statutory holidays, and the due-date tool. */
export default function CalendarPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const [year, setYear] = useState(() => dayjs().year());
  const [editing, setEditing] = useState<CalendarOverride | 'new' | null>(null);
  const overrides = useQuery({ queryKey: [CALENDAR_KEY, year], queryFn: () => findOverrides(year) });

  const remove = async (day: string) => {
    try {
      await removeOverride(day);
      message.success('已删除，该日恢复法定安排');
      await queryClient.invalidateQueries({ queryKey: [CALENDAR_KEY] });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const emptyText = `${year}年没有本地调整，按国家法定节假日安排计算。如当地另有放假或调休，点击“新增调整”。`;
  const actions = (override: CalendarOverride) => (
    <Space size={0}>
      <Button type="link" size="small" onClick={() => setEditing(override)}>
        修改
      </Button>
      <Popconfirm
        title={`删除${formatDay(override.day)}的调整？`}
        description="删除后该日按国家法定安排计算。"
        okText="删除"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        onConfirm={() => remove(override.day)}
      >
        <Button type="link" size="small" danger>
          删除
        </Button>
      </Popconfirm>
    </Space>
  );

  let body: React.ReactNode;
  if (overrides.isPending) body = <Skeleton active />;
  else if (overrides.isError)
    body = <ErrorState error={overrides.error} onRetry={() => overrides.refetch()} />;
  else if (isPhone)
    body = (
      <List<CalendarOverride>
        dataSource={overrides.data}
        locale={{ emptyText: <Empty description={emptyText} /> }}
        renderItem={(override) => (
          <List.Item actions={[actions(override)]}>
            <List.Item.Meta
              title={
                <Space wrap size={6}>
                  {dayText(override.day)}
                  <DayTypeTag isWorkingDay={override.isWorkingDay} />
                </Space>
              }
              description={override.note ?? undefined}
            />
          </List.Item>
        )}
      />
    );
  else
    body = (
      <Table<CalendarOverride>
        rowKey="day"
        size="middle"
        dataSource={overrides.data}
        pagination={false}
        locale={{ emptyText: <Empty description={emptyText} /> }}
        columns={[
          {
            title: '日期',
            dataIndex: 'day',
            width: 170,
            render: (day: string) => dayText(day),
          },
          {
            title: '调整为',
            dataIndex: 'isWorkingDay',
            width: 90,
            render: (isWorkingDay: boolean) => <DayTypeTag isWorkingDay={isWorkingDay} />,
          },
          { title: '说明', dataIndex: 'note', render: (note: string | null) => note ?? '—' },
          {
            title: '操作',
            key: 'actions',
            width: 120,
            render: (_value, override) => actions(override),
          },
        ]}
      />
    );

  return (
    <>
      <PageHeader
        title="工作日历"
        description="系统按国家法定节假日和调休计算工作日；此处维护本地调整，或补充尚未公布年份的安排。"
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card
            title="本地调整"
            extra={
              <Space wrap>
                <DatePicker
                  picker="year"
                  allowClear={false}
                  value={dayjs(`${year}-01-01`)}
                  onChange={(value) => value && setYear(value.year())}
                  style={{ width: 110 }}
                  inputReadOnly
                  aria-label="选择年份"
                />
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                  新增调整
                </Button>
              </Space>
            }
          >
            {body}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title="期限推算">
            <DueDateTool />
          </Card>
        </Col>
      </Row>
      {editing && (
        <OverrideModal
          existing={editing === 'new' ? null : editing}
          defaultYear={year}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
