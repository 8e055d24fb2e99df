/**
 * 重大行政执法事项协调 (协调监督办法第九条): the bureau logs a major or difficult enforcement matter,
 * discusses it (会议记录) and records how it was resolved; and issues the periodic circular
 * (定期通报): generated from the period's records as an editable draft, signed through the documents
 * layer (博司协 number on sign), never edited once issued.
 */
import { CIRCULAR_STATUS_LABELS, MATTER_STATUS_LABELS } from '../../../../common/coordination.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan, isInScope } from '../../../lib/access.ts';
import { conflict, forbidden, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit, recordExport } from '../../audit/audit.service.ts';
import { CASE_KIND_LABELS } from '../../cases/cases.policy.ts';
import {
  registerDocumentKind,
  registerSignOffHandler,
  renderOfficialDocx,
  requestSignOff,
} from '../../documents/documents.public.ts';
import { findOrgById } from '../../org/org.repository.ts';
import { getOrgInScope } from '../../org/org.service.ts';
import {
  COORDINATION_DOMAIN,
  COORDINATION_RECORD_TYPES,
  coordinationPrefixOf,
  issueCoordinationDocument,
} from '../coordination.documents.ts';
import { canManageCounty, countyOf } from '../coordination.policy.ts';
import { findEnforcingOrgs, findJusticeBureau } from '../disputes/disputes.repository.ts';
import { buildCircularDocument, buildCircularDraft } from './circular.build.ts';
import { buildMatterSheet } from './matters.export.ts';
import {
  type CircularRow,
  findAllMatters,
  findCircularById,
  findCirculars,
  findMatterById,
  findMatterMeetings,
  findMatters,
  findPeriodFigures,
  insertCircular,
  insertMatter,
  insertMatterMeeting,
  lockCircular,
  lockMatter,
  type MatterFilter,
  type MatterRow,
  updateCircular,
  updateMatter,
} from './matters.repository.ts';
import type {
  CircularListQuery,
  CircularView,
  MatterExportQuery,
  MatterListQuery,
  MatterView,
} from './matters.schema.ts';

/** The county the actor runs (a supervisor of the bureau), else FORBIDDEN. */
function managedCounty(actor: Actor) {
  assertCan(actor, 'coordination.manage');
  const scope = actor.scopePaths[0];
  if (!scope) throw forbidden();
  const county = countyOf(scope);
  if (!canManageCounty(actor, county.countyPath)) throw forbidden('只有司法局监督人员可以办理');
  return county;
}

async function presentMatters(db: Db, actor: Actor, rows: readonly MatterRow[]): Promise<MatterView[]> {
  const meetings = await findMatterMeetings(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    description: row.description,
    orgId: row.org_id,
    orgName: row.org_name,
    raisedOn: row.raised_on,
    status: row.status,
    statusLabel: MATTER_STATUS_LABELS[row.status],
    resolution: row.resolution,
    resolvedOn: row.resolved_on,
    meetings: meetings
      .filter((meeting) => meeting.matter_id === row.id)
      .map((meeting) => ({
        id: meeting.id,
        heldOn: meeting.held_on,
        attendees: meeting.attendees,
        minutes: meeting.minutes,
      })),
    canManage: canManageCounty(actor, row.county_path) && row.status !== 'resolved',
  }));
}

/** The repository's filter from the list's query; an organisation outside the scope is NOT_FOUND. */
async function matterFilter(db: Db, actor: Actor, query: MatterExportQuery): Promise<MatterFilter> {
  if (query.raisedFrom && query.raisedTo && query.raisedTo < query.raisedFrom)
    throw invalid([{ field: 'raisedTo', message: '结束日期不能早于开始日期' }]);
  return {
    scopePaths: actor.scopePaths,
    status: query.status,
    orgPath: query.orgId ? (await getOrgInScope(db, actor, query.orgId)).path : undefined,
    raisedFrom: query.raisedFrom,
    raisedTo: query.raisedTo,
    keyword: query.keyword,
  };
}

