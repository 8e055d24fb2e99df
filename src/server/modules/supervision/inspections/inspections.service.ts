/**
 * Inspections under a matter (协调监督工作办法 第十三、十四条): planned, then recorded with what was
 * found; an on-site inspection needs at least two supervisors (第十四条), refused otherwise at the
 * supervisor field; evidence by the means of 第十三条, linked to Fazhi's cases and case files, with
 * its files (attachments/).
 */
import {
  EVIDENCE_MEANS_LABELS,
  INSPECTION_STATE_LABELS,
  MIN_ON_SITE_SUPERVISORS,
} from '../../../../common/supervision.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, can, isInScope } from '../../../lib/access.ts';
import { AppError, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findAttachmentsOf } from '../attachments/attachments.repository.ts';
import { attachmentsByOwner } from '../attachments/attachments.view.ts';
import { getMatterForActor, getMatterForManage } from '../matters/matters.service.ts';
import { missingAt, resolveCase, resolveCaseFile } from '../supervision.links.ts';
import {
  findAccounts,
  findEvidence,
  findEvidenceById,
  findInspectionById,
  findInspectionSupervisors,
  findInspections,
  insertEvidence,
  insertInspection,
  replaceInspectionSupervisors,
  updateInspectionRow,
} from './inspections.repository.ts';
import {
  type EvidenceBody,
  type InspectionCreateBody,
  type InspectionRecordBody,
  type InspectionView,
  MIN_SUPERVISORS_MESSAGE,
} from './inspections.schema.ts';

/** The inspections of a matter the actor reads, each with its supervisors and evidence. */
export async function listInspections(db: Db, actor: Actor, matterId: number): Promise<InspectionView[]> {
  await getMatterForActor(db, actor, matterId);
  const inspections = await findInspections(db, matterId);
  const ids = inspections.map((inspection) => inspection.id);
  const [supervisors, evidence] = await Promise.all([
    findInspectionSupervisors(db, ids),
    findEvidence(db, ids),
  ]);
  const files = attachmentsByOwner(
    await findAttachmentsOf(
      db,
      'evidence',
      evidence.map((item) => item.id),
    ),
  );
  return inspections.map((inspection) => ({
    id: inspection.id,
    matterId: inspection.matter_id,
    plannedOn: inspection.planned_on,
    place: inspection.place,
    isOnSite: inspection.is_on_site,
    state: inspection.state,
    stateLabel: INSPECTION_STATE_LABELS[inspection.state],
    inspectedOn: inspection.inspected_on,
    findings: inspection.findings,
    supervisors: supervisors
      .filter((row) => row.inspection_id === inspection.id)
      .map((row) => ({ id: row.id, name: row.name })),
    evidence: evidence
      .filter((item) => item.inspection_id === inspection.id)
      .map((item) => ({
        id: item.id,
        means: item.means,
        meansLabel: EVIDENCE_MEANS_LABELS[item.means],
        description: item.description,
        collectedOn: item.collected_on,
        case: item.case_id && item.case_no ? { id: item.case_id, caseNo: item.case_no } : null,
        caseFileId: item.case_file_id,
        attachments: files.get(item.id) ?? [],
      })),
  }));
}

/**
 * The supervisors named for an inspection: active supervision staff of the actor's county; on site
 * at least MIN_ON_SITE_SUPERVISORS distinct people (第十四条).
 */
async function resolveSupervisors(db: Db, actor: Actor, ids: readonly number[], isOnSite: boolean) {
  const unique = [...new Set(ids)];
  if (unique.length === 0 || (isOnSite && unique.length < MIN_ON_SITE_SUPERVISORS)) {
    throw invalid([
      { field: 'supervisorIds', message: isOnSite ? MIN_SUPERVISORS_MESSAGE : '请选择至少一名监督人员' },
    ]);
  }
  const accounts = new Map((await findAccounts(db, unique)).map((account) => [account.id, account]));
  unique.forEach((id, index) => {
    const account = accounts.get(id);
    if (!account || !isInScope(actor, account.path)) {
      throw missingAt(`supervisorIds.${index}`, '监督人员不存在或不在本县范围内');
    }
    if (!account.is_active || !can(account, 'supervision.manage')) {
      throw invalid([
        { field: `supervisorIds.${index}`, message: `“${account.display_name}”不是在职的行政执法监督人员` },
      ]);
    }
  });
  return unique;
}

