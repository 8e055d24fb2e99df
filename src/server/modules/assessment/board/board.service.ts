/**
 * 周期看板: where a period's work stands and who is late — records per item group and its
 * responsible section, self-assessments in and missing (seed 004 第三章第一条1: by the quarter's
 * last working day), each rater's sheet done or missing (第二章第二条), with names.
 */
import { todayInShanghai } from '../../../../common/format.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, can, scopeRootFor } from '../../../lib/access.ts';
import { forbidden } from '../../../lib/errors.ts';
import { findOrgsOnPaths } from '../../officers/archive/officers.repository.ts';
import { getPeriodForActor, isManager, type PeriodRow } from '../assessment.access.ts';
import { findGroupOwners } from '../periods/periods.repository.ts';
import { PROPOSAL_SOURCE_LABELS, type ProposalSource } from '../proposals/proposals.mapping.ts';
import { findUnmappedFacts } from '../proposals/proposals.repository.ts';
import { findNamedRaters } from '../raters/period-raters.repository.ts';
import { namedRatersOf } from '../raters/period-raters.service.ts';
import { catalogueOfPeriod, ownedGroups } from '../records/assessment-records.service.ts';
import type { SchemeCatalogue } from '../schemes/scheme-catalogue.ts';
import {
  countRatersByRole,
  countRatingsByRater,
  countRecordsByItem,
  countSelfAssessments,
  countSubjectsByOrgPath,
  findRaterAccounts,
  findSubjectsWithoutSelfAssessment,
} from './board.repository.ts';
import type { PeriodBoard } from './board.schema.ts';

/** How many subjects without a self-assessment the board names (the subject list pages the rest). */
export const BOARD_MISSING_LIMIT = 50;

const isTakingWork = (period: PeriodRow) => period.status === 'open' || period.status === 'computed';

async function groupProgress(
  db: Db,
  period: PeriodRow,
  catalogue: SchemeCatalogue,
  owned: Set<string> | null,
  counts: Awaited<ReturnType<typeof countRecordsByItem>>,
): Promise<PeriodBoard['groups']> {
  const owners = await findGroupOwners(db, period.id);
  const byGroup = new Map<
    string,
    { active: number; proposed: number; withdrawn: number; lastOn: string | null }
  >();
  for (const row of counts) {
    const group = catalogue.items.get(row.item)?.ownerGroup;
    if (!group) continue;
    const entry = byGroup.get(group) ?? { active: 0, proposed: 0, withdrawn: 0, lastOn: null };
    if (row.status === 'active') {
      entry.active += Number(row.records);
      if (row.last_on && (!entry.lastOn || row.last_on > entry.lastOn)) entry.lastOn = row.last_on;
    } else if (row.status === 'proposed') entry.proposed += Number(row.records);
    else entry.withdrawn += Number(row.records);
    byGroup.set(group, entry);
  }
  return catalogue.groups.map((group) => {
    const owner = owners.find((entry) => entry.group_id === group.id);
    const entry = byGroup.get(group.id) ?? { active: 0, proposed: 0, withdrawn: 0, lastOn: null };
    const orgId = owner?.org_id ?? null;
    return {
      id: group.id,
      label: group.label,
      assessor: group.assessor,
      orgId,
      orgName: owner?.org_name ?? null,
      scoring: group.scoring,
      isOwn: owned === null || owned.has(group.id),
      activeRecords: entry.active,
      proposedRecords: entry.proposed,
      withdrawnRecords: entry.withdrawn,
      lastRecordOn: entry.lastOn,
      // a section that owns a deduction group and has entered nothing while the period takes
      // records (bonuses are recorded only when earned; ratings come from the raters' sheets)
      isSilent:
        isTakingWork(period) &&
        orgId !== null &&
        entry.active === 0 &&
        entry.proposed === 0 &&
        (group.scoring === 'deduction' || group.scoring === 'other'),
    };
  });
}

async function selfAssessmentProgress(
  db: Db,
  period: PeriodRow,
  today: string,
): Promise<PeriodBoard['selfAssessments']> {
  const counts = await countSelfAssessments(db, period.id);
  const subjects = Number(counts.subjects);
  const submitted = Number(counts.submitted);
  const missing = await findSubjectsWithoutSelfAssessment(db, period.id, BOARD_MISSING_LIMIT);
  return {
    dueOn: period.self_due_on,
    isOverdue: period.self_due_on !== null && today > period.self_due_on,
    subjects,
    submitted,
    missing: subjects - submitted,
    missingSubjects: missing.map((row) => ({
      subjectKey: row.subject_key,
      name: row.name,
      orgName: row.org_name,
    })),
  };
}

