/** Writes to cases and their records: create, update, sign, quality analysis, hand-in. */
import type { AuditAction } from '../../../../common/audit-labels.ts';
import { DATE_RULES, dateRuleProblem } from '../../../../common/date-rules.ts';
import { formatChineseDate, todayInShanghai } from '../../../../common/format.ts';
import type { Db } from '../../../db/database.ts';
import type { Org } from '../../../db/schema.ts';
import { type Actor, assertCan, isInScope } from '../../../lib/access.ts';
import { isUniqueViolation } from '../../../lib/db-errors.ts';
import { AppError, conflict, type FieldProblem, forbidden, invalid } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { markFilesUnchecked } from '../../case-files/case-files.repository.ts';
import { findOfficerById } from '../../officers/archive/officers.repository.ts';
import { canHandleCases } from '../../officers/archive/officers.service.ts';
import { findAncestry } from '../../org/org.repository.ts';
import { getOrgInScope } from '../../org/org.service.ts';
import { CASE_UNIT_KINDS, MIN_HANDLERS, recordDueOn, recordStateOf } from '../cases.policy.ts';
import { penaltyProblems } from './case-penalty.rules.ts';
import {
  type CaseRow,
  findCaseById,
  findHandlers,
  findParties,
  insertCase,
  NOTHING_SIGNED_YET,
  type PartyValues,
  replaceHandlers,
  replaceParties,
  updateCaseRow,
} from './cases.repository.ts';
import type {
  CaseCreateBody,
  CaseUpdateBody,
  CaseView,
  PartyBody,
  SubmitRecordBody,
} from './cases.schema.ts';
import { getCaseForWrite, presentCase, presentParty } from './cases.service.ts';

/** Org kinds a case may belong to: an enforcement unit or one of its sections. */
const CASE_ORG_KINDS: readonly Org['kind'][] = [
  'agency',
  'township',
  'section',
  'legal_unit',
  'justice_bureau',
];

export function toPartyValues(party: PartyBody): PartyValues {
  return party.kind === 'person'
    ? {
        kind: 'person',
        name: party.name,
        gender: party.gender ?? null,
        id_number: party.idNumber ?? null,
        uscc: null,
        legal_representative: null,
        address: party.address,
        phone: party.phone,
      }
    : {
        kind: 'organization',
        name: party.name,
        gender: null,
        id_number: null,
        uscc: party.uscc ?? null,
        legal_representative: party.legalRepresentative,
        address: party.address,
        phone: party.phone,
      };
}

/** The case's org, checked: in the writer's scope (or their own org), of a kind that holds cases. */
async function assertCaseOrg(db: Db, actor: Actor, orgId: number): Promise<{ org: Org; unitPath: string }> {
  const org = await getOrgInScope(db, actor, orgId);
  if (!CASE_ORG_KINDS.includes(org.kind))
    throw invalid([{ field: 'orgId', message: '案件应属于执法部门或其科室、执法队' }]);
  const unit = (await findAncestry(db, org)).findLast((ancestor) => CASE_UNIT_KINDS.includes(ancestor.kind));
  return { org, unitPath: unit?.path ?? org.path };
}

/**
 * 执法人: at least two, all of the case's unit, each 在岗 with a certificate in force on the filing
 * date (officers' isCertificateValidOn via canHandleCases). An officer filing a case must be one.
 */
export async function checkHandlers(
  db: Db,
  actor: Actor,
  handlerIds: readonly number[],
  filedOn: string,
  unitPath: string,
): Promise<Array<{ officerId: number; certificateNumber: string }>> {
  const problems: FieldProblem[] = [];
  const unique = [...new Set(handlerIds)];
  if (unique.length < MIN_HANDLERS)
    problems.push({ field: 'handlerIds', message: `执法人不得少于 ${MIN_HANDLERS} 名` });
  const handlers: Array<{ officerId: number; certificateNumber: string }> = [];
  let includesActor = false;
  for (const [index, officerId] of unique.entries()) {
    const officer = await findOfficerById(db, officerId);
    if (!officer?.org_path.startsWith(unitPath)) {
      problems.push({ field: `handlerIds.${index}`, message: '执法人不存在或不属于本单位' });
      continue;
    }
    if (officer.user_id === actor.id) includesActor = true;
    const verdict = await canHandleCases(db, officerId, filedOn);
    if (verdict.ok) handlers.push({ officerId, certificateNumber: verdict.certificateNumber });
    else problems.push({ field: `handlerIds.${index}`, message: `${officer.name}：${verdict.reason}` });
  }
  const isLegal = actor.roles.includes('legal_officer') && isInScope(actor, unitPath);
  if (!isLegal && !includesActor)
    problems.push({ field: 'handlerIds', message: '执法人员只能登记本人承办的案件' });
  if (problems.length > 0) throw invalid(problems);
  return handlers;
}

