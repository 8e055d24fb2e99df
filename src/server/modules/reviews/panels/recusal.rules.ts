/**
 * Recusal (回避, 评查办法第十条: 评查工作人员可能影响公正评查的，应当回避). Pure: every conflict between
 * one reviewer and one file, each with its reason in Chinese, computed before any assignment.
 */

import { addCalendarDays } from '../../../../common/calendar.ts';
import { formatChineseDate } from '../../../../common/format.ts';

export const CONFLICT_CODES = [
  'same_unit',
  'handled',
  'signed',
  'former_unit',
  'declared_party',
  'declared_org',
  'declared_case',
] as const;
export type ConflictCode = (typeof CONFLICT_CODES)[number];

export const CONFLICT_LABELS: Readonly<Record<ConflictCode, string>> = {
  same_unit: '本单位人员',
  handled: '承办本案',
  signed: '审核或批准本案',
  former_unit: '近年曾在被评查单位工作',
  declared_party: '与当事人有利害关系',
  declared_org: '申报的利害关系单位',
  declared_case: '申报回避本案',
};

/** Years after leaving a unit in which a reviewer still recuses from it (a campaign may change it). */
export const DEFAULT_FORMER_UNIT_YEARS = 3;

export interface RecusalReviewer {
  expertId: number;
  name: string;
  /** the path of the organisation the reviewer belongs to now; null = outside the org tree */
  orgPath: string | null;
  userId: number;
  /** officer profiles of the reviewer's account (handled cases are matched by them) */
  officerIds: readonly number[];
  /** units left, with the day left (earlier officer profiles, declared former units) */
  formerUnits: ReadonlyArray<{ orgPath: string; orgName: string; leftOn: string }>;
  declared: ReadonlyArray<{
    kind: 'party' | 'org' | 'case';
    partyName?: string | null;
    orgPath?: string | null;
    orgName?: string | null;
    caseId?: number | null;
    reason: string;
  }>;
}

export interface RecusalFile {
  fileId: number;
  caseId: number;
  caseNo: string;
  unitPath: string;
  unitName: string;
  handlerOfficerIds: readonly number[];
  /** accounts that signed the case's opinion, result or legal quality analysis */
  signerUserIds: readonly number[];
  partyNames: readonly string[];
}

export interface Conflict {
  fileId: number;
  expertId: number;
  code: ConflictCode;
  reason: string;
}

/** Every conflict of one reviewer with one file (empty = may review it). */
export function conflictsOf(
  reviewer: RecusalReviewer,
  file: RecusalFile,
  options: { today: string; formerUnitYears?: number },
): Conflict[] {
  const found: Conflict[] = [];
  const add = (code: ConflictCode, reason: string) =>
    found.push({ fileId: file.fileId, expertId: reviewer.expertId, code, reason });
  if (reviewer.orgPath?.startsWith(file.unitPath))
    add('same_unit', `${reviewer.name}属于被评查单位“${file.unitName}”`);
  if (reviewer.officerIds.some((id) => file.handlerOfficerIds.includes(id)))
    add('handled', `${reviewer.name}是案件${file.caseNo}的承办人`);
  if (file.signerUserIds.includes(reviewer.userId))
    add('signed', `${reviewer.name}签署过案件${file.caseNo}的办案意见、办案结果或法制审核意见`);
  const years = options.formerUnitYears ?? DEFAULT_FORMER_UNIT_YEARS;
  const since = addCalendarDays(options.today, -Math.round(years * 365.25));
  for (const former of reviewer.formerUnits)
    if (
      former.leftOn >= since &&
      (former.orgPath.startsWith(file.unitPath) || file.unitPath.startsWith(former.orgPath))
    )
      add(
        'former_unit',
        `${reviewer.name}于${formatChineseDate(former.leftOn)}离开“${former.orgName}”，未满 ${years} 年`,
      );
  for (const declared of reviewer.declared) {
    if (declared.kind === 'party' && declared.partyName && file.partyNames.includes(declared.partyName))
      add(
        'declared_party',
        `${reviewer.name}申报与当事人“${declared.partyName}”有利害关系：${declared.reason}`,
      );
    if (declared.kind === 'org' && declared.orgPath && file.unitPath.startsWith(declared.orgPath))
      add(
        'declared_org',
        `${reviewer.name}申报与“${declared.orgName ?? file.unitName}”有利害关系：${declared.reason}`,
      );
    if (declared.kind === 'case' && declared.caseId === file.caseId)
      add('declared_case', `${reviewer.name}申报回避案件${file.caseNo}：${declared.reason}`);
  }
  return found;
}

/** Every conflict of every reviewer with every file, in file then reviewer order. */
export function findConflicts(
  reviewers: readonly RecusalReviewer[],
  files: readonly RecusalFile[],
  options: { today: string; formerUnitYears?: number },
): Conflict[] {
  return files.flatMap((file) => reviewers.flatMap((reviewer) => conflictsOf(reviewer, file, options)));
}

/** The key of a reviewer–file pair, for sets of blocked pairs. */
export const pairKey = (fileId: number, expertId: number) => `${fileId}:${expertId}`;

/**
 * The pairs that block an assignment: those with a conflict not waived. A waiver (recorded by the
 * organiser with a reason) lifts one conflict code on one pair; the other codes still block.
 */
export function blockedPairs(
  conflicts: readonly Conflict[],
  waivers: ReadonlyArray<{ fileId: number; expertId: number; code: ConflictCode }>,
): Set<string> {
  const waived = new Set(
    waivers.map((waiver) => `${pairKey(waiver.fileId, waiver.expertId)}:${waiver.code}`),
  );
  return new Set(
    conflicts
      .filter((conflict) => !waived.has(`${pairKey(conflict.fileId, conflict.expertId)}:${conflict.code}`))
      .map((conflict) => pairKey(conflict.fileId, conflict.expertId)),
  );
}