export async function listMatters(db: Db, actor: Actor, query: MatterListQuery) {
  assertCan(actor, 'coordination.read');
  const { items, total } = await findMatters(db, await matterFilter(db, actor, query), query);
  return { items: await presentMatters(db, actor, items), total, page: query.page, pageSize: query.pageSize };
}

export const MATTER_EXPORT_MAX_ROWS = 5_000;

/** 导出: the list under the same filters as one sheet; the export is audited (who, how many, which filter). */
export async function exportMatters(db: Db, actor: Actor, query: MatterExportQuery) {
  assertCan(actor, 'coordination.read');
  const rows = await findAllMatters(db, await matterFilter(db, actor, query), MATTER_EXPORT_MAX_ROWS);
  const items = await presentMatters(db, actor, rows);
  await recordExport(db, actor, {
    entityType: 'coordination_major_matter',
    rows: items.length,
    filter: query,
  });
  return buildMatterSheet(items);
}

async function getMatter(db: Db, actor: Actor, id: number): Promise<MatterView> {
  const row = await findMatterById(db, id);
  const isVisible =
    row && (isInScope(actor, row.county_path) || (row.org_path !== null && isInScope(actor, row.org_path)));
  if (!row || !isVisible) throw notFound('重大行政执法事项');
  return (await presentMatters(db, actor, [row]))[0]!;
}

/** Logs a matter (an agency or township of the county it concerns, or none for a county-wide one). */
export async function createMatter(
  db: Db,
  actor: Actor,
  body: { title: string; description: string; orgId?: number | null | undefined; raisedOn: string },
  today: string,
) {
  const county = managedCounty(actor);
  if (body.raisedOn > today) throw invalid([{ field: 'raisedOn', message: '提出日期不能晚于今天' }]);
  if (body.orgId) {
    const [org] = await findEnforcingOrgs(db, [body.orgId]);
    if (!org?.path.startsWith(county.countyPath)) throw notFound('涉及单位（本县的行政执法部门或乡镇）');
  }
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await insertMatter(trx, {
      county_org_id: county.countyOrgId,
      title: body.title,
      description: body.description,
      org_id: body.orgId ?? null,
      raised_on: body.raisedOn,
      status: 'open',
      resolution: null,
      resolved_on: null,
      created_by: actor.id,
    });
    await recordAudit(trx, actor, {
      action: 'coordination.matter_create',
      entityType: 'coordination_major_matter',
      entityId: id,
      orgId: body.orgId ?? county.countyOrgId,
      after: body,
    });
    return id;
  });
  return getMatter(db, actor, id);
}

async function changeMatter(
  db: Db,
  actor: Actor,
  id: number,
  write: (trx: Db, row: MatterRow) => Promise<void>,
) {
  managedCounty(actor);
  const row = await findMatterById(db, id);
  if (!row || !canManageCounty(actor, row.county_path)) throw notFound('重大行政执法事项');
  await db.transaction().execute(async (trx) => {
    const locked = await lockMatter(trx, id);
    if (locked?.status === 'resolved') throw conflict('该事项已协调处理完毕');
    await write(trx, row);
  });
  return getMatter(db, actor, id);
}

/** 组织研究: a meeting on the matter, with its record. */
export function recordMatterMeeting(
  db: Db,
  actor: Actor,
  id: number,
  body: { heldOn: string; attendees: string; minutes: string },
  today: string,
) {
  if (body.heldOn > today) throw invalid([{ field: 'heldOn', message: '会议日期不能晚于今天' }]);
  return changeMatter(db, actor, id, async (trx, row) => {
    if (body.heldOn < row.raised_on)
      throw invalid([{ field: 'heldOn', message: '会议日期不能早于事项提出日期' }]);
    const meeting = await insertMatterMeeting(trx, {
      matter_id: id,
      held_on: body.heldOn,
      attendees: body.attendees,
      minutes: body.minutes,
      recorded_by: actor.id,
    });
    await updateMatter(trx, id, { status: 'discussed' });
    await recordAudit(trx, actor, {
      action: 'coordination.matter_meeting',
      entityType: 'coordination_matter_meeting',
      entityId: meeting.id,
      orgId: row.org_id ?? row.county_org_id,
      after: { matterId: id, ...body },
    });
  });
}

