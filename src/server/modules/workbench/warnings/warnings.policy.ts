/** Warning tiers and recipient levels as data, with their Chinese labels. */
import type { Role } from '../../../../common/permissions.ts';
import type { WarningRecipientLevel, WarningTier } from '../../../db/schema.ts';
import type { WarningIndicator } from '../workbench.types.ts';

export const WARNING_TIERS = ['notice', 'warning', 'alarm'] as const satisfies readonly WarningTier[];
export const WARNING_TIER_LABELS: Readonly<Record<WarningTier, string>> = {
  notice: '提醒',
  warning: '预警',
  alarm: '报警',
};
export const RECIPIENT_LEVELS = ['unit', 'county'] as const satisfies readonly WarningRecipientLevel[];
export const RECIPIENT_LEVEL_LABELS: Readonly<Record<WarningRecipientLevel, string>> = {
  unit: '本单位及上级（范围内均可收到）',
  county: '仅县级',
};

/** A new county rule's values: the indicator's defaults, else a 预警 to the legal unit and supervisors. */
export function defaultRuleOf(indicator: WarningIndicator): {
  params: Record<string, number>;
  tier: WarningTier;
  roles: Role[];
  level: WarningRecipientLevel;
} {
  return {
    params: indicator.defaultParams,
    tier: indicator.defaultTier ?? 'warning',
    roles: indicator.defaultRecipients?.roles ?? ['legal_officer', 'supervisor'],
    level: indicator.defaultRecipients?.level ?? 'unit',
  };
}

/** A rule's stored params over the indicator's defaults (a key the indicator lacks is dropped). */
export function effectiveParams(indicator: WarningIndicator, stored: unknown): Record<string, number> {
  const values = (typeof stored === 'string' ? JSON.parse(stored) : stored) as Record<string, unknown> | null;
  const params: Record<string, number> = { ...indicator.defaultParams };
  for (const key of Object.keys(params)) {
    const value = values?.[key];
    if (typeof value === 'number' && Number.isFinite(value)) params[key] = value;
  }
  return params;
}
