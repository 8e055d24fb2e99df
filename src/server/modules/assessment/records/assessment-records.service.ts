/**
 * Deductions and bonuses recorded by the responsible assessors (负责考核科室): each record is
 * checked against the period's scheme version (item, level, date in the period, count), an
 * assessor records only in the item groups its section owns, and every write is audited.
 */
import { formatChineseDate } from '../../../../common/format.ts';
import { parseDecimal, parsePeriod } from '../../../../engine/index.ts';
import type { Db } from '../../../db/database.ts';
import type { AssessmentRecord } from '../../../db/schema.ts';
import { type Actor, assertCan, can } from '../../../lib/access.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import {
  areResultsVisible,
  assertRecordingOpen,
  assertRecordsIn,
  findActorOrgPath,
  getPeriodForActor,
  isAgencyPeriod,
  isManager,
  managesPeriod,
  ownSubjectOf,
  type PeriodRow,
} from '../assessment.access.ts';
import { findSubjectRows } from '../assessment.repository.ts';
import { attachmentsByRecord } from '../attachments/assessment-attachments.view.ts';
import { findGroupOwners } from '../periods/periods.repository.ts';
import {
  buildCatalogue,
  type CatalogueItem,
  type SchemeCatalogue,
  toEnginePeriod,
} from '../schemes/scheme-catalogue.ts';
import { findSchemeVersionById } from '../schemes/schemes.repository.ts';
import { schemeOf } from '../schemes/schemes.service.ts';
import {
  findEvidenceOrgPath,
  findRecordById,
  findRecordPage,
  insertRecord,
  type RecordPageFilter,
  updateRecordRow,
} from './assessment-records.repository.ts';
import type { RecordCreateBody, RecordListQuery } from './assessment-records.schema.ts';

