import { z } from 'zod';
import { zIdParam, zText } from '../../../../common/validation-zod.ts';
import { Keyword, PagingQuery, pageOf } from '../../../lib/paging.ts';

const Year = z.coerce
  .number({ error: '年度应为数字' })
  .int('年度应为整数')
  .min(2000, '年度无效')
  .max(2100, '年度无效');
const IsoDate = zText().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** 发文机关代字: Chinese characters (and letters), no brackets, as it prints before 〔year〕 */
const Prefix = z
  .string({ error: '请填写发文机关代字' })
  .trim()
  .min(1, '请填写发文机关代字')
  .max(20, '发文机关代字不能超过 20 个字')
  .refine((value) => !/[〔〕[\]［］【】()（）\s\d]/.test(value), '发文机关代字不能含括号、空格或数字');

export const RegisterCreateBody = z.object({
  orgId: z.number({ error: '请选择发文单位' }).int().positive('请选择发文单位'),
  code: z
    .string({ error: '请填写登记簿代码' })
    .trim()
    .regex(/^[a-z][a-z_]*$/, '登记簿代码只能是小写英文字母和下划线，如 supervision'),
  name: z
    .string({ error: '请填写登记簿名称' })
    .trim()
    .min(1, '请填写登记簿名称')
    .max(50, '登记簿名称不能超过 50 个字'),
  prefix: Prefix,
});
export type RegisterCreateBody = z.infer<typeof RegisterCreateBody>;

export const RegisterUpdateBody = z.object({
  name: zText().trim().min(1, '请填写登记簿名称').max(50, '登记簿名称不能超过 50 个字').optional(),
  prefix: Prefix.optional(),
  isActive: z.boolean({ error: '启用状态应为是或否' }).optional(),
  /** the next number of `year` (continuing a paper register); never below what was issued */
  year: Year.optional(),
  nextNumber: z
    .number({ error: '下一个文号应为数字' })
    .int('下一个文号应为整数')
    .min(1, '下一个文号从 1 开始')
    .optional(),
});
export type RegisterUpdateBody = z.infer<typeof RegisterUpdateBody>;

export const RegisterView = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: zText(),
  code: zText(),
  name: zText(),
  prefix: zText(),
  isActive: z.boolean(),
  year: z.number(),
  nextNumber: z.number(),
  /** what the next number will print as */
  nextDocumentNumber: zText(),
  canManage: z.boolean(),
});
export type RegisterView = z.infer<typeof RegisterView>;

export const RegisterListQuery = z.object({ year: Year.optional() });

export const IssuedListQuery = PagingQuery.extend({
  registerId: zIdParam('登记簿编号应为数字').optional(),
  year: Year.optional(),
  status: z.enum(['issued', 'withdrawn'], { error: '状态只能是已发文或已撤回' }).optional(),
  keyword: Keyword,
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type IssuedListQuery = z.infer<typeof IssuedListQuery>;

export const IssuedDocumentView = z.object({
  id: z.number(),
  registerId: z.number(),
  registerName: zText(),
  orgId: z.number(),
  orgName: zText(),
  year: z.number(),
  sequence: z.number(),
  number: zText(),
  title: zText(),
  recipient: zText(),
  issuedOn: zText(),
  signedBy: zText().nullable(),
  status: z.enum(['issued', 'withdrawn']),
  statusLabel: zText(),
  withdrawnReason: zText().nullable(),
  source: z.object({
    domain: zText(),
    recordType: zText(),
    recordId: z.number(),
    /** what kind of record it is (考核结果通报 …) */
    label: zText(),
    /** the web path of the record, when its domain gave one */
    link: zText().nullable(),
  }),
});
export type IssuedDocumentView = z.infer<typeof IssuedDocumentView>;

export const IssuedPage = pageOf(IssuedDocumentView);
