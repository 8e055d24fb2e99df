/**
 * 自查自评 (seed 002 三(一)): 考核对象对照本方案的考核评分标准进行自查自评，形成依法行政年度报告，并将报告和
 * 有关资料于12月1日前报送. The unit itself submits (and may revise) its report with attachments —
 * PDF/JPEG/PNG by their bytes, as every evidence upload (lib/uploads.ts). Late is kept, not refused:
 * the office decides what a late report costs.
 */
import { DEADLINE_STATE_LABELS, deadlineState } from '../../../../common/calendar.ts';
import { todayInShanghai } from '../../../../common/format.ts';
import { UNIT_WARN_DAYS } from '../../../../common/units.ts';
import type { Db } from '../../../db/database.ts';
import type { Actor } from '../../../lib/access.ts';
import { AppError, forbidden, notFound } from '../../../lib/errors.ts';
import { assertClaimMatches, inspectAttachment, type UploadedFile } from '../../../lib/uploads.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { isOwnUnit, resolveUnitsActor, type UnitsActor } from '../units.policy.ts';
import { loadVisibleUnit, reportDueOn } from '../units.service.ts';
import {
  deleteReportAttachment,
  findReport,
  findReportAttachment,
  findReportAttachmentBytes,
  findReportAttachments,
  insertReportAttachment,
  upsertReport,
} from './reports.repository.ts';
import type { ReportBody, ReportView } from './reports.schema.ts';

/** Files one report may carry (有关资料). */
export const REPORT_ATTACHMENTS_MAX = 20;
const NOUN = '报告附件';

type AttachmentRow = Awaited<ReturnType<typeof findReportAttachments>>[number];
const presentAttachment = (row: AttachmentRow) => ({
  id: row.id,
  fileName: row.file_name,
  contentType: row.content_type,
  sizeBytes: row.size_bytes,
  sha256: row.sha256,
  createdAt: row.created_at.toISOString(),
});

async function presentReport(
  db: Db,
  ctx: UnitsActor,
  unit: { id: number; path: string },
  year: number,
  today: string,
): Promise<ReportView> {
  const dueOn = reportDueOn(year);
  const row = await findReport(db, unit.id, year);
  return {
    year,
    dueOn,
    deadlineState: row ? null : deadlineState(dueOn, today, UNIT_WARN_DAYS),
    deadlineStateLabel: row ? null : DEADLINE_STATE_LABELS[deadlineState(dueOn, today, UNIT_WARN_DAYS)],
    report: row
      ? {
          id: row.id,
          body: row.body,
          selfScore: row.self_score,
          submittedOn: row.submitted_on,
          submittedByName: row.submitted_by_name,
          isLate: row.submitted_on > row.due_on,
          attachments: (await findReportAttachments(db, row.id)).map(presentAttachment),
        }
      : null,
    canSubmit: isOwnUnit(ctx, unit.path),
  };
}

/** The unit's report of the year (null until submitted) with its deadline state. */
export async function getReport(
  db: Db,
  actor: Actor,
  orgId: number,
  year: number,
  today = todayInShanghai(new Date()),
) {
  const ctx = await resolveUnitsActor(db, actor);
  const unit = await loadVisibleUnit(db, ctx, orgId);
  return presentReport(db, ctx, unit, year, today);
}

async function loadOwnUnit(db: Db, actor: Actor, orgId: number) {
  const ctx = await resolveUnitsActor(db, actor);
  const unit = await loadVisibleUnit(db, ctx, orgId);
  if (!isOwnUnit(ctx, unit.path)) throw forbidden('自查自评报告由被考核单位本单位报送');
  return { ctx, unit };
}

