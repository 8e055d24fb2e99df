/**
 * What other domains read from reviews (the import graph stays one-way): a unit's files under
 * review in a year, for its 依法行政档案 (issue 20, docs/units.md).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** The unit's files in the year's campaigns (removed ones left out), and how many have a submitted sheet. */
export async function countReviewFilesOfUnit(
  db: Db,
  unitOrgId: number,
  year: number,
): Promise<{ files: number; scored: number }> {
  const row = await db
    .selectFrom('review_file')
    .innerJoin('review_campaign', 'review_campaign.id', 'review_file.campaign_id')
    .select([
      sql<number>`count(*)::int`.as('files'),
      sql<number>`count(*) filter (where exists (select 1 from review_sheet where review_sheet.file_id = review_file.id and review_sheet.submitted_at is not null))::int`.as(
        'scored',
      ),
    ])
    .where('review_file.unit_org_id', '=', unitOrgId)
    .where('review_file.removed_at', 'is', null)
    .where('review_campaign.year', '=', year)
    .executeTakeFirstOrThrow();
  return { files: row.files, scored: row.scored };
}
