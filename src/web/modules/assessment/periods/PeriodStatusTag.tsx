import { Tag } from 'antd';
import type { Period } from '../assessment.types.ts';
import { PERIOD_STATUS_COLORS } from '../assessment-labels.ts';

/** 进行中 / 已计分 / 公示中 / 已定档, in the server's words. */
export function PeriodStatusTag({ period }: { period: Pick<Period, 'status' | 'statusLabel'> }) {
  return <Tag color={PERIOD_STATUS_COLORS[period.status]}>{period.statusLabel}</Tag>;
}
