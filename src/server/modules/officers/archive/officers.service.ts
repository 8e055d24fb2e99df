import { todayInShanghai } from '../../../../common/format.ts';
import { maskPhone } from '../../../../common/phone.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan, isInScope } from '../../../lib/access.ts';
import { isUniqueViolation } from '../../../lib/db-errors.ts';
import { conflict, invalid, notFound } from '../../../lib/errors.ts';
import { detectImageType } from '../../../lib/uploads.ts';
import { buildAssessmentArchiveSections } from '../../assessment/documents/archive-sections.ts';
import {
  findOfficerCounts,
  findPublishedResultsOfOfficer,
} from '../../assessment/documents/assessment-documents.repository.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { periodRange } from '../../cases/records/officer-counts.ts';
import { getOrgInScope } from '../../org/org.service.ts';
import { findUserById } from '../../users/users.repository.ts';
import {
  CERTIFICATE_STATE_LABELS,
  deriveCertificateState,
  expiringFrom,
  isCertificateValidOn,
} from '../certificates/certificate-state.ts';
import { findCertificatesOfOfficers, findReviews } from '../certificates/certificates.repository.ts';
import { presentCertificate } from '../certificates/certificates.service.ts';
import {
  canSeePersonalData,
  GENDER_LABELS,
  OFFICER_ORG_KINDS,
  OFFICER_SERIES_LABELS,
  OFFICER_STATUS_LABELS,
} from '../officers.policy.ts';
import { listAllTrainings } from '../training/training.service.ts';
import {
  buildOfficerArchive,
  renderOfficerArchive,
  rewardPunishmentSection,
} from './officer-archive.docx.ts';
import {
  findAllOfficers,
  findLeadingGroupName,
  findOfficerById,
  findOfficerHistory,
  findOfficerIdByUser,
  findOfficers,
  findPhoto,
  findPostChanges,
  findSubtreeIds,
  insertOfficer,
  insertPostChange,
  type OfficerFilter,
  type OfficerListRow,
  type OfficerWithOrg,
  updateOfficerRow,
  upsertPhoto,
} from './officers.repository.ts';
import type {
  OfficerCreateBody,
  OfficerListItem,
  OfficerListQuery,
  OfficerUpdateBody,
  OfficerView,
  PostChangeBody,
  PostChangeView,
} from './officers.schema.ts';

// Lookups shared by the officer, certificate, training and work-log services (officer-lookup.ts).
export {
  getOfficerForRead,
  getOfficerForWrite,
  loadUnitNames,
  unitNameFor,
  visibilityOf,
} from '../officer-lookup.ts';

import { getOfficerForRead, getOfficerForWrite, loadUnitNames, visibilityOf } from '../officer-lookup.ts';
import { collectRewardPunishments } from './reward-punishment-entries.ts';

/** Photos: JPEG or PNG, checked by their first bytes, at most 2 MiB. */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
/** Exports stop here rather than build a file nobody can open. */
export const EXPORT_MAX_ROWS = 50_000;

export function presentOfficerListItem(
  row: OfficerListRow,
  agencyName: string,
  today: string,
  showPersonal: boolean,
): OfficerListItem {
  const certificate =
    row.cert_id === null
      ? null
      : (() => {
          const { state } = deriveCertificateState(
            {
              issuedOn: row.cert_issued_on!,
              validUntil: row.cert_valid_until!,
              isSuspended: row.cert_is_suspended!,
              isRevoked: row.cert_is_revoked!,
            },
            today,
          );
          return {
            id: row.cert_id,
            number: row.cert_number!,
            validUntil: row.cert_valid_until!,
            state,
            stateLabel: CERTIFICATE_STATE_LABELS[state],
          };
        })();
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    genderLabel: GENDER_LABELS[row.gender],
    orgId: row.org_id,
    orgName: row.org_name,
    agencyName,
    position: row.position,
    post: row.post,
    status: row.status,
    statusLabel: OFFICER_STATUS_LABELS[row.status],
    phone: row.phone === null ? null : showPersonal ? row.phone : maskPhone(row.phone),
    userId: row.user_id,
    certificate,
  };
}

