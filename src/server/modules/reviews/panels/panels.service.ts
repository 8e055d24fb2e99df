/** The expert pool (专家库, 第九条), declarations and recusal (回避, 第十条), each campaign's panel. */
import { randomBytes } from 'node:crypto';
import { todayInShanghai, toShanghaiDate } from '../../../../common/format.ts';
import { can } from '../../../../common/permissions.ts';
import { DECLARATION_KIND_LABELS, EXPERT_CATEGORY_LABELS } from '../../../../common/reviews.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan } from '../../../lib/access.ts';
import { isUniqueViolation } from '../../../lib/db-errors.ts';
import { conflict, forbidden, invalid, notFound } from '../../../lib/errors.ts';
import { hashPassword } from '../../../lib/password.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { CASE_KIND_LABELS } from '../../cases/cases.policy.ts';
import { findCaseById } from '../../cases/records/cases.repository.ts';
import { findOrgById } from '../../org/org.repository.ts';
import { findUserById, insertUser } from '../../users/users.repository.ts';
import { type LoadedCampaign, loadManagedCampaign } from '../campaigns/campaigns.service.ts';
import { type ReviewViewer, resolveReviewViewer } from '../reviews.policy.ts';
import {
  type ExpertRow,
  findDeclarations,
  findExperts,
  findExpertsByIds,
  findOfficersOfUsers,
  findPanelExpertIds,
  findRecusalFacts,
  findWaivers,
  insertDeclaration,
  insertExpert,
  insertWaiver,
  replacePanel,
  updateExpertRow,
} from './panels.repository.ts';
import type { DeclarationBody, ExpertCreateBody, ExpertView } from './panels.schema.ts';
import {
  blockedPairs,
  CONFLICT_LABELS,
  type Conflict,
  type ConflictCode,
  findConflicts,
  type RecusalFile,
  type RecusalReviewer,
} from './recusal.rules.ts';

const managesPool = (viewer: ReviewViewer, scopePath: string) =>
  viewer.managePaths.some((path) => scopePath.startsWith(path));

async function presentExperts(db: Db, rows: readonly ExpertRow[]): Promise<ExpertView[]> {
  const declarations = await findDeclarations(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    category: row.category,
    categoryLabel: EXPERT_CATEGORY_LABELS[row.category],
    expertise: row.expertise,
    expertiseLabels: row.expertise.map((kind) => CASE_KIND_LABELS[kind]),
    isActive: row.is_active,
    note: row.note,
    userId: row.user_id,
    username: row.username,
    orgName: row.org_name,
    declarations: declarations
      .filter((declaration) => declaration.expert_id === row.id)
      .map((declaration) => ({
        id: declaration.id,
        kind: declaration.kind,
        kindLabel: DECLARATION_KIND_LABELS[declaration.kind],
        subject: declaration.party_name ?? declaration.org_name ?? declaration.case_no ?? '',
        leftOn: declaration.left_on,
        reason: declaration.reason,
        declaredBy: declaration.declared_by_name,
        declaredAt: declaration.declared_at.toISOString(),
      })),
  }));
}

/** The pool members the organiser manages (their own subtree's pool). */
export async function listExperts(db: Db, actor: Actor) {
  assertCan(actor, 'review.manage');
  const viewer = await resolveReviewViewer(db, actor);
  return { items: await presentExperts(db, await findExperts(db, viewer.managePaths)) };
}

async function getManagedExpert(db: Db, actor: Actor, id: number) {
  assertCan(actor, 'review.manage');
  const viewer = await resolveReviewViewer(db, actor);
  const [row] = await findExpertsByIds(db, [id]);
  if (!row || !managesPool(viewer, row.scope_path)) throw notFound('评查专家');
  return row;
}

/**
 * Adds a member to the organiser's pool: an existing account of the subtree, or a new reviewer
 * account (role reviewer, must change its password) whose initial password is shown once.
 */
