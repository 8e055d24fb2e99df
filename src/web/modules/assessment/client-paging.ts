import { type QueryKey, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Page } from '../../components/PagedResults.tsx';

/**
 * Pages a whole-array list in the browser so PagedResults shows it like any server list: the
 * periods (a county opens a handful a year) and the published ranking as a subject reads it (the
 * 公示 table comes whole, as posted). Lists worked on (subjects, records, appeals) are paged by the
 * server (use-server-page.ts).
 */
export function useClientPagedQuery<T>(
  queryKey: QueryKey,
  queryFn: () => Promise<T[]>,
  options: { pageSize?: number; filter?: (item: T) => boolean; enabled?: boolean } = {},
): {
  query: UseQueryResult<Page<T>>;
  page: number;
  pageSize: number;
  onPageChange(page: number, pageSize: number): void;
} {
  const [paging, setPaging] = useState({ page: 1, pageSize: options.pageSize ?? 20 });
  const { filter } = options;
  const query = useQuery({
    queryKey,
    queryFn,
    enabled: options.enabled ?? true,
    select: (rows: T[]): Page<T> => {
      const kept = filter ? rows.filter(filter) : rows;
      const start = (paging.page - 1) * paging.pageSize;
      return { items: kept.slice(start, start + paging.pageSize), total: kept.length };
    },
  });
  return {
    query,
    page: paging.page,
    pageSize: paging.pageSize,
    onPageChange: (page, pageSize) => setPaging({ page, pageSize }),
  };
}
