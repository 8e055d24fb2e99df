/**
 * Each live file's result (result.rules.ts) from its assignments, submitted sheets and upheld
 * objections: what the organiser's score list, publication, the unit's results, the reports and
 * reviews.public.ts all read, so they never disagree.
 */
import type { Db } from '../../../db/database.ts';
import { findAssignments } from '../assignments/assignments.repository.ts';
import { type CampaignRow, findReviewFiles } from '../campaigns/campaigns.repository.ts';
import { loadCriteria } from '../scoring/criteria.ts';
import { findSheetsOfFiles } from '../scoring/scoring.repository.ts';
import { findObjections } from './rechecks.repository.ts';
import { type FileResult, resultOf } from './result.rules.ts';

const toTenths = (value: number | string) => Math.round(Number(value) * 10);

export type CampaignFileResult = Awaited<ReturnType<typeof computeCampaignResults>>['files'][number];

/** Every live file of the campaign with its assignments, sheets, objections and result. */
export async function computeCampaignResults(
  db: Db,
  row: Pick<CampaignRow, 'id' | 'criteria_version_id' | 'divergence_threshold'>,
) {
  const { bands, criteria, version } = await loadCriteria(db, row.criteria_version_id);
  const files = await findReviewFiles(db, row.id, { liveOnly: true });
  const fileIds = files.map((file) => file.id);
  const [assignments, sheets, objections] = await Promise.all([
    findAssignments(db, row.id),
    findSheetsOfFiles(db, fileIds),
    findObjections(db, row.id),
  ]);
  const threshold = toTenths(row.divergence_threshold);
  return {
    bands,
    criteria,
    criteriaName: version.name,
    files: files.map((file) => {
      const own = assignments.filter((assignment) => assignment.file_id === file.id);
      const ownSheets = sheets.filter((sheet) => sheet.file_id === file.id);
      const submittedOf = (kind: 'initial' | 'recheck') =>
        ownSheets.filter(
          (sheet) =>
            sheet.submitted_at &&
            own.some((assignment) => assignment.id === sheet.assignment_id && assignment.kind === kind),
        );
      const initialSheets = submittedOf('initial');
      const recheckSheets = submittedOf('recheck');
      const fileObjections = objections.filter((objection) => objection.file_id === file.id);
      const upheld = fileObjections.filter((objection) => objection.state === 'upheld').at(-1);
      const result: FileResult = resultOf({
        initialTotals: initialSheets.map((sheet) => sheet.total_tenths),
        initialAssigned: own.filter((assignment) => assignment.kind === 'initial').length,
        recheckTotals: recheckSheets.map((sheet) => sheet.total_tenths),
        recheckAssigned: own.filter((assignment) => assignment.kind === 'recheck').length,
        objectionTenths: upheld?.changed_score_tenths ?? null,
        bands,
        divergenceThresholdTenths: threshold,
      });
      return {
        file,
        assignments: own,
        sheets: ownSheets,
        initialSheets,
        recheckSheets,
        objections: fileObjections,
        result,
      };
    }),
  };
}
