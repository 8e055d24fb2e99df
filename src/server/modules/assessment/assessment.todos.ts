/**
 * The assessment domain's to-dos (workbench.types.ts), from what the period board already computes
 * (board.service.ts): self-assessments to submit (seed 004 第三章第一条1), ratings to give (第二章第二条),
 * appeals to decide (第四章第三条), and for a responsible section the proposals to confirm and the
 * deduction groups it has entered nothing in (第四章第二条).
 */
import { deadlineState } from '../../../common/calendar.ts';
import { type Actor, can } from '../../lib/access.ts';
import type { TodoContext, TodoItem, TodoProvider } from '../workbench/workbench.types.ts';
import {
  countyIdOf,
  findActorOrgPath,
  isManager,
  isPeriodVisible,
  type PeriodRow,
} from './assessment.access.ts';
import { findPendingAppeals, findPeriodsTakingWork, findSelfAssessedKeys } from './board/board.repository.ts';
import { getPeriodBoard, ratingProgress } from './board/board.service.ts';
import { namedRatersOf } from './raters/period-raters.service.ts';
import { catalogueOfPeriod } from './records/assessment-records.service.ts';
import { findOwnSubjects } from './subjects/subjects.repository.ts';

/** 临期 from this many calendar days before a self-assessment or appeal decision is due (our choice). */
export const ASSESSMENT_WARN_DAYS = 3;

const periodLink = (period: { id: number }) => `/assessment/periods/${period.id}`;

/** The subjects the account submits for: its officer profile; for other roles its deepest organisation. */
async function selfAssessmentTodos(
  { db, actor, today }: TodoContext,
  periods: readonly PeriodRow[],
  actorPath: string,
): Promise<TodoItem[]> {
  if (!can(actor, 'assessment.self')) return [];
  const items: TodoItem[] = [];
  for (const period of periods) {
    if (period.status !== 'open') continue;
    const own = await findOwnSubjects(db, period.id, actor.id, actorPath);
    const officer = own.filter((subject) => subject.kind === 'officer');
    const org = actor.roles.some((role) => role !== 'officer')
      ? own.filter((subject) => subject.kind === 'org').slice(0, 1)
      : [];
    const subjects = [...officer, ...org];
    const done = await findSelfAssessedKeys(
      db,
      period.id,
      subjects.map((subject) => subject.subject_key),
    );
    for (const subject of subjects) {
      if (done.has(subject.subject_key)) continue;
      items.push({
        key: `assessment:self_assessment.submit:${period.id}:${subject.subject_key}`,
        domain: 'assessment',
        kind: 'self_assessment.submit',
        title: `报送自查自评：${period.label}（${subject.name}）`,
        dueOn: period.self_due_on,
        deadlineState: period.self_due_on
          ? deadlineState(period.self_due_on, today, ASSESSMENT_WARN_DAYS)
          : null,
        link: periodLink(period),
        orgId: subject.org_id,
      });
    }
  }
  return items;
}

async function ratingTodos({ db, actor }: TodoContext, periods: readonly PeriodRow[]): Promise<TodoItem[]> {
  const items: TodoItem[] = [];
  const isLeader = can(actor, 'assessment.rate');
  for (const period of periods) {
    if (period.status !== 'open') continue;
    // a named rater (第二章第二条) has the to-do whatever their role; a leader by scope otherwise
    if (!isLeader && ![...(await namedRatersOf(db, period.id)).values()].some((names) => names.has(actor.id)))
      continue;
    const progress = await ratingProgress(db, period, await catalogueOfPeriod(db, period));
    const mine = progress?.raters.find((rater) => rater.userId === actor.id);
    const missing = mine?.sheets.reduce((sum, sheet) => sum + sheet.missing, 0) ?? 0;
    if (missing === 0) continue;
    items.push({
      key: `assessment:rating.give:${period.id}:${actor.id}`,
      domain: 'assessment',
      kind: 'rating.give',
      title: `完成班子测评：${period.label}（尚有 ${missing} 项未评）`,
      dueOn: null,
      deadlineState: null,
      link: periodLink(period),
      orgId: actor.orgId,
    });
  }
  return items;
}

async function appealTodos({ db, actor, today }: TodoContext, countyId: number): Promise<TodoItem[]> {
  if (!can(actor, 'assessment.decide')) return [];
  const appeals = await findPendingAppeals(db, countyId);
  return appeals.map((appeal) => ({
    key: `assessment:appeal.decide:${appeal.id}`,
    domain: 'assessment',
    kind: 'appeal.decide',
    title: `处理考核申诉：${appeal.subject_name}（${appeal.period_label}）`,
    dueOn: appeal.decide_by,
    deadlineState: deadlineState(appeal.decide_by, today, ASSESSMENT_WARN_DAYS),
    link: periodLink({ id: appeal.period_id }),
    orgId: appeal.org_id,
  }));
}

/** A responsible section's (or the office's) work on the board: proposals to confirm, silent groups. */
async function boardTodos(
  { db, actor, today }: TodoContext,
  periods: readonly PeriodRow[],
): Promise<TodoItem[]> {
  const items: TodoItem[] = [];
  for (const period of periods) {
    if (!can(actor, 'assessment.record') && !isManager(actor, period)) continue;
    const board = await getPeriodBoard(db, actor, period.id, today);
    if (board.late.proposals > 0) {
      items.push({
        key: `assessment:proposal.decide:${period.id}:${actor.id}`,
        domain: 'assessment',
        kind: 'proposal.decide',
        title: `确认系统生成的考核记录建议：${period.label}（${board.late.proposals} 条）`,
        dueOn: null,
        deadlineState: null,
        link: periodLink(period),
        orgId: actor.orgId,
      });
    }
    // the office sees every group as its own; only a responsible section is reminded of its groups
    const silent = isManager(actor, period)
      ? []
      : board.groups.filter((entry) => entry.isOwn && entry.isSilent);
    for (const group of silent) {
      items.push({
        key: `assessment:group.record:${period.id}:${group.id}`,
        domain: 'assessment',
        kind: 'group.record',
        title: `录入考核记录：${period.label} · ${group.label}（本期尚未录入）`,
        dueOn: null,
        deadlineState: null,
        link: periodLink(period),
        orgId: group.orgId ?? actor.orgId,
      });
    }
  }
  return items;
}

async function periodsOf(context: TodoContext, actor: Actor) {
  const actorPath = await findActorOrgPath(context.db, actor);
  const countyId = countyIdOf(actorPath);
  const periods = (await findPeriodsTakingWork(context.db, countyId)).filter((period) =>
    isPeriodVisible(actor, actorPath, period.org_path),
  );
  return { actorPath, countyId, periods };
}

export const assessmentTodos: TodoProvider = {
  domain: 'assessment',
  async listTodos(context) {
    if (!can(context.actor, 'assessment.read')) return [];
    const { actorPath, countyId, periods } = await periodsOf(context, context.actor);
    const lists = await Promise.all([
      selfAssessmentTodos(context, periods, actorPath),
      ratingTodos(context, periods),
      appealTodos(context, countyId),
      boardTodos(context, periods),
    ]);
    return lists.flat();
  },
};
