import { rolesWith } from '../../../common/permissions.ts';

// From the one permission table (src/common/permissions.ts): the server decides, these only hide
// what it would refuse (menu entries, buttons).

/** 'officer.read' */
export const OFFICER_READ_ROLES = rolesWith('officer.read');
/** 'officer.read' without 'officer': an officer reads only their own profile (我的档案). */
export const OFFICER_LIST_ROLES = OFFICER_READ_ROLES.filter((role) => role !== 'officer');
/** profiles, certificates, training records, post changes, imports, photos */
export const OFFICER_WRITE_ROLES = rolesWith('officer.write');
export const CERTIFICATE_WARNING_ROLES = rolesWith('certificate.warnings');
export const WORK_LOG_READ_ROLES = rolesWith('work_log.read');
/** only into the profile linked to the writer's own account */
export const WORK_LOG_WRITE_ROLES = rolesWith('work_log.write');