/** Each rater's sheets done and missing (also the leaders' rating to-dos, assessment.todos.ts). */
export async function ratingProgress(
  db: Db,
  period: PeriodRow,
  catalogue: SchemeCatalogue,
): Promise<PeriodBoard['ratings']> {
  const items = [...catalogue.items.values()].filter((item) => item.kind === 'rating');
  if (items.length === 0) return null;
  const accounts = await findRaterAccounts(db, period.org_path, period.id);
  // named raters (第二章第二条) rate every subject of their items, leaders or not
  const named = await namedRatersOf(db, period.id);
  for (const row of await findNamedRaters(db, period.id)) {
    if (accounts.some((account) => account.id === row.user_id)) continue;
    accounts.push({
      id: row.user_id,
      display_name: row.display_name,
      roles: [],
      org_name: row.org_name,
      org_path: '',
    });
  }
  const totalSubjects = (await countSubjectsByOrgPath(db, period.id)).reduce(
    (sum, row) => sum + Number(row.subjects),
    0,
  );
  const counts = await countRatingsByRater(db, period.id);
  const subjectPaths = await countSubjectsByOrgPath(db, period.id);
  const orgs = new Map(
    (
      await findOrgsOnPaths(
        db,
        accounts.map((account) => account.org_path),
      )
    ).map((org) => [org.id, org]),
  );
  const raters = accounts
    .map((account) => {
      const ancestry = account.org_path
        .split('/')
        .filter(Boolean)
        .map((id) => orgs.get(Number(id)))
        .filter((org) => org !== undefined);
      const scope = account.roles.includes('leader') ? scopeRootFor('leader', ancestry) : null;
      const expected = scope
        ? subjectPaths
            .filter((row) => row.path.startsWith(scope))
            .reduce((sum, row) => sum + Number(row.subjects), 0)
        : 0;
      const own = counts.filter((row) => row.created_by === account.id);
      return {
        userId: account.id,
        name: account.display_name,
        orgName: account.org_name,
        roles: [...new Set(own.flatMap((row) => row.roles).filter((role) => role !== null))],
        sheets: items.map((item) => {
          const done = Number(own.find((row) => row.item === item.id)?.subjects ?? 0);
          const names = named.get(item.id);
          const due = names ? (names.has(account.id) ? totalSubjects : 0) : expected;
          return { item: item.id, label: item.label, done, missing: Math.max(0, due - done) };
        }),
      };
    })
    // a leader outside every subject's unit, who has not rated, is no rater of this period
    .filter((rater) => rater.sheets.some((sheet) => sheet.done + sheet.missing > 0));
  const roleCounts = await countRatersByRole(db, period.id);
  const byRole = items.flatMap((item) =>
    item.raters.map((role) => ({
      item: item.id,
      label: item.label,
      rater: role,
      raters: Number(roleCounts.find((row) => row.item === item.id && row.rater === role)?.raters ?? 0),
    })),
  );
  return {
    items: items.map((item) => ({ id: item.id, label: item.label, raters: item.raters })),
    raters,
    byRole,
  };
}

/**
 * The board of a period. The assessment office sees everything; a responsible section sees the
 * item groups (its own marked) and the self-assessments reported to it, not the raters' sheets.
 */
export async function getPeriodBoard(
  db: Db,
  actor: Actor,
  periodId: number,
  today = todayInShanghai(new Date()),
): Promise<PeriodBoard> {
  const period = await getPeriodForActor(db, actor, periodId);
  if (!isManager(actor, period) && !can(actor, 'assessment.record')) throw forbidden();
  const catalogue = await catalogueOfPeriod(db, period);
  const owned = isManager(actor, period) ? null : await ownedGroups(db, actor, period);
  const counts = await countRecordsByItem(db, period.id);
  const groups = await groupProgress(db, period, catalogue, owned, counts);
  // a section counts the records of its own groups; the office all of them
  const visible =
    owned === null
      ? counts
      : counts.filter((row) => {
          const group = catalogue.items.get(row.item)?.ownerGroup;
          return group !== null && group !== undefined && owned.has(group);
        });
  const total = (status: string) =>
    visible.filter((row) => row.status === status).reduce((sum, row) => sum + Number(row.records), 0);
  const selfAssessments = await selfAssessmentProgress(db, period, today);
  const ratings = isManager(actor, period) ? await ratingProgress(db, period, catalogue) : null;
  const isOpen = isTakingWork(period);
  const unmappedFacts = (await findUnmappedFacts(db, period.id)).map((fact) => ({
    source: fact.source,
    sourceLabel: PROPOSAL_SOURCE_LABELS[fact.source as ProposalSource] ?? fact.source,
    subjectKey: fact.subject_key,
    name: fact.name,
    occurredOn: fact.occurred_on,
    note: fact.note,
    evidence: { kind: fact.evidence_kind, id: fact.evidence_id },
  }));
  return {
    periodId: period.id,
    label: period.label,
    status: period.status,
    today,
    groups,
    records: { active: total('active'), proposed: total('proposed'), withdrawn: total('withdrawn') },
    selfAssessments,
    ratings,
    unmappedFacts,
    late: {
      proposals: isOpen ? total('proposed') : 0,
      selfAssessments: isOpen && selfAssessments.isOverdue ? selfAssessments.missingSubjects : [],
      selfAssessmentCount: isOpen && selfAssessments.isOverdue ? selfAssessments.missing : 0,
      raters: isOpen
        ? (ratings?.raters ?? [])
            .filter((rater) => rater.sheets.some((sheet) => sheet.missing > 0))
            .map((rater) => ({
              userId: rater.userId,
              name: rater.name,
              orgName: rater.orgName,
              missing: rater.sheets.reduce((sum, sheet) => sum + sheet.missing, 0),
            }))
        : [],
      groups: groups
        .filter((group) => group.isSilent)
        .map((group) => ({ id: group.id, label: group.label, orgName: group.orgName! })),
      unownedGroups: groups
        .filter((group) => group.orgId === null)
        .map((group) => ({ id: group.id, label: group.label, assessor: group.assessor })),
    },
  };
}
