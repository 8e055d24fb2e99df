import { Alert, Space } from 'antd';
import { formatDay } from '../../../components/date-time.ts';
import type { PeriodBoard } from '../assessment.types.ts';

/** Names, then "等 N 个" when the list is longer than what is shown. */
function names(list: string[], total = list.length, shown = 10): string {
  const head = list.slice(0, shown).join('、');
  return total > shown ? `${head} 等 ${total} 个` : head;
}

/** 逾期与未完成: who is late, by name — the alerts the assessment office chases. */
export function LateAlerts({ board }: { board: PeriodBoard }) {
  const { late, selfAssessments } = board;
  const isTakingWork = board.status === 'open' || board.status === 'computed';
  const alerts: { key: string; type: 'error' | 'warning' | 'info'; message: string }[] = [];
  if (late.selfAssessmentCount > 0) {
    alerts.push({
      key: 'self-late',
      type: 'error',
      message: `自查自评逾期未报送（截止 ${formatDay(selfAssessments.dueOn!)}）：${names(
        late.selfAssessments.map((subject) => subject.name),
        late.selfAssessmentCount,
      )}`,
    });
  } else if (isTakingWork && selfAssessments.missing > 0 && selfAssessments.dueOn) {
    alerts.push({
      key: 'self-missing',
      type: 'info',
      message: `尚有 ${selfAssessments.missing} 个考核对象未报送自查自评，${formatDay(selfAssessments.dueOn)} 截止。`,
    });
  }
  if (late.proposals > 0) {
    alerts.push({
      key: 'proposals',
      type: 'warning',
      message: `${late.proposals} 条自动提议（投诉查实、记录表逾期等）待确认或不采纳，可在「考核记录」中按「待确认」筛选。`,
    });
  }
  if (board.unmappedFacts.length > 0) {
    alerts.push({
      key: 'unmapped-facts',
      type: 'info',
      message: `${board.unmappedFacts.length} 条已有数据没有对应的考核项目，未自动提议，请判断是否记录：${names(
        board.unmappedFacts.map((fact) => `${fact.name}（${fact.sourceLabel}：${fact.note}）`),
        board.unmappedFacts.length,
        5,
      )}`,
    });
  }
  if (late.raters.length > 0) {
    alerts.push({
      key: 'raters',
      type: 'warning',
      message: `测评未完成：${late.raters.map((rater) => `${rater.name}（${rater.orgName}，缺 ${rater.missing} 个）`).join('、')}`,
    });
  }
  if (late.groups.length > 0) {
    const bySection = new Map<string, string[]>();
    for (const group of late.groups) {
      bySection.set(group.orgName, [...(bySection.get(group.orgName) ?? []), group.label]);
    }
    alerts.push({
      key: 'groups',
      type: 'warning',
      message: `尚无考核记录：${[...bySection].map(([section, labels]) => `${section}（${labels.join('、')}）`).join('；')}`,
    });
  }
  if (late.unownedGroups.length > 0) {
    alerts.push({
      key: 'unowned',
      type: 'warning',
      message: `${late.unownedGroups.length} 个项目组未匹配到负责考核科室：${late.unownedGroups
        .map((group) => `${group.label}（${group.assessor}）`)
        .join('、')}。请在机构中设立对应科室并指定，或由考核办记录。`,
    });
  }
  if (alerts.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }} aria-label="逾期与未完成">
      {alerts.map((alert) => (
        <Alert key={alert.key} type={alert.type} showIcon message={alert.message} />
      ))}
    </Space>
  );
}
