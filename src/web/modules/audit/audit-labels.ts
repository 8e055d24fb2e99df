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
  'calendar.override_set': '设置日历调整',
  'calendar.override_remove': '删除日历调整',
  'system.seed_demo': '初始化演示数据',
  // 依法行政考核 of units (docs/units.md)
  'units.dossier_add': '添加依法行政档案材料',
  'units.report_submit': '报送依法行政年度报告',
  'units.report_revise': '修改依法行政年度报告',
  'units.report_attachment_upload': '上传年度报告资料',
  'units.report_attachment_delete': '删除年度报告资料',
  'units.check_record': '记录年终考核或抽查',
  'units.approval_submit': '报送领导小组审定',
  'units.approval_approve': '审定考核结果',
  'units.approval_return': '退回考核结果',
  'units.rectification_file': '提交书面整改方案',
  'units.rectification_review': '审核整改方案',
  'units.rectification_progress': '报告整改落实情况',
  'units.rectification_done': '确认整改完成',
  'units.commendation_add': '评选先进单位或个人',
  'units.category_set': '设置考核单位类别',
  'units.summary_submit': '登记汇总表报送',
};

export const ENTITY_TYPE_LABELS: Record<string, string> = {
  org: '机构',
  user: '账号',
  calendar_override: '工作日历',
  unit_dossier_entry: '依法行政档案',
  unit_report: '依法行政年度报告',
  unit_report_attachment: '年度报告资料',
  unit_check: '年终考核和抽查',
  unit_approval: '考核结果审定',
  unit_rectification: '整改方案',
  unit_commendation: '先进单位和个人',
  unit_summary_submission: '汇总表报送',
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
