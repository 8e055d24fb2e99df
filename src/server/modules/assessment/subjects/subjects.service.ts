/**
 * A period's subjects as people and offices see them: the paged list (names, organisation, whether
 * the self-assessment is in, the result once visible), the subject the signed-in account speaks
 * for ("my subject") with its provisional score, and a readable self-assessment.
 */
import { evaluate, parsePeriod, type SubjectFlags } from '../../../../engine/index.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan, can } from '../../../lib/access.ts';
import { AppError, invalid, notFound } from '../../../lib/errors.ts';
import { loadUnitNames } from '../../officers/archive/officers.service.ts';
import {
  areResultsVisible,
  findActorOrgPath,
  getPeriodForActor,
  isManager,
  isOwnSubject,
  ownSubjectOf,
  seesEverySubject,
} from '../assessment.access.ts';
import { findSubjectRows } from '../assessment.repository.ts';
import { findOrgsByIds } from '../periods/periods.repository.ts';
import { catalogueOfPeriod } from '../records/assessment-records.service.ts';
import { parseSelfItems, selfRecordsOf } from '../records/engine-input.ts';
import { evaluateProvisional } from '../records/self-assessments.service.ts';
import { findResult } from '../results/results.repository.ts';
import { toEnginePeriod } from '../schemes/scheme-catalogue.ts';
import { findSchemeVersionById } from '../schemes/schemes.repository.ts';
import { schemeOf } from '../schemes/schemes.service.ts';
import { findOwnSubjects, findSelfAssessment, findSubjectPage } from './subjects.repository.ts';
import type { SubjectListItem, SubjectListQuery } from './subjects.schema.ts';

/**
 * Subjects of a period, paged, with keyword, organisation, grade and self-assessment filters.
 * Those who work on every subject (managers, assessors, raters) see all; anyone else only the
 * subjects they speak for (an officer: their own).
 */
export async function listSubjects(db: Db, actor: Actor, periodId: number, query: SubjectListQuery) {
  assertCan(actor, 'assessment.read');
  const period = await getPeriodForActor(db, actor, periodId);
  const hasResults = areResultsVisible(actor, period);
  if (query.grade && !hasResults) {
    throw invalid([{ field: 'grade', message: `${period.label}考核结果尚未公示，不能按等次筛选` }]);
  }
  let orgPath: string | undefined;
  if (query.orgId !== undefined) {
    const [org] = await findOrgsByIds(db, [query.orgId]);
    if (!org?.path.startsWith(period.org_path)) {
      throw invalid([{ field: 'orgId', message: '所选单位不存在或不属本县' }]);
    }
    orgPath = org.path;
  }
  const actorPath = await findActorOrgPath(db, actor);
  const { rows, total } = await findSubjectPage(db, {
    periodId,
    page: query.page,
    pageSize: query.pageSize,
    keyword: query.keyword,
    orgPath,
    grade: query.grade,
    isSelfSubmitted: query.selfSubmitted,
    ownOf: seesEverySubject(actor, period) ? undefined : ownSubjectOf(actor, actorPath),
    withResults: hasResults,
  });
  const unitName = await loadUnitNames(
    db,
    rows.map((row) => row.org_path),
  );
  const items: SubjectListItem[] = rows.map((row) => ({
    id: row.subject_key,
    subjectKey: row.subject_key,
    kind: row.kind,
    name: row.name,
    orgId: row.org_id,
    orgName: row.org_name,
    unitName: unitName(row.org_path),
    selfSubmittedOn: row.submitted_on,
    result:
      hasResults && row.total !== null
        ? {
            total: row.total,
            grade: row.grade,
            rank: row.rank!,
            flags: (typeof row.flags === 'string' ? JSON.parse(row.flags) : row.flags) as SubjectFlags,
          }
        : null,
  }));
  return { items, total, page: query.page, pageSize: query.pageSize, hasResults };
}