/** Plans an inspection under an open matter the actor runs. */
export async function createInspection(db: Db, actor: Actor, matterId: number, body: InspectionCreateBody) {
  const { row: matter } = await getMatterForManage(db, actor, matterId);
  if (body.plannedOn < matter.opened_on) {
    throw invalid([{ field: 'plannedOn', message: '计划检查日期不能早于事项立项日期' }]);
  }
  const supervisorIds = await resolveSupervisors(db, actor, body.supervisorIds, body.isOnSite);
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await insertInspection(trx, {
      matter_id: matterId,
      planned_on: body.plannedOn,
      place: body.place,
      is_on_site: body.isOnSite,
      created_by: actor.id,
    });
    await replaceInspectionSupervisors(trx, id, supervisorIds);
    await recordAudit(trx, actor, {
      action: 'supervision.inspection_create',
      entityType: 'supervision_inspection',
      entityId: id,
      orgId: matter.org_id,
      after: { matterId, ...body, supervisorIds },
    });
    return id;
  });
  return (await listInspections(db, actor, matterId)).find((inspection) => inspection.id === id)!;
}

/** An inspection whose matter the actor runs and that is still open. */
async function getInspectionForManage(db: Db, actor: Actor, inspectionId: number) {
  const inspection = await findInspectionById(db, inspectionId);
  if (!inspection) throw notFound('检查');
  const { row: matter } = await getMatterForManage(db, actor, inspection.matter_id).catch((error) => {
    throw error instanceof AppError && error.code === 'NOT_FOUND' ? notFound('检查') : error;
  });
  return { inspection, matter };
}

/** Records a planned inspection as done: the day, who was there (第十四条 again) and its findings. */
export async function recordInspection(
  db: Db,
  actor: Actor,
  inspectionId: number,
  body: InspectionRecordBody,
) {
  const { inspection, matter } = await getInspectionForManage(db, actor, inspectionId);
  if (inspection.state !== 'planned') throw new AppError('CONFLICT', '该检查已记录结果，不能重复记录');
  if (body.inspectedOn < matter.opened_on) {
    throw invalid([{ field: 'inspectedOn', message: '检查日期不能早于事项立项日期' }]);
  }
  const current = (await findInspectionSupervisors(db, [inspectionId])).map((row) => row.id);
  const supervisorIds = await resolveSupervisors(
    db,
    actor,
    body.supervisorIds ?? current,
    inspection.is_on_site,
  );
  await db.transaction().execute(async (trx) => {
    await updateInspectionRow(trx, inspectionId, {
      state: 'done',
      inspected_on: body.inspectedOn,
      findings: body.findings,
    });
    await replaceInspectionSupervisors(trx, inspectionId, supervisorIds);
    await recordAudit(trx, actor, {
      action: 'supervision.inspection_record',
      entityType: 'supervision_inspection',
      entityId: inspectionId,
      orgId: matter.org_id,
      before: { state: inspection.state, supervisorIds: current },
      after: { ...body, supervisorIds },
    });
  });
  return (await listInspections(db, actor, inspection.matter_id)).find((item) => item.id === inspectionId)!;
}

/** Adds a piece of evidence (第十三条) to an inspection, linked to a case and/or its case file. */
export async function addEvidence(db: Db, actor: Actor, inspectionId: number, body: EvidenceBody) {
  const { inspection, matter } = await getInspectionForManage(db, actor, inspectionId);
  const caseFile = body.caseFileId ? await resolveCaseFile(db, actor, body.caseFileId) : null;
  const caseId = body.caseId ?? caseFile?.caseId ?? null;
  if (caseId) await resolveCase(db, actor, caseId);
  if (caseFile && caseId !== caseFile.caseId) {
    throw invalid([{ field: 'caseFileId', message: '案卷不属于所选案件' }]);
  }
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await insertEvidence(trx, {
      inspection_id: inspectionId,
      means: body.means,
      description: body.description,
      collected_on: body.collectedOn,
      case_id: caseId,
      case_file_id: caseFile?.id ?? null,
      created_by: actor.id,
    });
    await recordAudit(trx, actor, {
      action: 'supervision.evidence_create',
      entityType: 'supervision_evidence',
      entityId: id,
      orgId: matter.org_id,
      after: { inspectionId, ...body, caseId },
    });
    return id;
  });
  const inspections = await listInspections(db, actor, inspection.matter_id);
  return inspections.flatMap((item) => item.evidence).find((item) => item.id === id)!;
}

/** The evidence item's matter, for its files: read by the matter's readers, written by who runs it. */
export async function getEvidenceOwner(db: Db, actor: Actor, evidenceId: number, mode: 'read' | 'write') {
  const evidence = await findEvidenceById(db, evidenceId);
  const inspection = evidence ? await findInspectionById(db, evidence.inspection_id) : undefined;
  if (!inspection) throw notFound('证据');
  const { row } =
    mode === 'read'
      ? await getMatterForActor(db, actor, inspection.matter_id)
      : await getInspectionForManage(db, actor, inspection.id).then(({ matter }) => ({ row: matter }));
  return { orgId: row.org_id };
}
