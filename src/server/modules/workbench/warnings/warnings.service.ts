/**
 * 预警 as data (issue 17): a county's rules (defaults from the indicators, edited by the admin), the
 * pass that turns the indicators' hits into stored alerts — a new cause raises one alert, a cause
 * gone closes its alert, an open cause is never raised twice — and each account's inbox with read
 * receipts.
 */

import { todayInShanghai } from '../../../../common/format.ts';
import { ROLES } from '../../../../common/permissions.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan } from '../../../lib/access.ts';
import { invalid, notFound } from '../../../lib/errors.ts';
import { countyIdOf, findActorOrgPath } from '../../assessment/assessment.access.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { WarningIndicator } from '../workbench.types.ts';
import { indicatorByCode, WARNING_INDICATORS } from './indicators.ts';
import { defaultRuleOf, effectiveParams, WARNING_TIER_LABELS } from './warnings.policy.ts';
import {
  type AlertValues,
  closeAlerts,
  countOpenAlerts,
  countOpenAlertsByRule,
  countUnreadByTier,
  findCounties,
  findInboxAlert,
  findInboxPage,
  findLastPass,
  findOpenCauseKeys,
  findReads,
  findRuleById,
  findRules,
  type InboxReader,
  insertAlerts,
  insertMissingRules,
  insertPass,
  insertRead,
  updateRuleRow,
} from './warnings.repository.ts';
import type { AlertCounts, AlertListQuery, WarningRuleBody, WarningRuleView } from './warnings.schema.ts';

type RuleRow = Awaited<ReturnType<typeof findRules>>[number];

/** The county's rules, the missing defaults first inserted (one per indicator). */
export async function ensureRules(db: Db, countyId: number): Promise<RuleRow[]> {
  await insertMissingRules(
    db,
    WARNING_INDICATORS.map((indicator) => {
      const rule = defaultRuleOf(indicator);
      return {
        county_org_id: countyId,
        indicator_code: indicator.code,
        params: rule.params,
        tier: rule.tier,
        recipient_roles: rule.roles,
        recipient_level: rule.level,
      };
    }),
  );
  return findRules(db, countyId);
}

function presentRule(rule: RuleRow, indicator: WarningIndicator, openAlerts: number): WarningRuleView {
  return {
    id: rule.id,
    indicatorCode: rule.indicator_code,
    label: indicator.label,
    clause: indicator.clause,
    domain: indicator.domain,
    params: effectiveParams(indicator, rule.params),
    paramLabels: indicator.paramLabels ?? {},
    defaultParams: indicator.defaultParams,
    tier: rule.tier,
    tierLabel: WARNING_TIER_LABELS[rule.tier],
    recipientRoles: rule.recipient_roles.filter((role) => (ROLES as readonly string[]).includes(role)),
    recipientLevel: rule.recipient_level,
    isEnabled: rule.is_enabled,
    openAlerts,
    updatedAt: rule.updated_at.toISOString(),
  };
}

async function countyOfActor(db: Db, actor: Actor): Promise<{ countyId: number; countyPath: string }> {
  const countyId = countyIdOf(await findActorOrgPath(db, actor));
  return { countyId, countyPath: `/${countyId}/` };
}

async function openByRule(db: Db, countyId: number): Promise<Map<number, number>> {
  const rows = await countOpenAlertsByRule(db, countyId);
  return new Map(rows.map((row) => [row.rule_id, Number(row.count)]));
}

const presentPass = (pass: NonNullable<Awaited<ReturnType<typeof findLastPass>>>) => ({
  trigger: pass.trigger,
  startedAt: pass.started_at.toISOString(),
  durationMs: pass.duration_ms,
  raised: pass.raised,
  closed: pass.closed,
  openAfter: pass.open_after,
});

export async function listRules(db: Db, actor: Actor) {
  assertCan(actor, 'warning_rule.read');
  const { countyId } = await countyOfActor(db, actor);
  const rules = await ensureRules(db, countyId);
  const open = await openByRule(db, countyId);
  const lastPass = await findLastPass(db, countyId);
  return {
    items: rules.flatMap((rule) => {
      const indicator = indicatorByCode(rule.indicator_code);
      return indicator ? [presentRule(rule, indicator, open.get(rule.id) ?? 0)] : [];
    }),
    lastPass: lastPass ? presentPass(lastPass) : null,
  };
}

/** The admin edits a rule of their own county: params by the indicator's names, tier, recipients, on/off. */
export async function updateRule(db: Db, actor: Actor, id: number, body: WarningRuleBody) {
  assertCan(actor, 'warning_rule.write');
  const { countyId } = await countyOfActor(db, actor);
  const rule = await findRuleById(db, id);
  if (!rule || rule.county_org_id !== countyId) throw notFound('预警规则');
  const indicator = indicatorByCode(rule.indicator_code);
  if (!indicator) throw notFound('预警规则');
  const unknown = Object.keys(body.params).filter((key) => !(key in indicator.defaultParams));
  if (unknown.length > 0) {
    throw invalid(unknown.map((key) => ({ field: `params.${key}`, message: `该指标没有参数「${key}」` })));
  }
  const params = { ...effectiveParams(indicator, rule.params), ...body.params };
  return db.transaction().execute(async (trx) => {
    const updated = await updateRuleRow(trx, id, {
      params,
      tier: body.tier,
      recipient_roles: body.recipientRoles,
      recipient_level: body.recipientLevel,
      is_enabled: body.isEnabled,
      updated_by: actor.id,
    });
    await recordAudit(trx, actor, {
      action: 'warning_rule.update',
      entityType: 'warning_rule',
      entityId: id,
      orgId: countyId,
      before: presentRule(rule, indicator, 0),
      after: presentRule(updated, indicator, 0),
    });
    return presentRule(updated, indicator, (await openByRule(trx, countyId)).get(id) ?? 0);
  });
}

