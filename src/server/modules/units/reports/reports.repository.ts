/** The SQL of annual reports (依法行政年度报告, seed 002 三(一)) and their attachments. */
import type { Insertable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { UnitReportAttachmentTable, UnitReportTable } from '../../../db/schema.ts';

export function findReport(db: Db, unitOrgId: number, year: number) {
  return db
    .selectFrom('unit_report')
    .innerJoin('user_account', 'user_account.id', 'unit_report.submitted_by')
    .selectAll('unit_report')
    .select('user_account.display_name as submitted_by_name')
    .where('unit_report.unit_org_id', '=', unitOrgId)
    .where('unit_report.year', '=', year)
    .executeTakeFirst();
}

/** Inserts the first submission or revises the text (the first submission day stays). */
export function upsertReport(trx: Db, values: Insertable<UnitReportTable>) {
  return trx
    .insertInto('unit_report')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['unit_org_id', 'year']).doUpdateSet({
        body: values.body,
        self_score: values.self_score ?? null,
        submitted_by: values.submitted_by,
        updated_at: new Date(),
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

const META = [
  'unit_report_attachment.id',
  'unit_report_attachment.report_id',
  'unit_report_attachment.file_name',
  'unit_report_attachment.content_type',
  'unit_report_attachment.size_bytes',
  'unit_report_attachment.sha256',
  'unit_report_attachment.created_at',
] as const;

export function findReportAttachments(db: Db, reportId: number) {
  return db
    .selectFrom('unit_report_attachment')
    .select(META)
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
}

export function findReportAttachment(db: Db, reportId: number, id: number) {
  return db
    .selectFrom('unit_report_attachment')
    .select(META)
    .where('report_id', '=', reportId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertReportAttachment(
  trx: Db,
  values: Insertable<UnitReportAttachmentTable>,
  bytes: Buffer,
) {
  const row = await trx
    .insertInto('unit_report_attachment')
    .values(values)
    .returning(META)
    .executeTakeFirstOrThrow();
  await trx.insertInto('unit_report_attachment_content').values({ attachment_id: row.id, bytes }).execute();
  return row;
}

export function findReportAttachmentBytes(db: Db, id: number) {
  return db
    .selectFrom('unit_report_attachment_content')
    .select('bytes')
    .where('attachment_id', '=', id)
    .executeTakeFirst();
}

export function deleteReportAttachment(trx: Db, id: number) {
  return trx.deleteFrom('unit_report_attachment').where('id', '=', id).execute();
}
