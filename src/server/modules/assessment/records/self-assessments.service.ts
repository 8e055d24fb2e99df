/**
 * 自查自评 (seed 004 第三章第一条1): a subject reports its own claims by the period's deadline (the
 * quarter's last working day); they are scored apart from the official total (selfTotal), beside
 * the live provisional score the subject may follow during the period.
 */
import { formatChineseDate, todayInShanghai } from '../../../../common/format.ts';
import { evaluate, type SubjectResult } from '../../../../engine/index.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan } from '../../../lib/access.ts';
import { AppError, invalid } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import {
  assertRecordingOpen,
  getOwnSubject,
  getPeriodForActor,
  type PeriodRow,
} from '../assessment.access.ts';
import { findSchemeVersionById } from '../schemes/schemes.repository.ts';
import { schemeOf } from '../schemes/schemes.service.ts';
import { findSelfAssessment, upsertSelfAssessment } from '../subjects/subjects.repository.ts';
import type { SelfAssessmentBody } from './assessment-records.schema.ts';
import { catalogueOfPeriod, checkRecordFields } from './assessment-records.service.ts';
import { loadEngineInput } from './engine-input.ts';

/** Submits (or resubmits, until the deadline) a subject's self-assessment. */
export async function submitSelfAssessment(
  db: Db,
  actor: Actor,
  periodId: number,
  subjectKey: string,
  body: SelfAssessmentBody,
  today = todayInShanghai(new Date()),
) {
  assertCan(actor, 'assessment.self');
  const period = await getPeriodForActor(db, actor, periodId);
  assertRecordingOpen(period);
  const subject = await getOwnSubject(db, actor, period, subjectKey);
  if (period.self_due_on && today > period.self_due_on) {
    throw new AppError(
      'CONFLICT',
      `自查自评应于${formatChineseDate(period.self_due_on)}前报送，已逾期，不再受理`,
      {
        dueOn: period.self_due_on,
      },
    );
  }
  // nothing claimed and nothing said is no self-assessment: "no deductions" is said in the note
  if (body.items.length === 0 && !body.note?.trim()) {
    const message = '自查自评为空：请逐项填写自评条目，或在自评说明中写明本期无扣分、加分事项';
    throw new AppError('SELF_ASSESSMENT_EMPTY', message, { fields: [{ field: 'note', message }] });
  }
  const catalogue = await catalogueOfPeriod(db, period);
  const problems = body.items.flatMap(
    (entry, index) =>
      checkRecordFields(
        catalogue,
        period.period_key,
        entry,
        ['item', 'averaged', 'veto', 'ceiling'],
        `items.${index}.`,
      ).problems,
  );
  if (problems.length > 0) throw invalid(problems);
  const before = await findSelfAssessment(db, periodId, subjectKey);
  await db.transaction().execute(async (trx) => {
    const values = {
      items: JSON.stringify(body.items),
      note: body.note ?? null,
      submitted_on: today,
      submitted_by: actor.id,
      submitted_at: new Date(),
    };
    await upsertSelfAssessment(trx, periodId, subjectKey, values);
    await recordAudit(trx, actor, {
      action: 'assessment.self_submit',
      entityType: 'self_assessment',
      entityId: `${periodId}/${subjectKey}`,
      orgId: subject.org_id,
      before: before ? { items: before.items, note: before.note, submittedOn: before.submitted_on } : null,
      after: { items: body.items, note: body.note ?? null, submittedOn: today },
    });
  });
  return {
    subjectKey,
    submittedOn: today,
    dueOn: period.self_due_on,
    items: body.items,
    note: body.note ?? null,
  };
}

/**
 * The live provisional result of one subject: every subject is evaluated, since quotas and ranks
 * depend on all of them; only this subject's result and its rejected records are returned.
 */
export async function evaluateProvisional(db: Db, period: PeriodRow, subjectKey: string) {
  const version = await findSchemeVersionById(db, period.scheme_version_id);
  const input = await loadEngineInput(db, period);
  const result = evaluate(schemeOf(version!), input);
  const subject = result.subjects.find((entry) => entry.subject === subjectKey)!;
  const rejected = result.rejected.filter((entry) =>
    input.records.some((record) => record.id === entry.record && record.subject === subjectKey),
  );
  return {
    isProvisional: true as const,
    period: period.period_key,
    result: JSON.parse(JSON.stringify(subject)) as SubjectResult,
    rejected,
  };
}

/** The subject's live provisional score with its explanation (own subject or a manager). */
export async function getProvisionalScore(db: Db, actor: Actor, periodId: number, subjectKey: string) {
  assertCan(actor, 'assessment.read');
  const period = await getPeriodForActor(db, actor, periodId);
  await getOwnSubject(db, actor, period, subjectKey);
  return evaluateProvisional(db, period, subjectKey);
}