/** 协调处理: how the matter was resolved. */
export function resolveMatter(db: Db, actor: Actor, id: number, body: { resolution: string }, today: string) {
  return changeMatter(db, actor, id, async (trx, row) => {
    await updateMatter(trx, id, { status: 'resolved', resolution: body.resolution, resolved_on: today });
    await recordAudit(trx, actor, {
      action: 'coordination.matter_resolve',
      entityType: 'coordination_major_matter',
      entityId: id,
      orgId: row.org_id ?? row.county_org_id,
      before: { status: row.status },
      after: body,
    });
  });
}

// ---- 定期通报 ----

function presentCircular(actor: Actor, row: CircularRow): CircularView {
  return {
    id: row.id,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    title: row.title,
    body: row.body,
    status: row.status,
    statusLabel: CIRCULAR_STATUS_LABELS[row.status],
    number: row.number,
    issuedOn: row.issued_on,
    signedByName: row.signed_by_name,
    signComment: row.sign_comment,
    isEditable: row.status === 'draft',
    canManage: canManageCounty(actor, row.county_path),
  };
}

/** The county's circulars, for the bureau's staff (a county-wide record). */
export async function listCirculars(db: Db, actor: Actor, query: CircularListQuery) {
  assertCan(actor, 'coordination.read');
  const counties = actor.scopePaths.filter((path) => countyOf(path).countyPath === path);
  const { items, total } = await findCirculars(
    db,
    { countyPaths: counties, status: query.status, year: query.year, keyword: query.keyword },
    query,
  );
  return {
    items: items.map((row) => presentCircular(actor, row)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function getCircularRow(db: Db, actor: Actor, id: number) {
  assertCan(actor, 'coordination.read');
  const row = await findCircularById(db, id);
  if (!row || !isInScope(actor, row.county_path)) throw notFound('定期通报');
  return row;
}

/** Generates the period's draft from the records Fazhi holds. */
export async function generateCircular(
  db: Db,
  actor: Actor,
  body: { periodFrom: string; periodTo: string },
  today: string,
) {
  const county = managedCounty(actor);
  if (body.periodTo < body.periodFrom)
    throw invalid([{ field: 'periodTo', message: '通报期间的结束日期不能早于开始日期' }]);
  if (body.periodFrom > today)
    throw invalid([{ field: 'periodFrom', message: '通报期间不能在今天之后开始' }]);
  const countyOrg = await findOrgById(db, county.countyOrgId);
  const figures = await findPeriodFigures(
    db,
    county.countyPath,
    county.countyOrgId,
    body.periodFrom,
    body.periodTo,
  );
  const draft = buildCircularDraft({
    countyName: countyOrg?.name.replace(/人民政府$/, '') ?? '全县',
    from: body.periodFrom,
    to: body.periodTo,
    figures,
    caseKindLabels: CASE_KIND_LABELS,
  });
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await insertCircular(trx, {
      county_org_id: county.countyOrgId,
      period_from: body.periodFrom,
      period_to: body.periodTo,
      title: draft.title,
      body: draft.body,
      status: 'draft',
      number: null,
      issued_on: null,
      signed_by_name: null,
      sign_comment: null,
      created_by: actor.id,
    });
    await recordAudit(trx, actor, {
      action: 'coordination.circular_generate',
      entityType: 'coordination_circular',
      entityId: id,
      orgId: county.countyOrgId,
      after: { ...body, figures },
    });
    return id;
  });
  return presentCircular(actor, (await findCircularById(db, id))!);
}

async function changeCircular(
  db: Db,
  actor: Actor,
  id: number,
  refusal: string,
  write: (trx: Db, row: CircularRow) => Promise<void>,
) {
  managedCounty(actor);
  const row = await getCircularRow(db, actor, id);
  await db.transaction().execute(async (trx) => {
    const locked = await lockCircular(trx, id);
    if (locked?.status !== 'draft') throw conflict(refusal);
    await write(trx, row);
  });
  return presentCircular(actor, (await findCircularById(db, id))!);
}

/** The bureau edits the generated draft; a circular sent for sign-off or issued is not edited. */
export function editCircular(db: Db, actor: Actor, id: number, body: { title: string; body: string }) {
  return changeCircular(db, actor, id, '已送签或已印发的通报不能修改', async (trx, row) => {
    await updateCircular(trx, id, body);
    await recordAudit(trx, actor, {
      action: 'coordination.circular_edit',
      entityType: 'coordination_circular',
      entityId: id,
      orgId: row.county_org_id,
      before: { title: row.title, body: row.body },
      after: body,
    });
  });
}

/** 送签: the circular waits in the bureau leaders' 待签发 list. */
export function submitCircular(db: Db, actor: Actor, id: number) {
  return changeCircular(db, actor, id, '只有草稿可以送签', async (trx, row) => {
    const bureau = await findJusticeBureau(trx, row.county_path);
    if (!bureau) throw conflict('本县未设置司法局，不能送签');
    await updateCircular(trx, id, { status: 'pending_sign', sign_comment: null });
    await requestSignOff(trx, actor, {
      domain: COORDINATION_DOMAIN,
      recordType: COORDINATION_RECORD_TYPES.circular,
      recordId: id,
      orgId: bureau.id,
      title: row.title,
    });
    await recordAudit(trx, actor, {
      action: 'coordination.circular_submit',
      entityType: 'coordination_circular',
      entityId: id,
      orgId: row.county_org_id,
    });
  });
}

registerDocumentKind(COORDINATION_RECORD_TYPES.circular, {
  label: '行政执法工作定期通报',
  linkOf: () => '/coordination/matters',
});

registerSignOffHandler(COORDINATION_RECORD_TYPES.circular, {
  async onSigned(trx, request, signer) {
    const locked = await lockCircular(trx, request.recordId);
    if (locked?.status !== 'pending_sign') throw conflict('通报不在待签发状态');
    const { number } = await issueCoordinationDocument(trx, signer, {
      bureauOrgId: request.orgId,
      recordType: COORDINATION_RECORD_TYPES.circular,
      recordId: locked.id,
      title: locked.title,
      recipient: '各乡（镇）人民政府，县人民政府各行政执法部门',
    });
    await updateCircular(trx, locked.id, {
      status: 'issued',
      number,
      issued_on: signer.signedOn,
      signed_by_name: signer.name,
    });
    await recordAudit(trx, signer.actor, {
      action: 'coordination.circular_issue',
      entityType: 'coordination_circular',
      entityId: locked.id,
      orgId: locked.county_org_id,
      after: { number, issuedOn: signer.signedOn },
    });
  },
  async onReturned(trx, request, comment) {
    const locked = await lockCircular(trx, request.recordId);
    if (locked?.status !== 'pending_sign') throw conflict('通报不在待签发状态');
    await updateCircular(trx, locked.id, { status: 'draft', sign_comment: comment });
  },
});

/** The circular as Word: the draft to edit and check, or the issued one with its number. */
export async function circularDocx(db: Db, actor: Actor, id: number, today: string) {
  const row = await getCircularRow(db, actor, id);
  const bureau = await findJusticeBureau(db, row.county_path);
  const content = buildCircularDocument({
    bureauName: bureau?.name ?? '司法局',
    numberPrefix: bureau ? await coordinationPrefixOf(db, bureau.id) : null,
    number: row.number,
    title: row.title,
    body: row.body,
    issuedOn: row.issued_on,
    today,
  });
  return { fileName: `${row.number ?? row.title}.docx`, bytes: await renderOfficialDocx(content) };
}
