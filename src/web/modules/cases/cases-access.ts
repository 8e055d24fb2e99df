import { rolesWith } from '../../../common/permissions.ts';
import type { Role } from '../../app/roles.ts';

// From the one permission table (src/common/permissions.ts): the server decides, these only hide
// what it would refuse (menu entries, buttons).

export const CASE_READ_ROLES = rolesWith('case.read');
export const CASE_WRITE_ROLES = rolesWith('case.write');
/** 法制部门案件质量分析意见 */
export const CASE_QUALITY_ROLES = rolesWith('case.quality');
/** full ID numbers and phones of parties, audited */
export const CASE_PERSONAL_ROLES = rolesWith('case.read_personal');
export const COMPLAINT_READ_ROLES = rolesWith('complaint.read');
export const COMPLAINT_WRITE_ROLES = rolesWith('complaint.write');
/** Who sees the 记录到期 report: readers with a scope (an officer has the list's own state tags). */
export const RECORDS_DUE_ROLES: readonly Role[] = CASE_READ_ROLES.filter((role) => role !== 'officer');
