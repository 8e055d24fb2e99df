/**
 * Justice-office referrals (协调监督工作办法 第十七条): a township justice office's routine
 * inspection of the township's 综合行政执法机构 (and the agencies' teams stationed there) finds an
 * unlawful or improper act; it cannot issue a notice itself, so it refers the act to the county
 * justice bureau (提请县司法行政部门处理), which accepts it into a new matter or returns it with reasons.
 */
import { formatChineseDate, todayInShanghai } from '../../../../common/format.ts';
import { REFERRAL_STATE_LABELS } from '../../../../common/supervision.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan, can, isInScope } from '../../../lib/access.ts';
import { AppError, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findAttachmentsOf } from '../attachments/attachments.repository.ts';
import { attachmentsByOwner } from '../attachments/attachments.view.ts';
import { storeMatter } from '../matters/matters.service.ts';
import { getActorOrg, resolveUnits } from '../supervision.links.ts';
import {
  decideReferral,
  findReferralById,
  findReferrals,
  insertReferral,
  type ReferralRow,
} from './referrals.repository.ts';
import type {
  ReferralAcceptBody,
  ReferralBody,
  ReferralListQuery,
  ReferralView,
} from './referrals.schema.ts';

/** Who reads referrals: the offices that refer and the bureau that decides, in their scope. */
function assertCanReadReferrals(actor: Actor) {
  if (!can(actor, 'supervision.refer') && !can(actor, 'supervision.manage'))
    assertCan(actor, 'supervision.refer');
}

async function present(db: Db, actor: Actor, rows: readonly ReferralRow[]): Promise<ReferralView[]> {
  const files = attachmentsByOwner(
    await findAttachmentsOf(
      db,
      'referral',
      rows.map((row) => row.id),
    ),
  );
  return rows.map((row) => ({
    id: row.id,
    office: { id: row.office_org_id, name: row.office_name },
    unit: { id: row.unit_org_id, name: row.unit_name },
    inspectedOn: row.inspected_on,
    place: row.place,
    facts: row.facts,
    findings: row.findings,
    suggestion: row.suggestion,
    contactPhone: row.contact_phone,
    state: row.state,
    stateLabel: REFERRAL_STATE_LABELS[row.state],
    submittedAt: row.created_at.toISOString(),
    decidedOn: row.decided_on,
    returnReason: row.return_reason,
    matterId: row.matter_id,
    attachments: files.get(row.id) ?? [],
    abilities: {
      canDecide: row.state === 'submitted' && can(actor, 'supervision.manage'),
      canAttach: row.state === 'submitted' && can(actor, 'supervision.refer'),
    },
  }));
}

export async function listReferrals(db: Db, actor: Actor, query: ReferralListQuery) {
  assertCanReadReferrals(actor);
  const { rows, total } = await findReferrals(db, { ...query, scopePaths: actor.scopePaths });
  return { items: await present(db, actor, rows), total, page: query.page, pageSize: query.pageSize };
}

async function getReferralRow(db: Db, actor: Actor, id: number) {
  assertCanReadReferrals(actor);
  const row = await findReferralById(db, id);
  if (!row || !isInScope(actor, row.office_path)) throw notFound('提请');
  return row;
}

export async function getReferral(db: Db, actor: Actor, id: number): Promise<ReferralView> {
  return (await present(db, actor, [await getReferralRow(db, actor, id)]))[0]!;
}

/** A justice office refers an act found in its township. */
export async function createReferral(db: Db, actor: Actor, body: ReferralBody): Promise<ReferralView> {
  assertCan(actor, 'supervision.refer');
  const office = await getActorOrg(db, actor);
  if (office.kind !== 'justice_office') throw new AppError('FORBIDDEN', '只有司法所可以提请');
  if (body.inspectedOn > todayInShanghai(new Date())) {
    throw invalid([{ field: 'inspectedOn', message: '检查日期不能晚于今天' }]);
  }
  const [unit] = await resolveUnits(db, actor, [body.unitId], 'unitId');
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await insertReferral(trx, {
      office_org_id: office.id,
      unit_org_id: unit!.id,
      inspected_on: body.inspectedOn,
      place: body.place,
      facts: body.facts,
      findings: body.findings,
      suggestion: body.suggestion,
      contact_phone: body.contactPhone,
      created_by: actor.id,
    });
    await recordAudit(trx, actor, {
      action: 'supervision.referral_create',
      entityType: 'supervision_referral',
      entityId: id,
      orgId: office.id,
      after: body,
    });
    return id;
  });
  return getReferral(db, actor, id);
}

