import { keepPreviousData, type QueryKey, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Page } from '../../components/PagedResults.tsx';

/**
 * A server-paged assessment list for PagedResults: the filter (with page and pageSize) is part
 * of the query key; changing any filter field starts again at page 1.
 */
export function useServerPage<T, F extends { page: number; pageSize: number }, P extends Page<T> = Page<T>>(
  queryKey: QueryKey,
  fetchPage: (filter: F) => Promise<P>,
  initial: F,
  options: { enabled?: boolean } = {},
): {
  query: UseQueryResult<P>;
  page: number;
  pageSize: number;
  onPageChange(page: number, pageSize: number): void;
  filter: F;
  setFilter(patch: Partial<Omit<F, 'page' | 'pageSize'>>): void;
} {
  const [filter, setFilterState] = useState<F>(initial);
  const query = useQuery({
    queryKey: [...queryKey, filter],
    queryFn: () => fetchPage(filter),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
  return {
    query,
    page: filter.page,
    pageSize: filter.pageSize,
    onPageChange: (page, pageSize) => setFilterState((current) => ({ ...current, page, pageSize })),
    filter,
    setFilter: (patch) => setFilterState((current) => ({ ...current, ...patch, page: 1 })),
  };
}
