/**
 * One page of a filtered list and the total across all pages, from one query: the page as the
 * query orders it, and the same query's count with its selection and order cleared. The two run
 * side by side.
 */
import { type SelectQueryBuilder, sql } from 'kysely';

export interface PageRequest {
  /** from 1 */
  page: number;
  pageSize: number;
}

export async function fetchPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  { page, pageSize }: PageRequest,
): Promise<{ items: O[]; total: number }> {
  const [items, count] = await Promise.all([
    query
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.clearSelect().clearOrderBy().select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number((count as { total: string }).total) };
}
