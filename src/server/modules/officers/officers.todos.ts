/**
 * The officers domain's to-dos (workbench.types.ts): for the legal unit, certificates expiring,
 * expired or overdue for their annual review (the same list as the certificate-warning page); the
 * year's training shortfall (seed 001 培训制度第七条(一), seed 003 篇5) for the officer and, as one
 * item per unit, for the legal unit.
 */
import { deadlineState } from '../../../common/calendar.ts';
import { can } from '../../lib/access.ts';
import type { TodoContext, TodoItem, TodoProvider } from '../workbench/workbench.types.ts';
import { EXPIRY_WARNING_DAYS } from './certificate-state.ts';
import { listCertificateWarnings } from './certificates.service.ts';
import { getTrainingCompliance } from './training.service.ts';

/** Training is due by 31 December; 临期 from 1 December (a month to catch up, our choice, docs/workbench.md). */
export const TRAINING_WARN_DAYS = 30;

async function certificateTodos({ db, actor, today }: TodoContext): Promise<TodoItem[]> {
  if (!actor.roles.includes('legal_officer') || !can(actor, 'certificate.warnings')) return [];
  const report = await listCertificateWarnings(db, actor, {}, today);
  return report.items.map((item) => {
    const isReview = item.kind === 'review_overdue';
    return {
      key: `officers:certificate.${item.kind}:${item.certificateId}`,
      domain: 'officers',
      kind: `certificate.${item.kind}`,
      title: isReview
        ? `组织执法证年审：${item.officerName}（${item.number}）`
        : `办理执法证换发：${item.officerName}（${item.message}）`,
      // an annual review is late already (no day named by the rule); expiry is due on validUntil
      dueOn: isReview ? null : item.validUntil,
      deadlineState: isReview ? 'overdue' : deadlineState(item.validUntil, today, EXPIRY_WARNING_DAYS),
      link: `/officers/${item.officerId}`,
      orgId: item.orgId,
    };
  });
}

async function trainingTodos({ db, actor, today }: TodoContext): Promise<TodoItem[]> {
  const isOfficer = actor.roles.includes('officer');
  const isLegal = actor.roles.includes('legal_officer');
  if (!isOfficer && !isLegal) return [];
  const year = Number(today.slice(0, 4));
  const dueOn = `${year}-12-31`;
  const state = deadlineState(dueOn, today, TRAINING_WARN_DAYS);
  const report = await getTrainingCompliance(db, actor, { year, shortOnly: true }, today);
  const own = report.officers.filter((officer) => officer.isOwn);
  const items: TodoItem[] = own.map((officer) => ({
    key: `officers:training.shortfall:${officer.officerId}:${year}`,
    domain: 'officers',
    kind: 'training.shortfall',
    title: `完成${year}年度执法培训：${officer.shortfalls.join('；')}`,
    dueOn,
    deadlineState: state,
    link: '/my-profile',
    orgId: officer.orgId,
  }));
  const others = report.officers.filter((officer) => !officer.isOwn);
  if (isLegal && others.length > 0) {
    items.push({
      key: `officers:training.unit_shortfall:${actor.orgId}:${year}`,
      domain: 'officers',
      kind: 'training.unit_shortfall',
      title: `督促本单位 ${others.length} 名执法人员完成${year}年度培训`,
      dueOn,
      deadlineState: state,
      link: `/training-compliance?year=${year}`,
      orgId: actor.orgId,
    });
  }
  return items;
}

export const officersTodos: TodoProvider = {
  domain: 'officers',
  async listTodos(context) {
    return (await Promise.all([certificateTodos(context), trainingTodos(context)])).flat();
  },
};
