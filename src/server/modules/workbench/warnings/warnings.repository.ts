import { type Expression, type SqlBool, sql } from 'kysely';
import type { Role } from '../../../../common/permissions.ts';
import type { Db } from '../../../db/database.ts';
import type { WarningRecipientLevel, WarningTier } from '../../../db/schema.ts';

/** The root organisations (counties). */
export function findCounties(db: Db) {
  return db
    .selectFrom('org')
    .select(['id', 'path', 'name'])
    .where('parent_id', 'is', null)
    .orderBy('id')
    .execute();
}

export function findRules(db: Db, countyId: number) {
  return db
    .selectFrom('warning_rule')
    .selectAll()
    .where('county_org_id', '=', countyId)
    .orderBy('id')
    .execute();
}

export function findRuleById(db: Db, id: number) {
  return db.selectFrom('warning_rule').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface RuleValues {
  county_org_id: number;
  indicator_code: string;
  params: Record<string, number>;
  tier: WarningTier;
  recipient_roles: Role[];
  recipient_level: WarningRecipientLevel;
}

/** Inserts the missing rules; an existing rule (the admin's edits) is left as it is. */
export async function insertMissingRules(db: Db, rules: readonly RuleValues[]) {
  if (rules.length === 0) return;
  await db
    .insertInto('warning_rule')
    .values(rules.map((rule) => ({ ...rule, params: JSON.stringify(rule.params) })))
    .onConflict((conflict) => conflict.columns(['county_org_id', 'indicator_code']).doNothing())
    .execute();
}

export function updateRuleRow(
  trx: Db,
  id: number,
  patch: {
    params: Record<string, number>;
    tier: WarningTier;
    recipient_roles: Role[];
    recipient_level: WarningRecipientLevel;
    is_enabled: boolean;
    updated_by: number;
  },
) {
  return trx
    .updateTable('warning_rule')
    .set({ ...patch, params: JSON.stringify(patch.params), updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findOpenCauseKeys(db: Db, ruleId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('warning_alert')
    .select(['id', 'cause_key'])
    .where('rule_id', '=', ruleId)
    .where('closed_at', 'is', null)
    .execute();
  return new Map(rows.map((row) => [row.cause_key, row.id]));
}

export interface AlertValues {
  rule_id: number;
  county_org_id: number;
  cause_key: string;
  org_id: number;
  user_ids: number[];
  tier: WarningTier;
  message: string;
  link: string;
  value: number | null;
}

const CHUNK = 1_000;

/** New alerts; a cause already open for the rule is skipped (the partial unique index). */
export async function insertAlerts(trx: Db, alerts: readonly AlertValues[]): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < alerts.length; start += CHUNK) {
    const rows = await trx
      .insertInto('warning_alert')
      .values(alerts.slice(start, start + CHUNK) as AlertValues[])
      .onConflict((conflict) =>
        conflict.columns(['rule_id', 'cause_key']).where('closed_at', 'is', null).doNothing(),
      )
      .returning('id')
      .execute();
    inserted += rows.length;
  }
  return inserted;
}

export async function closeAlerts(trx: Db, ids: readonly number[]): Promise<number> {
  let closed = 0;
  for (let start = 0; start < ids.length; start += CHUNK) {
    const result = await trx
      .updateTable('warning_alert')
      .set({ closed_at: new Date() })
      .where('id', 'in', ids.slice(start, start + CHUNK))
      .where('closed_at', 'is', null)
      .executeTakeFirst();
    closed += Number(result.numUpdatedRows);
  }
  return closed;
}

export function insertPass(
  db: Db,
  values: {
    county_org_id: number;
    trigger: 'start' | 'nightly' | 'manual';
    started_at: Date;
    duration_ms: number;
    raised: number;
    closed: number;
    open_after: number;
    triggered_by: number | null;
  },
) {
  return db.insertInto('warning_pass').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findLastPass(db: Db, countyId: number) {
  return db
    .selectFrom('warning_pass')
    .selectAll()
    .where('county_org_id', '=', countyId)
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function countOpenAlerts(db: Db, countyId: number): Promise<number> {
  const row = await db
    .selectFrom('warning_alert')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('county_org_id', '=', countyId)
    .where('closed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Who receives an alert: the reader's roles among the rule's, and the rule's level met by the reader. */
export interface InboxReader {
  userId: number;
  countyId: number;
  roles: readonly Role[];
  scopePaths: readonly string[];
  /** the reader's scope is the whole county (county-level rules reach them) */
  isCountyLevel: boolean;
}

export interface InboxFilter {
  state: 'open' | 'closed' | 'all';
  unreadOnly: boolean;
  tier?: WarningTier | undefined;
}

function inboxQuery(db: Db, reader: InboxReader, filter: InboxFilter) {
  let query = db
    .selectFrom('warning_alert')
    .innerJoin('warning_rule', 'warning_rule.id', 'warning_alert.rule_id')
    .innerJoin('org', 'org.id', 'warning_alert.org_id')
    .where('warning_alert.county_org_id', '=', reader.countyId)
    .where(sql<SqlBool>`warning_rule.recipient_roles && ${sql.val(reader.roles)}::text[]`)
    .where((eb) => {
      const unit: Expression<SqlBool>[] = [
        ...reader.scopePaths.map((prefix) => eb('org.path', 'like', `${prefix}%`)),
        sql<SqlBool>`${reader.userId} = any(warning_alert.user_ids)`,
      ];
      return eb.or([
        eb.and([eb('warning_rule.recipient_level', '=', 'unit'), eb.or(unit)]),
        ...(reader.isCountyLevel ? [eb('warning_rule.recipient_level', '=', 'county')] : []),
      ]);
    });
  if (filter.state === 'open') query = query.where('warning_alert.closed_at', 'is', null);
  if (filter.state === 'closed') query = query.where('warning_alert.closed_at', 'is not', null);
  if (filter.tier) query = query.where('warning_alert.tier', '=', filter.tier);
  if (filter.unreadOnly) {
    query = query.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('warning_alert_read')
            .select('warning_alert_read.alert_id')
            .whereRef('warning_alert_read.alert_id', '=', 'warning_alert.id')
            .where('warning_alert_read.user_id', '=', reader.userId),
        ),
      ),
    );
  }
  return query;
}

export async function findInboxPage(
  db: Db,
  reader: InboxReader,
  filter: InboxFilter,
  page: { offset: number; limit: number },
) {
  const [rows, total] = await Promise.all([
    inboxQuery(db, reader, filter)
      .leftJoin('warning_alert_read', (join) =>
        join
          .onRef('warning_alert_read.alert_id', '=', 'warning_alert.id')
          .on('warning_alert_read.user_id', '=', reader.userId),
      )
      .selectAll('warning_alert')
      .select(['warning_rule.indicator_code', 'org.name as org_name', 'warning_alert_read.read_at'])
      .orderBy('warning_alert.raised_at', 'desc')
      .orderBy('warning_alert.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    inboxQuery(db, reader, filter)
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.count) };
}

/** Open alerts the reader receives and has not read, per tier (the header badge). */
export function countUnreadByTier(db: Db, reader: InboxReader) {
  return inboxQuery(db, reader, { state: 'open', unreadOnly: true })
    .select(['warning_alert.tier', (eb) => eb.fn.countAll<string>().as('count')])
    .groupBy('warning_alert.tier')
    .execute();
}

/** The alert if the reader receives it (else undefined: another county's or another unit's). */
export function findInboxAlert(db: Db, reader: InboxReader, alertId: number) {
  return inboxQuery(db, reader, { state: 'all', unreadOnly: false })
    .selectAll('warning_alert')
    .where('warning_alert.id', '=', alertId)
    .executeTakeFirst();
}

export async function insertRead(db: Db, alertId: number, userId: number): Promise<boolean> {
  const rows = await db
    .insertInto('warning_alert_read')
    .values({ alert_id: alertId, user_id: userId })
    .onConflict((conflict) => conflict.columns(['alert_id', 'user_id']).doNothing())
    .returning('alert_id')
    .execute();
  return rows.length > 0;
}

/** Who has read the alert, when (the read receipts). */
export function findReads(db: Db, alertIds: readonly number[]) {
  if (alertIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('warning_alert_read')
    .innerJoin('user_account', 'user_account.id', 'warning_alert_read.user_id')
    .select(['warning_alert_read.alert_id', 'user_account.display_name', 'warning_alert_read.read_at'])
    .where('warning_alert_read.alert_id', 'in', alertIds)
    .orderBy('warning_alert_read.read_at')
    .execute();
}

/** The county's open alerts per rule (the rules page's 在办 counts). */
export function countOpenAlertsByRule(db: Db, countyId: number) {
  return db
    .selectFrom('warning_alert')
    .select(['rule_id', (eb) => eb.fn.countAll<string>().as('count')])
    .where('county_org_id', '=', countyId)
    .where('closed_at', 'is', null)
    .groupBy('rule_id')
    .execute();
}
