import { describe, expect, it } from 'vitest';
import { breadcrumbsFor } from './breadcrumbs.ts';
import { APP_PAGES } from './pages.tsx';

const trail = (path: string, roles: string[] = ['admin', 'supervisor', 'legal_officer', 'assessor']) =>
  breadcrumbsFor(path, APP_PAGES, roles);

describe('breadcrumbs from the page list and the menu groups', () => {
  it('leads a detail page back through its list to its group', () => {
    expect(trail('/officers/12')).toEqual([
      { label: '执法主体与人员' },
      { label: '执法人员', href: '/officers' },
      { label: '执法人员档案' },
    ]);
  });

  it('walks every route that is a prefix of the URL', () => {
    expect(trail('/assessment/periods/3/subjects/41')).toEqual([
      { label: '考核评价' },
      { label: '绩效考核', href: '/assessment/periods' },
      { label: '考核周期看板', href: '/assessment/periods/3' },
      { label: '考核成绩单' },
    ]);
  });

  it('names a detail that shares its list label as its 详情', () => {
    expect(trail('/supervision/matters/5').map((crumb) => crumb.label)).toEqual([
      '执法监督',
      '监督事项',
      '监督事项详情',
    ]);
  });

  it('gives a menu page its group, and the home page none', () => {
    expect(trail('/audit')).toEqual([{ label: '系统管理' }, { label: '审计日志' }]);
    expect(trail('/')).toEqual([]);
    expect(trail('/no-such-page')).toEqual([]);
  });

  it('does not link a page the account may not open', () => {
    const crumbs = breadcrumbsFor('/officers/12', APP_PAGES, ['nobody']);
    expect(crumbs.find((crumb) => crumb.label === '执法人员')?.href).toBeUndefined();
  });
});
