/**
 * Coordination's to-dos and warnings for the workbench (workbench.types.ts): applications to review
 * and signed opinions to serve (supervisors), written views to give and executions to confirm (the
 * parties' legal officers); warnings when a view or an execution confirmation is overdue. Opinions
 * to sign are the documents layer's 待签发 to-dos. Deadlines are the working-day dates stored on each dispute.
 */
import { deadlineState } from '../../../common/calendar.ts';
import { LIAISON_KIND_LABELS } from '../../../common/coordination.ts';
import type { Db } from '../../db/database.ts';
import { type Actor, can } from '../../lib/access.ts';
import type { TodoItem, TodoProvider, WarningHit, WarningIndicator } from '../workbench/workbench.types.ts';
import { countyOf } from './coordination.policy.ts';
import {
  findCountyDisputesInState,
  findOpenPartyDuties,
  findOpinionsInStatus,
} from './disputes/disputes.repository.ts';
import {
  findCountyJointActions,
  findJointActionById,
  findJointDuties,
} from './joint-actions/joint-actions.repository.ts';
import { findAllLiaisons } from './liaison/liaison.repository.ts';
import { findOpenMatters } from './matters/matters.repository.ts';
import { loadCoordinationParameters } from './settings/settings.service.ts';

const DOMAIN = 'coordination';
/** The open liaison entries one account follows at most (the newest first). */
const LIAISON_TODO_MAX = 200;
const disputeLink = (id: number) => `/coordination/disputes/${id}`;

/** The county roots among the actor's scope paths (the bureau's staff have one). */
function countyScopes(actor: Pick<Actor, 'scopePaths'>): string[] {
  return actor.scopePaths.filter((path) => countyOf(path).countyPath === path);
}

async function listCoordinationTodos({ db, actor, today }: { db: Db; actor: Actor; today: string }) {
  if (!can(actor, 'coordination.read')) return [];
  const warnDaysByCounty = new Map<number, number>();
  const warnDaysOf = async (countyOrgId: number) => {
    if (!warnDaysByCounty.has(countyOrgId))
      warnDaysByCounty.set(countyOrgId, (await loadCoordinationParameters(db, countyOrgId)).warnDays);
    return warnDaysByCounty.get(countyOrgId)!;
  };
  const item = async (
    kind: string,
    id: number,
    title: string,
    dueOn: string | null,
    countyOrgId: number,
    orgId: number,
    disputeId: number,
  ): Promise<TodoItem> => ({
    key: `${DOMAIN}:${kind}:${id}`,
    domain: DOMAIN,
    kind,
    title,
    dueOn,
    deadlineState: dueOn ? deadlineState(dueOn, today, await warnDaysOf(countyOrgId)) : null,
    link: disputeLink(disputeId),
    orgId,
  });
  const items: TodoItem[] = [];
  const counties = countyScopes(actor);
  if (can(actor, 'coordination.manage')) {
    for (const row of await findCountyDisputesInState(db, counties, 'submitted'))
      items.push(
        await item(
          'dispute.review',
          row.id,
          `审核职责争议申请：${row.matter}`,
          row.reviewDueOn,
          row.countyOrgId,
          row.applicantOrgId,
          row.id,
        ),
      );
    for (const row of await findOpinionsInStatus(db, counties, 'signed'))
      items.push(
        await item(
          'opinion.serve',
          row.documentId,
          `送达协调意见书：${row.title}`,
          row.concludeDueOn,
          row.countyOrgId,
          row.countyOrgId,
          row.disputeId,
        ),
      );
  }
  if (can(actor, 'coordination.answer')) {
    const where = { scopePaths: actor.scopePaths };
    for (const row of await findOpenPartyDuties(db, 'view', where))
      items.push(
        await item(
          'dispute.view',
          row.partyId,
          `答复职责争议书面意见：${row.matter}`,
          row.dueOn,
          row.countyOrgId,
          row.orgId,
          row.disputeId,
        ),
      );
    for (const row of await findOpenPartyDuties(db, 'execution', where))
      items.push(
        await item(
          'dispute.execution',
          row.partyId,
          `确认执行协调处理决定：${row.matter}`,
          row.dueOn,
          row.countyOrgId,
          row.orgId,
          row.disputeId,
        ),
      );
  }
  items.push(...(await listNewItemTodos(db, actor, today, counties, warnDaysOf)));
  return items;
}

/**
 * The joint actions, major matters and liaison entries that wait for the actor: the bureau's
 * coordination requests (第八条(一)) and open matters (第九条); an agency's plans to confirm and
 * actions to run; open liaison entries (第十条) with their due dates.
 */
