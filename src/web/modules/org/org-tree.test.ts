import { describe, expect, it } from 'vitest';
import type { OrgView } from './org.types.ts';
import { buildOrgTree, filterOrgTree, subtreeIds } from './org-tree.ts';

function org(id: number, parentId: number | null, name: string, path: string, sortOrder = 0): OrgView {
  return {
    id,
    parentId,
    path,
    kind: 'section',
    kindLabel: '科室/执法机构',
    name,
    shortName: null,
    uscc: null,
    docPrefix: null,
    sortOrder,
    isActive: true,
  };
}

const orgs = [
  org(3, 1, '市场监督管理局', '/1/3/', 2),
  org(1, null, '人民政府', '/1/'),
  org(2, 1, '司法局', '/1/2/', 1),
  org(4, 3, '执法大队', '/1/3/4/'),
  org(5, 2, '办公室', '/1/2/5/'),
];

describe('buildOrgTree', () => {
  it('nests by parentId and orders siblings by sortOrder', () => {
    const [root] = buildOrgTree(orgs);
    expect(root?.org.id).toBe(1);
    expect(root?.children.map((node) => node.org.id)).toEqual([2, 3]);
  });
});

describe('filterOrgTree', () => {
  it('keeps matches with their ancestors only', () => {
    const [root] = filterOrgTree(buildOrgTree(orgs), '大队');
    expect(root?.children.map((node) => node.org.id)).toEqual([3]);
    expect(root?.children[0]?.children.map((node) => node.org.id)).toEqual([4]);
  });

  it('returns nothing when no org matches', () => {
    expect(filterOrgTree(buildOrgTree(orgs), '不存在')).toEqual([]);
  });
});

describe('subtreeIds', () => {
  it('includes the org and its descendants', () => {
    expect([...subtreeIds(orgs, 3)].sort()).toEqual([3, 4]);
  });
});
