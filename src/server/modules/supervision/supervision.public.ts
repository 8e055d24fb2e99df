/**
 * The only functions other domains import from supervision (the import graph stays one-way).
 */
import { addCalendarDays } from '../../../common/calendar.ts';
import { todayInShanghai } from '../../../common/format.ts';
import {
  FINDING_KIND_COLUMNS,
  FINDING_KIND_LABELS,
  type FindingKind,
  NOTICE_REPORT_DAYS,
} from '../../../common/supervision.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../lib/access.ts';
import { decisionsOfCase } from './decisions/decisions.service.ts';
import {
  type FindingRow,
  findFindingsInForce,
  findFindingsOfOfficer,
} from './findings/findings.repository.ts';
import { createMatter } from './matters/matters.service.ts';
import { findNoticeStatesToUnit } from './notices/notices.repository.ts';
import { createNoticeDraft } from './notices/notices.service.ts';

/** What a failing review file brings to a notice (评查办法第十九条). */
export interface FailingReviewFile {
  /** the reviewed unit (agency or township) */
  unitOrgId: number;
  caseFileId: number;
  /** what the reviewers found, shown as the notice's facts */
  findingsText: string;
  /** the reviewers' reasons, shown as the notice's reasons */
  reviewerReasons: string;
  /** the campaign's name, for the matter's title */
  campaignTitle?: string;
}

/**
 * 评查办法第十九条: a failing file raises a draft supervision notice to its unit, under a new
 * 案卷评查 matter (source 案卷评查), with the file, the findings and the reviewers' reasons
 * prefilled; the supervisor reviews it and sends it for 签发 as any draft. `actor` must be a
 * supervisor of the county. Returns the matter and the draft notice ids.
 */
export async function createDraftNoticeFromReview(
  db: Db,
  actor: Actor,
  file: FailingReviewFile,
): Promise<{ matterId: number; noticeId: number }> {
  const today = todayInShanghai(new Date());
  const matter = await createMatter(db, actor, {
    kind: 'review',
    field: 'other',
    source: 'case_review',
    unitIds: [file.unitOrgId],
    title: `${file.campaignTitle ?? '行政执法案卷评查'}：不合格案卷整改`,
    description: file.findingsText,
    openedOn: today,
    dueOn: null,
  });
  const notice = await createNoticeDraft(db, actor, matter.id, {
    unitId: file.unitOrgId,
    caseFileId: file.caseFileId,
    facts: file.findingsText,
    reasons: file.reviewerReasons,
    legalBasis: '《博湖县行政执法案卷评查办法》第十九条；《博湖县行政执法协调监督工作办法》第十五条',
    requiredCorrection: '对不合格案卷所涉问题限期整改，并完善案卷制作',
    correctionDueOn: addCalendarDays(today, NOTICE_REPORT_DAYS),
  });
  return { matterId: matter.id, noticeId: notice.id };
}

/**
 * 第十五条: the county government's supervision decisions recorded on a case (确认违法, 撤销 …),
 * newest first, for the case's page. The caller has already checked the reader may read the case.
 */
export const supervisionDecisionsOfCase = decisionsOfCase;

/**
 * Supervision notices issued to the unit in the calendar year, and how many it has answered with an
 * accepted rectification (a unit's 依法行政档案, issue 20). Drafts and withdrawn notices do not count.
 */
export async function countNoticesToUnit(
  db: Db,
  unitOrgId: number,
  year: number,
): Promise<{ issued: number; accepted: number }> {
  const rows = await findNoticeStatesToUnit(db, unitOrgId, year);
  return { issued: rows.length, accepted: rows.filter((row) => row.state === 'accepted').length };
}

/** A misconduct finding in force about an officer (执法过错认定 … 国家赔偿追偿), as other domains read it. */
export interface MisconductFinding {
  id: number;
  officerId: number;
  /** the officer's unit path (the assessment finds the subject through it when needed) */
  orgPath: string;
  kind: FindingKind;
  kindLabel: string;
  /** seed 000 奖惩记录表's column the finding is entered under */
  column: string;
  foundOn: string;
  description: string;
  /** the notice's 博司监 number or the government's decision number the finding rests on */
  basisNumber: string;
}

function presentFinding(row: FindingRow): MisconductFinding {
  return {
    id: row.id,
    officerId: row.officer_id,
    orgPath: row.officer_path,
    kind: row.kind,
    kindLabel: FINDING_KIND_LABELS[row.kind],
    column: FINDING_KIND_COLUMNS[row.kind],
    foundOn: row.found_on,
    description: row.description,
    basisNumber: (row.decision_id !== null ? row.decision_number : row.notice_number) ?? '',
  };
}

/**
 * The findings in force about officers of the county found between `from` and `to` (inclusive),
 * for the assessment's proposals; withdrawn findings are left out.
 */
export async function findMisconductFindings(
  db: Db,
  countyPath: string,
  from: string,
  to: string,
): Promise<MisconductFinding[]> {
  return (await findFindingsInForce(db, countyPath, from, to)).map(presentFinding);
}

/** One officer's findings in force, newest first (the archive's 奖惩记录; the caller checked the reader). */
export async function findMisconductFindingsOfOfficer(
  db: Db,
  officerId: number,
): Promise<MisconductFinding[]> {
  return (await findFindingsOfOfficer(db, officerId)).map(presentFinding);
}
