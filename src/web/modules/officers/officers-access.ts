import type { Role } from '../../app/roles.ts';

// Mirrors PERMISSIONS in src/server/lib/access.ts: the server decides, these only hide what it
// would refuse (menu entries, buttons).

/** 'officer.read' without 'officer': an officer reads only their own profile (我的档案). */
export const OFFICER_LIST_ROLES: readonly Role[] = [
  'admin',
  'supervisor',
  'legal_officer',
  'leader',
  'assessor',
];
/** 'officer.read' */
export const OFFICER_READ_ROLES: readonly Role[] = [...OFFICER_LIST_ROLES, 'officer'];
/** 'officer.write': profiles, certificates, training records, post changes, imports, photos. */
export const OFFICER_WRITE_ROLES: readonly Role[] = ['admin', 'legal_officer'];
/** 'certificate.warnings' */
export const CERTIFICATE_WARNING_ROLES: readonly Role[] = ['admin', 'supervisor', 'legal_officer', 'leader'];
/** 'work_log.read' */
export const WORK_LOG_READ_ROLES: readonly Role[] = ['admin', 'legal_officer', 'leader', 'officer'];
/** 'work_log.write': only into the profile linked to the writer's own account. */
export const WORK_LOG_WRITE_ROLES: readonly Role[] = ['officer'];