export function presentRecord(row: AssessmentRecord) {
  return {
    id: row.id,
    subjectKey: row.subject_key,
    item: row.item,
    occurredOn: row.occurred_on,
    count: row.count,
    value: row.value,
    level: row.level,
    fact: row.fact,
    rater: row.rater,
    note: row.note,
    evidence: row.evidence_kind ? { kind: row.evidence_kind, id: row.evidence_id } : null,
    status: row.status,
    proposalKey: row.proposal_key,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The catalogue of a period's scheme version. */
export async function catalogueOfPeriod(
  db: Db,
  period: Pick<PeriodRow, 'scheme_version_id'>,
): Promise<SchemeCatalogue> {
  const version = await findSchemeVersionById(db, period.scheme_version_id);
  return buildCatalogue(schemeOf(version!));
}

/** The item groups (by id) the actor's section owns in a period; null = every group (supervisor). */
export async function ownedGroups(db: Db, actor: Actor, period: PeriodRow): Promise<Set<string> | null> {
  // the bureau's office records in every group; so does an agency's legal unit or leader in the
  // period the agency runs (平时考核制度第十条)
  if (actor.roles.includes('supervisor') || (isAgencyPeriod(period) && managesPeriod(actor, period)))
    return null;
  const actorPath = await findActorOrgPath(db, actor);
  const owners = await findGroupOwners(db, period.id);
  return new Set(
    owners
      .filter((owner) => owner.org_path !== null && actorPath.startsWith(owner.org_path))
      .map((owner) => owner.group_id),
  );
}

/** Refuses an item outside the actor's groups, naming the section that owns it. */
export function assertOwnsItem(item: CatalogueItem, owned: Set<string> | null): void {
  if (owned === null) return;
  if (item.ownerGroup === null || !owned.has(item.ownerGroup)) {
    const owner = item.assessor ? `由${item.assessor}负责考核` : '未指定负责考核科室，由考核办记录';
    throw new AppError('FORBIDDEN', `「${item.label}」${owner}，本科室不能记录`, { item: item.id });
  }
}

/**
 * Why a rating or per-item score is refused by its sheet's scale [0, outOf] (满分), or null: a
 * leader's 150 on a sheet marked 满分 100 is not stored (issue 18 point 12; the engine and the
 * records file refuse it too).
 */
export function checkScale(item: CatalogueItem, value: string): string | null {
  if (item.outOf === null) return null;
  const scaled = parseDecimal(value);
  if (scaled === null) return '分值格式不正确';
  if (scaled < 0 || scaled > parseDecimal(item.outOf)!) {
    return `「${item.label}」评分应在 0 至 ${item.outOf} 之间（满分 ${item.outOf}）`;
  }
  return null;
}

/** Field problems of one record against the scheme: item kind, level, value, date in period. */
export function checkRecordFields(
  catalogue: SchemeCatalogue,
  periodKey: string,
  body: { item: string; level?: string | undefined; value?: string | undefined; occurredOn?: string },
  allowedKinds: readonly CatalogueItem['kind'][],
  prefix = '',
): { item: CatalogueItem | undefined; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const item = catalogue.items.get(body.item);
  if (!item || !allowedKinds.includes(item.kind)) {
    problems.push({ field: `${prefix}item`, message: `方案中没有可记录的考核项目 ${body.item}` });
    return { item: undefined, problems };
  }
  if (item.levels.length > 0 && (!body.level || !item.levels.includes(body.level))) {
    problems.push({
      field: `${prefix}level`,
      message: `「${item.label}」须选择等级：${item.levels.join('、')}`,
    });
  }
  if (item.levels.length === 0 && body.level) {
    problems.push({ field: `${prefix}level`, message: `「${item.label}」不分等级` });
  }
  if (item.kind === 'averaged' && body.value === undefined) {
    problems.push({ field: `${prefix}value`, message: `「${item.label}」须填写单件评分` });
  }
  const scaleProblem = body.value === undefined ? null : checkScale(item, body.value);
  if (scaleProblem) problems.push({ field: `${prefix}value`, message: scaleProblem });
  if (body.occurredOn) {
    const range = parsePeriod(toEnginePeriod(periodKey))!;
    if (body.occurredOn < range.start || body.occurredOn > range.end) {
      problems.push({
        field: `${prefix}occurredOn`,
        message: `日期须在考核周期内（${formatChineseDate(range.start)}至${formatChineseDate(range.end)}）`,
      });
    }
  }
  return { item, problems };
}

/** Refuses evidence (a case, complaint or case file) that does not exist in the period's county. */
export async function checkEvidence(
  db: Db,
  period: PeriodRow,
  evidence: RecordCreateBody['evidence'],
  field = 'evidence.id',
) {
  if (!evidence || evidence.kind === 'attachment' || evidence.kind === 'link') return;
  const id = Number(evidence.id);
  const path = Number.isInteger(id) && id > 0 ? await findEvidenceOrgPath(db, evidence.kind, id) : undefined;
  if (!path?.startsWith(period.org_path)) {
    throw invalid([{ field, message: '依据（案件、投诉或案卷）不存在或不属本县' }]);
  }
}

/** Records a deduction, bonus, per-item score or trigger for a subject. */
export async function createRecord(db: Db, actor: Actor, periodId: number, body: RecordCreateBody) {
  const period = await getPeriodForActor(db, actor, periodId);
  assertRecordsIn(actor, period);
  assertRecordingOpen(period);
  const [subject] = await findSubjectRows(db, periodId, [body.subjectKey]);
  if (!subject) throw invalid([{ field: 'subjectKey', message: '考核对象不在本考核周期内' }]);
  const catalogue = await catalogueOfPeriod(db, period);
  const { item, problems } = checkRecordFields(catalogue, period.period_key, body, [
    'item',
    'averaged',
    'veto',
    'ceiling',
  ]);
  if (problems.length > 0) throw invalid(problems);
  assertOwnsItem(item!, await ownedGroups(db, actor, period));
  await checkEvidence(db, period, body.evidence);
  return db.transaction().execute(async (trx) => {
    const row = await insertRecord(trx, {
      period_id: periodId,
      subject_key: body.subjectKey,
      item: body.item,
      occurred_on: body.occurredOn,
      count: body.count ?? 1,
      value: body.value ?? null,
      level: body.level ?? null,
      fact: body.fact ?? null,
      rater: null,
      note: body.note ?? null,
      evidence_kind: body.evidence?.kind ?? null,
      evidence_id: body.evidence?.id ?? null,
      proposal_key: null,
      created_by: actor.id,
    });
    const after = presentRecord(row);
    await recordAudit(trx, actor, {
      action: 'assessment.record_create',
      entityType: 'assessment_record',
      entityId: row.id,
      orgId: subject.org_id,
      after,
    });
    return after;
  });
}

/**
 * Records of a period, paged, newest first, with the subject's, item's and recorder's names: the
 * assessment office sees all, a section those of its item groups, a subject its own active ones
 * (the records behind its provisional score). Ratings are never listed here (each rater's own sheet).
 */
export async function listRecords(db: Db, actor: Actor, periodId: number, query: RecordListQuery) {
  assertCan(actor, 'assessment.read');
  const period = await getPeriodForActor(db, actor, periodId);
  const catalogue = await catalogueOfPeriod(db, period);
  let visibleTo: RecordPageFilter['visibleTo'];
  if (!isManager(actor, period)) {
    const owned = can(actor, 'assessment.record') ? await ownedGroups(db, actor, period) : new Set<string>();
    const items =
      owned === null
        ? [...catalogue.items.keys()]
        : [...catalogue.items.values()]
            .filter((item) => item.ownerGroup !== null && owned.has(item.ownerGroup))
            .map((item) => item.id);
    visibleTo = { items, own: ownSubjectOf(actor, await findActorOrgPath(db, actor)) };
  }
  const { rows, total } = await findRecordPage(db, {
    periodId,
    page: query.page,
    pageSize: query.pageSize,
    subjectKey: query.subjectKey,
    status: query.status,
    item: query.item,
    visibleTo,
  });
  const files = await attachmentsByRecord(
    db,
    rows.map((row) => row.id),
  );
  // evidence is downloadable where the record is the reader's work (office, its section); a subject
  // sees its own records' files listed but downloads them once results are published
  const workedItems = visibleTo ? new Set(visibleTo.items) : null;
  const isPublished = areResultsVisible(actor, period);
  return {
    items: rows.map((row) => ({
      ...presentRecord(row),
      subjectName: row.subject_name,
      itemLabel: catalogue.items.get(row.item)?.label ?? row.item,
      recorderName: row.recorder_name ?? (row.proposal_key ? '系统提议' : null),
      attachments: files.get(row.id) ?? [],
      canDownloadEvidence: workedItems === null || workedItems.has(row.item) || isPublished,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Withdraws a record (kept, status 'withdrawn', audited) — by someone who may record it. */
export async function withdrawRecord(db: Db, actor: Actor, periodId: number, recordId: number) {
  const period = await getPeriodForActor(db, actor, periodId);
  assertRecordsIn(actor, period);
  assertRecordingOpen(period);
  const row = await findRecordById(db, periodId, recordId);
  if (row?.kind !== 'record') throw notFound('考核记录');
  const item = (await catalogueOfPeriod(db, period)).items.get(row.item);
  if (item) assertOwnsItem(item, await ownedGroups(db, actor, period));
  return db.transaction().execute(async (trx) => {
    const updated = await updateRecordRow(trx, recordId, { status: 'withdrawn' });
    await recordAudit(trx, actor, {
      action: 'assessment.record_withdraw',
      entityType: 'assessment_record',
      entityId: recordId,
      before: presentRecord(row),
      after: presentRecord(updated),
    });
    return presentRecord(updated);
  });
}
