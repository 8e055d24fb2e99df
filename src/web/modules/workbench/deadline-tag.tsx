import { Tag } from 'antd';

const COLORS = { overdue: 'red', due_soon: 'orange', normal: 'green' } as const;
const TIER_COLORS = { alarm: 'red', warning: 'orange', notice: 'blue' } as const;

/** 正常 / 临期 / 逾期 as a coloured tag; nothing without a deadline. */
export function DeadlineTag({ state, label }: { state: keyof typeof COLORS | null; label: string | null }) {
  if (!state || !label) return null;
  return <Tag color={COLORS[state]}>{label}</Tag>;
}

/** 提醒 / 预警 / 报警 as a coloured tag. */
export function TierTag({ tier, label }: { tier: keyof typeof TIER_COLORS; label: string }) {
  return <Tag color={TIER_COLORS[tier]}>{label}</Tag>;
}
