import { rolesWith } from '../../../common/permissions.ts';
import type { Role } from '../../app/roles.ts';

// From the one permission table (src/common/permissions.ts): the server decides, these only hide
// what it would refuse (menu entries, buttons).

export const ASSESSMENT_READ_ROLES = rolesWith('assessment.read');
/** open periods, compute, publish, finalise */
export const ASSESSMENT_MANAGE_ROLES = rolesWith('assessment.manage');
/** deductions and bonuses, an assessor only in its own item groups */
export const ASSESSMENT_RECORD_ROLES = rolesWith('assessment.record');
/** 班子测评, each leader's own sheet */
export const ASSESSMENT_RATE_ROLES = rolesWith('assessment.rate');
/** self-assessment and appeals for one's own subject */
export const ASSESSMENT_SELF_ROLES = rolesWith('assessment.self');
/** appeal decisions (考核工作领导小组) */
export const ASSESSMENT_DECIDE_ROLES = rolesWith('assessment.decide');
/** Who works on every subject of a period (server: seesEverySubject): manage, record or rate */
export const SUBJECT_LIST_ROLES: readonly Role[] = [
  ...ASSESSMENT_MANAGE_ROLES,
  ...ASSESSMENT_RECORD_ROLES,
  ...ASSESSMENT_RATE_ROLES,
];
