import type { Role } from '../../app/roles.ts';

// Mirrors PERMISSIONS in src/server/lib/access.ts: the server decides, these only hide what it
// would refuse (menu entries, buttons).

/** 'case.read' (an officer sees only the cases they handle) */
export const CASE_READ_ROLES: readonly Role[] = ['admin', 'supervisor', 'legal_officer', 'leader', 'officer'];
/** 'case.write' */
export const CASE_WRITE_ROLES: readonly Role[] = ['legal_officer', 'officer'];
/** 'case.quality': 法制部门案件质量分析意见 */
export const CASE_QUALITY_ROLES: readonly Role[] = ['legal_officer'];
/** 'case.read_personal': full ID numbers and phones of parties, audited */
export const CASE_PERSONAL_ROLES: readonly Role[] = ['legal_officer', 'supervisor'];
/** 'complaint.read' */
export const COMPLAINT_READ_ROLES: readonly Role[] = ['admin', 'supervisor', 'legal_officer', 'leader'];
/** 'complaint.write' */
export const COMPLAINT_WRITE_ROLES: readonly Role[] = ['supervisor', 'legal_officer'];
/** Who sees the 记录到期 report: readers with a scope (an officer has the list's own state tags). */
export const RECORDS_DUE_ROLES: readonly Role[] = ['admin', 'supervisor', 'legal_officer', 'leader'];
