/**
 * What the engine is given for a period: its subjects, the active records and ratings, and the
 * self-assessment claims as `source: 'self'` records. Record ids are 'R<id>' for stored records and
 * 'S<subject>#<n>' for self-assessment lines, so every explanation line leads back to a row.
 */
import type { EngineRecord, EvaluateInput, Subject } from '../../../../engine/index.ts';
import { parsePeriod } from '../../../../engine/index.ts';
import type { Db } from '../../../db/database.ts';
import type { AssessmentPeriod } from '../../../db/schema.ts';
import { OFFICER_SERIES_LABELS } from '../../officers/officers.public.ts';
import { toEnginePeriod } from '../schemes/scheme-catalogue.ts';
import {
  findActiveRecordTuples,
  findEngineSubjects,
  findSelfAssessmentItems,
} from './engine-input.repository.ts';

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

/**
 * An engine record with every documented field, in one order, absent ones undefined (the engine
 * reads undefined as absent). Records built field by field as they happen to be set come in
 * several object shapes, and the engine's intake of a province slows down reading them.
 */
function engineRecord(
  id: string,
  subject: string,
  item: string,
  date: string,
  count: number | undefined,
  value: string | undefined,
  level: string | undefined,
  fact: string | undefined,
  rater: string | undefined,
  evidence: string | undefined,
  source: EngineRecord['source'],
): EngineRecord {
  return { id, subject, item, date, count, value, level, fact, rater, evidence, source };
}

/** A subject's self-assessment lines as engine records (source 'self', dated the period's last day). */
export function selfRecordsOf(
  subjectKey: string,
  items: readonly SelfItem[],
  lastDay: string,
): EngineRecord[] {
  return items.map((item, index) =>
    engineRecord(
      `S${subjectKey}#${index + 1}`,
      subjectKey,
      item.item,
      lastDay,
      item.count ?? 1,
      item.value || undefined,
      item.level || undefined,
      undefined,
      undefined,
      undefined,
      'self',
    ),
  );
}

/** The engine's record id of a stored record. */
export const recordRef = (id: number) => `R${id}`;

/** Builds the engine input of a period from the database. */
export async function loadEngineInput(
  db: Db,
  period: Pick<AssessmentPeriod, 'id' | 'period_key'>,
): Promise<EvaluateInput> {
  const enginePeriod = toEnginePeriod(period.period_key);
  const subjects: Subject[] = (await findEngineSubjects(db, period.id)).map((row) => ({
    id: row.id,
    name: row.name,
    groups: {
      unit: row.unit,
      ...(row.post !== null && { post: row.post }),
      // seed 003 篇1: 以领导和一般工作人员等不同系列分解优秀指标 — pooled by the label the archive shows
      ...(row.series !== null && { series: OFFICER_SERIES_LABELS[row.series] }),
    },
  }));
  const tuples = await findActiveRecordTuples(db, period.id);
  const records: EngineRecord[] = new Array(tuples.length);
  for (let index = 0; index < tuples.length; index++) {
    const [id, subject, item, date, count, value, level, fact, rater, evidenceKind, evidenceId] =
      tuples[index]!;
    records[index] = engineRecord(
      recordRef(id),
      subject,
      item,
      date,
      count,
      value ?? undefined,
      level ?? undefined,
      fact ?? undefined,
      rater ?? undefined,
      evidenceKind === null ? undefined : `${evidenceKind}:${evidenceId}`,
      undefined,
    );
  }
  const lastDay = parsePeriod(enginePeriod)?.end ?? '';
  for (const row of await findSelfAssessmentItems(db, period.id)) {
    records.push(...selfRecordsOf(row.subject_key, parseSelfItems(row.items), lastDay));
  }
  return { period: enginePeriod, subjects, records };
}
