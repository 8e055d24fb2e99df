import { z } from 'zod';
import { zId, zIdParam, zText } from '../../../../common/validation-zod.ts';
import { PROPOSAL_SOURCES } from './proposals.mapping.ts';

export const ProposalMappingQuery = z.object({ schemeVersionId: zIdParam('方案版本编号无效') });

export const ProposalMappingBody = z.object({
  schemeVersionId: zId('方案版本编号无效'),
  source: z.enum(PROPOSAL_SOURCES, { error: '数据来源无效' }),
  /** null = propose nothing: the fact is shown on the board for the assessor to judge */
  item: zText({ error: '考核项目编号应为文本' })
    .min(1, '请选择考核项目')
    .max(200, '考核项目编号过长')
    .nullable(),
});
export type ProposalMappingBody = z.infer<typeof ProposalMappingBody>;

const ItemChoice = z.object({ id: zText(), label: zText(), clause: zText().nullable() });

export const ProposalMappingView = z.object({
  schemeId: zText(),
  sources: z.array(
    z.object({
      source: z.enum(PROPOSAL_SOURCES),
      label: zText(),
      /** the item proposed under in this county; null = nothing proposed, fact shown on the board */
      item: ItemChoice.nullable(),
      /** the installation default and the seed wording that decided it */
      defaultItem: zText().nullable(),
      defaultReason: zText(),
      isCountyChoice: z.boolean(),
    }),
  ),
  /** every item a fact may be proposed under, with the seed's wording and clause */
  choices: z.array(ItemChoice),
});
export type ProposalMappingView = z.infer<typeof ProposalMappingView>;

export const ProposalDecisionBody = z.object({
  action: z.enum(['confirm', 'dismiss'], { error: '应为 确认(confirm) 或 不采纳(dismiss)' }),
  note: zText().trim().max(2_000).optional(),
});
