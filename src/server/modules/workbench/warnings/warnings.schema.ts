import { z } from 'zod';
import { ROLES } from '../../../../common/permissions.ts';
import { zIdParam, zText } from '../../../../common/validation-zod.ts';
import { PagingQuery, pageOf } from '../../../lib/paging.ts';
import { RECIPIENT_LEVELS, WARNING_TIERS } from './warnings.policy.ts';

export const RuleIdParams = z.object({
  id: zIdParam('编号无效'),
});

export const WarningRuleView = z.object({
  id: z.number(),
  indicatorCode: zText(),
  label: zText(),
  clause: zText(),
  domain: zText(),
  params: z.record(zText(), z.number()),
  paramLabels: z.record(zText(), zText()),
  defaultParams: z.record(zText(), z.number()),
  tier: z.enum(WARNING_TIERS),
  tierLabel: zText(),
  recipientRoles: z.array(z.enum(ROLES)),
  recipientLevel: z.enum(RECIPIENT_LEVELS),
  isEnabled: z.boolean(),
  openAlerts: z.number(),
  updatedAt: zText(),
});
export type WarningRuleView = z.infer<typeof WarningRuleView>;

export const PassView = z.object({
  trigger: z.enum(['start', 'nightly', 'manual']),
  startedAt: zText(),
  durationMs: z.number(),
  raised: z.number(),
  closed: z.number(),
  openAfter: z.number(),
});

export const WarningRuleList = z.object({ items: z.array(WarningRuleView), lastPass: PassView.nullable() });

export const WarningRuleBody = z.object({
  params: z.record(
    zText(),
    z
      .number({ error: '参数应为数字' })
      .int('参数应为整数')
      .min(0, '参数不能为负数')
      .max(3650, '参数不能超过 3650'),
    { error: '参数应为名称到数字的对照' },
  ),
  tier: z.enum(WARNING_TIERS, { error: '级别应为提醒、预警或报警' }),
  recipientRoles: z
    .array(z.enum(ROLES, { error: '接收角色无效' }), { error: '请选择接收角色' })
    .min(1, '请至少选择一个接收角色'),
  recipientLevel: z.enum(RECIPIENT_LEVELS, { error: '接收层级应为本单位或县级' }),
  isEnabled: z.boolean({ error: '请选择是否启用' }),
});
export type WarningRuleBody = z.infer<typeof WarningRuleBody>;

export const AlertListQuery = PagingQuery.extend({
  state: z.enum(['open', 'closed', 'all'], { error: '状态应为 open、closed 或 all' }).default('open'),
  unread: z
    .enum(['true', 'false'], { error: '应为 true 或 false' })
    .optional()
    .transform((value) => value === 'true'),
  tier: z.enum(WARNING_TIERS, { error: '级别应为提醒、预警或报警' }).optional(),
});
export type AlertListQuery = z.infer<typeof AlertListQuery>;

export const AlertView = z.object({
  id: z.number(),
  indicatorCode: zText(),
  label: zText(),
  tier: z.enum(WARNING_TIERS),
  tierLabel: zText(),
  message: zText(),
  link: zText(),
  orgId: z.number(),
  orgName: zText(),
  value: z.number().nullable(),
  raisedAt: zText(),
  closedAt: zText().nullable(),
  /** when the reader read it; null = unread */
  readAt: zText().nullable(),
  /** 已读回执: everyone who has read it */
  readBy: z.array(z.object({ name: zText(), at: zText() })),
});
export const AlertPage = pageOf(AlertView);

export const AlertCounts = z.object({
  unread: z.number(),
  notice: z.number(),
  warning: z.number(),
  alarm: z.number(),
});
export type AlertCounts = z.infer<typeof AlertCounts>;

export const PassResult = z.object({
  counties: z.array(PassView.extend({ countyId: z.number() })),
});
