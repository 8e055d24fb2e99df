/**
 * Training sessions (培训制度第四–八条): the organiser plans a session, draws its attendee list from the
 * officers in its scope (or an XLSX), issues the 培训通知, prints the 签到表, and finishes it: one
 * transaction writes every attendee's training record (培训档案, 第八条) through the officers domain,
 * with the 考核 result of a graded session.
 */
import { todayInShanghai } from '../../../../common/format.ts';
import {
  MAX_SESSION_ATTENDEES,
  TRAINING_CONTENT_CATEGORY_LABELS,
  TRAINING_DELIVERY_LABELS,
  TRAINING_KIND_NAMES,
  TRAINING_ORGANISER_KIND_LABELS,
  TRAINING_SESSION_STATUS_LABELS,
} from '../../../../common/training.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, isInScope } from '../../../lib/access.ts';
import { conflict, forbidden, invalid, notFound } from '../../../lib/errors.ts';
import { failImport, parseImportRows, type RowProblem } from '../../../lib/xlsx.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import {
  findIssuingRegister,
  REGISTER_CODES,
  recordIssuedDocument,
  registerDocumentKind,
  renderOfficialDocx,
  takeDocumentNumber,
} from '../../documents/documents.public.ts';
import {
  findAttendeeOfficers,
  findOfficerByCertificate,
  findOwnOfficerId,
  listSessionTrainings,
  writeSessionTrainings,
} from '../../officers/officers.public.ts';
import { findOrgById } from '../../org/org.repository.ts';
import { findPlanItemById } from '../plans/plans.repository.ts';
import {
  canManageTrainingOf,
  canReadTrainingOf,
  organiserKindOf,
  resolveTrainingActor,
  type TrainingActor,
} from '../training.policy.ts';
import { buildSignInSheet, buildTrainingNotice } from './session-documents.ts';
import {
  deleteAttendee,
  deleteSessionRow,
  findAttendeeIds,
  findSessionById,
  findSessions,
  hasReadableSessionsOf,
  insertAttendees,
  insertSession,
  isSessionReadableByAttendee,
  lockSession,
  type SessionRow,
  updateSessionRow,
} from './sessions.repository.ts';
import { judgeFinish } from './sessions.rules.ts';
import type {
  FinishBody,
  SessionBody,
  SessionDetail,
  SessionListQuery,
  SessionView,
} from './sessions.schema.ts';

/** The 培训通知 is numbered from the organiser's general register (博司发). */
export const NOTICE_REGISTER_CODE = REGISTER_CODES.general;
const RECORD_TYPE = 'training_session';
registerDocumentKind(RECORD_TYPE, { label: '培训通知', linkOf: (id) => `/training/sessions/${id}` });

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function presentSession(ctx: TrainingActor, row: NonNullable<SessionRow>): SessionView {
  const canManage = canManageTrainingOf(ctx, row.org_path);
  const isPlanned = row.status === 'planned';
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    organiserKind: row.organiser_kind,
    organiserKindLabel: TRAINING_ORGANISER_KIND_LABELS[row.organiser_kind],
    kind: row.kind,
    kindLabel: TRAINING_KIND_NAMES[row.kind],
    delivery: row.delivery,
    deliveryLabel: TRAINING_DELIVERY_LABELS[row.delivery],
    contentCategory: row.content_category,
    contentCategoryLabel: TRAINING_CONTENT_CATEGORY_LABELS[row.content_category],
    course: row.course,
    material: row.material,
    hours: Number(row.hours),
    heldOn: row.held_on,
    place: row.place,
    planItemId: row.plan_item_id,
    planItemLabel: row.plan_item_content,
    isGraded: row.is_graded,
    status: row.status,
    statusLabel: TRAINING_SESSION_STATUS_LABELS[row.status],
    attendeeCount: row.attendee_count,
    noticeNumber: row.notice_number,
    noticeIssuedOn: row.notice_issued_on,
    abilities: {
      canEdit: canManage && isPlanned,
      canFinish: canManage && isPlanned,
      canIssueNotice: canManage && row.notice_number === null,
    },
  };
}

async function getSessionRow(db: Db, ctx: TrainingActor, id: number) {
  const row = await findSessionById(db, id);
  if (!row) throw notFound('培训班');
  if (!canReadTrainingOf(ctx, row.org_path) && !(await isSessionReadableByAttendee(db, ctx, id)))
    throw notFound('培训班');
  return row;
}

async function getSessionForChange(db: Db, ctx: TrainingActor, id: number) {
  const row = await getSessionRow(db, ctx, id);
  if (!canManageTrainingOf(ctx, row.org_path)) throw forbidden('只能管理本单位及下属单位举办的培训');
  return row;
}

function assertPlanned(row: { status: string }): void {
  if (row.status !== 'planned') throw conflict('培训已结业，参训名单和培训信息不能再修改');
}