/** Submits or revises the report; the first day it came in decides whether it was late. */
export async function submitReport(
  db: Db,
  actor: Actor,
  orgId: number,
  year: number,
  body: ReportBody,
  today = todayInShanghai(new Date()),
): Promise<ReportView> {
  const { ctx, unit } = await loadOwnUnit(db, actor, orgId);
  const before = await findReport(db, unit.id, year);
  await db.transaction().execute(async (trx) => {
    const row = await upsertReport(trx, {
      county_org_id: ctx.countyOrgId,
      unit_org_id: unit.id,
      year,
      body: body.body,
      self_score: body.selfScore ?? null,
      due_on: reportDueOn(year),
      submitted_on: today,
      submitted_by: actor.id,
    });
    await recordAudit(trx, actor, {
      action: before ? 'units.report_revise' : 'units.report_submit',
      entityType: 'unit_report',
      entityId: row.id,
      orgId: unit.id,
      before: before ? { body: before.body, selfScore: before.self_score } : null,
      after: { year, body: body.body, selfScore: body.selfScore ?? null, submittedOn: row.submitted_on },
    });
  });
  return presentReport(db, ctx, unit, year, today);
}

/** Adds a file to the submitted report (有关资料). */
export async function uploadReportAttachment(
  db: Db,
  actor: Actor,
  orgId: number,
  year: number,
  file: UploadedFile,
) {
  const { unit } = await loadOwnUnit(db, actor, orgId);
  const report = await findReport(db, unit.id, year);
  if (!report) throw new AppError('CONFLICT', '请先报送年度报告，再上传有关资料');
  const inspected = inspectAttachment(file.bytes, 'file', NOUN);
  assertClaimMatches(inspected.contentType, file, 'file', NOUN);
  if ((await findReportAttachments(db, report.id)).length >= REPORT_ATTACHMENTS_MAX)
    throw new AppError(
      'VALIDATION_FAILED',
      `年度报告最多 ${REPORT_ATTACHMENTS_MAX} 个附件，请先删除不需要的文件`,
      {
        fields: [{ field: 'file', message: `年度报告最多 ${REPORT_ATTACHMENTS_MAX} 个附件` }],
      },
    );
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await insertReportAttachment(
      trx,
      {
        report_id: report.id,
        file_name: file.fileName,
        content_type: inspected.contentType,
        size_bytes: inspected.sizeBytes,
        sha256: inspected.sha256,
        created_by: actor.id,
      },
      file.bytes,
    );
    await recordAudit(trx, actor, {
      action: 'units.report_attachment_upload',
      entityType: 'unit_report_attachment',
      entityId: inserted.id,
      orgId: unit.id,
      after: { reportId: report.id, fileName: file.fileName, ...inspected },
    });
    return inserted;
  });
  return presentAttachment(row);
}

/** The file, for whoever reads the unit (the office, the leading group, the unit). */
export async function getReportAttachmentFile(db: Db, actor: Actor, orgId: number, year: number, id: number) {
  const ctx = await resolveUnitsActor(db, actor);
  const unit = await loadVisibleUnit(db, ctx, orgId);
  const report = await findReport(db, unit.id, year);
  const row = report && (await findReportAttachment(db, report.id, id));
  const content = row && (await findReportAttachmentBytes(db, row.id));
  if (!row || !content) throw notFound('附件');
  return { fileName: row.file_name, contentType: row.content_type, bytes: Buffer.from(content.bytes) };
}

/** Removes a file of the unit's own report. */
export async function deleteReportAttachmentById(
  db: Db,
  actor: Actor,
  orgId: number,
  year: number,
  id: number,
) {
  const { unit } = await loadOwnUnit(db, actor, orgId);
  const report = await findReport(db, unit.id, year);
  const row = report && (await findReportAttachment(db, report.id, id));
  if (!row) throw notFound('附件');
  await db.transaction().execute(async (trx) => {
    await deleteReportAttachment(trx, row.id);
    await recordAudit(trx, actor, {
      action: 'units.report_attachment_delete',
      entityType: 'unit_report_attachment',
      entityId: row.id,
      orgId: unit.id,
      before: { fileName: row.file_name, sha256: row.sha256, sizeBytes: row.size_bytes },
    });
  });
  return { deleted: true as const };
}
