import { Tag } from 'antd';
import { formatDay } from '../../../components/date-time.ts';
import type { DisputeSummary } from '../coordination.api.ts';
import { DEADLINE_COLORS } from './disputes-labels.ts';

/** What the dispute waits for, its due day and 正常/临期/逾期 (computed by the server). */
export function DeadlineStateTag({ deadline }: { deadline: DisputeSummary['deadline'] }) {
  if (!deadline) return <span>—</span>;
  return (
    <span>
      {deadline.label}截止 {formatDay(deadline.dueOn)}{' '}
      <Tag color={DEADLINE_COLORS[deadline.state]} style={{ marginInlineEnd: 0 }}>
        {deadline.stateLabel}
      </Tag>
    </span>
  );
}
