import { Tag } from 'antd';
import dayjs from 'dayjs';

/** Days left before a deadline: 剩 N 天, 临期 (3 days or fewer), 已截止. */
export function DeadlineTag({ dueOn }: { dueOn: string }) {
  const days = dayjs(dueOn).diff(dayjs().startOf('day'), 'day');
  if (days < 0) return <Tag>已截止</Tag>;
  if (days <= 3) return <Tag color="orange">临期 · 剩 {days} 天</Tag>;
  return <Tag color="green">剩 {days} 天</Tag>;
}
