import { menuGroupOf } from './menu-groups.ts';

/**
 * Breadcrumbs for every inner page, from the data the menu is built from (issue 19): the menu
 * group (执法监督…), then each page whose route is a prefix of the URL, then the page itself. One
 * mechanism in the layout, so a new page gets its trail by being in the page list.
 */
export interface CrumbPage {
  path: string;
  label: string;
  roles?: readonly string[];
}

export interface Crumb {
  label: string;
  /** where the crumb leads; none for the group heading and the current page */
  href?: string;
}

function matches(pattern: string, segments: readonly string[]): boolean {
  const parts = pattern.split('/').filter(Boolean);
  return (
    parts.length === segments.length && parts.every((part, i) => part.startsWith(':') || part === segments[i])
  );
}

/** The page a URL opens: the matching route with the fewest parameters (`/cases/new` before `/cases/:id`). */
function pageAt<T extends CrumbPage>(pages: readonly T[], segments: readonly string[]): T | undefined {
  const paramCount = (page: T) => page.path.split('/').filter((part) => part.startsWith(':')).length;
  return pages
    .filter((page) => matches(page.path, segments))
    .sort((left, right) => paramCount(left) - paramCount(right))[0];
}

/** The trail for a URL; empty on the home page or a URL no page serves. */
export function breadcrumbsFor(
  pathname: string,
  pages: readonly CrumbPage[],
  roles: readonly string[],
): Crumb[] {
  const segments = pathname.split('/').filter(Boolean);
  if (segments.length === 0 || !pageAt(pages, segments)) return [];
  const canOpen = (page: CrumbPage) => !page.roles || page.roles.some((role) => roles.includes(role));
  const crumbs: Crumb[] = [];
  let topPath: string | undefined;
  for (let length = 1; length <= segments.length; length += 1) {
    const prefix = segments.slice(0, length);
    const page = pageAt(pages, prefix);
    if (!page) continue;
    topPath ??= page.path;
    const previous = crumbs.at(-1);
    const label = previous?.label === page.label ? `${page.label}详情` : page.label;
    const isCurrent = length === segments.length;
    crumbs.push(isCurrent || !canOpen(page) ? { label } : { label, href: `/${prefix.join('/')}` });
  }
  const group = topPath ? menuGroupOf(topPath) : undefined;
  return group ? [{ label: group.label }, ...crumbs] : crumbs;
}
