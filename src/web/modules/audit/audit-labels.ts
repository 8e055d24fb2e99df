/** Chinese names of audit actions; an unknown (future) action falls back to its code. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'org.create': '新增机构',
  'org.update': '修改机构',
  'org.move': '移动机构',
  'org.deactivate': '停用机构',
  'org.activate': '启用机构',
  'org.delete': '删除机构',
  'user.create': '新增账号',
  'user.update': '修改账号',
  'user.deactivate': '停用账号',
  'user.activate': '启用账号',
  'user.password_reset': '重置密码',
  'user.password_change': '修改本人密码',
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.login_inactive': '停用账号尝试登录',
  'officer.export': '导出执法人员名单',
  'case.export': '导出案件列表',
  'complaint.export': '导出投诉举报列表',
  'training.export': '导出培训记录',
  'training.plan_create': '制定年度培训计划',
  'training.plan_update': '修改年度培训计划',
  'training.plan_delete': '删除年度培训计划',
  'training.session_create': '新建培训班',
  'training.session_update': '修改培训班',
  'training.session_delete': '删除培训班',
  'training.attendees_add': '添加参训人员',
  'training.attendee_remove': '移出参训人员',
  'training.session_finish': '培训结业',
  'training.session_records': '写入参训人员培训档案',
  'training.notice_issue': '印发培训通知',
  'training.self_study_add': '登记自学记录',
  'calendar.override_set': '设置日历调整',
  'calendar.override_remove': '删除日历调整',
  'system.seed_demo': '初始化演示数据',
};

export const ENTITY_TYPE_LABELS: Record<string, string> = {
  org: '机构',
  user: '账号',
  calendar_override: '工作日历',
  training_plan: '年度培训计划',
  training_session: '培训班',
};

/** Field names that appear in before/after snapshots, in Chinese. */
export const FIELD_LABELS: Record<string, string> = {
  id: '编号',
  name: '名称',
  shortName: '简称',
  kind: '类型',
  kindLabel: '类型名称',
  parentId: '上级机构编号',
  path: '层级路径',
  uscc: '统一社会信用代码',
  docPrefix: '发文机关代字',
  sortOrder: '排序号',
  isActive: '启用',
  username: '用户名',
  displayName: '姓名',
  orgId: '所属机构编号',
  orgName: '所属机构',
  roles: '角色',
  phone: '手机号',
  mustChangePassword: '须修改密码',
  createdAt: '创建时间',
  day: '日期',
  isWorkingDay: '工作日',
  note: '说明',
  orgs: '机构数',
  accounts: '账号数',
};

/** Action label, or the raw code for actions this page does not know yet. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

export function entityTypeLabel(entityType: string): string {
  return ENTITY_TYPE_LABELS[entityType] ?? entityType;
}

/** Tag colour by what kind of change it was. */
export function auditActionColor(action: string): string {
  if (/delete|deactivate|failed|locked|remove/.test(action)) return 'red';
  if (/create|activate|seed/.test(action)) return 'green';
  if (action.startsWith('auth.')) return 'default';
  return 'blue';
}

export const AUDIT_ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({
  value,
  label,
}));
