import type { OrgView } from './org.types.ts';

/** An organisation with its children, siblings ordered by sortOrder then id. */
export interface OrgNode {
  org: OrgView;
  children: OrgNode[];
}

/** Builds the forest from the flat list; an org whose parent is outside the list becomes a root. */
export function buildOrgTree(orgs: readonly OrgView[]): OrgNode[] {
  const nodes = new Map<number, OrgNode>(orgs.map((org) => [org.id, { org, children: [] }]));
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.org.parentId === null ? undefined : nodes.get(node.org.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: OrgNode[]) => {
    list.sort((left, right) => left.org.sortOrder - right.org.sortOrder || left.org.id - right.org.id);
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** True when the org's name or short name contains the keyword (case-insensitive). */
export function orgMatches(org: OrgView, keyword: string): boolean {
  const needle = keyword.trim().toLowerCase();
  if (!needle) return true;
  return [org.name, org.shortName ?? ''].some((text) => text.toLowerCase().includes(needle));
}

/** Keeps matching nodes and their ancestors (a matching node keeps its whole subtree). */
export function filterOrgTree(nodes: readonly OrgNode[], keyword: string): OrgNode[] {
  if (!keyword.trim()) return [...nodes];
  const result: OrgNode[] = [];
  for (const node of nodes) {
    if (orgMatches(node.org, keyword)) {
      result.push(node);
      continue;
    }
    const children = filterOrgTree(node.children, keyword);
    if (children.length > 0) result.push({ org: node.org, children });
  }
  return result;
}

/** Ids of every node that has children (to expand a filtered tree fully). */
export function collectParentIds(nodes: readonly OrgNode[]): number[] {
  return nodes.flatMap((node) =>
    node.children.length > 0 ? [node.org.id, ...collectParentIds(node.children)] : [],
  );
}

/** The ids of an org and everything under it, e.g. to keep a move from targeting its own subtree. */
export function subtreeIds(orgs: readonly OrgView[], rootId: number): Set<number> {
  const root = orgs.find((org) => org.id === rootId);
  if (!root) return new Set();
  return new Set(orgs.filter((org) => org.path.startsWith(root.path)).map((org) => org.id));
}
