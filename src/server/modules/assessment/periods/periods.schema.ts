import { z } from 'zod';
import { parsePeriodKey } from '../../../../common/format.ts';
import { zId, zIdParam, zText } from '../../../../common/validation-zod.ts';

export const PeriodParams = z.object({
  id: zIdParam('编号无效'),
});
export const VersionParams = PeriodParams;

const ids = (label: string) =>
  z.array(
    z
      .number({ error: `${label}编号应为数字` })
      .int()
      .positive(`${label}编号无效`),
    {
      error: `${label}应为编号列表`,
    },
  );

export const PeriodOpenBody = z.object({
  schemeVersionId: zId('请选择考核方案版本'),
  periodKey: z
    .string({ error: '请填写考核周期' })
    .trim()
    .refine((key) => parsePeriodKey(key) !== null, {
      error: '考核周期应写为 2025-Q3、2025-H1、2025 或 2025-03',
    }),
  /** officer ids (officer schemes) or organisation ids; or every officer/organisation under `underOrgId` */
  subjectIds: ids('考核对象').optional(),
  underOrgId: zId().optional(),
  /** group id → section org id; unnamed groups are matched to sections by the assessor's name */
  groupOwners: z.record(zText(), zId().nullable()).optional(),
  appealDays: z.number().int().min(1).max(30).optional(),
  decisionDays: z.number().int().min(1).max(30).optional(),
});
export type PeriodOpenBody = z.infer<typeof PeriodOpenBody>;

export const GroupOwnerBody = z.object({
  groupId: zText().min(1, '请选择考核项目组'),
  orgId: zId().nullable(),
});

export const SchemeUploadBody = z.object({
  content: zText({ error: '请上传方案文件内容' }).min(1, '方案文件为空').max(1_000_000, '方案文件过大'),
});

export const PeriodView = z.object({
  id: z.number(),
  periodKey: zText(),
  label: zText(),
  status: z.enum(['open', 'computed', 'published', 'finalised']),
  statusLabel: zText(),
  schemeVersionId: z.number(),
  schemeId: zText(),
  schemeName: zText(),
  versionNo: z.number(),
  selfDueOn: zText().nullable(),
  publishedOn: zText().nullable(),
  appealClosesOn: zText().nullable(),
  appealDays: z.number(),
  decisionDays: z.number(),
  subjectCount: z.number(),
});
export type PeriodView = z.infer<typeof PeriodView>;
