/** The action and entity names live in one table shared with the server (src/common). */
export {
  AUDIT_ACTION_OPTIONS,
  auditActionLabel,
  entityTypeLabel,
} from '../../../common/audit-labels.ts';

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

/** Tag colour by what kind of change it was. */
export function auditActionColor(action: string): string {
  if (/delete|deactivate|failed|locked|remove/.test(action)) return 'red';
  if (/create|activate|seed/.test(action)) return 'green';
  if (action.startsWith('auth.')) return 'default';
  return 'blue';
}