function checkDates(filedOn: string, closedOn: string | null | undefined, today: string) {
  const problems: FieldProblem[] = [];
  // the shared DATE_RULES (also the schema's and the web pickers'): an update's stored dates too
  const filedProblem = dateRuleProblem(DATE_RULES.caseFiledOn, filedOn, { today });
  if (filedProblem) problems.push({ field: 'filedOn', message: filedProblem });
  const closedProblem = closedOn
    ? dateRuleProblem(DATE_RULES.caseClosedOn, closedOn, { today, earlier: filedOn })
    : null;
  if (closedProblem) problems.push({ field: 'closedOn', message: closedProblem });
  if (problems.length > 0) throw invalid(problems);
}

/** 行政处罚法第九条 penalty fields consistent with the case's kind (case-penalty.rules.ts). */
function checkPenalty(fields: Parameters<typeof penaltyProblems>[0]) {
  const problems = penaltyProblems(fields);
  if (problems.length > 0) throw invalid(problems);
}

const amountOf = (value: string | null) => (value === null ? null : Number(value));

/** What the audit log keeps of a case: its fields with parties' ID numbers and phones masked. */
async function auditView(db: Db, row: CaseRow) {
  const parties = await findParties(db, [row.id]);
  const { search_text: _search, ...fields } = row;
  return { ...fields, parties: parties.map((party) => presentParty(party)) };
}

function mapWriteError(error: unknown, caseNo: string | undefined): never {
  if (isUniqueViolation(error)) throw conflict(`案号“${caseNo}”已被登记`);
  throw error;
}

const partyNames = (parties: readonly PartyBody[]) => parties.map((party) => party.name).join('、');

export async function createCase(db: Db, actor: Actor, body: CaseCreateBody): Promise<CaseView> {
  assertCan(actor, 'case.write');
  const today = todayInShanghai(new Date());
  checkDates(body.filedOn, body.closedOn, today);
  const penalty = {
    kind: body.kind,
    penaltyTypes: body.penaltyTypes ?? [],
    fineAmount: body.fineAmount ?? null,
    confiscatedAmount: body.confiscatedAmount ?? null,
  };
  checkPenalty(penalty);
  const { org, unitPath } = await assertCaseOrg(db, actor, body.orgId);
  const handlers = await checkHandlers(db, actor, body.handlerIds, body.filedOn, unitPath);
  try {
    const created = await db.transaction().execute(async (trx) => {
      const { id } = await insertCase(trx, {
        org_id: org.id,
        kind: body.kind,
        case_no: body.caseNo,
        name: body.name,
        source: body.source,
        filed_on: body.filedOn,
        closed_on: body.closedOn ?? null,
        summary: body.summary,
        process: body.process,
        opinion: body.opinion,
        result: body.result,
        ...NOTHING_SIGNED_YET,
        is_supervised: body.isSupervised ?? false,
        is_assigned: body.isAssigned ?? false,
        is_major_stability: body.isMajorStability ?? false,
        penalty_types: penalty.penaltyTypes,
        fine_amount: penalty.fineAmount,
        confiscated_amount: penalty.confiscatedAmount,
        party_names: partyNames(body.parties),
        created_by: actor.id,
      });
      await replaceParties(trx, id, body.parties.map(toPartyValues));
      await replaceHandlers(trx, id, handlers);
      const row = (await findCaseById(trx, id))!;
      await recordAudit(trx, actor, {
        action: 'case.create',
        entityType: 'case',
        entityId: id,
        orgId: org.id,
        after: await auditView(trx, row),
      });
      return row;
    });
    return presentCase(db, created, today);
  } catch (error) {
    mapWriteError(error, body.caseNo);
  }
}

