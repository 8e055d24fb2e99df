/**
 * Opening assessment periods: a scheme version, its subjects (officers of an agency, sections of a
 * bureau, townships and agencies of the county), the sections owning each item group, and the
 * self-assessment deadline on the statutory calendar.
 */
import { formatPeriodLabel, parsePeriodKey, todayInShanghai } from '../../../../common/format.ts';
import type { Db } from '../../../db/database.ts';
import type { AssessmentSubject } from '../../../db/schema.ts';
import { type Actor, assertCan, can } from '../../../lib/access.ts';
import { AppError, forbidden, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { loadWorkCalendar } from '../../calendar/calendar.service.ts';
import { findPendingAppealIds } from '../appeals/appeals.repository.ts';
import {
  assertManagesPeriod,
  assertNotFinalised,
  countyIdOf,
  findActorOrgPath,
  getPeriodForActor,
  isPeriodVisible,
  PERIOD_STATUS_LABELS,
  type PeriodRow,
} from '../assessment.access.ts';
import { finaliseRefusal } from '../results/finalise.rules.ts';
import { buildCatalogue } from '../schemes/scheme-catalogue.ts';
import { getVersionForActor, schemeOf } from '../schemes/schemes.service.ts';
import {
  DEFAULT_APPEAL_DAYS,
  DEFAULT_DECISION_DAYS,
  ORG_KINDS_BY_SUBJECT_KIND,
  selfAssessmentDue,
} from './periods.policy.ts';
import {
  findGroupOwners,
  findOfficersForSubjects,
  findOrgsByIds,
  findOrgsUnder,
  findPeriods,
  findSectionsByName,
  insertGroupOwner,
  insertPeriod,
  insertSubjects,
  type PeriodListRow,
  updateGroupOwner,
} from './periods.repository.ts';
import type { PeriodOpenBody, PeriodView } from './periods.schema.ts';

const PERIOD_KIND_LABELS = { month: '月度', quarter: '季度', half: '半年', year: '年度' } as const;

/** The id of the organisation at the end of a path ('/1/4/' → 4). */
const ownerIdOf = (path: string) => Number(path.split('/').filter(Boolean).at(-1));

export function presentPeriod(row: PeriodListRow): PeriodView {
  return {
    id: row.id,
    periodKey: row.period_key,
    label: row.label,
    status: row.status,
    statusLabel: PERIOD_STATUS_LABELS[row.status],
    schemeVersionId: row.scheme_version_id,
    schemeId: row.scheme_id,
    schemeName: row.scheme_name,
    versionNo: row.version_no,
    selfDueOn: row.self_due_on,
    publishedOn: row.published_on,
    appealClosesOn: row.appeal_closes_on,
    appealDays: row.appeal_days,
    decisionDays: row.decision_days,
    subjectCount: Number(row.subject_count ?? 0),
  };
}

/** Periods of the actor's county the actor may see (an agency's own: its staff and the bureau). */
export async function listPeriods(db: Db, actor: Actor): Promise<PeriodView[]> {
  assertCan(actor, 'assessment.read');
  const actorPath = await findActorOrgPath(db, actor);
  return (await findPeriods(db, `/${countyIdOf(actorPath)}/`))
    .filter((row) => isPeriodVisible(actor, actorPath, row.org_path))
    .map(presentPeriod);
}

/** A period with its item groups and owners, and why 定档 is refused on `today` if it is. */
export async function getPeriodView(db: Db, actor: Actor, id: number, today = todayInShanghai(new Date())) {
  assertCan(actor, 'assessment.read');
  const period = await getPeriodForActor(db, actor, id);
  const [row] = await findPeriods(db, period.org_path, id);
  const owners = await findGroupOwners(db, id);
  const version = await getVersionForActor(db, actor, period.scheme_version_id);
  const groups = buildCatalogue(schemeOf(version)).groups.map((group) => {
    const owner = owners.find((entry) => entry.group_id === group.id);
    return { ...group, orgId: owner?.org_id ?? null, orgName: owner?.org_name ?? null };
  });
  // why 定档 is not yet possible, for the button (null = it may be, or the period is not published)
  const refusal =
    period.status === 'published'
      ? finaliseRefusal(period.appeal_closes_on, await findPendingAppealIds(db, id), today)
      : null;
  return { ...presentPeriod(row!), groups, finaliseRefusal: refusal?.message ?? null };
}

async function resolveSubjects(
  db: Db,
  body: PeriodOpenBody,
  subjectKind: string,
  countyPath: string,
): Promise<Omit<AssessmentSubject, 'period_id'>[]> {
  let underPath: string | undefined;
  if (body.underOrgId !== undefined) {
    const [org] = await findOrgsByIds(db, [body.underOrgId]);
    if (!org?.path.startsWith(countyPath)) throw notFound('单位');
    underPath = org.path;
  }
  if (!body.subjectIds && !underPath) {
    throw invalid([{ field: 'subjectIds', message: '请选择考核对象或所属单位' }]);
  }
  if (subjectKind === 'officer') {
    const officers = await findOfficersForSubjects(db, {
      ...(body.subjectIds && { ids: body.subjectIds }),
      ...(underPath && { underPath }),
    });
    const foreign = officers.filter((officer) => !officer.path.startsWith(countyPath));
    const missing = (body.subjectIds ?? []).filter((id) => !officers.some((officer) => officer.id === id));
    if (missing.length > 0 || foreign.length > 0) {
      throw invalid([
        {
          field: 'subjectIds',
          message: `执法人员不存在或不属本县：${[...missing, ...foreign.map((o) => o.id)].join('、')}`,
        },
      ]);
    }
    return officers.map((officer) => ({
      subject_key: `officer:${officer.id}`,
      kind: 'officer' as const,
      officer_id: officer.id,
      org_id: officer.org_id,
      name: officer.name,
    }));
  }
  const allowedKinds = ORG_KINDS_BY_SUBJECT_KIND[subjectKind] ?? [];
  const orgs = body.subjectIds
    ? await findOrgsByIds(db, body.subjectIds)
    : (await findOrgsUnder(db, underPath!)).filter((org) => allowedKinds.includes(org.kind));
  const problems = (body.subjectIds ?? [])
    .map((id) => {
      const org = orgs.find((candidate) => candidate.id === id);
      if (!org?.path.startsWith(countyPath)) return `单位 ${id} 不存在或不属本县`;
      if (!allowedKinds.includes(org.kind)) return `${org.name}不是本方案的考核对象类型`;
      return null;
    })
    .filter((message) => message !== null);
  if (problems.length > 0) throw invalid(problems.map((message) => ({ field: 'subjectIds', message })));
  return orgs.map((org) => ({
    subject_key: `org:${org.id}`,
    kind: 'org' as const,
    officer_id: null,
    org_id: org.id,
    name: org.name,
  }));
}

/**
 * The organisation a new period belongs to: the county when the bureau opens it; the actor's own
 * agency when its legal unit or a leader does (平时考核制度第十条: 各行政执法单位组织实施，按照各自的干部
 * 管理权限) — subjects, sections and group owners then come from that agency's subtree only.
 */
async function periodOwnerPath(db: Db, actor: Actor): Promise<string> {
  const countyPath = `/${countyIdOf(await findActorOrgPath(db, actor))}/`;
  if (can(actor, 'assessment.manage')) return countyPath;
  const [unitPath] = actor.scopePaths;
  if (
    !can(actor, 'assessment.run_own') ||
    actor.scopePaths.length !== 1 ||
    !unitPath ||
    unitPath === countyPath
  ) {
    throw forbidden();
  }
  return unitPath;
}

/** Opens a period with a scheme version and its subjects (status 'open'). */
export async function openPeriod(db: Db, actor: Actor, body: PeriodOpenBody): Promise<PeriodView> {
  const countyPath = await periodOwnerPath(db, actor);
  const version = await getVersionForActor(db, actor, body.schemeVersionId);
  const scheme = schemeOf(version);
  const periodKey = parsePeriodKey(body.periodKey)!;
  if (periodKey.kind !== scheme.period) {
    throw invalid([
      {
        field: 'periodKey',
        message: `本方案按${PERIOD_KIND_LABELS[scheme.period]}考核，${formatPeriodLabel(body.periodKey)}不符`,
      },
    ]);
  }
  const subjects = await resolveSubjects(db, body, scheme.subjectKind, countyPath);
  if (subjects.length === 0) throw invalid([{ field: 'subjectIds', message: '没有符合条件的考核对象' }]);
  const groups = buildCatalogue(scheme).groups;
  const sections = await findSectionsByName(
    db,
    countyPath,
    groups.map((group) => group.assessor),
  );
  const preferredPath = body.underOrgId ? (await findOrgsByIds(db, [body.underOrgId]))[0]?.path : undefined;
  const ownerFor = (assessor: string) =>
    sections.find(
      (section) => section.name === assessor && preferredPath && section.path.startsWith(preferredPath),
    ) ?? sections.find((section) => section.name === assessor);
  const explicitOwners = body.groupOwners ?? {};
  const explicitIds = Object.values(explicitOwners).filter((id) => id !== null);
  const explicitOrgs = await findOrgsByIds(db, explicitIds);
  for (const [groupId, orgId] of Object.entries(explicitOwners)) {
    if (!groups.some((group) => group.id === groupId)) {
      throw invalid([{ field: `groupOwners.${groupId}`, message: `方案中没有考核项目组 ${groupId}` }]);
    }
    if (orgId !== null && !explicitOrgs.some((org) => org.id === orgId && org.path.startsWith(countyPath))) {
      throw invalid([{ field: `groupOwners.${groupId}`, message: `科室 ${orgId} 不存在或不属本县` }]);
    }
  }
  const calendar = await loadWorkCalendar(db);
  const selfDueOn = selfAssessmentDue(scheme, periodKey, calendar);
  const label = formatPeriodLabel(body.periodKey);
  return db.transaction().execute(async (trx) => {
    const period = await insertPeriod(trx, {
      org_id: ownerIdOf(countyPath),
      period_key: body.periodKey,
      label,
      scheme_version_id: version.id,
      self_due_on: selfDueOn,
      published_on: null,
      appeal_closes_on: null,
      appeal_days: body.appealDays ?? DEFAULT_APPEAL_DAYS,
      decision_days: body.decisionDays ?? DEFAULT_DECISION_DAYS,
      summary: null,
      computed_at: null,
      finalised_at: null,
      created_by: actor.id,
    });
    await insertSubjects(
      trx,
      subjects.map((subject) => ({ ...subject, period_id: period.id })),
    );
    for (const group of groups) {
      const orgId =
        group.id in explicitOwners
          ? (explicitOwners[group.id] ?? null)
          : (ownerFor(group.assessor)?.id ?? null);
      await insertGroupOwner(trx, {
        period_id: period.id,
        group_id: group.id,
        assessor_name: group.assessor,
        org_id: orgId,
      });
    }
    await recordAudit(trx, actor, {
      action: 'assessment.period_open',
      entityType: 'assessment_period',
      entityId: period.id,
      after: { periodKey: body.periodKey, schemeVersionId: version.id, subjects: subjects.length, selfDueOn },
    });
    const [row] = await findPeriods(trx, countyPath, period.id);
    return presentPeriod(row!);
  });
}

/** Changes which section owns an item group (before the period is finalised). */
export async function setGroupOwner(
  db: Db,
  actor: Actor,
  periodId: number,
  body: { groupId: string; orgId: number | null },
) {
  const period = await getPeriodForActor(db, actor, periodId);
  assertManagesPeriod(actor, period);
  assertNotFinalised(period);
  const owners = await findGroupOwners(db, periodId);
  const before = owners.find((owner) => owner.group_id === body.groupId);
  if (!before) throw notFound('考核项目组');
  if (body.orgId !== null) {
    const [org] = await findOrgsByIds(db, [body.orgId]);
    if (!org?.path.startsWith(period.org_path)) throw notFound('科室');
  }
  await db.transaction().execute(async (trx) => {
    await updateGroupOwner(trx, periodId, body.groupId, body.orgId);
    await recordAudit(trx, actor, {
      action: 'assessment.group_owner_set',
      entityType: 'assessment_period',
      entityId: periodId,
      before: { groupId: body.groupId, orgId: before.org_id },
      after: body,
    });
  });
  return getPeriodView(db, actor, periodId);
}

/** Throws unless the period is in one of the states. */
export function assertStatus(period: PeriodRow, allowed: readonly PeriodRow['status'][], action: string) {
  assertNotFinalised(period);
  if (!allowed.includes(period.status)) {
    throw new AppError(
      'CONFLICT',
      `${period.label}当前为「${PERIOD_STATUS_LABELS[period.status]}」，不能${action}`,
      { status: period.status },
    );
  }
}