/**
 * The subject the signed-in account speaks for in a period (its officer profile, else the deepest
 * organisation subject containing its organisation), with the self-assessment and the score it
 * may see: the stored result once visible, else the live provisional one. `subject: null` when
 * the account is not assessed in this period.
 */
export async function getMySubject(db: Db, actor: Actor, periodId: number) {
  assertCan(actor, 'assessment.read');
  const period = await getPeriodForActor(db, actor, periodId);
  const [own] = await findOwnSubjects(db, periodId, actor.id, await findActorOrgPath(db, actor));
  if (!own) return { subject: null, selfAssessment: null, provisional: null, result: null };
  const subject = { subjectKey: own.subject_key, kind: own.kind, name: own.name, orgName: own.org_name };
  const selfAssessment = await presentSelfAssessment(db, period, own);
  if (areResultsVisible(actor, period)) {
    const stored = await findResult(db, periodId, own.subject_key);
    return {
      subject,
      selfAssessment,
      provisional: null,
      result: stored ? { total: stored.total, grade: stored.grade, rank: stored.rank } : null,
    };
  }
  const provisional = await evaluateProvisional(db, period, own.subject_key);
  return { subject, selfAssessment, provisional, result: null };
}

type PeriodForView = Awaited<ReturnType<typeof getPeriodForActor>>;

/** A self-assessment in words: each line with its item's label, clause and section; the self score. */
async function presentSelfAssessment(
  db: Db,
  period: PeriodForView,
  subject: { subject_key: string; name: string },
) {
  const row = await findSelfAssessment(db, period.id, subject.subject_key);
  const base = {
    subjectKey: subject.subject_key,
    name: subject.name,
    dueOn: period.self_due_on,
  };
  if (!row) {
    return {
      ...base,
      isSubmitted: false,
      submittedOn: null,
      submittedByName: null,
      note: null,
      items: [],
      selfTotal: null,
    };
  }
  const catalogue = await catalogueOfPeriod(db, period);
  const items = parseSelfItems(row.items);
  const version = await findSchemeVersionById(db, period.scheme_version_id);
  const enginePeriod = toEnginePeriod(period.period_key);
  // the self score alone: this subject with its own claims (quotas and ranks play no part)
  const scored = evaluate(schemeOf(version!), {
    period: enginePeriod,
    subjects: [{ id: subject.subject_key, name: subject.name }],
    records: selfRecordsOf(subject.subject_key, items, parsePeriod(enginePeriod)?.end ?? ''),
  });
  return {
    ...base,
    isSubmitted: true,
    submittedOn: row.submitted_on,
    submittedByName: row.submitted_by_name,
    note: row.note,
    items: items.map((entry) => {
      const item = catalogue.items.get(entry.item);
      return {
        item: entry.item,
        label: item?.label ?? entry.item,
        clause: item?.clause ?? null,
        assessor: item?.assessor ?? null,
        count: entry.count ?? 1,
        level: entry.level ?? null,
        value: entry.value ?? null,
        note: entry.note ?? null,
      };
    }),
    selfTotal: scored.subjects[0]?.selfTotal ?? null,
  };
}

/**
 * A subject's self-assessment, readable: by the subject itself, the assessment office and the
 * responsible sections it is reported to (seed 004 第三章第一条1: 报职能考核科室).
 */
export async function getSelfAssessmentView(db: Db, actor: Actor, periodId: number, subjectKey: string) {
  assertCan(actor, 'assessment.read');
  const period = await getPeriodForActor(db, actor, periodId);
  const [subject] = await findSubjectRows(db, periodId, [subjectKey]);
  if (!subject) throw notFound('考核对象');
  const mayRead =
    isManager(actor, period) ||
    can(actor, 'assessment.record') ||
    isOwnSubject(actor, await findActorOrgPath(db, actor), subject);
  if (!mayRead) throw new AppError('FORBIDDEN', '只能查看本人或本单位（科室）的自查自评');
  return presentSelfAssessment(db, period, subject);
}