/** Updates a case; changing a signed text clears its signature, so a signature covers what it signed. */
export async function updateCase(db: Db, actor: Actor, id: number, body: CaseUpdateBody): Promise<CaseView> {
  const row = await getCaseForWrite(db, actor, id);
  const today = todayInShanghai(new Date());
  const filedOn = body.filedOn ?? row.filed_on;
  checkDates(filedOn, body.closedOn === undefined ? row.closed_on : body.closedOn, today);
  const penaltyTouched =
    body.kind !== undefined ||
    body.penaltyTypes !== undefined ||
    body.fineAmount !== undefined ||
    body.confiscatedAmount !== undefined;
  if (penaltyTouched)
    checkPenalty({
      kind: body.kind ?? row.kind,
      penaltyTypes: body.penaltyTypes ?? row.penalty_types,
      fineAmount: body.fineAmount !== undefined ? body.fineAmount : amountOf(row.fine_amount),
      confiscatedAmount:
        body.confiscatedAmount !== undefined ? body.confiscatedAmount : amountOf(row.confiscated_amount),
    });
  let unitPath: string | undefined;
  if (body.orgId !== undefined && body.orgId !== row.org_id)
    unitPath = (await assertCaseOrg(db, actor, body.orgId)).unitPath;
  const handlers =
    body.handlerIds !== undefined || body.filedOn !== undefined || unitPath !== undefined
      ? await checkHandlers(
          db,
          actor,
          body.handlerIds ?? (await currentHandlerIds(db, id)),
          filedOn,
          unitPath ?? (await assertCaseOrg(db, actor, row.org_id)).unitPath,
        )
      : undefined;
  const before = await auditView(db, row);
  try {
    const updated = await db.transaction().execute(async (trx) => {
      const opinionChanged = body.opinion !== undefined && body.opinion !== row.opinion;
      const resultChanged = body.result !== undefined && body.result !== row.result;
      await updateCaseRow(trx, id, {
        ...(body.orgId !== undefined && { org_id: body.orgId }),
        ...(body.kind !== undefined && { kind: body.kind }),
        ...(body.caseNo !== undefined && { case_no: body.caseNo }),
        ...(body.name !== undefined && { name: body.name }),
        ...(body.source !== undefined && { source: body.source }),
        ...(body.filedOn !== undefined && { filed_on: body.filedOn }),
        ...(body.closedOn !== undefined && { closed_on: body.closedOn }),
        ...(body.summary !== undefined && { summary: body.summary }),
        ...(body.process !== undefined && { process: body.process }),
        ...(opinionChanged && {
          opinion: body.opinion,
          opinion_signer_id: null,
          opinion_signer_name: null,
          opinion_signed_at: null,
        }),
        ...(resultChanged && {
          result: body.result,
          result_signer_id: null,
          result_signer_name: null,
          result_signed_at: null,
        }),
        ...(body.isSupervised !== undefined && { is_supervised: body.isSupervised }),
        ...(body.isAssigned !== undefined && { is_assigned: body.isAssigned }),
        ...(body.isMajorStability !== undefined && { is_major_stability: body.isMajorStability }),
        ...(body.penaltyTypes !== undefined && { penalty_types: body.penaltyTypes }),
        ...(body.fineAmount !== undefined && { fine_amount: body.fineAmount }),
        ...(body.confiscatedAmount !== undefined && { confiscated_amount: body.confiscatedAmount }),
        ...(body.parties !== undefined && { party_names: partyNames(body.parties) }),
      });
      if (body.parties !== undefined) await replaceParties(trx, id, body.parties.map(toPartyValues));
      if (handlers) await replaceHandlers(trx, id, handlers);
      // the file's cover takes the case's name, parties, dates, unit and handlers: check it again
      await markFilesUnchecked(trx, { caseIds: [id] });
      const after = (await findCaseById(trx, id))!;
      await recordAudit(trx, actor, {
        action: 'case.update',
        entityType: 'case',
        entityId: id,
        orgId: after.org_id,
        before,
        after: await auditView(trx, after),
      });
      return after;
    });
    return presentCase(db, updated, today);
  } catch (error) {
    mapWriteError(error, body.caseNo);
  }
}

