import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Tooltip } from 'antd';
import { useNavigate } from 'react-router-dom';
import { fetchAlertCounts, fetchTodoCounts, WORKBENCH_KEY } from './workbench.api.ts';

/** The header's bell: to-dos due soon or late plus unread alerts; opens the workbench (home). */
export function HeaderBadge() {
  const navigate = useNavigate();
  const todos = useQuery({
    queryKey: [WORKBENCH_KEY, 'todo-counts'],
    queryFn: fetchTodoCounts,
    refetchInterval: 5 * 60_000,
  });
  const alerts = useQuery({
    queryKey: [WORKBENCH_KEY, 'alert-counts'],
    queryFn: fetchAlertCounts,
    refetchInterval: 5 * 60_000,
  });
  const urgent = (todos.data?.overdue ?? 0) + (todos.data?.dueSoon ?? 0);
  const total = urgent + (alerts.data?.unread ?? 0);
  const label = `待办 ${todos.data?.total ?? 0} 项（临期或逾期 ${urgent}），未读预警 ${alerts.data?.unread ?? 0} 条`;
  return (
    <Tooltip title={label}>
      <Badge count={total} size="small" overflowCount={99}>
        <Button type="text" icon={<BellOutlined />} aria-label={label} onClick={() => navigate('/')} />
      </Badge>
    </Tooltip>
  );
}
