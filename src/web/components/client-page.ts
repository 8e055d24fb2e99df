import type { UseQueryResult } from '@tanstack/react-query';
import type { Page } from './PagedResults.tsx';

/**
 * A whole-list answer (`{ items }`, a county's log that stays small) as one page of it, so the
 * list renders through PagedResults with the same paging, skeleton and empty state as server pages.
 */
export function clientPage<T>(
  query: UseQueryResult<{ items: T[] }>,
  page: number,
  pageSize: number,
): UseQueryResult<Page<T>> {
  if (!query.data) return query as unknown as UseQueryResult<Page<T>>;
  const { items } = query.data;
  const data: Page<T> = { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length };
  return { ...query, data } as UseQueryResult<Page<T>>;
}
