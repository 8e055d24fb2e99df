/**
 * Assessment documents (issue 6, Outputs → Documents): seed 000's 质量监督表 (per officer, quarterly),
 * 奖惩记录表 (per officer, half-year / year) and 汇总表 (per year) as XLSX and DOCX, and a period's
 * 考核结果通报 (DOCX). Access follows the results they print: the per-officer forms go to managers
 * and to the officer themself once the results are visible to them (getScorecard's rule); the 汇总表
 * lists everyone, so it is for managers; the circular goes to whoever may read the ranking. Every
 * download is audited as `assessment.document_export`.
 */
import { formatPeriodLabel, parsePeriodKey, todayInShanghai } from '../../../../common/format.ts';
import type { SubjectResult } from '../../../../engine/index.ts';
import type { Db } from '../../../db/database.ts';
import type { PeriodStatus } from '../../../db/schema.ts';
import type { Actor } from '../../../lib/access.ts';
import { AppError, invalid, notFound } from '../../../lib/errors.ts';
import { type FormModel, renderFormDocx } from '../../../lib/form.docx.ts';
import { renderFormXlsx } from '../../../lib/form.xlsx.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { periodRange } from '../../cases/records/officer-counts.ts';
import { findIssuedDocument, renderOfficialDocx } from '../../documents/documents.public.ts';
import { getOfficerForRead, loadUnitNames, presentOfficer } from '../../officers/archive/officers.service.ts';
import { DOCX_CONTENT_TYPE, XLSX_CONTENT_TYPE } from '../../officers/binary-body.ts';
import { assertManagesPeriod, getPeriodForActor, isManager, type PeriodRow } from '../assessment.access.ts';
import { findSubjectRows } from '../assessment.repository.ts';
import { findOrgsByIds, findPeriods } from '../periods/periods.repository.ts';
import { findResult, findResultSummaries } from '../results/results.repository.ts';
import { getRanking, getScorecard } from '../results/results.service.ts';
import { CIRCULAR_SOURCE } from '../results/results-circular.issue.ts';
import { getRollUp } from '../results/roll-up.service.ts';
import { findSchemeVersionById } from '../schemes/schemes.repository.ts';
import { schemeOf } from '../schemes/schemes.service.ts';
import { renderAnnualSummaryDocx } from './annual-summary.docx.ts';
import { buildAnnualSummary, type PartStanding } from './annual-summary.ts';
import { renderAnnualSummaryXlsx } from './annual-summary.xlsx.ts';
import {
  findCircularIssuer,
  findHandledCases,
  findOfficerCounts,
  findSchemePeriodsOfYear,
} from './assessment-documents.repository.ts';
import { buildQualitySupervisionForm } from './quality-supervision.form.ts';
import { buildResultsCircular } from './results-circular.ts';
import { buildRewardsPunishmentsRecord, rewardSpanOf } from './rewards-punishments.form.ts';

export type DocumentFormat = 'xlsx' | 'docx';
export const DOCUMENT_FORMATS = ['xlsx', 'docx'] as const satisfies readonly DocumentFormat[];

/** A generated file, ready to send. */
export interface DocumentFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

const CONTENT_TYPES: Record<DocumentFormat, string> = { xlsx: XLSX_CONTENT_TYPE, docx: DOCX_CONTENT_TYPE };

/** Which periods' results an actor may see: managers once computed, everyone else once published. */
const visibleStatuses = (actor: Actor, period: PeriodRow): PeriodStatus[] =>
  isManager(actor, period) ? ['computed', 'published', 'finalised'] : ['published', 'finalised'];

const renderForm = (model: FormModel, format: DocumentFormat) =>
  format === 'xlsx' ? renderFormXlsx(model) : renderFormDocx(model);

/** Records who took which document of which period (a download of personal results is a disclosure). */
async function auditExport(
  db: Db,
  actor: Actor,
  entry: { periodId: number; orgId: number; document: string; format: DocumentFormat; subjectKey?: string },
) {
  await recordAudit(db, actor, {
    action: 'assessment.document_export',
    entityType: 'assessment_period',
    entityId: entry.periodId,
    orgId: entry.orgId,
    after: {
      document: entry.document,
      format: entry.format,
      ...(entry.subjectKey && { subjectKey: entry.subjectKey }),
    },
  });
}

/** The period with its scheme (id, name and the version's file). */
async function loadPeriodScheme(db: Db, period: PeriodRow) {
  const [listRow] = await findPeriods(db, period.org_path, period.id);
  const version = await findSchemeVersionById(db, period.scheme_version_id);
  return { listRow: listRow!, scheme: schemeOf(version!) };
}