async function buildFilter(
  db: Db,
  actor: Actor,
  query: Omit<OfficerListQuery, 'page' | 'pageSize'>,
  today: string,
): Promise<OfficerFilter> {
  const orgIds = query.orgId
    ? await findSubtreeIds(db, (await getOrgInScope(db, actor, query.orgId)).path)
    : undefined;
  return {
    ...visibilityOf(actor),
    keyword: query.keyword,
    orgIds,
    status: query.status,
    certificateState: query.certificateState,
    today,
    expiringFrom: expiringFrom(today),
  };
}

/** A page of officers: scope subtree (or one's own profile), search, filters. */
export async function listOfficers(
  db: Db,
  actor: Actor,
  query: OfficerListQuery,
  today = todayInShanghai(new Date()),
) {
  assertCan(actor, 'officer.read');
  const filter = await buildFilter(db, actor, query, today);
  const { rows, total } = await findOfficers(db, { ...filter, page: query.page, pageSize: query.pageSize });
  const unitName = await loadUnitNames(
    db,
    rows.map((row) => row.org_path),
  );
  const showPersonal = canSeePersonalData(actor);
  return {
    items: rows.map((row) => presentOfficerListItem(row, unitName(row.org_path), today, showPersonal)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Every officer the filter lets through, for an export (capped at EXPORT_MAX_ROWS). */
export async function listAllOfficers(
  db: Db,
  actor: Actor,
  query: Omit<OfficerListQuery, 'page' | 'pageSize'>,
  today = todayInShanghai(new Date()),
): Promise<OfficerListItem[]> {
  assertCan(actor, 'officer.read');
  const rows = await findAllOfficers(db, await buildFilter(db, actor, query, today), EXPORT_MAX_ROWS);
  const unitName = await loadUnitNames(
    db,
    rows.map((row) => row.org_path),
  );
  const showPersonal = canSeePersonalData(actor);
  return rows.map((row) => presentOfficerListItem(row, unitName(row.org_path), today, showPersonal));
}

export function presentPostChange(row: Awaited<ReturnType<typeof findPostChanges>>[number]): PostChangeView {
  return {
    id: row.id,
    officerId: row.officer_id,
    changedOn: row.changed_on,
    fromPost: row.from_post,
    fromDuties: row.from_duties,
    toPost: row.to_post,
    toDuties: row.to_duties,
    reason: row.reason,
  };
}

/** The whole profile: certificates with reviews, post changes, the case-handler verdict for today. */
export async function presentOfficer(
  db: Db,
  actor: Actor,
  officer: OfficerWithOrg,
  today = todayInShanghai(new Date()),
): Promise<OfficerView> {
  const certificates = await findCertificatesOfOfficers(db, [officer.id]);
  const reviews = await findReviews(
    db,
    certificates.map((certificate) => certificate.id),
  );
  const postChanges = await findPostChanges(db, [officer.id]);
  const unitName = await loadUnitNames(db, [officer.org_path]);
  const latest = certificates[0];
  const listItem = presentOfficerListItem(
    {
      ...officer,
      cert_id: latest?.id ?? null,
      cert_number: latest?.number ?? null,
      cert_issued_on: latest?.issued_on ?? null,
      cert_valid_until: latest?.valid_until ?? null,
      cert_is_suspended: latest?.is_suspended ?? null,
      cert_is_revoked: latest?.is_revoked ?? null,
    },
    unitName(officer.org_path),
    today,
    canSeePersonalData(actor) || officer.user_id === actor.id,
  );
  const verdict = caseHandlerVerdict(officer, certificates, today);
  return {
    ...listItem,
    series: officer.series,
    seriesLabel: officer.series === null ? null : OFFICER_SERIES_LABELS[officer.series],
    ethnicity: officer.ethnicity,
    education: officer.education,
    birthDate: officer.birth_date,
    duties: officer.duties,
    qualifiedOn: officer.qualified_on,
    startedWorkOn: officer.started_work_on,
    email: canSeePersonalData(actor) || officer.user_id === actor.id ? officer.email : null,
    hasPhoto: officer.has_photo,
    certificates: certificates.map((certificate) =>
      presentCertificate(
        certificate,
        reviews.filter((review) => review.certificate_id === certificate.id),
        today,
      ),
    ),
    postChanges: postChanges.map(presentPostChange),
    caseHandler: { ok: verdict.ok, reason: verdict.ok ? null : verdict.reason },
    updatedAt: officer.updated_at.toISOString(),
  };
}

/** Officer status first (only 在岗 may handle cases), then the certificates (isCertificateValidOn). */
export function caseHandlerVerdict(
  officer: Pick<OfficerWithOrg, 'status' | 'name'>,
  certificates: Awaited<ReturnType<typeof findCertificatesOfOfficers>>,
  onDate: string,
) {
  if (officer.status !== 'active') {
    return {
      ok: false as const,
      reason: `${officer.name}当前状态为“${OFFICER_STATUS_LABELS[officer.status]}”，不能作为承办人`,
    };
  }
  return isCertificateValidOn(
    certificates.map((certificate) => ({
      number: certificate.number,
      issuedOn: certificate.issued_on,
      validUntil: certificate.valid_until,
      isSuspended: certificate.is_suspended,
      isRevoked: certificate.is_revoked,
    })),
    onDate,
  );
}

/**
 * Whether the officer may be named as a case handler on `onDate` (the case issue calls this): in
 * service (在岗) and holding a certificate in force that day; otherwise a Chinese reason.
 */
export async function canHandleCases(db: Db, officerId: number, onDate: string) {
  const officer = await findOfficerById(db, officerId);
  if (!officer) return { ok: false as const, reason: '执法人员不存在' };
  return caseHandlerVerdict(officer, await findCertificatesOfOfficers(db, [officerId]), onDate);
}

export async function getOfficer(db: Db, actor: Actor, id: number): Promise<OfficerView> {
  return presentOfficer(db, actor, await getOfficerForRead(db, actor, id));
}

/** The profile linked to the signed-in account (officers' own page). */
export async function getOwnOfficer(db: Db, actor: Actor): Promise<OfficerView> {
  assertCan(actor, 'officer.read');
  const own = await findOfficerIdByUser(db, actor.id);
  if (!own) throw notFound('与本账号关联的执法人员档案');
  return getOfficer(db, actor, own.id);
}

/** What the audit log keeps of a profile (the phone masked, the photo left out). */
export function auditView(officer: OfficerWithOrg) {
  return {
    name: officer.name,
    gender: officer.gender,
    ethnicity: officer.ethnicity,
    education: officer.education,
    birthDate: officer.birth_date,
    position: officer.position,
    orgId: officer.org_id,
    orgName: officer.org_name,
    post: officer.post,
    duties: officer.duties,
    qualifiedOn: officer.qualified_on,
    startedWorkOn: officer.started_work_on,
    userId: officer.user_id,
    phone: officer.phone === null ? null : maskPhone(officer.phone),
    email: officer.email,
    series: officer.series,
    status: officer.status,
  };
}

async function assertOfficerOrg(db: Db, actor: Actor, orgId: number) {
  const org = await getOrgInScope(db, actor, orgId);
  if (!isInScope(actor, org.path)) throw notFound('机构');
  if (!org.is_active) throw invalid([{ field: 'orgId', message: '所在单位或科室已停用' }]);
  if (!(OFFICER_ORG_KINDS as readonly string[]).includes(org.kind)) {
    throw invalid([
      { field: 'orgId', message: `执法人员不能直接隶属于“${org.name}”，请选择执法部门或其科室` },
    ]);
  }
  return org;
}

async function assertLinkableUser(db: Db, actor: Actor, userId: number | null | undefined) {
  if (userId === null || userId === undefined) return;
  const user = await findUserById(db, userId);
  if (!user || !isInScope(actor, user.org_path))
    throw invalid([{ field: 'userId', message: '关联账号不存在或不在管辖范围内' }]);
}

function mapWriteError(error: unknown): never {
  if (isUniqueViolation(error)) throw conflict('该账号已关联其他执法人员档案');
  throw error;
}

function checkDates(
  body: { birthDate?: string | null; qualifiedOn?: string | null; startedWorkOn?: string | null },
  today: string,
) {
  const problems = [];
  for (const [field, label] of [
    ['birthDate', '出生日期'],
    ['qualifiedOn', '取得执法资格日期'],
    ['startedWorkOn', '参加工作时间'],
  ] as const) {
    const value = body[field];
    if (value && value > today) problems.push({ field, message: `${label}不能晚于今天` });
  }
  if (body.birthDate && body.startedWorkOn && body.startedWorkOn < body.birthDate) {
    problems.push({ field: 'startedWorkOn', message: '参加工作时间不能早于出生日期' });
  }
  if (problems.length > 0) throw invalid(problems);
}

export async function createOfficer(db: Db, actor: Actor, body: OfficerCreateBody): Promise<OfficerView> {
  assertCan(actor, 'officer.write');
  checkDates(body, todayInShanghai(new Date()));
  const org = await assertOfficerOrg(db, actor, body.orgId);
  await assertLinkableUser(db, actor, body.userId);
  try {
    const created = await db.transaction().execute(async (trx) => {
      const { id } = await insertOfficer(trx, {
        org_id: org.id,
        user_id: body.userId ?? null,
        name: body.name,
        gender: body.gender,
        ethnicity: body.ethnicity ?? null,
        education: body.education ?? null,
        birth_date: body.birthDate ?? null,
        position: body.position ?? null,
        post: body.post ?? null,
        duties: body.duties ?? null,
        qualified_on: body.qualifiedOn ?? null,
        started_work_on: body.startedWorkOn ?? null,
        phone: body.phone ?? null,
        series: body.series ?? null,
        status: body.status ?? 'active',
      });
      const officer = (await findOfficerById(trx, id))!;
      await recordAudit(trx, actor, {
        action: 'officer.create',
        entityType: 'officer',
        entityId: id,
        orgId: org.id,
        after: auditView(officer),
      });
      return officer;
    });
    return presentOfficer(db, actor, created);
  } catch (error) {
    mapWriteError(error);
  }
}

export async function updateOfficer(
  db: Db,
  actor: Actor,
  id: number,
  body: OfficerUpdateBody,
): Promise<OfficerView> {
  const officer = await getOfficerForWrite(db, actor, id);
  checkDates(
    {
      birthDate: body.birthDate === undefined ? officer.birth_date : body.birthDate,
      qualifiedOn: body.qualifiedOn,
      startedWorkOn: body.startedWorkOn === undefined ? officer.started_work_on : body.startedWorkOn,
    },
    todayInShanghai(new Date()),
  );
  if (body.orgId !== undefined && body.orgId !== officer.org_id)
    await assertOfficerOrg(db, actor, body.orgId);
  if (body.userId !== undefined && body.userId !== officer.user_id)
    await assertLinkableUser(db, actor, body.userId);
  try {
    const updated = await db.transaction().execute(async (trx) => {
      await updateOfficerRow(trx, id, {
        ...(body.name !== undefined && { name: body.name }),
        ...(body.gender !== undefined && { gender: body.gender }),
        ...(body.ethnicity !== undefined && { ethnicity: body.ethnicity }),
        ...(body.education !== undefined && { education: body.education }),
        ...(body.birthDate !== undefined && { birth_date: body.birthDate }),
        ...(body.position !== undefined && { position: body.position }),
        ...(body.orgId !== undefined && { org_id: body.orgId }),
        ...(body.post !== undefined && { post: body.post }),
        ...(body.duties !== undefined && { duties: body.duties }),
        ...(body.qualifiedOn !== undefined && { qualified_on: body.qualifiedOn }),
        ...(body.startedWorkOn !== undefined && { started_work_on: body.startedWorkOn }),
        ...(body.userId !== undefined && { user_id: body.userId }),
        ...(body.phone !== undefined && { phone: body.phone }),
        ...(body.series !== undefined && { series: body.series }),
        ...(body.status !== undefined && { status: body.status }),
      });
      const after = (await findOfficerById(trx, id))!;
      await recordAudit(trx, actor, {
        action:
          body.status !== undefined && body.status !== officer.status
            ? 'officer.status_change'
            : 'officer.update',
        entityType: 'officer',
        entityId: id,
        orgId: after.org_id,
        before: auditView(officer),
        after: auditView(after),
      });
      return after;
    });
    return presentOfficer(db, actor, updated);
  } catch (error) {
    mapWriteError(error);
  }
}

/** The change history of a profile and its certificates, training and post changes (audit log). */
export async function getOfficerHistory(db: Db, actor: Actor, id: number) {
  await getOfficerForRead(db, actor, id);
  const rows = await findOfficerHistory(db, id, 500);
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    before: row.before ?? null,
    after: row.after ?? null,
  }));
}

