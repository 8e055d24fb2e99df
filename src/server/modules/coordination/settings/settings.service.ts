/** The county's editable coordination time limits (defaults in src/common/coordination.ts). */
import { z } from 'zod';
import {
  COORDINATION_PARAMETER_LABELS,
  COORDINATION_PARAMETER_RANGE,
  type CoordinationParameters,
  DEFAULT_COORDINATION_PARAMETERS,
} from '../../../../common/coordination.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan } from '../../../lib/access.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { countyOf } from '../coordination.policy.ts';
import { findCoordinationSetting, upsertCoordinationSetting } from './settings.repository.ts';

const parameter = (key: keyof CoordinationParameters) => {
  const [min, max] = COORDINATION_PARAMETER_RANGE[key];
  const label = COORDINATION_PARAMETER_LABELS[key];
  return z
    .number({ error: `${label}应为整数` })
    .int(`${label}应为整数`)
    .min(min, `${label}不能小于 ${min}`)
    .max(max, `${label}不能大于 ${max}`);
};

export const CoordinationParametersSchema = z.object({
  reviewDays: parameter('reviewDays'),
  viewDays: parameter('viewDays'),
  concludeDays: parameter('concludeDays'),
  executionDays: parameter('executionDays'),
  warnDays: parameter('warnDays'),
});

export const CoordinationSettingsView = CoordinationParametersSchema.extend({
  isDefault: z.boolean(),
  defaults: CoordinationParametersSchema,
});
export type CoordinationSettingsView = z.infer<typeof CoordinationSettingsView>;

/** The parameters in force in the county (its row, else the defaults). */
export async function loadCoordinationParameters(
  db: Db,
  countyOrgId: number,
): Promise<CoordinationParameters & { isDefault: boolean }> {
  const row = await findCoordinationSetting(db, countyOrgId);
  if (!row) return { ...DEFAULT_COORDINATION_PARAMETERS, isDefault: true };
  return {
    reviewDays: row.review_days,
    viewDays: row.view_days,
    concludeDays: row.conclude_days,
    executionDays: row.execution_days,
    warnDays: row.warn_days,
    isDefault: false,
  };
}

/** The actor's county's parameters, with the defaults beside them. */
export async function getCoordinationSettings(db: Db, actor: Actor): Promise<CoordinationSettingsView> {
  assertCan(actor, 'coordination.read');
  const parameters = await loadCoordinationParameters(db, actorCounty(actor).countyOrgId);
  return { ...parameters, defaults: { ...DEFAULT_COORDINATION_PARAMETERS } };
}

/** Sets the county's parameters (supervisors); disputes already filed keep the limits they started with. */
export async function setCoordinationSettings(
  db: Db,
  actor: Actor,
  body: CoordinationParameters,
): Promise<CoordinationSettingsView> {
  assertCan(actor, 'coordination.manage');
  const { countyOrgId } = actorCounty(actor);
  await db.transaction().execute(async (trx) => {
    const before = await loadCoordinationParameters(trx, countyOrgId);
    const values = {
      review_days: body.reviewDays,
      view_days: body.viewDays,
      conclude_days: body.concludeDays,
      execution_days: body.executionDays,
      warn_days: body.warnDays,
      updated_by: actor.id,
    };
    await upsertCoordinationSetting(trx, countyOrgId, values);
    await recordAudit(trx, actor, {
      action: 'coordination.settings_set',
      entityType: 'coordination_setting',
      entityId: countyOrgId,
      orgId: countyOrgId,
      before,
      after: body,
    });
  });
  return getCoordinationSettings(db, actor);
}

/** The county of the actor's widest scope (the bureau's staff have the county root). */
function actorCounty(actor: Actor) {
  const path = actor.scopePaths[0];
  if (!path) throw new RangeError('actor without scope');
  return countyOf(path);
}