/**
 * The officer subject of a period as the per-officer forms need it. getScorecard decides access:
 * the county's period, a manager or the officer themself, results visible to the reader.
 */
async function loadOfficerSubject(db: Db, actor: Actor, periodId: number, subjectKey: string) {
  const scorecard = await getScorecard(db, actor, periodId, subjectKey);
  const [subject] = await findSubjectRows(db, periodId, [subjectKey]);
  if (subject?.kind !== 'officer' || subject.officer_id === null) {
    throw invalid([{ field: 'subjectKey', message: '质量监督表、奖惩记录表只适用于执法人员考核对象' }]);
  }
  const period = await getPeriodForActor(db, actor, periodId);
  const officerRow = await getOfficerForRead(db, actor, subject.officer_id);
  return {
    period,
    subject,
    result: scorecard.result as SubjectResult,
    officerRow,
    officer: await presentOfficer(db, actor, officerRow),
  };
}

/** 质量监督表 of one officer for a quarter period. */
export async function getQualitySupervisionForm(
  db: Db,
  actor: Actor,
  periodId: number,
  subjectKey: string,
  format: DocumentFormat,
  today = todayInShanghai(new Date()),
): Promise<DocumentFile> {
  const { period, subject, result, officerRow, officer } = await loadOfficerSubject(
    db,
    actor,
    periodId,
    subjectKey,
  );
  if (parsePeriodKey(period.period_key)?.kind !== 'quarter') {
    throw new AppError('CONFLICT', `质量监督表按季度填报，${period.label}不是季度考核`);
  }
  const range = periodRange(period.period_key)!;
  const cases = await findHandledCases(db, officerRow.id, range.from, range.to);
  const counts = await findOfficerCounts(db, { id: officerRow.id, orgPath: officerRow.org_path }, range);
  const [listRow] = await findPeriods(db, period.org_path, periodId);
  const model = buildQualitySupervisionForm({
    officer,
    periodLabel: period.label,
    filledOn: today,
    cases,
    counts,
    result: {
      total: result.total,
      grade: result.grade,
      rank: result.rank,
      subjectCount: Number(listRow?.subject_count ?? 0),
    },
  });
  const bytes = await renderForm(model, format);
  await auditExport(db, actor, {
    periodId,
    orgId: subject.org_id,
    document: 'quality_supervision',
    format,
    subjectKey,
  });
  return {
    fileName: `质量监督表-${officer.name}-${period.label}.${format}`,
    contentType: CONTENT_TYPES[format],
    bytes,
  };
}

/** Whether a period key lies inside a longer period's date range. */
function isInside(periodKey: string, range: { from: string; to: string }): boolean {
  const own = periodRange(periodKey);
  return own !== null && own.from >= range.from && own.to <= range.to;
}

const QUARTERS_IN = { half: 2, year: 4 } as const;

/**
 * Each subject's standing in the roll-up of `target` ('2025' or '2025-H1'), or null when the scheme
 * has no such roll-up or not every quarter of it has a result the actor may see yet: a year-end
 * grade from three quarters would be printed as final when it is not.
 */
