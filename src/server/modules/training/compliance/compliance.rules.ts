/**
 * Pure training-compliance rules the training domain adds (issue 20): 专题培训 a plan requires of every
 * officer of its organisation (培训制度第七条(二)), and the supervision staff's own training
 * (协调监督办法第十九条: 建立行政执法协调监督干部培训、培养机制).
 */

export interface RequiredItem {
  id: number;
  content: string;
  plannedMonth: number;
  /** the plan's organisation: the item binds the officers of its subtree */
  orgPath: string;
  /** the sessions held for it */
  sessionIds: readonly number[];
}

/** An item is due once its planned month has ended (a past year: all of them). */
export function isItemDue(year: number, plannedMonth: number, today: string): boolean {
  const thisYear = Number(today.slice(0, 4));
  if (year !== thisYear) return year < thisYear;
  return plannedMonth < Number(today.slice(5, 7));
}

export function missingRequiredTraining(
  officer: { orgPath: string; sessionIds: ReadonlySet<number> },
  items: readonly RequiredItem[],
  year: number,
  today: string,
): string[] {
  return items
    .filter((item) => officer.orgPath.startsWith(item.orgPath) && isItemDue(year, item.plannedMonth, today))
    .filter((item) => !item.sessionIds.some((sessionId) => officer.sessionIds.has(sessionId)))
    .map((item) => `未参加计划要求的专题培训“${item.content}”（${item.plannedMonth}月）`);
}

/** 第十九条: a member of the bureau's supervision staff needs a 岗位 or 专题 training in the year. */
export function supervisionStaffShortfall(isBureauStaff: boolean, formalTrainings: number): string[] {
  return isBureauStaff && formalTrainings === 0
    ? ['协调监督人员本年度未参加岗位培训或专题培训（协调监督办法第十九条）']
    : [];
}
