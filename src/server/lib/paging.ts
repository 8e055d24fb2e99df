import { z } from 'zod';
import { zText } from '../../common/validation-zod.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

/** `page` (from 1) and `pageSize` query parameters shared by every list endpoint. */
export const PagingQuery = z.object({
  page: z.coerce
    .number({ error: '页码必须是数字' })
    .int()
    .min(1, '页码从 1 开始')
    .max(1_000_000, '页码过大')
    .default(1),
  pageSize: z.coerce
    .number({ error: '每页条数必须是数字' })
    .int()
    .min(1, '每页至少 1 条')
    .max(MAX_PAGE_SIZE, `每页最多 ${MAX_PAGE_SIZE} 条`)
    .default(DEFAULT_PAGE_SIZE),
});

/** A page of items with the total across all pages. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** Optional free-text search: trimmed, empty treated as absent. */
export const Keyword = zText()
  .trim()
  .max(100, '搜索词不能超过 100 个字符')
  .optional()
  .transform((value) => (value ? value : undefined));
