/**
 * The officers domain's to-dos (workbench.types.ts): for the legal unit, certificates expiring,
 * expired or overdue for their annual review (the same list as the certificate-warning page); the
 * year's training shortfall (seed 001 培训制度第七条(一), seed 003 篇5) for the officer and, as one
 * item per unit, for the legal unit.
 */
import { deadlineState } from '../../../common/calendar.ts';
import { can } from '../../lib/access.ts';
import type { TodoContext, TodoItem, TodoProvider, WarningIndicator } from '../workbench/workbench.types.ts';
import { EXPIRY_WARNING_DAYS } from './certificates/certificate-state.ts';
import { findCertificateWarnings, listCertificateWarnings } from './certificates/certificates.service.ts';
import { findRequirement, findTrainingTotals } from './training/training.repository.ts';
import { getTrainingCompliance } from './training/training.service.ts';
import {
  DEFAULT_MIN_TRAINING_HOURS,
  hoursToTenths,
  judgeTrainingYear,
} from './training/training-compliance.ts';

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

const countyVisibility = (countyPath: string) => ({ scopePaths: [countyPath], ownUserId: 0 });

function certificateIndicator(
  code: string,
  label: string,
  kind: 'expiry' | 'expired' | 'review_overdue',
  tier: 'notice' | 'warning' | 'alarm',
  withDays: boolean,
): WarningIndicator {
  return {
    code,
    domain: 'officers',
    label,
    clause:
      kind === 'review_overdue'
        ? '000 执法人员基本信息表「行政执法证年审情况」（年度审验）'
        : '000 执法人员基本信息表「行政执法证有效期限」；《行政处罚法》第四十二条',
    defaultParams: withDays ? { days: 30 } : {},
    ...(withDays && { paramLabels: { days: '到期前多少天预警' } }),
    defaultTier: tier,
    defaultRecipients: { roles: ['legal_officer', 'supervisor'], level: 'unit' },
    async findHits({ db, countyPath, today, params }) {
      const warnings = await findCertificateWarnings(db, countyVisibility(countyPath), today);
      return warnings
        .filter((item) => item.kind === kind && (!withDays || item.daysLeft <= (params.days ?? 30)))
        .map((item) => ({
          causeKey: `certificate:${item.certificateId}:${kind}`,
          orgId: item.orgId,
          message: `${item.officerName}（${item.number}）：${item.message}`,
          link: `/officers/${item.officerId}`,
          value: item.daysLeft,
        }));
    },
  };
}

export const certificateExpiring = certificateIndicator(
  'certificate.expiring',
  '执法证临期',
  'expiry',
  'notice',
  true,
);
export const certificateExpired = certificateIndicator(
  'certificate.expired',
  '执法证过期',
  'expired',
  'alarm',
  false,
);
export const certificateReviewOverdue = certificateIndicator(
  'certificate.review_overdue',
  '执法证年审逾期',
  'review_overdue',
  'warning',
  false,
);

/** 培训学时不足: from `fromMonth` on, in-service officers short of the year's minimum or the bureau training. */
export const trainingShortfall: WarningIndicator = {
  code: 'training.shortfall',
  domain: 'officers',
  label: '年度培训未达标',
  clause: '001 培训制度第七条(一)（每年至少参加1次县司法局培训）；003 篇5（每年不少于40学时）',
  defaultParams: { fromMonth: 10 },
  paramLabels: { fromMonth: '每年从几月起预警' },
  defaultTier: 'notice',
  defaultRecipients: { roles: ['legal_officer', 'officer'], level: 'unit' },
  async findHits({ db, countyPath, today, params }) {
    if (Number(today.slice(5, 7)) < (params.fromMonth ?? 10)) return [];
    const year = Number(today.slice(0, 4));
    const countyId = Number(countyPath.split('/').filter(Boolean)[0]);
    const configured = await findRequirement(db, countyId);
    const minHours = configured === undefined ? DEFAULT_MIN_TRAINING_HOURS : Number(configured);
    const totals = await findTrainingTotals(db, { ...countyVisibility(countyPath), year });
    return totals.flatMap((row) => {
      const verdict = judgeTrainingYear(
        { hoursTenths: hoursToTenths(row.hours), bureauTrainings: row.bureau_trainings },
        minHours,
      );
      if (verdict.isCompliant) return [];
      return [
        {
          causeKey: `training:${row.officer_id}:${year}`,
          orgId: row.org_id,
          message: `${row.officer_name}：${year}年${verdict.shortfalls.join('；')}`,
          link: `/officers/${row.officer_id}`,
          value: Number(row.hours),
          userIds: row.user_id === null ? [] : [row.user_id],
        },
      ];
    });
  },
};

export const officersIndicators: readonly WarningIndicator[] = [
  certificateExpiring,
  certificateExpired,
  certificateReviewOverdue,
  trainingShortfall,
];
