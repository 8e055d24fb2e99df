import { z } from 'zod';
import { zId, zIdParam, zText, zUscc } from '../../../common/validation-zod.ts';
import { Keyword } from '../../lib/paging.ts';

export const ORG_KINDS = [
  'government',
  'justice_bureau',
  'agency',
  'township',
  'justice_office',
  'section',
  'legal_unit',
  'leading_group',
] as const;

const OrgKindField = z.enum(ORG_KINDS, { error: '机构类型无效' });
const OrgName = z
  .string({ error: '请填写机构名称' })
  .trim()
  .min(1, '请填写机构名称')
  .max(100, '机构名称不能超过 100 个字符');
const ShortName = zText().trim().max(30, '简称不能超过 30 个字符').nullable().optional();
const DocPrefix = zText().trim().max(10, '文号前缀不能超过 10 个字符').nullable().optional();
/** Optional: '' or null clears it; a given code must pass the GB 32100 checksum. */
const OptionalUscc = z.preprocess((value) => (value === '' ? null : value), zUscc.nullable()).optional();

export const OrgListQuery = z.object({
  keyword: Keyword,
  kind: OrgKindField.optional(),
  includeInactive: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
});
export type OrgListQuery = z.infer<typeof OrgListQuery>;

export const OrgCreateBody = z.object({
  parentId: zId('请选择上级机构'),
  kind: OrgKindField,
  name: OrgName,
  shortName: ShortName,
  uscc: OptionalUscc,
  docPrefix: DocPrefix,
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});
export type OrgCreateBody = z.infer<typeof OrgCreateBody>;

export const OrgUpdateBody = z
  .object({
    name: OrgName.optional(),
    shortName: ShortName,
    uscc: OptionalUscc,
    docPrefix: DocPrefix,
    sortOrder: z.number().int().min(0).max(100_000).optional(),
    isActive: z.boolean({ error: '启用状态应为是或否' }).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: '没有需要修改的内容' });
export type OrgUpdateBody = z.infer<typeof OrgUpdateBody>;

export const OrgMoveBody = z.object({
  parentId: zId('请选择新的上级机构'),
});

export const OrgIdParams = z.object({
  id: zIdParam('机构编号无效'),
});

export const OrgView = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  path: zText(),
  kind: OrgKindField,
  kindLabel: zText(),
  name: zText(),
  shortName: zText().nullable(),
  uscc: zText().nullable(),
  docPrefix: zText().nullable(),
  sortOrder: z.number(),
  isActive: z.boolean(),
});
export type OrgView = z.infer<typeof OrgView>;