export async function createExpert(db: Db, actor: Actor, body: ExpertCreateBody): Promise<ExpertView> {
  assertCan(actor, 'review.manage');
  const viewer = await resolveReviewViewer(db, actor);
  const scopePath = [...viewer.managePaths].sort((a, b) => a.length - b.length)[0];
  if (!scopePath) throw forbidden();
  if (body.userId !== undefined) {
    const user = await findUserById(db, body.userId);
    if (!user?.org_path.startsWith(scopePath)) throw notFound('账号');
    // a pool member scores files (第十条 独立评分): an account whose roles cannot score would sit in
    // the pool, be assigned files and never be able to open its score sheet
    if (!can(user, 'review.score'))
      throw invalid([
        {
          field: 'userId',
          message: `账号“${user.display_name}”的角色不能评分，请选择执法人员、法制审核人员、监督人员或评查人员的账号`,
        },
      ]);
    if (!user.is_active) throw invalid([{ field: 'userId', message: `账号“${user.display_name}”已停用` }]);
  }
  // a new outside member's first password, shown once in the answer (they must change it)
  const initialPassword = body.username ? `Ps-${randomBytes(6).toString('hex')}` : undefined;
  const passwordHash = initialPassword ? await hashPassword(initialPassword) : '';
  try {
    const id = await db.transaction().execute(async (trx) => {
      let userId = body.userId;
      if (userId === undefined) {
        const created = await insertUser(trx, {
          username: body.username!,
          display_name: body.name,
          org_id: actor.orgId,
          roles: ['reviewer'],
          phone: null,
          password_hash: passwordHash,
          must_change_password: true,
        });
        userId = created.id;
        await recordAudit(trx, actor, {
          action: 'user.create',
          entityType: 'user',
          entityId: userId,
          after: {
            username: body.username,
            displayName: body.name,
            roles: ['reviewer'],
            reason: '评查专家账号',
          },
        });
      }
      const { id: expertId } = await insertExpert(trx, {
        scope_path: scopePath,
        user_id: userId,
        name: body.name,
        category: body.category,
        expertise: [...new Set(body.expertise)],
        note: body.note,
        created_by_id: actor.id,
      });
      await recordAudit(trx, actor, {
        action: 'review.expert.create',
        entityType: 'review_expert',
        entityId: expertId,
        after: { ...body, userId, scopePath },
      });
      return expertId;
    });
    const [view] = await presentExperts(db, await findExpertsByIds(db, [id]));
    return { ...view!, ...(initialPassword && { initialPassword }) };
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(body.username ? `用户名“${body.username}”已被使用` : '该账号已在专家库中');
    throw error;
  }
}

export async function updateExpert(
  db: Db,
  actor: Actor,
  id: number,
  body: {
    category?: ExpertRow['category'];
    expertise?: ExpertRow['expertise'];
    isActive?: boolean;
    note?: string | null;
  },
): Promise<ExpertView> {
  const row = await getManagedExpert(db, actor, id);
  await db.transaction().execute(async (trx) => {
    await updateExpertRow(trx, id, {
      ...(body.category !== undefined && { category: body.category }),
      ...(body.expertise !== undefined && { expertise: [...new Set(body.expertise)] }),
      ...(body.isActive !== undefined && { is_active: body.isActive }),
      ...(body.note !== undefined && { note: body.note }),
    });
    await recordAudit(trx, actor, {
      action: 'review.expert.update',
      entityType: 'review_expert',
      entityId: id,
      before: { category: row.category, expertise: row.expertise, isActive: row.is_active, note: row.note },
      after: body,
    });
  });
  const [view] = await presentExperts(db, await findExpertsByIds(db, [id]));
  return view!;
}

