import type { Role } from '../../app/roles.ts';

// Mirrors PERMISSIONS in src/server/lib/access.ts: the server decides, these only hide what it
// would refuse (menu entries, buttons).

/** 'assessment.read' */
export const ASSESSMENT_READ_ROLES: readonly Role[] = [
  'admin',
  'supervisor',
  'legal_officer',
  'officer',
  'assessor',
  'leader',
  'justice_office',
];
/** 'assessment.manage': open periods, compute, publish, finalise */
export const ASSESSMENT_MANAGE_ROLES: readonly Role[] = ['admin', 'supervisor'];
/** 'assessment.record': deductions and bonuses, an assessor only in its own item groups */
export const ASSESSMENT_RECORD_ROLES: readonly Role[] = ['supervisor', 'assessor'];
/** 'assessment.rate': 班子测评, each leader's own sheet */
export const ASSESSMENT_RATE_ROLES: readonly Role[] = ['leader'];
/** 'assessment.self': self-assessment and appeals for one's own subject */
export const ASSESSMENT_SELF_ROLES: readonly Role[] = [
  'officer',
  'legal_officer',
  'leader',
  'assessor',
  'justice_office',
];
/** 'assessment.decide': appeal decisions (考核工作领导小组) */
export const ASSESSMENT_DECIDE_ROLES: readonly Role[] = ['supervisor'];
/** Who works on every subject of a period (server: seesEverySubject): manage, record or rate */
export const SUBJECT_LIST_ROLES: readonly Role[] = [
  ...ASSESSMENT_MANAGE_ROLES,
  ...ASSESSMENT_RECORD_ROLES,
  ...ASSESSMENT_RATE_ROLES,
];
