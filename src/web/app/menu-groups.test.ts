import { describe, expect, it } from 'vitest';
import { groupMenu, MENU_GROUPS } from './menu-groups.ts';
import { APP_PAGES } from './pages.tsx';

describe('menu groups', () => {
  it('name only pages that exist and are in the menu', () => {
    const menuPaths = new Set(APP_PAGES.filter((page) => !page.isHiddenFromMenu).map((page) => page.path));
    for (const group of MENU_GROUPS) for (const path of group.paths) expect(menuPaths, path).toContain(path);
  });

  it('put 首页 and 驾驶舱 first, the five groups in order, 我的账号 last', () => {
    const items = APP_PAGES.filter((page) => !page.isHiddenFromMenu).map((page) => ({ key: page.path }));
    const top = groupMenu(items)
      .filter((item) => !('children' in item))
      .map((item) => item.key);
    expect(top).toEqual(['/', '/cockpit', '/account']);
  });

  it('groups pages in the group’s order, and shows a group of one as its page', () => {
    const grouped = groupMenu([
      { key: '/' },
      { key: '/audit' },
      { key: '/orgs' },
      { key: '/cases' },
      { key: '/account' },
    ]);
    expect(grouped).toEqual([
      { key: '/' },
      { key: '/cases' },
      {
        key: 'group:system',
        label: '系统管理',
        icon: undefined,
        children: [{ key: '/orgs' }, { key: '/audit' }],
      },
      { key: '/account' },
    ]);
  });
});