/** A conflict declared by the member themself or recorded by the organiser (第十条). */
export async function addDeclaration(
  db: Db,
  actor: Actor,
  id: number,
  body: DeclarationBody,
): Promise<ExpertView> {
  const viewer = await resolveReviewViewer(db, actor);
  const [row] = await findExpertsByIds(db, [id]);
  const isOwn = row?.user_id === actor.id;
  if (!row || !(isOwn || managesPool(viewer, row.scope_path))) throw notFound('评查专家');
  const county = `/${row.scope_path.split('/')[1]}/`;
  if (body.kind === 'org' || body.kind === 'former_unit') {
    const org = await findOrgById(db, body.orgId);
    if (!org?.path.startsWith(county)) throw invalid([{ field: 'orgId', message: '单位不存在' }]);
  }
  if (body.kind === 'case') {
    const found = await findCaseById(db, body.caseId);
    if (!found?.org_path.startsWith(county)) throw invalid([{ field: 'caseId', message: '案件不存在' }]);
  }
  await db.transaction().execute(async (trx) => {
    const { id: declarationId } = await insertDeclaration(trx, {
      expert_id: id,
      kind: body.kind,
      party_name: body.kind === 'party' ? body.partyName : null,
      org_id: body.kind === 'org' || body.kind === 'former_unit' ? body.orgId : null,
      case_id: body.kind === 'case' ? body.caseId : null,
      left_on: body.kind === 'former_unit' ? body.leftOn : null,
      reason: body.reason,
      declared_by_id: actor.id,
      declared_by_name: actor.displayName,
    });
    await recordAudit(trx, actor, {
      action: 'review.expert.declare',
      entityType: 'review_expert',
      entityId: id,
      after: { declarationId, ...body },
    });
  });
  const [view] = await presentExperts(db, await findExpertsByIds(db, [id]));
  return view!;
}

/** 确定评查小组及其评查工作人员 (第十二条(二)): the panel of a campaign, from the organiser's pool. */
export async function setPanel(db: Db, actor: Actor, campaignId: number, expertIds: readonly number[]) {
  const loaded = await loadManagedCampaign(db, actor, campaignId);
  const unique = [...new Set(expertIds)];
  const rows = await findExpertsByIds(db, unique);
  const problems = unique
    .map((expertId, index) => ({ expertId, index, row: rows.find((row) => row.id === expertId) }))
    .filter(({ row }) => !row || !managesPool(loaded.viewer, row.scope_path) || !row.is_active)
    .map(({ index }) => ({
      field: `expertIds.${index}`,
      message: '评查人员不存在、已停用或不在本单位专家库中',
    }));
  if (problems.length > 0) throw invalid(problems);
  const before = await findPanelExpertIds(db, campaignId);
  await db.transaction().execute(async (trx) => {
    await replacePanel(trx, campaignId, unique);
    await recordAudit(trx, actor, {
      action: 'review.panel.set',
      entityType: 'review_campaign',
      entityId: campaignId,
      orgId: loaded.row.organiser_org_id,
      before: { expertIds: before },
      after: { expertIds: unique },
    });
  });
  return getPanel(db, actor, campaignId);
}

export async function getPanel(db: Db, actor: Actor, campaignId: number) {
  await loadManagedCampaign(db, actor, campaignId);
  return {
    items: await presentExperts(db, await findExpertsByIds(db, await findPanelExpertIds(db, campaignId))),
  };
}