async function listNewItemTodos(
  db: Db,
  actor: Actor,
  today: string,
  counties: string[],
  warnDaysOf: (countyOrgId: number) => Promise<number>,
): Promise<TodoItem[]> {
  const items: TodoItem[] = [];
  const todo = (
    kind: string,
    id: number,
    title: string,
    link: string,
    orgId: number,
    dueOn: string | null = null,
    warnDays = 0,
  ) => ({
    key: `${DOMAIN}:${kind}:${id}`,
    domain: DOMAIN,
    kind,
    title,
    dueOn,
    deadlineState: dueOn ? deadlineState(dueOn, today, warnDays) : null,
    link,
    orgId,
  });
  const jointLink = (id: number) => `/coordination/joint-actions/${id}`;
  if (can(actor, 'coordination.manage')) {
    for (const row of await findCountyJointActions(db, counties, ['coordination_requested']))
      items.push(
        todo(
          'joint.coordinate',
          row.id,
          `协调联合执法方案：${row.title}`,
          jointLink(row.id),
          row.initiating_org_id,
        ),
      );
    for (const row of await findOpenMatters(db, counties))
      items.push(
        todo(
          'matter.resolve',
          row.id,
          `研究处理重大执法事项：${row.title}`,
          '/coordination/matters',
          row.org_id ?? row.county_org_id,
        ),
      );
  }
  if (can(actor, 'coordination.answer')) {
    const seen = new Set<number>();
    for (const row of await findJointDuties(db, actor.scopePaths, [
      'negotiating',
      'proposed',
      'confirmed',
      'running',
    ])) {
      if (row.status === 'negotiating' || row.status === 'proposed') {
        if (row.response !== 'pending') continue;
        items.push(
          todo(
            'joint.respond',
            row.participantId,
            `确认联合执法方案：${row.title}`,
            jointLink(row.actionId),
            row.orgId,
          ),
        );
      } else if (!seen.has(row.actionId)) {
        const action = await findJointActionById(db, row.actionId);
        if (action?.initiating_org_id !== row.orgId) continue;
        seen.add(row.actionId);
        const label = row.status === 'confirmed' ? '组织实施联合执法' : '记录并总结联合执法';
        items.push(
          todo(
            'joint.run',
            row.actionId,
            `${label}：${row.title}`,
            jointLink(row.actionId),
            row.orgId,
            row.status === 'running' ? null : row.startsOn,
            await warnDaysOf(row.countyOrgId),
          ),
        );
      }
    }
  }
  if (can(actor, 'coordination.manage') || can(actor, 'coordination.apply')) {
    // only open entries (第十条: an entry waits until its outcome is recorded); a 已办结 one is no to-do
    const open = await findAllLiaisons(
      db,
      { scopePaths: actor.scopePaths, openOnly: true },
      LIAISON_TODO_MAX,
    );
    for (const row of open) {
      const isOwn = can(actor, 'coordination.manage') ? counties.includes(row.county_path) : true;
      if (!isOwn) continue;
      items.push(
        todo(
          'liaison.follow',
          row.id,
          `跟进${LIAISON_KIND_LABELS[row.kind]}（${row.counterpart_name}）：${row.subject}`,
          '/coordination/liaison',
          row.org_id,
          row.due_on,
          await warnDaysOf(row.county_org_id),
        ),
      );
    }
  }
  return items;
}

export const coordinationTodos: TodoProvider = { domain: DOMAIN, listTodos: listCoordinationTodos };

/** A party duty past its due date by more than `params.days` calendar days, as one warning per party. */
function overdueDutyIndicator(
  duty: 'view' | 'execution',
  meta: Pick<WarningIndicator, 'code' | 'label' | 'clause'>,
  message: (row: { orgName: string; matter: string }, daysOverdue: number) => string,
): WarningIndicator {
  return {
    ...meta,
    domain: DOMAIN,
    defaultParams: { days: 0 },
    async findHits({ db, countyPath, today, params }) {
      const rows = await findOpenPartyDuties(db, duty, { countyPath });
      const hits: WarningHit[] = [];
      for (const row of rows) {
        if (!row.dueOn) continue;
        const daysOverdue = Math.round((Date.parse(today) - Date.parse(row.dueOn)) / 86_400_000);
        if (daysOverdue <= (params.days ?? 0)) continue;
        hits.push({
          causeKey: `coordination_party:${row.partyId}:${duty}_overdue:${row.dueOn}`,
          orgId: row.orgId,
          message: message(row, daysOverdue),
          link: disputeLink(row.disputeId),
          value: daysOverdue,
        });
      }
      return hits;
    },
  };
}

export const coordinationWarningIndicators: WarningIndicator[] = [
  overdueDutyIndicator(
    'view',
    { code: 'coordination.view_overdue', label: '职责争议书面意见逾期未答复', clause: '协调监督办法第七条' },
    (row, days) => `${row.orgName}逾期 ${days} 天未答复职责争议书面意见：${row.matter}`,
  ),
  overdueDutyIndicator(
    'execution',
    {
      code: 'coordination.execution_overdue',
      label: '协调处理决定逾期未确认执行',
      clause: '协调监督办法第二十三条第（二）项',
    },
    (row, days) => `${row.orgName}逾期 ${days} 天未确认执行协调处理决定：${row.matter}`,
  ),
];
