/**
 * What the engine is given for a period: its subjects, the active records and ratings, and the
 * self-assessment claims as `source: 'self'` records. Record ids are 'R<id>' for stored records and
 * 'S<subject>#<n>' for self-assessment lines, so every explanation line leads back to a row.
 */
import type { EngineRecord, EvaluateInput } from '../../../engine/index.ts';
import { parsePeriod } from '../../../engine/index.ts';
import type { Db } from '../../db/database.ts';
import type { AssessmentPeriod } from '../../db/schema.ts';
import { toEnginePeriod } from './scheme-catalogue.ts';

export interface SelfItem {
  item: string;
  count?: number | undefined;
  level?: string | undefined;
  value?: string | undefined;
  note?: string | undefined;
}

/** The items of a stored self-assessment (jsonb comes back parsed from pg, as text from some drivers). */
export const parseSelfItems = (items: unknown): SelfItem[] =>
  (typeof items === 'string' ? JSON.parse(items) : items) as SelfItem[];

/** A subject's self-assessment lines as engine records (source 'self', dated the period's last day). */
export function selfRecordsOf(
  subjectKey: string,
  items: readonly SelfItem[],
  lastDay: string,
): EngineRecord[] {
  return items.map((item, index) => {
    const record: EngineRecord = {
      id: `S${subjectKey}#${index + 1}`,
      subject: subjectKey,
      item: item.item,
      date: lastDay,
      count: item.count ?? 1,
      source: 'self',
    };
    if (item.level) record.level = item.level;
    if (item.value) record.value = item.value;
    return record;
  });
}

/** The engine's record id of a stored record. */
export const recordRef = (id: number) => `R${id}`;

/** Builds the engine input of a period from the database. */
export async function loadEngineInput(
  db: Db,
  period: Pick<AssessmentPeriod, 'id' | 'period_key'>,
): Promise<EvaluateInput> {
  const enginePeriod = toEnginePeriod(period.period_key);
  const subjects = await db
    .selectFrom('assessment_subject')
    .select(['subject_key as id', 'name'])
    .where('period_id', '=', period.id)
    .orderBy('subject_key')
    .execute();
  const rows = await db
    .selectFrom('assessment_record')
    .select([
      'id',
      'subject_key',
      'item',
      'occurred_on',
      'count',
      'value',
      'level',
      'fact',
      'rater',
      'evidence_kind',
      'evidence_id',
    ])
    .where('period_id', '=', period.id)
    .where('status', '=', 'active')
    .execute();
  const records: EngineRecord[] = new Array(rows.length);
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    const record: EngineRecord = {
      id: recordRef(row.id),
      subject: row.subject_key,
      item: row.item,
      date: row.occurred_on,
      count: row.count,
    };
    if (row.value !== null) record.value = row.value;
    if (row.level !== null) record.level = row.level;
    if (row.fact !== null) record.fact = row.fact;
    if (row.rater !== null) record.rater = row.rater;
    if (row.evidence_kind !== null) record.evidence = `${row.evidence_kind}:${row.evidence_id}`;
    records[index] = record;
  }
  const selfRows = await db
    .selectFrom('self_assessment')
    .select(['subject_key', 'items'])
    .where('period_id', '=', period.id)
    .execute();
  const lastDay = parsePeriod(enginePeriod)?.end ?? '';
  for (const row of selfRows)
    records.push(...selfRecordsOf(row.subject_key, parseSelfItems(row.items), lastDay));
  return { period: enginePeriod, subjects, records };
}
