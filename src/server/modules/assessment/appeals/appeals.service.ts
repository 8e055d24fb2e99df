/**
 * 申诉 (seed 004 第四章第三条): a subject may appeal within N working days of publication (超期不再
 * 受理), with reasons and proof; the leading group decides within N working days. Upheld: the
 * named records change, the whole period recomputes (ranks move), and before/after are audited and
 * shown; rejected: the scores stay, with the reasons.
 */
import { formatChineseDate, todayInShanghai } from '../../../../common/format.ts';
import type { SubjectResult } from '../../../../engine/index.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan, can } from '../../../lib/access.ts';
import { AppError, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { loadWorkCalendar } from '../../calendar/calendar.service.ts';
import {
  findActorOrgPath,
  getOwnSubject,
  getPeriodForActor,
  isManager,
  ownSubjectOf,
} from '../assessment.access.ts';
import { attachmentsByAppeal } from '../attachments/assessment-attachments.view.ts';
import { assertStatus } from '../periods/periods.service.ts';
import { findRecordsByIds, insertRecord, updateRecordRow } from '../records/assessment-records.repository.ts';
import type { RecordCreateBody } from '../records/assessment-records.schema.ts';
import {
  catalogueOfPeriod,
  checkEvidence,
  checkRecordFields,
} from '../records/assessment-records.service.ts';
import { findResultSummaries } from '../results/results.repository.ts';
import { evaluatePeriod, storeEvaluation } from '../results/results.service.ts';
import { findAppeal, findAppealPage, insertAppeal, updateAppealRow } from './appeals.repository.ts';
import type { AppealListQuery } from './appeals.schema.ts';

export interface AppealDecision {
  decision: 'upheld' | 'rejected';
  reasons: string;
  /** upheld only: records of the subject to withdraw and records to add */
  withdrawRecordIds?: number[] | undefined;
  addRecords?: Omit<RecordCreateBody, 'subjectKey'>[] | undefined;
}

function presentAppeal(row: {
  id: number;
  subject_key: string;
  reasons: string;
  proof: unknown;
  submitted_on: string;
  decide_by: string;
  status: string;
  decision: string | null;
  changes: unknown;
  before_result: unknown;
  after_result: unknown;
  decided_on: string | null;
}) {
  const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
  return {
    id: row.id,
    subjectKey: row.subject_key,
    reasons: row.reasons,
    proof: json(row.proof),
    submittedOn: row.submitted_on,
    decideBy: row.decide_by,
    status: row.status,
    decision: row.decision,
    changes: json(row.changes),
    before: json(row.before_result),
    after: json(row.after_result),
    decidedOn: row.decided_on,
  };
}

/** Files an appeal for one's own subject while the window is open; a late one is refused with the closing date. */
export async function submitAppeal(
  db: Db,
  actor: Actor,
  periodId: number,
  subjectKey: string,
  body: { reasons: string; proof?: { kind: string; id: string }[] | undefined },
  today = todayInShanghai(new Date()),
) {
  assertCan(actor, 'assessment.self');
  const period = await getPeriodForActor(db, actor, periodId);
  assertStatus(period, ['published'], '申诉（结果尚未公示）');
  const subject = await getOwnSubject(db, actor, period, subjectKey);
  if (period.appeal_closes_on && today > period.appeal_closes_on) {
    throw new AppError(
      'CONFLICT',
      `申诉期已于${formatChineseDate(period.appeal_closes_on)}截止（公示之日起 ${period.appeal_days} 个工作日），超期不再受理`,
      { appealClosesOn: period.appeal_closes_on },
    );
  }
  const calendar = await loadWorkCalendar(db);
  const decideBy = calendar.addWorkingDays(today, period.decision_days);
  return db.transaction().execute(async (trx) => {
    const row = await insertAppeal(trx, {
      period_id: periodId,
      subject_key: subjectKey,
      reasons: body.reasons,
      proof: JSON.stringify(body.proof ?? []),
      submitted_on: today,
      decide_by: decideBy,
      decision: null,
      changes: null,
      before_result: null,
      after_result: null,
      submitted_by: actor.id,
      decided_by: null,
      decided_on: null,
    });
    await recordAudit(trx, actor, {
      action: 'assessment.appeal_submit',
      entityType: 'assessment_appeal',
      entityId: row.id,
      orgId: subject.org_id,
      after: { subjectKey, reasons: body.reasons, submittedOn: today, decideBy },
    });
    return presentAppeal(row);
  });
}

/** Appeals of a period, paged, with the subject's name: deciders and managers all, a subject its own. */
export async function listAppeals(db: Db, actor: Actor, periodId: number, query: AppealListQuery) {
  assertCan(actor, 'assessment.read');
  const period = await getPeriodForActor(db, actor, periodId);
  const seesAll = isManager(actor, period) || can(actor, 'assessment.decide');
  const { rows, total } = await findAppealPage(db, {
    periodId,
    page: query.page,
    pageSize: query.pageSize,
    status: query.status,
    own: seesAll ? undefined : ownSubjectOf(actor, await findActorOrgPath(db, actor)),
  });
  const files = await attachmentsByAppeal(
    db,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map((row) => ({
      ...presentAppeal(row),
      subjectName: row.subject_name,
      decidedByName: row.decided_by_name,
      attachments: files.get(row.id) ?? [],
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

type Standing = Pick<SubjectResult, 'total' | 'grade' | 'rank'>;
const standingOf = (rows: { subject_key: string; total: string; grade: string | null; rank: number }[]) =>
  new Map<string, Standing>(
    rows.map((row) => [row.subject_key, { total: row.total, grade: row.grade, rank: row.rank }]),
  );

/** Decides an appeal (领导小组): upheld changes records and recomputes the period; rejected keeps the scores. */
export async function decideAppeal(
  db: Db,
  actor: Actor,
  periodId: number,
  appealId: number,
  body: AppealDecision,
  today = todayInShanghai(new Date()),
) {
  assertCan(actor, 'assessment.decide');
  const period = await getPeriodForActor(db, actor, periodId);
  assertStatus(period, ['published'], '作出申诉决定');
  const appeal = await findAppeal(db, periodId, appealId);
  if (!appeal) throw notFound('申诉');
  if (appeal.status !== 'pending') throw new AppError('CONFLICT', '该申诉已作出决定');
  const withdraw = body.withdrawRecordIds ?? [];
  const add = body.addRecords ?? [];
  if (body.decision === 'upheld' && withdraw.length === 0 && add.length === 0) {
    throw invalid([{ field: 'withdrawRecordIds', message: '申诉通过须写明更正的考核记录（撤回或补记）' }]);
  }
  const catalogue = await catalogueOfPeriod(db, period);
  const problems = add.flatMap(
    (entry, index) =>
      checkRecordFields(
        catalogue,
        period.period_key,
        entry,
        ['item', 'averaged', 'veto', 'ceiling'],
        `addRecords.${index}.`,
      ).problems,
  );
  if (problems.length > 0) throw invalid(problems);
  for (const [index, entry] of add.entries()) {
    await checkEvidence(db, period, entry.evidence, `addRecords.${index}.evidence.id`);
  }
  const targets = await findRecordsByIds(db, periodId, withdraw);
  const foreign = withdraw.filter(
    (id) =>
      !targets.some(
        (row) => row.id === id && row.subject_key === appeal.subject_key && row.status === 'active',
      ),
  );
  if (foreign.length > 0) {
    throw invalid([
      { field: 'withdrawRecordIds', message: `记录 ${foreign.join('、')} 不是申诉对象的有效记录` },
    ]);
  }
  const before = standingOf(await findResultSummaries(db, periodId));
  return db.transaction().execute(async (trx) => {
    const changes: { withdrawn: number[]; added: number[] } = { withdrawn: [], added: [] };
    let after = before;
    if (body.decision === 'upheld') {
      for (const row of targets) {
        await updateRecordRow(trx, row.id, {
          status: 'withdrawn',
          note: `${row.note ?? ''}（申诉${appealId}更正）`.trim(),
        });
        changes.withdrawn.push(row.id);
      }
      for (const entry of add) {
        const row = await insertRecord(trx, {
          period_id: periodId,
          subject_key: appeal.subject_key,
          item: entry.item,
          occurred_on: entry.occurredOn,
          count: entry.count ?? 1,
          value: entry.value ?? null,
          level: entry.level ?? null,
          fact: entry.fact ?? null,
          rater: null,
          note: entry.note ? `${entry.note}（申诉${appealId}补记）` : `申诉${appealId}补记`,
          evidence_kind: entry.evidence?.kind ?? null,
          evidence_id: entry.evidence?.id ?? null,
          proposal_key: null,
          created_by: actor.id,
        });
        changes.added.push(row.id);
      }
      const result = await evaluatePeriod(trx, period);
      await storeEvaluation(trx, periodId, result);
      after = standingOf(await findResultSummaries(trx, periodId));
    }
    // every subject whose total, grade or rank moved, so the change is visible beyond the appellant
    const moved = [...after.entries()]
      .filter(([key, standing]) => {
        const old = before.get(key);
        return (
          !old || old.total !== standing.total || old.grade !== standing.grade || old.rank !== standing.rank
        );
      })
      .map(([key, standing]) => ({ subjectKey: key, before: before.get(key) ?? null, after: standing }));
    const updated = await updateAppealRow(trx, appealId, {
      status: body.decision,
      decision: body.reasons,
      changes: JSON.stringify({ ...changes, moved }),
      before_result: JSON.stringify(before.get(appeal.subject_key) ?? null),
      after_result: JSON.stringify(after.get(appeal.subject_key) ?? null),
      decided_by: actor.id,
      decided_on: today,
    });
    await recordAudit(trx, actor, {
      action: 'assessment.appeal_decide',
      entityType: 'assessment_appeal',
      entityId: appealId,
      before: { status: 'pending', result: before.get(appeal.subject_key) ?? null },
      after: {
        status: body.decision,
        reasons: body.reasons,
        ...changes,
        moved,
        isLate: today > appeal.decide_by,
      },
    });
    return { ...presentAppeal(updated), isLate: today > appeal.decide_by };
  });
}