async function currentHandlerIds(db: Db, caseId: number): Promise<number[]> {
  return (await findHandlers(db, [caseId])).map((row) => row.officer_id);
}

async function writeAndPresent(
  db: Db,
  actor: Actor,
  row: CaseRow,
  action: AuditAction,
  patch: Parameters<typeof updateCaseRow>[2],
): Promise<CaseView> {
  const before = await auditView(db, row);
  const updated = await db.transaction().execute(async (trx) => {
    await updateCaseRow(trx, row.id, patch);
    const after = (await findCaseById(trx, row.id))!;
    await recordAudit(trx, actor, {
      action,
      entityType: 'case',
      entityId: row.id,
      orgId: row.org_id,
      before,
      after: await auditView(trx, after),
    });
    return after;
  });
  return presentCase(db, updated, todayInShanghai(new Date()));
}

/** 签字 under 办案意见 or 办案结果: the signed-in writer, now; the text must be there. */
export async function signCase(db: Db, actor: Actor, id: number, part: 'opinion' | 'result') {
  const row = await getCaseForWrite(db, actor, id);
  const label = part === 'opinion' ? '办案意见' : '办案结果';
  if (!row[part]) throw invalid([{ field: part, message: `请先填写${label}再签字` }]);
  const now = new Date();
  return writeAndPresent(
    db,
    actor,
    row,
    'case.sign',
    part === 'opinion'
      ? { opinion_signer_id: actor.id, opinion_signer_name: actor.displayName, opinion_signed_at: now }
      : { result_signer_id: actor.id, result_signer_name: actor.displayName, result_signed_at: now },
  );
}

/** 法制部门案件质量分析意见 (填表说明4): a legal officer of the case's unit, once the case is closed. */
export async function setQualityAnalysis(
  db: Db,
  actor: Actor,
  id: number,
  body: { opinion: string; grade: 'excellent' | 'pass' | 'fail' },
) {
  const row = await getCaseForWrite(db, actor, id);
  assertCan(actor, 'case.quality');
  if (!isInScope(actor, row.org_path)) throw forbidden();
  if (!row.closed_on) throw invalid([{ field: 'grade', message: '案件结案后才能进行质量分析' }]);
  return writeAndPresent(db, actor, row, 'case.quality_analysis', {
    quality_opinion: body.opinion,
    quality_grade: body.grade,
    quality_by_id: actor.id,
    quality_by_name: actor.displayName,
    quality_at: new Date(),
  });
}

/**
 * 报送: the record is complete (closed, opinion and result signed) and handed to the legal unit. Past
 * its due date (closing + 30 days, seed 000 填表说明1) it is handed in only with the reason it is late.
 */
export async function submitRecord(db: Db, actor: Actor, id: number, body: SubmitRecordBody) {
  const row = await getCaseForWrite(db, actor, id);
  const today = todayInShanghai(new Date());
  const problems: FieldProblem[] = [];
  if (!row.closed_on) problems.push({ field: 'closedOn', message: '案件尚未结案' });
  if (!row.process) problems.push({ field: 'process', message: '请填写办案经过' });
  if (!row.opinion_signed_at) problems.push({ field: 'opinion', message: '办案意见尚未签字' });
  if (!row.result_signed_at) problems.push({ field: 'result', message: '办案结果尚未签字' });
  if (row.record_submitted_on) problems.push({ field: 'recordSubmittedOn', message: '记录表已报送' });
  if (problems.length > 0) throw invalid(problems);
  const isLate = recordStateOf(row.closed_on, null, today) === 'overdue';
  if (isLate && !body.lateReason) {
    const dueOn = recordDueOn(row.closed_on!);
    const message = `记录表应于${formatChineseDate(dueOn)}前报送，已逾期，请填写逾期报送原因`;
    throw new AppError('CASE_RECORD_LATE_REASON_REQUIRED', message, {
      fields: [{ field: 'lateReason', message }],
      dueOn,
    });
  }
  return writeAndPresent(db, actor, row, 'case.submit_record', {
    record_submitted_on: today,
    record_late_reason: isLate ? body.lateReason : null,
  });
}
