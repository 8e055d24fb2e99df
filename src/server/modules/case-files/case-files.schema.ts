import { z } from 'zod';
import { DATE_RULES } from '../../../common/date-rules.ts';
import { zIdParam, zRuleDate, zText } from '../../../common/validation-zod.ts';
import { Keyword, PagingQuery, pageOf } from '../../lib/paging.ts';
import { CASE_KINDS, RECORD_STATES } from '../cases/cases.policy.ts';
import { CaseListItem } from '../cases/records/cases.schema.ts';
import { FILE_TRAIT_CODES, type FileTrait } from './catalogue.ts';

export const IdParams = z.object({ id: zIdParam('编号无效') });
export const CodeParams = z.object({ code: zText().regex(/^[LPR]\d{2}$/, '文书种类代码无效') });

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字符`)
    .nullable()
    .optional()
    .transform((value) => value || null);

/** 第十六条 cover fields kept on the file (the rest come from the case) and the file's traits. */
export const CaseFileBody = z.object({
  archiveNo: optionalText('档号', 60),
  category: optionalText('案卷类别', 30),
  fileNo: optionalText('卷宗号', 60),
  retentionPeriod: optionalText('归档期限', 30),
  traits: z.array(z.enum(FILE_TRAIT_CODES as [string, ...string[]], { error: '案卷情形无效' })).max(30),
});
export type CaseFileBody = z.infer<typeof CaseFileBody>;

export const DocumentBody = z
  .object({
    volume: z.enum(['main', 'restricted'], { error: '卷别应为正卷或副卷' }),
    sequence: z.number().int().min(1, '顺序号从 1 开始').max(500),
    kindCode: zText().regex(/^[LPR]\d{2}$/, '文书种类代码无效'),
    title: optionalText('文书标题', 200),
    pageFrom: z.number().int().min(1, '起始页码从 1 开始').max(100_000),
    pageTo: z.number().int().min(1).max(100_000),
    isOriginal: z.boolean().default(true),
    verifiedBy: optionalText('核对人', 50),
    verifiedOn: zRuleDate(DATE_RULES.caseDocumentVerifiedOn).nullable().optional(),
    copySource: optionalText('来源', 200),
    formedOn: zRuleDate(DATE_RULES.caseDocumentFormedOn).nullable().optional(),
  })
  .refine((body) => body.pageTo >= body.pageFrom, { message: '终止页码不能小于起始页码', path: ['pageTo'] });
export type DocumentBody = z.infer<typeof DocumentBody>;

export const ArchiveBody = z.object({
  overrideReason: zText().trim().max(1000, '理由不能超过 1000 个字符').optional(),
});

const TraitList = z.array(z.enum(FILE_TRAIT_CODES as [FileTrait, ...FileTrait[]], { error: '案卷情形无效' }));
export const RuleBody = z.object({
  // a keyword, one trait, or a condition over traits (any / all / none of), issue 18 point 1
  requiredWhen: z.union(
    [
      z.enum(['always', 'optional', ...FILE_TRAIT_CODES] as ['always', 'optional', ...FileTrait[]]),
      z
        .strictObject({ any: TraitList.optional(), all: TraitList.optional(), none: TraitList.optional() })
        .refine((rule) => Object.values(rule).some((traits) => traits.length > 0)),
    ],
    { error: '应为必备、可选、某一案卷情形，或按案卷情形（任一、全部、均无）组合的条件' },
  ),
});

export const KindParams = z.object({ kind: z.enum(CASE_KINDS, { error: '案件类别无效' }) });
export const KindStandardBody = z.object({ isBinding: z.boolean({ error: '请选择是否按规范强制检查' }) });

export const FindingView = z.object({
  code: zText(),
  clause: zText(),
  message: zText(),
  volume: z.enum(['main', 'restricted']).optional(),
  documentId: z.number().optional(),
  kindCode: zText().optional(),
  isAdvisory: z.boolean().optional(),
});

export const CaseFileView = z.object({
  id: z.number(),
  caseId: z.number(),
  status: z.enum(['open', 'archived']),
  statusLabel: zText(),
  mainCatalogue: z.enum(['licensing', 'penalty']),
  traits: z.array(zText()),
  cover: z.record(zText(), zText().nullable()),
  coverLabels: z.record(zText(), zText()),
  documents: z.array(
    z.object({
      id: z.number(),
      volume: z.enum(['main', 'restricted']),
      sequence: z.number(),
      kindCode: zText(),
      kindLabel: zText(),
      title: zText().nullable(),
      pageFrom: z.number(),
      pageTo: z.number(),
      isOriginal: z.boolean(),
      verifiedBy: zText().nullable(),
      verifiedOn: zText().nullable(),
      formedOn: zText().nullable(),
      copySource: zText().nullable(),
      attachments: z.array(
        z.object({
          id: z.number(),
          fileName: zText(),
          contentType: zText(),
          sizeBytes: z.number(),
          sha256: zText(),
        }),
      ),
    }),
  ),
  check: z.object({ passes: z.boolean(), findings: z.array(FindingView) }),
  archiveOverrideReason: zText().nullable(),
});
export type CaseFileView = z.infer<typeof CaseFileView>;

/** The case-file list: the case list's filters, the file's status and its check's outcome. */
export const CaseFileListQuery = PagingQuery.extend({
  keyword: Keyword,
  orgId: zIdParam('单位无效').optional(),
  kind: z.enum(CASE_KINDS, { error: '案件类别无效' }).optional(),
  state: z.enum(RECORD_STATES, { error: '记录表状态无效' }).optional(),
  fileStatus: z
    .enum(['none', 'open', 'archived'], { error: '案卷状态应为未立卷、立卷中或已归档' })
    .optional(),
  checkPasses: z
    .enum(['true', 'false'], { error: '完整性检查应为通过或未通过' })
    .transform((value) => value === 'true')
    .optional(),
});
export type CaseFileListQuery = z.infer<typeof CaseFileListQuery>;

export const CaseFileListItem = CaseListItem.extend({
  /** null: no file yet (未立卷) */
  file: z
    .object({
      id: z.number(),
      status: z.enum(['open', 'archived']),
      statusLabel: zText(),
      archivedOn: zText().nullable(),
      /** the stored completeness check (null only if it could not be computed) */
      checkPasses: z.boolean().nullable(),
      findingCount: z.number().nullable(),
    })
    .nullable(),
});
/** isTotalCapped: more than `total` match (counted up to 10,000, as the case list). */
export const CaseFileListPage = pageOf(CaseFileListItem).extend({ isTotalCapped: z.boolean() });