export async function listSessions(db: Db, actor: Actor, query: SessionListQuery) {
  const ctx = await resolveTrainingActor(db, actor);
  let orgPath: string | undefined;
  if (query.orgId) {
    const org = await findOrgById(db, query.orgId);
    // 第七条(一): an agency reads the bureau's sessions its officers attend, so it may filter by the
    // bureau too; an organisation none of whose sessions it reads stays unnamed (404)
    const isReadable =
      org !== undefined &&
      (canReadTrainingOf(ctx, org.path) || (await hasReadableSessionsOf(db, ctx, org.path)));
    if (!org || !isReadable) throw notFound('单位');
    orgPath = org.path;
  }
  const { rows, total } = await findSessions(db, ctx, { ...query, orgPath });
  return {
    items: rows.map((row) => presentSession(ctx, row)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    canCreate: actor.scopePaths.some((path) => canManageTrainingOf(ctx, path)),
  };
}

/** A session with the attendees the reader may see (scope or their own profile). */
export async function getSession(db: Db, actor: Actor, id: number): Promise<SessionDetail> {
  const ctx = await resolveTrainingActor(db, actor);
  const row = await getSessionRow(db, ctx, id);
  return presentDetail(db, ctx, row);
}

async function presentDetail(
  db: Db,
  ctx: TrainingActor,
  row: NonNullable<SessionRow>,
): Promise<SessionDetail> {
  const officers = await findAttendeeOfficers(db, await findAttendeeIds(db, row.id));
  const records = new Map(
    (await listSessionTrainings(db, row.id)).map((record) => [record.officerId, record]),
  );
  const ownOfficerId = await findOwnOfficerId(db, ctx.actor);
  return {
    ...presentSession(ctx, row),
    attendees: officers
      .filter((officer) => isInScope(ctx.actor, officer.orgPath) || officer.id === ownOfficerId)
      .map((officer) => {
        const record = records.get(officer.id);
        return {
          officerId: officer.id,
          name: officer.name,
          orgName: officer.orgName,
          certificateNumber: officer.certificateNumber,
          trainingId: record?.id ?? null,
          score: record?.score ?? null,
          passed: record?.passed ?? null,
        };
      }),
  };
}

async function sessionValues(db: Db, ctx: TrainingActor, body: SessionBody) {
  const org = await findOrgById(db, body.orgId);
  // another county's unit, or none: the same 404 (its existence is not told)
  if (!org || !canReadTrainingOf(ctx, org.path)) throw notFound('举办单位');
  if (!canManageTrainingOf(ctx, org.path))
    throw invalid([{ field: 'orgId', message: '只能以本单位或下属单位名义举办培训' }]);
  if (body.planItemId) {
    const item = await findPlanItemById(db, body.planItemId);
    if (!item || !canReadTrainingOf(ctx, item.org_path))
      throw invalid([{ field: 'planItemId', message: '计划事项不存在' }]);
    if (Number(body.heldOn.slice(0, 4)) !== item.year)
      throw invalid([{ field: 'planItemId', message: `该计划事项属于${item.year}年度计划，与培训日期不符` }]);
  }
  return {
    org_id: org.id,
    organiser_kind: await organiserKindOf(db, org.path),
    kind: body.kind,
    delivery: body.delivery,
    content_category: body.contentCategory,
    course: body.course,
    material: body.material ?? null,
    hours: body.hours,
    held_on: body.heldOn,
    place: body.place ?? null,
    plan_item_id: body.planItemId ?? null,
    is_graded: body.isGraded,
  };
}

export async function createSession(db: Db, actor: Actor, body: SessionBody): Promise<SessionDetail> {
  const ctx = await resolveTrainingActor(db, actor);
  const values = await sessionValues(db, ctx, body);
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await insertSession(trx, { ...values, created_by: actor.id });
    await recordAudit(trx, actor, {
      action: 'training.session_create',
      entityType: RECORD_TYPE,
      entityId: id,
      orgId: values.org_id,
      after: body,
    });
    return id;
  });
  return getSession(db, actor, id);
}

export async function updateSession(
  db: Db,
  actor: Actor,
  id: number,
  body: SessionBody,
): Promise<SessionDetail> {
  const ctx = await resolveTrainingActor(db, actor);
  const row = await getSessionForChange(db, ctx, id);
  assertPlanned(row);
  const values = await sessionValues(db, ctx, body);
  await db.transaction().execute(async (trx) => {
    await updateSessionRow(trx, id, values);
    await recordAudit(trx, actor, {
      action: 'training.session_update',
      entityType: RECORD_TYPE,
      entityId: id,
      orgId: row.org_id,
      before: presentSession(ctx, row),
      after: body,
    });
  });
  return getSession(db, actor, id);
}

