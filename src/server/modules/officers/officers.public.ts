/**
 * The officers domain's surface for other domains (MODULES.md): the training domain writes the
 * officers' training records (培训档案, 培训制度第八条) only through these functions and never touches
 * the `training` table itself; supervision adds its misconduct findings to the officer's 奖惩记录.
 */
import { todayInShanghai } from '../../../common/format.ts';
import type {
  SelfStudyPlatform,
  TrainingContentCategory,
  TrainingDelivery,
} from '../../../common/training.ts';
import type { Db } from '../../db/database.ts';
import type { TrainingKind } from '../../db/schema.ts';
import { type Actor, assertCan, isInScope } from '../../lib/access.ts';
import { invalid, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findOfficerById, findOfficerIdByUser } from './archive/officers.repository.ts';
import {
  findCertificateByNumber,
  findCertificatesOfOfficers,
} from './certificates/certificates.repository.ts';
import {
  findTrainingById,
  findTrainingFactsOfYear,
  findTrainingsOfSession,
  insertSessionTrainingRows,
  insertTrainings,
} from './training/training.repository.ts';
import type { TrainingView } from './training/training.schema.ts';
import { presentTraining } from './training/training.service.ts';

export { setAccountOfficer } from './archive/officer-account-link.service.ts';
export { AccountOfficerBody, AccountOfficerView } from './archive/officers.schema.ts';
export {
  type RewardPunishmentEntry,
  type RewardPunishmentSource,
  registerRewardPunishmentSource,
} from './archive/reward-punishment-entries.ts';
export {
  type ComplianceSubject,
  registerTrainingComplianceRule,
  type TrainingComplianceRule,
} from './training/training-compliance-rules.ts';

/** An officer as an attendee list shows them: unit, status, the newest certificate's number. */
export interface AttendeeOfficer {
  id: number;
  name: string;
  orgId: number;
  orgName: string;
  orgPath: string;
  isActive: boolean;
  certificateNumber: string | null;
}

/** The officers with these ids (unknown ids are left out), with their newest certificate number. */
export async function findAttendeeOfficers(db: Db, ids: readonly number[]): Promise<AttendeeOfficer[]> {
  const officers = (await Promise.all([...new Set(ids)].map((id) => findOfficerById(db, id)))).filter(
    (officer) => officer !== undefined,
  );
  const certificates = await findCertificatesOfOfficers(
    db,
    officers.map((officer) => officer.id),
  );
  const newest = new Map<number, { number: string; issued: string }>();
  for (const certificate of certificates) {
    const current = newest.get(certificate.officer_id);
    const issued = String(certificate.issued_on ?? '');
    if (!current || issued > current.issued)
      newest.set(certificate.officer_id, { number: certificate.number, issued });
  }
  return officers.map((officer) => ({
    id: officer.id,
    name: officer.name,
    orgId: officer.org_id,
    orgName: officer.org_name,
    orgPath: officer.org_path,
    isActive: officer.status === 'active',
    certificateNumber: newest.get(officer.id)?.number ?? null,
  }));
}

/** The officer holding this 执法证 number, if their name matches (an attendee sheet's row). */
export async function findOfficerByCertificate(
  db: Db,
  certificateNumber: string,
  name: string,
): Promise<{ id: number; orgPath: string } | null> {
  const certificate = await findCertificateByNumber(db, certificateNumber);
  if (!certificate || certificate.officer_name !== name) return null;
  return { id: certificate.officer_id, orgPath: certificate.org_path };
}

/** One attendee's record of a finished session. */
export interface SessionTrainingRecord {
  officerId: number;
  score: number | null;
  passed: boolean | null;
}

/**
 * Writes one training record per attendee of a finished session, in the caller's transaction, and
 * audits them as one entry (培训制度第八条: 建立执法人员培训档案).
 */