/** Everything recusal needs for a campaign: panel reviewers and live files as the pure rules take them. */
export async function loadRecusalInput(db: Db, campaignId: number) {
  const experts = (await findExpertsByIds(db, await findPanelExpertIds(db, campaignId))).filter(
    (row) => row.is_active,
  );
  const [declarations, officers, facts, waivers] = await Promise.all([
    findDeclarations(
      db,
      experts.map((row) => row.id),
    ),
    findOfficersOfUsers(
      db,
      experts.map((row) => row.user_id),
    ),
    findRecusalFacts(db, campaignId),
    findWaivers(db, campaignId),
  ]);
  const reviewers: RecusalReviewer[] = experts.map((expert) => {
    const own = officers.filter((officer) => officer.user_id === expert.user_id);
    const declared = declarations.filter((declaration) => declaration.expert_id === expert.id);
    return {
      expertId: expert.id,
      name: expert.name,
      orgPath: expert.org_path,
      userId: expert.user_id,
      officerIds: own.map((officer) => officer.id),
      formerUnits: [
        ...own
          .filter((officer) => officer.status === 'transferred')
          .map((officer) => ({
            orgPath: officer.path,
            orgName: officer.name,
            leftOn: toShanghaiDate(officer.updated_at),
          })),
        ...declared
          .filter((declaration) => declaration.kind === 'former_unit')
          .map((declaration) => ({
            orgPath: declaration.org_path!,
            orgName: declaration.org_name!,
            leftOn: declaration.left_on!,
          })),
      ],
      declared: declared
        .filter((declaration) => declaration.kind !== 'former_unit')
        .map((declaration) => ({
          kind: declaration.kind as 'party' | 'org' | 'case',
          partyName: declaration.party_name,
          orgPath: declaration.org_path,
          orgName: declaration.org_name,
          caseId: declaration.case_id,
          reason: declaration.reason,
        })),
    };
  });
  const files: RecusalFile[] = facts.files.map((file) => ({
    fileId: file.file_id,
    caseId: file.case_id,
    caseNo: file.case_no,
    unitPath: file.unit_path,
    unitName: file.unit_name,
    handlerOfficerIds: facts.handlers
      .filter((row) => row.case_id === file.case_id)
      .map((row) => row.officer_id),
    signerUserIds: [file.opinion_signer_id, file.result_signer_id, file.quality_by_id].filter(
      (id): id is number => id !== null,
    ),
    partyNames: facts.parties.filter((row) => row.case_id === file.case_id).map((row) => row.name),
  }));
  const conflicts = findConflicts(reviewers, files, { today: todayInShanghai(new Date()) });
  const blocked = blockedPairs(
    conflicts,
    waivers.map((waiver) => ({
      fileId: waiver.file_id,
      expertId: waiver.expert_id,
      code: waiver.code as ConflictCode,
    })),
  );
  return { experts, reviewers, files, fileKinds: facts.files, conflicts, waivers, blocked };
}

/** Every conflict of the panel with the campaign's files, each with its reason and any waiver. */
export async function listConflicts(db: Db, actor: Actor, campaignId: number) {
  await loadManagedCampaign(db, actor, campaignId);
  const { conflicts, waivers, files, reviewers } = await loadRecusalInput(db, campaignId);
  return { items: conflicts.map((item) => presentConflict(item, waivers, files, reviewers)) };
}

function presentConflict(
  item: Conflict,
  waivers: Awaited<ReturnType<typeof findWaivers>>,
  files: readonly RecusalFile[],
  reviewers: readonly RecusalReviewer[],
) {
  const waiver = waivers.find(
    (row) => row.file_id === item.fileId && row.expert_id === item.expertId && row.code === item.code,
  );
  return {
    fileId: item.fileId,
    caseNo: files.find((file) => file.fileId === item.fileId)?.caseNo ?? '',
    expertId: item.expertId,
    expertName: reviewers.find((reviewer) => reviewer.expertId === item.expertId)?.name ?? '',
    code: item.code,
    label: CONFLICT_LABELS[item.code],
    reason: item.reason,
    waiver: waiver
      ? { reason: waiver.reason, by: waiver.waived_by_name, at: waiver.waived_at.toISOString() }
      : null,
  };
}

/** 不予回避: the organiser waives one conflict on one pair, with the reason (第十条: 由组织机构决定). */
export async function waiveConflict(
  db: Db,
  actor: Actor,
  campaignId: number,
  body: { fileId: number; expertId: number; code: ConflictCode; reason: string },
) {
  const loaded: LoadedCampaign = await loadManagedCampaign(db, actor, campaignId);
  const { conflicts } = await loadRecusalInput(db, campaignId);
  const found = conflicts.find(
    (item) => item.fileId === body.fileId && item.expertId === body.expertId && item.code === body.code,
  );
  if (!found) throw invalid([{ field: 'code', message: '该评查人员与该案卷没有此回避情形' }]);
  try {
    await db.transaction().execute(async (trx) => {
      const { id } = await insertWaiver(trx, {
        campaign_id: campaignId,
        file_id: body.fileId,
        expert_id: body.expertId,
        code: body.code,
        reason: body.reason,
        waived_by_id: actor.id,
        waived_by_name: actor.displayName,
      });
      await recordAudit(trx, actor, {
        action: 'review.conflict.waive',
        entityType: 'review_waiver',
        entityId: id,
        orgId: loaded.row.organiser_org_id,
        after: { ...body, conflict: found.reason },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('该回避情形已决定不予回避');
    throw error;
  }
  return listConflicts(db, actor, campaignId);
}