async function getReferralToDecide(db: Db, actor: Actor, id: number) {
  assertCan(actor, 'supervision.manage');
  const row = await getReferralRow(db, actor, id);
  if (row.state !== 'submitted') throw new AppError('CONFLICT', '该提请已处理');
  return row;
}

const alreadyDecided = () => new AppError('CONFLICT', '该提请已处理');

/** The bureau accepts a referral: a new matter (source 司法所提请) over the referred unit. */
export async function acceptReferral(db: Db, actor: Actor, id: number, body: ReferralAcceptBody) {
  const row = await getReferralToDecide(db, actor, id);
  const org = await getActorOrg(db, actor);
  const today = todayInShanghai(new Date());
  const problems = [
    ...(body.kind === 'case'
      ? [
          {
            field: 'kind',
            message: '提请针对执法机构，不能直接立为个案监督；请先立项，再对具体案件开展个案监督',
          },
        ]
      : []),
    ...(body.dueOn && body.dueOn < today ? [{ field: 'dueOn', message: '计划办结日期不能早于今天' }] : []),
  ];
  if (problems.length > 0) throw invalid(problems);
  await db.transaction().execute(async (trx) => {
    const matterId = await storeMatter(
      trx,
      actor,
      {
        org_id: org.id,
        kind: body.kind,
        field: body.field,
        source: 'referral',
        complaint_id: null,
        case_id: null,
        focus_id: null,
        title: body.title,
        description: `${row.office_name}提请（${formatChineseDate(row.inspected_on)}，${row.place}）：${row.findings}`,
        opened_on: today,
        due_on: body.dueOn,
        created_by: actor.id,
      },
      [row.unit_org_id],
      { ...body, referralId: id },
    );
    const decided = await decideReferral(trx, id, {
      state: 'accepted',
      decided_by: actor.id,
      decided_on: today,
      return_reason: null,
      matter_id: matterId,
    });
    if (decided !== 1) throw alreadyDecided();
    await recordAudit(trx, actor, {
      action: 'supervision.referral_accept',
      entityType: 'supervision_referral',
      entityId: id,
      orgId: row.office_org_id,
      after: { matterId },
    });
  });
  return getReferral(db, actor, id);
}

/** The bureau returns a referral with its reasons. */
export async function returnReferral(db: Db, actor: Actor, id: number, reason: string) {
  const row = await getReferralToDecide(db, actor, id);
  await db.transaction().execute(async (trx) => {
    const decided = await decideReferral(trx, id, {
      state: 'returned',
      decided_by: actor.id,
      decided_on: todayInShanghai(new Date()),
      return_reason: reason,
      matter_id: null,
    });
    if (decided !== 1) throw alreadyDecided();
    await recordAudit(trx, actor, {
      action: 'supervision.referral_return',
      entityType: 'supervision_referral',
      entityId: id,
      orgId: row.office_org_id,
      after: { reason },
    });
  });
  return getReferral(db, actor, id);
}

/** For a referral's files: read by its readers, added by the office while it waits. */
export async function getReferralOwner(db: Db, actor: Actor, id: number, mode: 'read' | 'write') {
  const row = await getReferralRow(db, actor, id);
  if (mode === 'write') {
    assertCan(actor, 'supervision.refer');
    if (row.state !== 'submitted') throw new AppError('CONFLICT', '提请已处理，不能再更改附件');
  }
  return { orgId: row.office_org_id };
}
