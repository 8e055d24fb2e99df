/**
 * Supervision matters (监督事项, 协调监督工作办法 第十一、十二条) and the yearly focus list: create,
 * edit while open, close, read and list under the policy. Every write is audited in its transaction.
 */
import { todayInShanghai } from '../../../../common/format.ts';
import {
  MATTER_FIELD_LABELS,
  MATTER_KIND_LABELS,
  MATTER_SOURCE_LABELS,
  MATTER_STATE_LABELS,
  supervisionDue,
} from '../../../../common/supervision.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan, isInScope } from '../../../lib/access.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findOrgById } from '../../org/org.repository.ts';
import {
  countyIdOf,
  getActorOrg,
  resolveCase,
  resolveComplaint,
  resolveUnits,
} from '../supervision.links.ts';
import { canManageMatter, canReadMatter } from '../supervision.policy.ts';
import {
  findAllMatters,
  findFocusById,
  findMatterById,
  findMatters,
  findMatterUnits,
  insertMatter,
  type MatterFilter,
  type MatterRow,
  replaceMatterUnits,
  updateMatterRow,
} from './matters.repository.ts';
import type {
  MatterCloseBody,
  MatterCreateBody,
  MatterExportQuery,
  MatterListQuery,
  MatterUpdateBody,
  MatterView,
} from './matters.schema.ts';

/** Rows an export carries at most. */
export const MATTER_EXPORT_MAX_ROWS = 20_000;

type UnitRow = Awaited<ReturnType<typeof findMatterUnits>>[number];

/** A matter as the API shows it, with what this actor may do to it. */
export function presentMatter(
  row: MatterRow,
  units: readonly UnitRow[],
  actor: Actor,
  today: string,
): MatterView {
  const paths = { ownerPath: row.org_path, unitPaths: units.map((unit) => unit.path) };
  return {
    id: row.id,
    org: { id: row.org_id, name: row.org_name },
    kind: row.kind,
    kindLabel: MATTER_KIND_LABELS[row.kind],
    field: row.field,
    fieldLabel: MATTER_FIELD_LABELS[row.field],
    source: row.source,
    sourceLabel: MATTER_SOURCE_LABELS[row.source],
    complaint:
      row.complaint_id && row.complaint_summary !== null
        ? { id: row.complaint_id, summary: row.complaint_summary, receivedOn: row.complaint_received_on! }
        : null,
    case: row.case_id && row.case_no ? { id: row.case_id, caseNo: row.case_no, name: row.case_name! } : null,
    focus: row.focus_id && row.focus_title ? { id: row.focus_id, title: row.focus_title } : null,
    units: units.map((unit) => ({ id: unit.id, name: unit.name })),
    title: row.title,
    description: row.description,
    openedOn: row.opened_on,
    due: row.due_on && row.state === 'open' ? supervisionDue(row.due_on, today) : null,
    state: row.state,
    stateLabel: MATTER_STATE_LABELS[row.state],
    closedOn: row.closed_on,
    closingSummary: row.closing_summary,
    isOverdue: Boolean(row.is_overdue),
    counts: { inspections: Number(row.inspection_count), waitingReports: Number(row.waiting_reports) },
    abilities: { canManage: canManageMatter(actor, paths) && row.state === 'open' },
  };
}

async function presentRows(db: Db, actor: Actor, rows: MatterRow[], today: string) {
  const units = await findMatterUnits(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) =>
    presentMatter(
      row,
      units.filter((unit) => unit.matter_id === row.id),
      actor,
      today,
    ),
  );
}

async function filterOf(
  db: Db,
  actor: Actor,
  query: MatterExportQuery,
  today: string,
): Promise<MatterFilter> {
  let unitPath: string | undefined;
  if (query.unitId) {
    const unit = await findOrgById(db, query.unitId);
    if (!unit || !isInScope(actor, unit.path)) throw notFound('被监督单位');
    unitPath = unit.path;
  }
  return { ...query, unitPath, scopePaths: actor.scopePaths, today };
}

