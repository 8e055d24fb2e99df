/**
 * Closing a period: compute (scores, grades, ranks, quota demotions, vetoes, explanations, stored
 * as the engine's JSON), publish (公示; the appeal window opens for N working days on the statutory
 * calendar), finalise (results freeze). Scorecards trace every point to its rule, clause and records.
 */
import { todayInShanghai } from '../../../../common/format.ts';
import { type EvaluationResult, evaluate, type SubjectResult } from '../../../../engine/index.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan } from '../../../lib/access.ts';
import { AppError, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { loadWorkCalendar } from '../../calendar/calendar.service.ts';
import { findAppealsOfSubject, findPendingAppealIds } from '../appeals/appeals.repository.ts';
import {
  areResultsVisible,
  assertManagesPeriod,
  findActorOrgPath,
  getPeriodForActor,
  isManager,
  isOwnSubject,
  type PeriodRow,
} from '../assessment.access.ts';
import { findSubjectRows } from '../assessment.repository.ts';
import { attachmentsByAppeal, attachmentsByRecord } from '../attachments/assessment-attachments.view.ts';
import { updatePeriodRow } from '../periods/periods.repository.ts';
import { assertStatus } from '../periods/periods.service.ts';
import { findRecordsByIds } from '../records/assessment-records.repository.ts';
import { presentRecord } from '../records/assessment-records.service.ts';
import { loadEngineInput } from '../records/engine-input.ts';
import { findSchemeVersionById } from '../schemes/schemes.repository.ts';
import { schemeOf } from '../schemes/schemes.service.ts';
import { finaliseRefusal } from './finalise.rules.ts';
import { assertMayPublish } from './publish-guards.ts';
import { findResult, findResultSummaries, replaceResults } from './results.repository.ts';

/** Evaluates a period from the database with the scheme version it opened with. */
export async function evaluatePeriod(
  db: Db,
  period: Pick<PeriodRow, 'id' | 'period_key' | 'scheme_version_id'>,
) {
  const version = await findSchemeVersionById(db, period.scheme_version_id);
  const input = await loadEngineInput(db, period);
  return evaluate(schemeOf(version!), input);
}

function summarise(result: EvaluationResult) {
  const distribution: Record<string, number> = {};
  for (const subject of result.subjects) {
    const grade = subject.grade ?? '未定等次';
    distribution[grade] = (distribution[grade] ?? 0) + 1;
  }
  return { quotas: result.quotas, rejected: result.rejected, params: result.params, distribution };
}

/** Stores a fresh evaluation of the period (inside the caller's transaction). */
export async function storeEvaluation(trx: Db, periodId: number, result: EvaluationResult) {
  await replaceResults(trx, periodId, result.subjects);
  await updatePeriodRow(trx, periodId, {
    summary: JSON.stringify(summarise(result)),
    computed_at: new Date(),
    updated_at: new Date(),
  });
}

/** Computes and stores every subject's result; allowed while open or computed (recompute). */
export async function computePeriod(db: Db, actor: Actor, periodId: number) {
  const period = await getPeriodForActor(db, actor, periodId);
  assertManagesPeriod(actor, period);
  assertStatus(period, ['open', 'computed'], '计分');
  const result = await evaluatePeriod(db, period);
  await db.transaction().execute(async (trx) => {
    await storeEvaluation(trx, periodId, result);
    await updatePeriodRow(trx, periodId, { status: 'computed' });
    await recordAudit(trx, actor, {
      action: 'assessment.period_compute',
      entityType: 'assessment_period',
      entityId: periodId,
      before: { status: period.status },
      after: { status: 'computed', subjects: result.subjects.length, rejected: result.rejected.length },
    });
  });
  return { status: 'computed' as const, ...summarise(result) };
}

/** 公示: subjects see their result; the appeal window closes N working days after today. */
export async function publishPeriod(
  db: Db,
  actor: Actor,
  periodId: number,
  today = todayInShanghai(new Date()),
) {
  const period = await getPeriodForActor(db, actor, periodId);
  assertManagesPeriod(actor, period);
  assertStatus(period, ['computed'], '公示');
  await assertMayPublish(db, period);
  const calendar = await loadWorkCalendar(db);
  const closesOn = calendar.addWorkingDays(today, period.appeal_days);
  await db.transaction().execute(async (trx) => {
    await updatePeriodRow(trx, periodId, {
      status: 'published',
      published_on: today,
      appeal_closes_on: closesOn,
      updated_at: new Date(),
    });
    await recordAudit(trx, actor, {
      action: 'assessment.period_publish',
      entityType: 'assessment_period',
      entityId: periodId,
      before: { status: period.status },
      after: { status: 'published', publishedOn: today, appealClosesOn: closesOn },
    });
  });
  return { status: 'published' as const, publishedOn: today, appealClosesOn: closesOn };
}

/** Freezes the results once the appeal window has closed and every appeal is decided. */
export async function finalisePeriod(
  db: Db,
  actor: Actor,
  periodId: number,
  today = todayInShanghai(new Date()),
) {
  const period = await getPeriodForActor(db, actor, periodId);
  assertManagesPeriod(actor, period);
  assertStatus(period, ['published'], '定档');
  const refusal = finaliseRefusal(period.appeal_closes_on, await findPendingAppealIds(db, periodId), today);
  if (refusal) throw new AppError(refusal.code, refusal.message, refusal.details);
  await db.transaction().execute(async (trx) => {
    await updatePeriodRow(trx, periodId, {
      status: 'finalised',
      finalised_at: new Date(),
      updated_at: new Date(),
    });
    await recordAudit(trx, actor, {
      action: 'assessment.period_finalise',
      entityType: 'assessment_period',
      entityId: periodId,
      before: { status: period.status },
      after: { status: 'finalised' },
    });
  });
  return { status: 'finalised' as const };
}

/** Managers see results once computed; everyone else in the county once published. */
function assertResultsVisible(actor: Actor, period: PeriodRow) {
  if (!areResultsVisible(actor, period))
    throw new AppError(
      'RESULTS_NOT_PUBLISHED',
      `${period.label}考核结果尚未${isManager(actor, period) ? '计分' : '公示'}`,
    );
}

/** Ranking table with grade distribution and quota summary. */
export async function getRanking(db: Db, actor: Actor, periodId: number) {
  assertCan(actor, 'assessment.read');
  const period = await getPeriodForActor(db, actor, periodId);
  assertResultsVisible(actor, period);
  const rows = await findResultSummaries(db, periodId);
  const summary = (
    typeof period.summary === 'string' ? JSON.parse(period.summary) : period.summary
  ) as ReturnType<typeof summarise> | null;
  return {
    period: period.period_key,
    label: period.label,
    status: period.status,
    publishedOn: period.published_on,
    appealClosesOn: period.appeal_closes_on,
    distribution: summary?.distribution ?? {},
    quotas: summary?.quotas ?? [],
    items: rows.map((row) => ({
      subjectKey: row.subject_key,
      name: row.name,
      total: row.total,
      grade: row.grade,
      rank: row.rank,
      flags: (typeof row.flags === 'string' ? JSON.parse(row.flags) : row.flags) as SubjectResult['flags'],
    })),
  };
}

/** A subject's scorecard: its stored result with explanation, and the records each line cites. */
export async function getScorecard(db: Db, actor: Actor, periodId: number, subjectKey: string) {
  assertCan(actor, 'assessment.read');
  const period = await getPeriodForActor(db, actor, periodId);
  const [subject] = await findSubjectRows(db, periodId, [subjectKey]);
  if (!subject) throw notFound('考核对象');
  if (!isManager(actor, period) && !isOwnSubject(actor, await findActorOrgPath(db, actor), subject)) {
    throw new AppError('FORBIDDEN', '只能查看本人或本单位（科室）的考核结果');
  }
  assertResultsVisible(actor, period);
  const row = await findResult(db, periodId, subjectKey);
  if (!row) throw notFound('考核结果');
  const result = (typeof row.result === 'string' ? JSON.parse(row.result) : row.result) as SubjectResult;
  const ids = [...new Set(result.explanation.flatMap((line) => line.records))]
    .filter((ref) => ref.startsWith('R'))
    .map((ref) => Number(ref.slice(1)));
  const records = await findRecordsByIds(db, periodId, ids, 'record');
  const appeals = await findAppealsOfSubject(db, periodId, subjectKey);
  const changesOf = (appeal: (typeof appeals)[number]) =>
    ((typeof appeal.changes === 'string' ? JSON.parse(appeal.changes) : appeal.changes) ?? {
      withdrawn: [],
      added: [],
    }) as { withdrawn: number[]; added: number[] };
  // records an upheld appeal added, so the explanation shows where a line came from
  const addedBy = new Map(appeals.flatMap((appeal) => changesOf(appeal).added.map((id) => [id, appeal.id])));
  const [recordFiles, appealFiles] = await Promise.all([
    attachmentsByRecord(
      db,
      records.map((record) => record.id),
    ),
    attachmentsByAppeal(
      db,
      appeals.map((appeal) => appeal.id),
    ),
  ]);
  return {
    period: period.period_key,
    label: period.label,
    status: period.status,
    subject: { key: subject.subject_key, name: subject.name },
    result,
    records: Object.fromEntries(
      records.map((record) => [
        `R${record.id}`,
        {
          ...presentRecord(record),
          addedByAppeal: addedBy.get(record.id) ?? null,
          attachments: recordFiles.get(record.id) ?? [],
        },
      ]),
    ),
    appeals: appeals.map((appeal) => ({
      id: appeal.id,
      status: appeal.status,
      reasons: appeal.reasons,
      submittedOn: appeal.submitted_on,
      decideBy: appeal.decide_by,
      decidedOn: appeal.decided_on,
      decision: appeal.decision,
      withdrawn: changesOf(appeal).withdrawn.map((id) => `R${id}`),
      added: changesOf(appeal).added.map((id) => `R${id}`),
      attachments: appealFiles.get(appeal.id) ?? [],
    })),
  };
}