/**
 * One pass over a county: for each enabled rule, the indicator's current causes; a cause without an
 * open alert raises one, an open alert whose cause is gone (or whose rule is now off) closes.
 */
export async function runCountyPass(
  db: Db,
  county: { id: number; path: string },
  trigger: 'start' | 'nightly' | 'manual',
  options: { today?: string; triggeredBy?: number | null } = {},
) {
  const started = new Date();
  const startedMs = performance.now();
  const today = options.today ?? todayInShanghai(started);
  const rules = await ensureRules(db, county.id);
  let raised = 0;
  let closed = 0;
  for (const rule of rules) {
    const indicator = indicatorByCode(rule.indicator_code);
    const open = await findOpenCauseKeys(db, rule.id);
    const hits =
      rule.is_enabled && indicator
        ? await indicator.findHits({
            db,
            countyPath: county.path,
            today,
            params: effectiveParams(indicator, rule.params),
          })
        : [];
    const current = new Set(hits.map((hit) => hit.causeKey));
    const fresh: AlertValues[] = hits
      .filter((hit) => !open.has(hit.causeKey))
      .map((hit) => ({
        rule_id: rule.id,
        county_org_id: county.id,
        cause_key: hit.causeKey,
        org_id: hit.orgId,
        user_ids: hit.userIds ?? [],
        tier: rule.tier,
        message: hit.message,
        link: hit.link,
        value: hit.value ?? null,
      }));
    const gone = [...open].filter(([key]) => !current.has(key)).map(([, id]) => id);
    await db.transaction().execute(async (trx) => {
      raised += await insertAlerts(trx, fresh);
      closed += await closeAlerts(trx, gone);
    });
  }
  const pass = await insertPass(db, {
    county_org_id: county.id,
    trigger,
    started_at: started,
    duration_ms: Math.round(performance.now() - startedMs),
    raised,
    closed,
    open_after: await countOpenAlerts(db, county.id),
    triggered_by: options.triggeredBy ?? null,
  });
  return { countyId: county.id, ...presentPass(pass) };
}

/** The pass over every county (on start and nightly). */
export async function runAllCounties(db: Db, trigger: 'start' | 'nightly', today?: string) {
  const counties = await findCounties(db);
  const results = [];
  for (const county of counties) results.push(await runCountyPass(db, county, trigger, { today }));
  return results;
}

/** 立即运行: the admin runs the pass over their county now; audited. */
export async function runPassNow(db: Db, actor: Actor) {
  assertCan(actor, 'warning.run');
  const { countyId, countyPath } = await countyOfActor(db, actor);
  const result = await runCountyPass(db, { id: countyId, path: countyPath }, 'manual', {
    triggeredBy: actor.id,
  });
  await recordAudit(db, actor, {
    action: 'warning.run',
    entityType: 'warning_pass',
    entityId: countyId,
    orgId: countyId,
    after: result,
  });
  return { counties: [result] };
}

async function readerOf(db: Db, actor: Actor): Promise<InboxReader> {
  const { countyId, countyPath } = await countyOfActor(db, actor);
  return {
    userId: actor.id,
    countyId,
    roles: actor.roles,
    scopePaths: actor.scopePaths,
    isCountyLevel: actor.scopePaths.includes(countyPath),
  };
}

/** 我的预警: the alerts the account receives, newest first, with its own read time and the receipts. */
export async function listAlerts(db: Db, actor: Actor, query: AlertListQuery) {
  assertCan(actor, 'warning.read');
  const reader = await readerOf(db, actor);
  const { rows, total } = await findInboxPage(
    db,
    reader,
    { state: query.state, unreadOnly: query.unread, tier: query.tier },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const reads = await findReads(
    db,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map((row) => ({
      id: row.id,
      indicatorCode: row.indicator_code,
      label: indicatorByCode(row.indicator_code)?.label ?? row.indicator_code,
      tier: row.tier,
      tierLabel: WARNING_TIER_LABELS[row.tier],
      message: row.message,
      link: row.link,
      orgId: row.org_id,
      orgName: row.org_name,
      value: row.value === null ? null : Number(row.value),
      raisedAt: row.raised_at.toISOString(),
      closedAt: row.closed_at ? row.closed_at.toISOString() : null,
      readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
      readBy: reads
        .filter((read) => read.alert_id === row.id)
        .map((read) => ({ name: read.display_name, at: new Date(read.read_at).toISOString() })),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The header badge: open alerts the account has not read, per tier. */
export async function countAlerts(db: Db, actor: Actor): Promise<AlertCounts> {
  assertCan(actor, 'warning.read');
  const rows = await countUnreadByTier(db, await readerOf(db, actor));
  const of = (tier: string) => Number(rows.find((row) => row.tier === tier)?.count ?? 0);
  return {
    unread: rows.reduce((sum, row) => sum + Number(row.count), 0),
    notice: of('notice'),
    warning: of('warning'),
    alarm: of('alarm'),
  };
}

/** 已读: a receipt for an alert the account receives (once; reading again changes nothing). */
export async function markAlertRead(db: Db, actor: Actor, alertId: number) {
  assertCan(actor, 'warning.read');
  const alert = await findInboxAlert(db, await readerOf(db, actor), alertId);
  if (!alert) throw notFound('预警');
  await insertRead(db, alertId, actor.id);
  return { ok: true as const };
}