/** A page of the matters the actor reads, with the list's filters. */
export async function listMatters(db: Db, actor: Actor, query: MatterListQuery) {
  assertCan(actor, 'supervision.read');
  const today = todayInShanghai(new Date());
  const filter = await filterOf(db, actor, query, today);
  const { rows, total } = await findMatters(db, { ...filter, page: query.page, pageSize: query.pageSize });
  return {
    items: await presentRows(db, actor, rows, today),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Every matter the filter lets through, for the XLSX export. */
export async function listAllMatters(db: Db, actor: Actor, query: MatterExportQuery): Promise<MatterView[]> {
  assertCan(actor, 'supervision.read');
  const today = todayInShanghai(new Date());
  const rows = await findAllMatters(db, await filterOf(db, actor, query, today), MATTER_EXPORT_MAX_ROWS);
  return presentRows(db, actor, rows, today);
}

/** A matter the actor reads (with its units' paths), else NOT_FOUND. */
export async function getMatterForActor(
  db: Db,
  actor: Actor,
  id: number,
  today = todayInShanghai(new Date()),
) {
  assertCan(actor, 'supervision.read');
  const row = await findMatterById(db, id, today);
  const units = row ? await findMatterUnits(db, [row.id]) : [];
  if (!row || !canReadMatter(actor, { ownerPath: row.org_path, unitPaths: units.map((unit) => unit.path) })) {
    throw notFound('监督事项');
  }
  return { row, units };
}

/** A matter the actor runs and that is still open (inspections, requests, notices go under it). */
export async function getMatterForManage(db: Db, actor: Actor, id: number) {
  assertCan(actor, 'supervision.manage');
  const matter = await getMatterForActor(db, actor, id);
  const paths = { ownerPath: matter.row.org_path, unitPaths: matter.units.map((unit) => unit.path) };
  if (!canManageMatter(actor, paths)) throw notFound('监督事项');
  if (matter.row.state !== 'open') throw new AppError('CONFLICT', '监督事项已办结，不能再更改');
  return matter;
}

export async function getMatter(db: Db, actor: Actor, id: number): Promise<MatterView> {
  const today = todayInShanghai(new Date());
  const { row, units } = await getMatterForActor(db, actor, id, today);
  return presentMatter(row, units, actor, today);
}

interface MatterLinks {
  kind: MatterCreateBody['kind'];
  source: MatterCreateBody['source'];
  complaintId: number | null;
  caseId: number | null;
  focusId: number | null;
  unitIds: readonly number[];
  openedOn: string;
  dueOn: string | null;
}

/**
 * Checks what a matter names, all at once: a 个案监督 one case (its unit becomes the supervised
 * unit), otherwise at least one unit; a 投诉举报 source a complaint; a focus item of the county;
 * a due date not before the opening. Returns the units to store.
 */
async function resolveLinks(db: Db, actor: Actor, links: MatterLinks, countyId: number) {
  const problems: FieldProblem[] = [];
  if (links.kind === 'case' && !links.caseId)
    problems.push({ field: 'caseId', message: '个案监督须选择一件案件' });
  if (links.kind !== 'case' && links.unitIds.length === 0) {
    problems.push({ field: 'unitIds', message: '请选择至少一个被监督单位' });
  }
  if (links.source === 'complaint' && !links.complaintId) {
    problems.push({ field: 'complaintId', message: '来源为投诉举报时须选择对应的投诉举报' });
  }
  if (links.dueOn && links.dueOn < links.openedOn) {
    problems.push({ field: 'dueOn', message: '计划办结日期不能早于立项日期' });
  }
  if (problems.length > 0) throw invalid(problems);
  const units = await resolveUnits(db, actor, links.unitIds);
  if (links.caseId) {
    const linkedCase = await resolveCase(db, actor, links.caseId);
    if (!units.some((unit) => unit.id === linkedCase.unit.id)) units.unshift(linkedCase.unit);
  }
  if (links.complaintId) await resolveComplaint(db, actor, links.complaintId);
  if (links.focusId) {
    const focus = await findFocusById(db, links.focusId);
    if (!focus || focus.county_org_id !== countyId) {
      throw invalid([{ field: 'focusId', message: '年度监督重点不存在' }]);
    }
  }
  return units;
}

/** Inserts a matter with its units and audits it, inside the caller's transaction; returns its id. */
export async function storeMatter(
  trx: Db,
  actor: Actor,
  values: Parameters<typeof insertMatter>[1],
  unitIds: readonly number[],
  audited: object,
): Promise<number> {
  const { id } = await insertMatter(trx, values);
  await replaceMatterUnits(trx, id, unitIds);
  await recordAudit(trx, actor, {
    action: 'supervision.matter_create',
    entityType: 'supervision_matter',
    entityId: id,
    orgId: values.org_id,
    after: { ...audited, unitIds },
  });
  return id;
}

/** Opens a matter run by the supervisor's own organisation. */
export async function createMatter(db: Db, actor: Actor, body: MatterCreateBody): Promise<MatterView> {
  assertCan(actor, 'supervision.manage');
  const org = await getActorOrg(db, actor);
  const links: MatterLinks = {
    kind: body.kind,
    source: body.source,
    complaintId: body.complaintId ?? null,
    caseId: body.caseId ?? null,
    focusId: body.focusId ?? null,
    unitIds: body.unitIds ?? [],
    openedOn: body.openedOn,
    dueOn: body.dueOn,
  };
  const units = await resolveLinks(db, actor, links, countyIdOf(org.path));
  const id = await db.transaction().execute((trx) =>
    storeMatter(
      trx,
      actor,
      {
        org_id: org.id,
        kind: body.kind,
        field: body.field,
        source: body.source,
        complaint_id: links.complaintId,
        case_id: links.caseId,
        focus_id: links.focusId,
        title: body.title,
        description: body.description,
        opened_on: body.openedOn,
        due_on: body.dueOn,
        created_by: actor.id,
      },
      units.map((unit) => unit.id),
      body,
    ),
  );
  return getMatter(db, actor, id);
}

/** Edits an open matter (its kind stays: a 个案监督 stays tied to its case). */
export async function updateMatter(
  db: Db,
  actor: Actor,
  id: number,
  body: MatterUpdateBody,
): Promise<MatterView> {
  const { row, units: before } = await getMatterForManage(db, actor, id);
  const links: MatterLinks = {
    kind: row.kind,
    source: body.source ?? row.source,
    complaintId: body.complaintId === undefined ? row.complaint_id : body.complaintId,
    caseId: body.caseId === undefined ? row.case_id : body.caseId,
    focusId: body.focusId === undefined ? row.focus_id : body.focusId,
    unitIds: body.unitIds ?? before.map((unit) => unit.id),
    openedOn: body.openedOn ?? row.opened_on,
    dueOn: body.dueOn === undefined ? row.due_on : body.dueOn,
  };
  if (links.source !== 'complaint') links.complaintId = null;
  const units = await resolveLinks(db, actor, links, countyIdOf(row.org_path));
  const today = todayInShanghai(new Date());
  await db.transaction().execute(async (trx) => {
    await updateMatterRow(trx, id, {
      source: links.source,
      complaint_id: links.complaintId,
      case_id: links.caseId,
      focus_id: links.focusId,
      opened_on: links.openedOn,
      due_on: links.dueOn,
      ...(body.field !== undefined && { field: body.field }),
      ...(body.title !== undefined && { title: body.title }),
      ...(body.description !== undefined && { description: body.description }),
    });
    await replaceMatterUnits(
      trx,
      id,
      units.map((unit) => unit.id),
    );
    await recordAudit(trx, actor, {
      action: 'supervision.matter_update',
      entityType: 'supervision_matter',
      entityId: id,
      orgId: row.org_id,
      before: presentMatter(row, before, actor, today),
      after: body,
    });
  });
  return getMatter(db, actor, id);
}

/** Closes an open matter with what came of it. */
export async function closeMatter(
  db: Db,
  actor: Actor,
  id: number,
  body: MatterCloseBody,
): Promise<MatterView> {
  const { row } = await getMatterForManage(db, actor, id);
  if (body.closedOn < row.opened_on) {
    throw invalid([{ field: 'closedOn', message: '办结日期不能早于立项日期' }]);
  }
  await db.transaction().execute(async (trx) => {
    await updateMatterRow(trx, id, {
      state: 'closed',
      closed_on: body.closedOn,
      closing_summary: body.summary,
    });
    await recordAudit(trx, actor, {
      action: 'supervision.matter_close',
      entityType: 'supervision_matter',
      entityId: id,
      orgId: row.org_id,
      after: body,
    });
  });
  return getMatter(db, actor, id);
}
