import { ROLES, type Role, rolesWith } from '../../common/permissions.ts';

export { ROLES, type Role };

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  supervisor: '监督人员(司法局)',
  legal_officer: '法制审核人员',
  officer: '执法人员',
  assessor: '考核人员',
  leader: '领导',
  reviewer: '评查人员',
  justice_office: '司法所',
};

/** What each role does, as shown on the home page. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: '维护机构、账号、考核方案和工作日历',
  supervisor: '全县执法监督：检查、通知、决定，组织案卷评查，考核执法部门',
  legal_officer: '本部门执法人员、案件、案卷的法制审核与质量分析，答复监督通知',
  officer: '维护本人信息、案件记录、工作日志，开展自评与申诉',
  assessor: '对所负责的考核项目记录扣分、加分',
  leader: '领导评分、审批和签发文书',
  reviewer: '对分配给本人的案卷进行评分',
  justice_office: '在本乡镇开展日常检查，向上报送监督事项',
};

export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/** True when the user holds at least one of the roles. */
export function hasAnyRole(userRoles: readonly string[], wanted: readonly Role[]): boolean {
  return wanted.some((role) => userRoles.includes(role));
}

/** Roles that may read the organisation tree and account list (writes are admin only). */
export const ORG_READER_ROLES = rolesWith('user.read');
