import { formatChineseDate, todayInShanghai } from '../../../../common/format.ts';
import type { Db } from '../../../db/database.ts';
import type { Certificate, CertificateReview } from '../../../db/schema.ts';
import { type Actor, assertCan, isInScope } from '../../../lib/access.ts';
import { isUniqueViolation } from '../../../lib/db-errors.ts';
import { conflict, forbidden, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { getOrgInScope } from '../../org/org.service.ts';
import type {
  CertificateCreateBody,
  CertificateReviewBody,
  CertificateUpdateBody,
  CertificateView,
  CertificateWarningReport,
} from '../archive/officers.schema.ts';
import { getOfficerForWrite, loadUnitNames, visibilityOf } from '../officer-lookup.ts';
import { REVIEW_RESULT_LABELS } from '../officers.policy.ts';
import {
  CERTIFICATE_STATE_LABELS,
  deriveCertificateState,
  isAnnualReviewOverdue,
} from './certificate-state.ts';
import {
  type CertificateWithOfficer,
  findCertificateById,
  findReviews,
  findWarningCandidates,
  insertCertificate,
  insertReview,
  updateCertificateRow,
} from './certificates.repository.ts';

const toFacts = (certificate: Certificate) => ({
  issuedOn: certificate.issued_on,
  validUntil: certificate.valid_until,
  isSuspended: certificate.is_suspended,
  isRevoked: certificate.is_revoked,
});
const toReviewFacts = (review: CertificateReview) => ({
  reviewedOn: review.reviewed_on,
  result: review.result,
});

export function presentCertificate(
  certificate: Certificate,
  reviews: CertificateReview[],
  today: string,
): CertificateView {
  const status = deriveCertificateState(toFacts(certificate), today);
  return {
    id: certificate.id,
    officerId: certificate.officer_id,
    number: certificate.number,
    issuer: certificate.issuer,
    area: certificate.area,
    categories: certificate.categories,
    issuedOn: certificate.issued_on,
    validUntil: certificate.valid_until,
    isSuspended: certificate.is_suspended,
    isRevoked: certificate.is_revoked,
    note: certificate.note,
    state: status.state,
    stateLabel: CERTIFICATE_STATE_LABELS[status.state],
    daysLeft: status.daysLeft,
    warningLevel: status.warningLevel,
    isReviewOverdue: isAnnualReviewOverdue(toFacts(certificate), reviews.map(toReviewFacts), today),
    reviews: reviews.map((review) => ({
      id: review.id,
      reviewedOn: review.reviewed_on,
      result: review.result,
      resultLabel: REVIEW_RESULT_LABELS[review.result],
      note: review.note,
    })),
  };
}

function mapWriteError(error: unknown, number: string | undefined): never {
  if (isUniqueViolation(error)) throw conflict(`执法证编号“${number}”已被登记`);
  throw error;
}

async function presentById(db: Db, id: number, today = todayInShanghai(new Date())) {
  const certificate = (await findCertificateById(db, id))!;
  return presentCertificate(certificate, await findReviews(db, [id]), today);
}

/** What the audit log keeps of a certificate; `officerId` ties it to the officer's history. */
const auditView = (certificate: Certificate) => ({
  officerId: certificate.officer_id,
  number: certificate.number,
  issuer: certificate.issuer,
  area: certificate.area,
  categories: certificate.categories,
  issuedOn: certificate.issued_on,
  validUntil: certificate.valid_until,
  isSuspended: certificate.is_suspended,
  isRevoked: certificate.is_revoked,
  note: certificate.note,
});

export async function createCertificate(
  db: Db,
  actor: Actor,
  officerId: number,
  body: CertificateCreateBody,
): Promise<CertificateView> {
  const officer = await getOfficerForWrite(db, actor, officerId);
  try {
    const id = await db.transaction().execute(async (trx) => {
      const { id } = await insertCertificate(trx, {
        officer_id: officerId,
        number: body.number,
        issuer: body.issuer,
        area: body.area,
        categories: body.categories,
        issued_on: body.issuedOn,
        valid_until: body.validUntil,
        note: body.note ?? null,
      });
      await recordAudit(trx, actor, {
        action: 'certificate.create',
        entityType: 'certificate',
        entityId: id,
        orgId: officer.org_id,
        after: auditView((await findCertificateById(trx, id))!),
      });
      return id;
    });
    return presentById(db, id);
  } catch (error) {
    mapWriteError(error, body.number);
  }
}

/** A certificate whose holder the actor may change, else NOT_FOUND / FORBIDDEN. */
async function getCertificateForWrite(db: Db, actor: Actor, id: number): Promise<CertificateWithOfficer> {
  const certificate = await findCertificateById(db, id);
  if (!certificate || !(isInScope(actor, certificate.org_path) || certificate.officer_user_id === actor.id)) {
    throw notFound('执法证');
  }
  assertCan(actor, 'officer.write');
  if (!isInScope(actor, certificate.org_path)) throw forbidden();
  return certificate;
}

export async function updateCertificate(
  db: Db,
  actor: Actor,
  id: number,
  body: CertificateUpdateBody,
): Promise<CertificateView> {
  const certificate = await getCertificateForWrite(db, actor, id);
  const issuedOn = body.issuedOn ?? certificate.issued_on;
  const validUntil = body.validUntil ?? certificate.valid_until;
  if (validUntil < issuedOn) throw invalid([{ field: 'validUntil', message: '有效期至不能早于发证日期' }]);
  try {
    await db.transaction().execute(async (trx) => {
      await updateCertificateRow(trx, id, {
        ...(body.number !== undefined && { number: body.number }),
        ...(body.issuer !== undefined && { issuer: body.issuer }),
        ...(body.area !== undefined && { area: body.area }),
        ...(body.categories !== undefined && { categories: body.categories }),
        ...(body.issuedOn !== undefined && { issued_on: body.issuedOn }),
        ...(body.validUntil !== undefined && { valid_until: body.validUntil }),
        ...(body.isSuspended !== undefined && { is_suspended: body.isSuspended }),
        ...(body.isRevoked !== undefined && { is_revoked: body.isRevoked }),
        ...(body.note !== undefined && { note: body.note }),
      });
      const action =
        body.isRevoked === true && !certificate.is_revoked
          ? 'certificate.revoke'
          : body.isSuspended === true && !certificate.is_suspended
            ? 'certificate.suspend'
            : 'certificate.update';
      await recordAudit(trx, actor, {
        action,
        entityType: 'certificate',
        entityId: id,
        orgId: certificate.org_id,
        before: auditView(certificate),
        after: auditView((await findCertificateById(trx, id))!),
      });
    });
  } catch (error) {
    mapWriteError(error, body.number);
  }
  return presentById(db, id);
}

export async function addCertificateReview(
  db: Db,
  actor: Actor,
  id: number,
  body: CertificateReviewBody,
): Promise<CertificateView> {
  const certificate = await getCertificateForWrite(db, actor, id);
  const today = todayInShanghai(new Date());
  if (body.reviewedOn > today) throw invalid([{ field: 'reviewedOn', message: '年审日期不能晚于今天' }]);
  if (body.reviewedOn < certificate.issued_on) {
    throw invalid([{ field: 'reviewedOn', message: '年审日期不能早于发证日期' }]);
  }
  await db.transaction().execute(async (trx) => {
    const review = await insertReview(trx, {
      certificate_id: id,
      reviewed_on: body.reviewedOn,
      result: body.result,
      note: body.note ?? null,
    });
    await recordAudit(trx, actor, {
      action: 'certificate_review.create',
      entityType: 'certificate_review',
      entityId: review.id,
      orgId: certificate.org_id,
      after: {
        officerId: certificate.officer_id,
        certificateId: id,
        number: certificate.number,
        reviewedOn: review.reviewed_on,
        result: review.result,
        note: review.note,
      },
    });
  });
  return presentById(db, id, today);
}

const WARNING_ORDER = { expired: 0, expiry: 1, review_overdue: 2 } as const;

/**
 * Every certificate warning among the visible in-service officers, sorted (expired, expiring, review
 * overdue; fewest days left first): the warning page's list and the warning pass's certificate hits.
 */
export async function findCertificateWarnings(
  db: Db,
  visibility: Parameters<typeof findWarningCandidates>[1],
  today: string,
): Promise<CertificateWarningReport['items']> {
  const candidates = await findWarningCandidates(db, visibility);
  const reviews = await findReviews(
    db,
    candidates.map((candidate) => candidate.id),
  );
  const unitName = await loadUnitNames(
    db,
    candidates.map((candidate) => candidate.org_path),
  );
  const items: CertificateWarningReport['items'] = [];
  for (const candidate of candidates) {
    const status = deriveCertificateState(toFacts(candidate), today);
    const base = {
      officerId: candidate.officer_id,
      officerName: candidate.officer_name,
      orgId: candidate.officer_org_id,
      orgName: candidate.org_name,
      agencyName: unitName(candidate.org_path),
      certificateId: candidate.id,
      number: candidate.number,
      validUntil: candidate.valid_until,
      daysLeft: status.daysLeft,
    };
    if (status.state === 'expired') {
      items.push({
        ...base,
        kind: 'expired',
        level: null,
        message: `执法证已于${formatChineseDate(candidate.valid_until)}过期`,
      });
    } else if (status.warningLevel !== null) {
      items.push({
        ...base,
        kind: 'expiry',
        level: status.warningLevel,
        message: `执法证将于${formatChineseDate(candidate.valid_until)}到期（剩余${status.daysLeft}天）`,
      });
    }
    const ownReviews = reviews.filter((review) => review.certificate_id === candidate.id).map(toReviewFacts);
    if (isAnnualReviewOverdue(toFacts(candidate), ownReviews, today)) {
      items.push({
        ...base,
        kind: 'review_overdue',
        level: null,
        message: '近一年内无合格的年审记录，年审逾期',
      });
    }
  }
  items.sort(
    (left, right) =>
      WARNING_ORDER[left.kind] - WARNING_ORDER[right.kind] ||
      left.daysLeft - right.daysLeft ||
      left.officerId - right.officerId,
  );
  return items;
}

/**
 * Certificate warnings for in-service officers: 90 and 30 days before expiry, expired, and overdue
 * annual reviews. A legal officer sees their agency's, a supervisor the county's (scope), per
 * agency counts included.
 */
export async function listCertificateWarnings(
  db: Db,
  actor: Actor,
  query: { orgId?: number | undefined },
  today = todayInShanghai(new Date()),
): Promise<CertificateWarningReport> {
  assertCan(actor, 'certificate.warnings');
  const orgPath = query.orgId ? (await getOrgInScope(db, actor, query.orgId)).path : undefined;
  const items = await findCertificateWarnings(db, { ...visibilityOf(actor), orgPath }, today);
  const byAgency = new Map<string, CertificateWarningReport['byAgency'][number]>();
  for (const item of items) {
    const entry = byAgency.get(item.agencyName) ?? {
      agencyName: item.agencyName,
      expiring90: 0,
      expiring30: 0,
      expired: 0,
      reviewOverdue: 0,
    };
    if (item.kind === 'expired') entry.expired += 1;
    if (item.kind === 'review_overdue') entry.reviewOverdue += 1;
    if (item.kind === 'expiry' && item.level === 90) entry.expiring90 += 1;
    if (item.kind === 'expiry' && item.level === 30) entry.expiring30 += 1;
    byAgency.set(item.agencyName, entry);
  }
  return { today, items, byAgency: [...byAgency.values()] };
}
