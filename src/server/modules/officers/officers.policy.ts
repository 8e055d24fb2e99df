import type {
  OfficerGender,
  OfficerSeries,
  OfficerStatus,
  TrainingKind,
  WorkLogKind,
} from '../../db/schema.ts';
import { type Actor, can } from '../../lib/access.ts';

/** Chinese labels as the forms print them (seed 000 基本信息表). */
export const GENDER_LABELS: Readonly<Record<OfficerGender, string>> = { male: '男', female: '女' };

export const OFFICER_STATUS_LABELS: Readonly<Record<OfficerStatus, string>> = {
  active: '在岗',
  transferred: '调离',
  retired: '退休',
  suspended: '停职',
};

/** seed 003 篇1: 以领导和一般工作人员等不同系列分解优秀指标 — `per: series` quotas pool by these. */
export const OFFICER_SERIES_LABELS: Readonly<Record<OfficerSeries, string>> = {
  leader: '领导',
  staff: '一般工作人员',
};

/** seed 001 培训制度第七条: 岗位培训, 专题培训, 自主培训. */
export const TRAINING_KIND_LABELS: Readonly<Record<TrainingKind, string>> = {
  post: '岗位培训',
  thematic: '专题培训',
  self_study: '自主培训',
};

/** seed 001 平时考核制度第十一条(二): 每天或每周记录 … 阶段性进行小结自评. */
export const WORK_LOG_KIND_LABELS: Readonly<Record<WorkLogKind, string>> = {
  daily: '日记实',
  weekly: '周记实',
  self_evaluation: '小结自评',
};

export const REVIEW_RESULT_LABELS = { pass: '合格', fail: '不合格' } as const;

/** Org kinds an officer profile may belong to: enforcement units and their sections. */
export const OFFICER_ORG_KINDS = [
  'agency',
  'township',
  'section',
  'legal_unit',
  'justice_bureau',
  'justice_office',
] as const;

/** Whether the actor sees full phone numbers (lists and exports mask them otherwise). */
export function canSeePersonalData(actor: Pick<Actor, 'roles'>): boolean {
  return can(actor, 'officer.read_personal');
}
