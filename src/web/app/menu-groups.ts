/**
 * The side menu's groups, as Ant Design Pro back offices arrange them (issue 19): one list here,
 * keyed by page path, so a page joins a group by adding its path. Pages in no group (首页, 驾驶舱,
 * 我的账号) stay at the top level, in the order of the page list.
 */
export interface MenuGroup {
  key: string;
  label: string;
  paths: readonly string[];
}

export const MENU_GROUPS: readonly MenuGroup[] = [
  {
    key: 'group:people',
    label: '执法主体与人员',
    paths: [
      '/officers',
      '/my-profile',
      '/work-logs',
      '/certificate-warnings',
      '/training/sessions',
      '/training/plans',
      '/training-compliance',
    ],
  },
  {
    key: 'group:cases',
    label: '案件与案卷',
    paths: ['/cases', '/case-records-due', '/case-files', '/complaints', '/file-requirement-rules'],
  },
  {
    key: 'group:supervision',
    label: '执法监督',
    paths: [
      '/supervision/matters',
      '/supervision/inbox',
      '/supervision/notices',
      '/supervision/decisions',
      '/supervision/referrals',
      '/reviews',
      '/coordination/disputes',
      '/coordination/joint-actions',
      '/coordination/major-matters',
      '/coordination/liaison',
      '/coordination/circulars',
      '/documents',
    ],
  },
  {
    key: 'group:assessment',
    label: '考核评价',
    paths: ['/assessment/periods', '/units', '/unit-summary', '/annual-report'],
  },
  {
    key: 'group:system',
    label: '系统管理',
    paths: ['/orgs', '/users', '/warning-rules', '/assessment/schemes', '/audit', '/calendar'],
  },
];

/** A group as an antd sub-menu. */
export interface MenuGroupItem<T extends { icon?: unknown }> {
  key: string;
  label: string;
  icon: T['icon'];
  children: T[];
}

/** The group a page path belongs to, if any. */
export function menuGroupOf(path: string): MenuGroup | undefined {
  return MENU_GROUPS.find((group) => group.paths.includes(path));
}

/**
 * The menu as antd items: the pages in no group in page order, with the groups, in MENU_GROUPS
 * order, before the last of them (我的账号 stays at the foot); a group holds its pages in its own
 * order, and a group with one page shows that page alone.
 */
export function groupMenu<T extends { key: string; icon?: unknown }>(
  items: readonly T[],
): Array<T | MenuGroupItem<T>> {
  const ungrouped = items.filter((item) => !menuGroupOf(item.key));
  const groups = MENU_GROUPS.flatMap((group): Array<T | MenuGroupItem<T>> => {
    const children = group.paths.flatMap((path) => items.filter((item) => item.key === path));
    if (children.length === 0) return [];
    // a group shows its first page's icon (what the collapsed menu shows)
    return children.length === 1
      ? [children[0]!]
      : [{ key: group.key, label: group.label, icon: children[0]!.icon, children }];
  });
  if (ungrouped.length < 2) return [...ungrouped, ...groups];
  return [...ungrouped.slice(0, -1), ...groups, ...ungrouped.slice(-1)];
}