async function rolledUpStandings(
  db: Db,
  actor: Actor,
  schemeId: string,
  target: string,
  kind: 'half' | 'year',
): Promise<Map<string, PartStanding> | null> {
  try {
    const rolled = await getRollUp(db, actor, { schemeId, target });
    if (rolled.periods.length < QUARTERS_IN[kind]) return null;
    const subjects = rolled.result.subjects as Array<{
      subject: string;
      grade: string | null;
      total: string;
    }>;
    return new Map(subjects.map((item) => [item.subject, { grade: item.grade, total: item.total }]));
  } catch (error) {
    // no roll-up rule for this period kind (CONFLICT) or no quarter to roll up (NOT_FOUND)
    if (error instanceof AppError && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND')) return null;
    throw error;
  }
}

/** '2025年第三季度：受到市级表彰（+2分）' for each bonus line of the subject's result. */
function bonusLines(periodKey: string, result: SubjectResult): string[] {
  return result.explanation
    .filter((line) => line.kind === 'bonus' && Number(line.points) > 0)
    .map((line) => {
      const times = line.count && line.count > 1 ? ` ${line.count} 次` : '';
      const points = line.points.startsWith('+') ? line.points : `+${line.points}`;
      return `${formatPeriodLabel(periodKey)}：${line.label}${times}（${points}分）`;
    });
}

/** 奖惩记录表 of one officer: the first half for Q1/Q2 periods, the whole year for Q3/Q4. */
export async function getRewardsPunishmentsRecord(
  db: Db,
  actor: Actor,
  periodId: number,
  subjectKey: string,
  format: DocumentFormat,
  today = todayInShanghai(new Date()),
): Promise<DocumentFile> {
  const { period, subject, result, officerRow, officer } = await loadOfficerSubject(
    db,
    actor,
    periodId,
    subjectKey,
  );
  const { listRow, scheme } = await loadPeriodScheme(db, period);
  const span = rewardSpanOf(period.period_key);
  const range = periodRange(span.key)!;
  const counts = await findOfficerCounts(db, { id: officerRow.id, orgPath: officerRow.org_path }, range);
  const parts = (
    await findSchemePeriodsOfYear(db, {
      countyId: period.org_id,
      schemeId: listRow.scheme_id,
      year: Number(span.key.slice(0, 4)),
      statuses: visibleStatuses(actor, period),
    })
  ).filter((part) => isInside(part.period_key, range));
  const rewards: string[] = [];
  for (const part of parts) {
    const row = await findResult(db, part.id, subjectKey);
    if (!row) continue;
    const stored = (typeof row.result === 'string' ? JSON.parse(row.result) : row.result) as SubjectResult;
    rewards.push(...bonusLines(part.period_key, stored));
  }
  const kind = span.isHalfYear ? 'half' : 'year';
  const rule = scheme.rollUps?.find((candidate) => candidate.period === kind);
  let grade: string | null = null;
  if (span.key === period.period_key) grade = result.grade;
  else if (rule) {
    const standings = await rolledUpStandings(db, actor, listRow.scheme_id, span.key, kind);
    grade = standings?.get(subjectKey)?.grade ?? null;
  }
  const gradeChoices = (
    span.key !== period.period_key && rule?.grades ? rule.grades : (scheme.grades ?? [])
  ).map((band) => band.grade);
  const spanLabel = formatPeriodLabel(span.key);
  const model = buildRewardsPunishmentsRecord({
    officer,
    spanLabel,
    isHalfYear: span.isHalfYear,
    filledOn: today,
    counts,
    rewards,
    grade,
    gradeChoices,
  });
  const bytes = await renderForm(model, format);
  await auditExport(db, actor, {
    periodId,
    orgId: subject.org_id,
    document: 'rewards_punishments',
    format,
    subjectKey,
  });
  return {
    fileName: `奖惩记录表-${officer.name}-${spanLabel}.${format}`,
    contentType: CONTENT_TYPES[format],
    bytes,
  };
}

/** Results of one period as subject → standing. */
async function standingsOf(db: Db, periodId: number): Promise<Map<string, PartStanding>> {
  const rows = await findResultSummaries(db, periodId);
  return new Map(rows.map((row) => [row.subject_key, { grade: row.grade, total: row.total }]));
}

/**
 * 汇总表 of the period's year and scheme: every subject of the year's quarters (under `orgId` when
 * given), the four quarterly standings and the year-end one (a year period, else the roll-up).
 */
export async function getAnnualSummary(
  db: Db,
  actor: Actor,
  periodId: number,
  format: DocumentFormat,
  query: { orgId?: number | undefined } = {},
  today = todayInShanghai(new Date()),
): Promise<DocumentFile> {
  const period = await getPeriodForActor(db, actor, periodId);
  assertManagesPeriod(actor, period);
  const { listRow, scheme } = await loadPeriodScheme(db, period);
  const [unit] = await findOrgsByIds(db, [query.orgId ?? period.org_id]);
  if (!unit?.path.startsWith(period.org_path)) throw notFound('单位');
  const year = parsePeriodKey(period.period_key)!.year;
  const periods = await findSchemePeriodsOfYear(db, {
    countyId: period.org_id,
    schemeId: listRow.scheme_id,
    year,
    statuses: visibleStatuses(actor, period),
  });
  // the newest period of each quarter (a county could reopen a quarter under a new version)
  const quarterIds = [1, 2, 3, 4].map(
    (quarter) => periods.findLast((part) => part.period_key === `${year}-Q${quarter}`)?.id ?? null,
  );
  const quarters = await Promise.all(quarterIds.map((id) => (id === null ? null : standingsOf(db, id))));
  const yearPeriod = periods.findLast((part) => part.period_key === String(year));
  const annual = yearPeriod
    ? await standingsOf(db, yearPeriod.id)
    : scheme.rollUps?.some((rule) => rule.period === 'year')
      ? await rolledUpStandings(db, actor, listRow.scheme_id, String(year), 'year')
      : null;
  const sourceIds = [...quarterIds, yearPeriod?.id ?? null].filter((id) => id !== null).reverse();
  const subjects = new Map<string, { key: string; name: string; path: string }>();
  for (const sourceId of sourceIds) {
    for (const row of await findSubjectRows(db, sourceId)) {
      if (!subjects.has(row.subject_key) && row.org_path.startsWith(unit.path)) {
        subjects.set(row.subject_key, { key: row.subject_key, name: row.name, path: row.org_path });
      }
    }
  }
  const ordered = [...subjects.values()].sort(
    (left, right) => left.path.localeCompare(right.path) || left.key.localeCompare(right.key),
  );
  const unitNameOf = await loadUnitNames(
    db,
    ordered.map((subject) => subject.path),
  );
  const model = buildAnnualSummary({
    unit: unit.name,
    year,
    filledOn: today,
    isOfficers: scheme.subjectKind === 'officer',
    subjects: ordered.map((subject) => ({
      key: subject.key,
      name: subject.name,
      unit: unitNameOf(subject.path),
    })),
    quarters,
    annual,
  });
  const bytes =
    format === 'xlsx' ? await renderAnnualSummaryXlsx(model) : await renderAnnualSummaryDocx(model);
  await auditExport(db, actor, { periodId, orgId: unit.id, document: 'annual_summary', format });
  return {
    fileName: `执法业绩考评汇总表-${unit.name}-${year}年度.${format}`,
    contentType: CONTENT_TYPES[format],
    bytes,
  };
}

/** A scheme number that may name a parameter ('$commendShare'), as the period computed it. */
function resolveNumber(
  value: number | string,
  params: Record<string, string>,
  defaults: Record<string, { default: number | string }> | undefined,
): string {
  if (typeof value === 'string' && value.startsWith('$')) {
    const name = value.slice(1);
    return String(params[name] ?? defaults?.[name]?.default ?? '');
  }
  return String(value);
}

/** 考核结果通报 of a period (DOCX), for whoever may read its ranking. */
export async function getResultsCircular(
  db: Db,
  actor: Actor,
  periodId: number,
  today = todayInShanghai(new Date()),
): Promise<DocumentFile> {
  const ranking = await getRanking(db, actor, periodId);
  const period = await getPeriodForActor(db, actor, periodId);
  const { listRow, scheme } = await loadPeriodScheme(db, period);
  const summary = (typeof period.summary === 'string' ? JSON.parse(period.summary) : period.summary) as {
    params?: Record<string, string>;
  } | null;
  const params = summary?.params ?? {};
  const issuer = await findCircularIssuer(db, period.org_path);
  const commend = scheme.ranking?.commend;
  const bar = scheme.ranking?.bar;
  // once signed, the register's number, signer and date (GB/T 9704 7.2.4); before, a blank number
  const issued = await findIssuedDocument(db, { ...CIRCULAR_SOURCE, recordId: periodId });
  const model = buildResultsCircular({
    periodLabel: period.label,
    status: ranking.status as 'computed' | 'published' | 'finalised',
    publishedOn: period.published_on,
    schemeName: listRow.scheme_name,
    isOfficers: scheme.subjectKind === 'officer',
    grades: (scheme.grades ?? []).map((band) => band.grade),
    items: ranking.items.map((item) => ({
      name: item.name,
      total: item.total,
      grade: item.grade,
      rank: item.rank,
      flags: {
        isCommended: item.flags?.isCommended ?? false,
        isBarred: item.flags?.isBarred ?? false,
        isVetoed: item.flags?.isVetoed ?? false,
      },
    })),
    commend: commend
      ? { share: resolveNumber(commend.share, params, scheme.params), clause: commend.clause }
      : null,
    bar: bar ? { last: bar.last, clause: bar.clause } : null,
    issuer: issuer?.name ?? '',
    docPrefix: issuer?.docPrefix ?? null,
    number: issued?.number ?? null,
    signer: issued?.signedBy ?? null,
    isWithdrawn: issued?.status === 'withdrawn',
    issuedOn: issued?.issuedOn ?? today,
  });
  const bytes = await renderOfficialDocx(model);
  await auditExport(db, actor, {
    periodId,
    orgId: period.org_id,
    document: 'results_circular',
    format: 'docx',
  });
  return { fileName: `考核结果通报-${period.label}.docx`, contentType: DOCX_CONTENT_TYPE, bytes };
}
