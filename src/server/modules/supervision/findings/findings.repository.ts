/** SQL of misconduct findings about officers (supervision_finding, migration 0180). */
import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';

function findingsQuery(db: Db) {
  return db
    .selectFrom('supervision_finding')
    .leftJoin('supervision_decision', 'supervision_decision.id', 'supervision_finding.decision_id')
    .innerJoin('supervision_notice', (join) =>
      join.on(
        sql<boolean>`supervision_notice.id = coalesce(supervision_finding.notice_id, supervision_decision.notice_id)`,
      ),
    )
    .innerJoin('supervision_matter', 'supervision_matter.id', 'supervision_notice.matter_id')
    .innerJoin('org as owner_org', 'owner_org.id', 'supervision_matter.org_id')
    .innerJoin('officer', 'officer.id', 'supervision_finding.officer_id')
    .innerJoin('org as officer_org', 'officer_org.id', 'officer.org_id')
    .selectAll('supervision_finding')
    .select([
      'supervision_notice.number as notice_number',
      'supervision_decision.decision_number',
      'owner_org.path as owner_path',
      'officer.name as officer_name',
      'officer_org.name as officer_org_name',
      'officer_org.path as officer_path',
    ]);
}
export type FindingRow = Awaited<ReturnType<ReturnType<typeof findingsQuery>['executeTakeFirstOrThrow']>>;

export function findFindingById(db: Db, id: number) {
  return findingsQuery(db).where('supervision_finding.id', '=', id).executeTakeFirst();
}

/** The findings recorded on a notice or on a decision, oldest first. */
export function findFindingsOf(db: Db, on: { noticeId: number } | { decisionId: number }) {
  return findingsQuery(db)
    .where(
      'noticeId' in on ? 'supervision_finding.notice_id' : 'supervision_finding.decision_id',
      '=',
      'noticeId' in on ? on.noticeId : on.decisionId,
    )
    .orderBy('supervision_finding.id')
    .execute();
}

/** Findings in force about officers of the county (`countyPath` subtree), found between the dates. */
export function findFindingsInForce(db: Db, countyPath: string, from: string, to: string) {
  return findingsQuery(db)
    .where('officer_org.path', 'like', `${countyPath}%`)
    .where('supervision_finding.withdrawn_at', 'is', null)
    .where('supervision_finding.found_on', '>=', from)
    .where('supervision_finding.found_on', '<=', to)
    .orderBy('supervision_finding.found_on')
    .orderBy('supervision_finding.id')
    .execute();
}

/** One officer's findings in force, newest first. */
export function findFindingsOfOfficer(db: Db, officerId: number) {
  return findingsQuery(db)
    .where('supervision_finding.officer_id', '=', officerId)
    .where('supervision_finding.withdrawn_at', 'is', null)
    .orderBy('supervision_finding.found_on', 'desc')
    .orderBy('supervision_finding.id', 'desc')
    .execute();
}

export function insertFinding(
  trx: Db,
  values: {
    notice_id: number | null;
    decision_id: number | null;
    officer_id: number;
    kind: FindingRow['kind'];
    found_on: string;
    description: string;
    created_by: number;
  },
) {
  return trx.insertInto('supervision_finding').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Withdraws a finding still in force; undefined when it was already withdrawn. */
export function withdrawFindingRow(trx: Db, id: number, reason: string) {
  return trx
    .updateTable('supervision_finding')
    .set({ withdrawn_reason: reason, withdrawn_at: sql`now()` })
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}