export async function setOfficerPhoto(db: Db, actor: Actor, id: number, bytes: Buffer): Promise<void> {
  const officer = await getOfficerForWrite(db, actor, id);
  if (bytes.length === 0) throw invalid([{ field: 'photo', message: '请上传照片' }]);
  if (bytes.length > PHOTO_MAX_BYTES) throw invalid([{ field: 'photo', message: '照片不能超过 2 MB' }]);
  const contentType = detectImageType(bytes);
  if (!contentType) throw invalid([{ field: 'photo', message: '照片须为 JPEG 或 PNG 图片' }]);
  await db.transaction().execute(async (trx) => {
    await upsertPhoto(trx, id, contentType, bytes);
    await recordAudit(trx, actor, {
      action: 'officer.photo_update',
      entityType: 'officer',
      entityId: id,
      orgId: officer.org_id,
      after: { contentType, bytes: bytes.length },
    });
  });
}

export async function getOfficerPhoto(db: Db, actor: Actor, id: number) {
  await getOfficerForRead(db, actor, id);
  const photo = await findPhoto(db, id);
  if (!photo) throw notFound('照片');
  return { contentType: photo.content_type, bytes: Buffer.from(photo.bytes) };
}

/** Records a post change and moves the profile's post and duties to the new ones. */
export async function createPostChange(
  db: Db,
  actor: Actor,
  id: number,
  body: PostChangeBody,
): Promise<PostChangeView> {
  const officer = await getOfficerForWrite(db, actor, id);
  if (body.changedOn > todayInShanghai(new Date())) {
    throw invalid([{ field: 'changedOn', message: '变更时间不能晚于今天' }]);
  }
  return db.transaction().execute(async (trx) => {
    const row = await insertPostChange(trx, {
      officer_id: id,
      changed_on: body.changedOn,
      from_post: officer.post,
      from_duties: officer.duties,
      to_post: body.toPost,
      to_duties: body.toDuties ?? null,
      reason: body.reason ?? null,
    });
    await updateOfficerRow(trx, id, { post: body.toPost, duties: body.toDuties ?? null });
    const view = presentPostChange(row);
    await recordAudit(trx, actor, {
      action: 'post_change.create',
      entityType: 'post_change',
      entityId: row.id,
      orgId: officer.org_id,
      after: view,
    });
    return view;
  });
}

