import { MenuOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Drawer, Layout, Menu } from 'antd';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { PageSpin } from '../../components/FullPageSpin.tsx';
import { HeaderBadge } from '../../modules/workbench/HeaderBadge.tsx';
import { useCurrentUser } from '../auth-context.tsx';
import { breadcrumbsFor } from '../breadcrumbs.ts';
import { groupMenu, MENU_GROUPS, menuGroupOf } from '../menu-groups.ts';
import { MenuLinksContext } from '../menu-links.ts';
import { APP_PAGES, pagesFor } from '../pages.tsx';
import { useIsPhone } from '../use-is-phone.ts';
import { AppBrand } from './AppBrand.tsx';
import { UserMenu } from './UserMenu.tsx';

const SIDER_WIDTH = 220;

/** The menu key for a URL: the page whose path is the longest prefix of it. */
function selectedKey(pathname: string, paths: string[]): string {
  const matches = paths.filter(
    (path) => path === pathname || (path !== '/' && pathname.startsWith(`${path}/`)),
  );
  return matches.sort((left, right) => right.length - left.length)[0] ?? pathname;
}

/** Shell: a role-filtered side menu (a drawer at phone width), a header with the account, the page. */
export function AppLayout() {
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const location = useLocation();
  const [isDrawerOpen, setDrawerOpen] = useState(false);
  const [isCollapsed, setCollapsed] = useState(false);

  const pages = useMemo(() => pagesFor(user.roles), [user.roles]);
  const menuItems = groupMenu(pages.map((page) => ({ key: page.path, icon: page.icon, label: page.label })));
  const current = selectedKey(
    location.pathname,
    pages.map((page) => page.path),
  );
  const crumbs = breadcrumbsFor(location.pathname, APP_PAGES, user.roles);
  // every group starts open (the menu reads as one list with headings); a user may fold any
  const [openKeys, setOpenKeys] = useState<string[]>(() => MENU_GROUPS.map((group) => group.key));
  const currentGroup = menuGroupOf(current)?.key;
  // a page opened from elsewhere (a link, a to-do) unfolds its group again
  useEffect(() => {
    if (currentGroup) setOpenKeys((keys) => (keys.includes(currentGroup) ? keys : [...keys, currentGroup]));
  }, [currentGroup]);

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      items={menuItems}
      selectedKeys={[current]}
      openKeys={isCollapsed ? undefined : openKeys}
      onOpenChange={setOpenKeys}
      aria-label="主菜单"
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isPhone && (
        <Layout.Sider
          width={SIDER_WIDTH}
          collapsible
          collapsed={isCollapsed}
          onCollapse={setCollapsed}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <AppBrand isCompact={isCollapsed} />
          {menu}
        </Layout.Sider>
      )}
      {isPhone && (
        <Drawer
          placement="left"
          open={isDrawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={SIDER_WIDTH + 40}
          closable={false}
          styles={{ body: { padding: 0, background: '#0f2c4f' }, header: { display: 'none' } }}
        >
          <AppBrand isCompact={false} />
          {menu}
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            borderBottom: '1px solid #e8e8e8',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          {isPhone && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label="打开菜单"
              onClick={() => setDrawerOpen(true)}
            />
          )}
          <div
            style={{
              flex: 1,
              minWidth: 0,
              fontWeight: 600,
              color: '#1d4e89',
              whiteSpace: 'nowrap',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
            }}
          >
            {isPhone ? '法治平台' : '行政执法监督与绩效考核平台'}
          </div>
          <HeaderBadge />
          <UserMenu user={user} isPhone={isPhone} />
        </Layout.Header>
        <Layout.Content style={{ padding: isPhone ? 12 : 24 }}>
          {crumbs.length > 1 && (
            <Breadcrumb
              style={{ marginBottom: isPhone ? 8 : 12 }}
              items={crumbs.map((crumb) => ({
                title: crumb.href ? <Link to={crumb.href}>{crumb.label}</Link> : crumb.label,
              }))}
            />
          )}
          <MenuLinksContext.Provider value={pages}>
            <Suspense fallback={<PageSpin />}>
              <Outlet />
            </Suspense>
          </MenuLinksContext.Provider>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