export async function deleteSession(db: Db, actor: Actor, id: number): Promise<void> {
  const ctx = await resolveTrainingActor(db, actor);
  const row = await getSessionForChange(db, ctx, id);
  assertPlanned(row);
  if (row.notice_number) throw conflict(`培训通知已发文（${row.notice_number}），不能删除该培训`);
  await db.transaction().execute(async (trx) => {
    await deleteSessionRow(trx, id);
    await recordAudit(trx, actor, {
      action: 'training.session_delete',
      entityType: RECORD_TYPE,
      entityId: id,
      orgId: row.org_id,
      before: presentSession(ctx, row),
    });
  });
}

/** Officers the account may put on a session's list: in its scope, in service. */
async function checkAttendees(db: Db, ctx: TrainingActor, officerIds: readonly number[]) {
  const officers = await findAttendeeOfficers(db, officerIds);
  const byId = new Map(officers.map((officer) => [officer.id, officer]));
  const problems = officerIds.flatMap((officerId, index) => {
    const officer = byId.get(officerId);
    if (!officer || !isInScope(ctx.actor, officer.orgPath))
      return [{ field: `officerIds.${index}`, message: '未找到该执法人员（或不在管辖范围内）' }];
    if (!officer.isActive)
      return [{ field: `officerIds.${index}`, message: `${officer.name}不在岗，不能参训` }];
    return [];
  });
  if (problems.length > 0) throw invalid(problems);
}

async function addCheckedAttendees(db: Db, ctx: TrainingActor, row: NonNullable<SessionRow>, ids: number[]) {
  if (row.attendee_count + ids.length > MAX_SESSION_ATTENDEES)
    throw invalid([{ field: 'officerIds', message: `每期培训最多 ${MAX_SESSION_ATTENDEES} 人` }]);
  return db.transaction().execute(async (trx) => {
    const locked = await lockSession(trx, row.id);
    assertPlanned(locked!);
    const added = await insertAttendees(trx, row.id, ids, ctx.actor.id);
    await recordAudit(trx, ctx.actor, {
      action: 'training.attendees_add',
      entityType: RECORD_TYPE,
      entityId: row.id,
      orgId: row.org_id,
      after: { officerIds: added },
    });
    return added.length;
  });
}

export async function addAttendees(db: Db, actor: Actor, id: number, officerIds: number[]) {
  const ctx = await resolveTrainingActor(db, actor);
  const row = await getSessionForChange(db, ctx, id);
  assertPlanned(row);
  await checkAttendees(db, ctx, officerIds);
  const added = await addCheckedAttendees(db, ctx, row, officerIds);
  return { added, session: await getSession(db, actor, id) };
}

export async function removeAttendee(db: Db, actor: Actor, id: number, officerId: number) {
  const ctx = await resolveTrainingActor(db, actor);
  const row = await getSessionForChange(db, ctx, id);
  assertPlanned(row);
  await db.transaction().execute(async (trx) => {
    const locked = await lockSession(trx, id);
    assertPlanned(locked!);
    const result = await deleteAttendee(trx, id, officerId);
    if (Number(result.numDeletedRows) === 0) throw notFound('参训人员');
    await recordAudit(trx, actor, {
      action: 'training.attendee_remove',
      entityType: RECORD_TYPE,
      entityId: id,
      orgId: row.org_id,
      before: { officerId },
    });
  });
  return getSession(db, actor, id);
}

/** An attendee list from an XLSX (columns 姓名, 执法证编号): all rows right or nothing is added. */
export async function importAttendees(db: Db, actor: Actor, id: number, bytes: Buffer) {
  const ctx = await resolveTrainingActor(db, actor);
  const row = await getSessionForChange(db, ctx, id);
  assertPlanned(row);
  const rows = await parseImportRows(bytes);
  const problems: RowProblem[] = [];
  const ids: number[] = [];
  for (const { row: line, values } of rows) {
    const name = (values.姓名 ?? '').trim();
    const number = (values.执法证编号 ?? '').trim();
    if (!name) problems.push({ row: line, field: '姓名', message: '请填写姓名' });
    if (!number) problems.push({ row: line, field: '执法证编号', message: '请填写执法证编号' });
    if (!name || !number) continue;
    const officer = await findOfficerByCertificate(db, number, name);
    if (!officer || !isInScope(actor, officer.orgPath)) {
      problems.push({
        row: line,
        field: '执法证编号',
        message: '未找到该执法证编号与姓名对应的执法人员（或不在管辖范围内）',
      });
      continue;
    }
    if (!ids.includes(officer.id)) ids.push(officer.id);
  }
  if (problems.length > 0) failImport(problems);
  await checkAttendees(db, ctx, ids).catch((error) => {
    failImport([
      { row: 1, field: '', message: error.details?.fields?.[0]?.message ?? '名单中有不能参训的人员' },
    ]);
  });
  const added = await addCheckedAttendees(db, ctx, row, ids);
  return { added, session: await getSession(db, actor, id) };
}