export async function writeSessionTrainings(
  trx: Db,
  actor: Actor,
  session: {
    id: number;
    orgId: number;
    heldOn: string;
    hours: number | string;
    course: string;
    kind: TrainingKind;
    delivery: TrainingDelivery;
    contentCategory: TrainingContentCategory;
    organiserName: string;
    isBureauOrganised: boolean;
  },
  records: readonly SessionTrainingRecord[],
): Promise<number> {
  const inserted = await insertSessionTrainingRows(
    trx,
    records.map((record) => ({
      officer_id: record.officerId,
      held_on: session.heldOn,
      hours: session.hours,
      content: session.course,
      kind: session.kind,
      organiser: session.organiserName,
      is_bureau_organised: session.isBureauOrganised,
      result: record.passed === null ? null : record.passed ? '合格' : '不合格',
      session_id: session.id,
      delivery: session.delivery,
      content_category: session.contentCategory,
      score: record.score,
      passed: record.passed,
    })),
  );
  await recordAudit(trx, actor, {
    action: 'training.session_records',
    entityType: 'training_session',
    entityId: session.id,
    orgId: session.orgId,
    after: {
      sessionId: session.id,
      records: records.map((record) => ({
        officerId: record.officerId,
        score: record.score,
        passed: record.passed,
      })),
    },
  });
  return inserted.length;
}

/** The records a finished session wrote, as the officers' archive shows them. */
export async function listSessionTrainings(db: Db, sessionId: number): Promise<TrainingView[]> {
  return (await findTrainingsOfSession(db, sessionId)).map(presentTraining);
}

/** Per officer, the sessions whose records they hold in the year, and how many are not self-study. */
export async function findTrainingFacts(db: Db, officerIds: readonly number[], year: number) {
  const facts = new Map<number, { sessionIds: Set<number>; formalTrainings: number }>();
  for (const row of await findTrainingFactsOfYear(db, officerIds, year)) {
    const entry = facts.get(row.officer_id) ?? { sessionIds: new Set<number>(), formalTrainings: 0 };
    if (row.session_id !== null) entry.sessionIds.add(row.session_id);
    if (row.kind !== 'self_study') entry.formalTrainings += 1;
    facts.set(row.officer_id, entry);
  }
  return facts;
}

/** The profile linked to the actor's account, else NOT_FOUND (an account with no officer profile). */
export async function getOwnOfficer(db: Db, actor: Actor) {
  const own = await findOfficerIdByUser(db, actor.id);
  if (!own) throw notFound('本人的执法人员档案');
  return (await findOfficerById(db, own.id))!;
}

/** The id of the profile linked to the actor's account, or null. */
export async function findOwnOfficerId(db: Db, actor: Actor): Promise<number | null> {
  return (await findOfficerIdByUser(db, actor.id))?.id ?? null;
}

/** Whether the officer profile is in the actor's scope (or is the actor's own). */
export async function isOfficerVisible(db: Db, actor: Actor, officerId: number): Promise<boolean> {
  const officer = await findOfficerById(db, officerId);
  return !!officer && (isInScope(actor, officer.org_path) || officer.user_id === actor.id);
}

/**
 * 自学记录 (培训制度第七条(一)(三)): an officer logs their own online learning or reading into their
 * own training archive, as 自主培训 with its platform; audited.
 */
export async function addSelfStudyRecord(
  db: Db,
  actor: Actor,
  body: { studiedOn: string; hours: number; platform: SelfStudyPlatform; content: string; organiser: string },
): Promise<TrainingView> {
  assertCan(actor, 'training.self_study');
  const officer = await getOwnOfficer(db, actor);
  if (body.studiedOn > todayInShanghai(new Date()))
    throw invalid([{ field: 'studiedOn', message: '学习日期不能晚于今天' }]);
  return db.transaction().execute(async (trx) => {
    const [inserted] = await insertTrainings(trx, [
      {
        officer_id: officer.id,
        held_on: body.studiedOn,
        hours: body.hours,
        content: body.content,
        kind: 'self_study',
        organiser: body.organiser,
        is_bureau_organised: false,
        result: null,
        delivery: 'self_study',
        platform: body.platform,
        is_self_reported: true,
      },
    ]);
    const view = presentTraining((await findTrainingById(trx, inserted!.id))!);
    await recordAudit(trx, actor, {
      action: 'training.self_study_add',
      entityType: 'training',
      entityId: view.id,
      orgId: officer.org_id,
      after: { officerId: officer.id, ...body },
    });
    return view;
  });
}
export { OFFICER_SERIES_LABELS } from './officers.policy.ts';
