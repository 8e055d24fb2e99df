import { Alert, Button, DatePicker, Form, InputNumber, Result } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../app/api-client.ts';
import { formatDay } from '../../components/date-time.ts';
import { getWorkingDay, type WorkingDayAnswer } from './calendar.api.ts';

interface Values {
  date: Dayjs;
  add: number;
}

/** 期限推算: a start date plus N working days, on the statutory calendar with local overrides. */
export function DueDateTool() {
  const [form] = Form.useForm<Values>();
  const [answer, setAnswer] = useState<WorkingDayAnswer | null>(null);
  const [errorText, setErrorText] = useState<string | null>(null);
  const [isLoading, setLoading] = useState(false);

  const submit = async (values: Values) => {
    setLoading(true);
    setErrorText(null);
    try {
      setAnswer(await getWorkingDay(values.date.format('YYYY-MM-DD'), values.add));
    } catch (error) {
      setAnswer(null);
      setErrorText(error instanceof ApiError ? error.message : '推算失败，请稍后重试');
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(), add: 3 }} onFinish={submit}>
        <Form.Item name="date" label="起算日期" rules={[{ required: true, message: '请选择起算日期' }]}>
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item name="add" label="工作日数" rules={[{ required: true, message: '请填写天数' }]}>
          <InputNumber min={0} max={366} precision={0} style={{ width: '100%' }} suffix="个工作日" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isLoading} block>
          推算到期日
        </Button>
      </Form>
      {errorText && <Alert type="error" showIcon title={errorText} style={{ marginTop: 16 }} />}
      {answer && (
        <Result
          status="success"
          style={{ padding: '16px 0 0' }}
          title={<span data-testid="due-on">到期日：{formatDay(answer.dueOn)}</span>}
          subTitle={`${formatDay(answer.date)}（${answer.isWorkingDay ? '工作日' : '休息日'}）起算`}
          extra={
            !answer.isYearKnown && (
              <Alert
                type="warning"
                showIcon
                title="该年份尚无法定节假日安排，仅按周末推算；请在左侧补充该年的日历调整。"
              />
            )
          }
        />
      )}
    </>
  );
}