/**
 * Finishes a held session: every attendee's training record (with the 考核 result of a graded
 * session) is written in the same transaction as the state change; a problem writes nothing.
 */
export async function finishSession(
  db: Db,
  actor: Actor,
  id: number,
  body: FinishBody,
  today = todayInShanghai(new Date()),
): Promise<SessionDetail> {
  const ctx = await resolveTrainingActor(db, actor);
  const row = await getSessionForChange(db, ctx, id);
  assertPlanned(row);
  await db.transaction().execute(async (trx) => {
    const locked = await lockSession(trx, id);
    assertPlanned(locked!);
    const attendeeIds = await findAttendeeIds(trx, id);
    const outcome = judgeFinish({
      heldOn: row.held_on,
      today,
      isGraded: row.is_graded,
      attendeeIds,
      results: body.results,
    });
    if (outcome.problems.length > 0) throw invalid(outcome.problems);
    await writeSessionTrainings(
      trx,
      actor,
      {
        id,
        orgId: row.org_id,
        heldOn: row.held_on,
        hours: row.hours,
        course: row.course,
        kind: row.kind,
        delivery: row.delivery,
        contentCategory: row.content_category,
        organiserName: row.org_name,
        isBureauOrganised: row.organiser_kind === 'bureau',
      },
      outcome.records,
    );
    await updateSessionRow(trx, id, { status: 'finished', finished_at: new Date(), finished_by: actor.id });
    await recordAudit(trx, actor, {
      action: 'training.session_finish',
      entityType: RECORD_TYPE,
      entityId: id,
      orgId: row.org_id,
      before: { status: 'planned' },
      after: { status: 'finished', records: outcome.records.length },
    });
  });
  return getSession(db, actor, id);
}

/** Issues the 培训通知: its number from the organiser's register (博司发), in the same transaction. */
export async function issueNotice(db: Db, actor: Actor, id: number, today = todayInShanghai(new Date())) {
  const ctx = await resolveTrainingActor(db, actor);
  const row = await getSessionForChange(db, ctx, id);
  const register = await findIssuingRegister(db, { orgId: row.org_id, registerCode: NOTICE_REGISTER_CODE });
  if (!register) throw conflict(`${row.org_name}及其上级单位未设置发文登记簿，不能为培训通知编号`);
  const year = Number(today.slice(0, 4));
  await db.transaction().execute(async (trx) => {
    const locked = await lockSession(trx, id);
    if (locked!.notice_number) throw conflict(`培训通知已发文（${locked!.notice_number}）`);
    const taken = await takeDocumentNumber(trx, {
      orgId: register.orgId,
      registerCode: NOTICE_REGISTER_CODE,
      year,
    });
    await recordIssuedDocument(trx, actor, {
      orgId: register.orgId,
      registerCode: NOTICE_REGISTER_CODE,
      number: taken.number,
      sequence: taken.sequence,
      year,
      title: `关于举办“${row.course}”培训的通知`,
      recipient: '参训人员所在单位',
      issuedOn: today,
      source: { domain: 'training', recordType: RECORD_TYPE, recordId: id },
    });
    await updateSessionRow(trx, id, { notice_number: taken.number, notice_issued_on: today });
    await recordAudit(trx, actor, {
      action: 'training.notice_issue',
      entityType: RECORD_TYPE,
      entityId: id,
      orgId: row.org_id,
      after: { number: taken.number, issuedOn: today },
    });
  });
  return getSession(db, actor, id);
}

/** The 培训通知 as a DOCX (blank number before it is issued). */
export async function renderNotice(db: Db, actor: Actor, id: number) {
  const session = await getSession(db, actor, id);
  const register = await findIssuingRegister(db, {
    orgId: session.orgId,
    registerCode: NOTICE_REGISTER_CODE,
  });
  const recipients = [...new Set(session.attendees.map((attendee) => attendee.orgName))];
  const content = buildTrainingNotice(session, {
    numberPrefix: register?.prefix ?? null,
    recipients: recipients.length > 0 ? recipients : ['各行政执法单位'],
    today: todayInShanghai(new Date()),
  });
  return {
    fileName: `培训通知（${session.course}）.docx`,
    contentType: DOCX,
    bytes: await renderOfficialDocx(content),
  };
}

/** The 签到表 as a DOCX, one line per attendee the reader sees. */
export async function renderSignInSheet(db: Db, actor: Actor, id: number) {
  const session = await getSession(db, actor, id);
  return {
    fileName: `签到表（${session.course}）.docx`,
    contentType: DOCX,
    bytes: await renderOfficialDocx(buildSignInSheet(session, todayInShanghai(new Date()))),
  };
}