export async function listPostChanges(db: Db, actor: Actor, id: number): Promise<PostChangeView[]> {
  await getOfficerForRead(db, actor, id);
  return (await findPostChanges(db, [id])).map(presentPostChange);
}

/**
 * The officer's 奖惩记录 (seed 000 奖惩记录表's 惩处, 执法过错, 违法违纪, 国家赔偿追偿 columns), from
 * the domains that hold them (supervision's findings), newest first.
 */
export async function listRewardPunishments(db: Db, actor: Actor, id: number) {
  await getOfficerForRead(db, actor, id);
  return collectRewardPunishments(db, id);
}

/**
 * 执法业绩档案 as DOCX for one officer the actor may read, with the assessment's sections: every
 * published result and this year's 奖惩记录表 counts (results under computation are not archived).
 */
export async function getOfficerArchiveDocx(
  db: Db,
  actor: Actor,
  id: number,
  today = todayInShanghai(new Date()),
): Promise<{ fileName: string; bytes: Buffer }> {
  const officer = await getOfficerForRead(db, actor, id);
  const view = await presentOfficer(db, actor, officer);
  const trainings = await listAllTrainings(db, actor, { officerId: id, keyword: undefined });
  const issuer = (await findLeadingGroupName(db, officer.org_path)) ?? view.agencyName;
  const model = buildOfficerArchive(view, [...trainings].reverse(), {
    issuer: `${issuer}制`,
    archiveNo: `ZFDA-${String(id).padStart(6, '0')}`,
  });
  const year = Number(today.slice(0, 4));
  const assessment = buildAssessmentArchiveSections({
    results: await findPublishedResultsOfOfficer(db, id),
    year,
    counts: await findOfficerCounts(db, { id, orgPath: officer.org_path }, periodRange(String(year))!),
  });
  return {
    fileName: `执法业绩档案-${view.name}.docx`,
    bytes: await renderOfficerArchive({
      ...model,
      sections: [
        ...model.sections,
        ...assessment,
        rewardPunishmentSection(await collectRewardPunishments(db, id)),
      ],
    }),
  };
}
