/**
 * The cases domain's to-dos (workbench.types.ts): case records to write and hand in (seed 000 案件记录表
 * 填表说明1: within 30 days of closing, by the handlers) and quality analyses to give (填表说明4: by the
 * unit's legal unit, once the record is handed in).
 */

import { deadlineState } from '../../../common/calendar.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../lib/access.ts';
import type { TodoItem, TodoProvider } from '../workbench/workbench.types.ts';
import { RECORD_WARN_DAYS, recordDueOn } from './cases.policy.ts';
import { findOrgIdsUnder, findQualityToGive, findRecordsToWrite } from './cases.repository.ts';

/** A legal unit's list names at most this many analyses (oldest first); the cases list pages the rest. */
export const QUALITY_TODO_LIMIT = 200;

async function recordsToWrite(db: Db, actor: Actor, today: string): Promise<TodoItem[]> {
  // handlers write their records (getCaseForWrite: an officer the cases they handle)
  if (!actor.roles.includes('officer')) return [];
  const rows = await findRecordsToWrite(db, actor.id);
  return rows.map((row) => {
    const dueOn = recordDueOn(row.closed_on);
    return {
      key: `cases:case_record.write:${row.id}`,
      domain: 'cases',
      kind: 'case_record.write',
      title: `填写并报送案件记录表：${row.case_no}`,
      dueOn,
      deadlineState: deadlineState(dueOn, today, RECORD_WARN_DAYS),
      link: `/cases/${row.id}`,
      orgId: row.org_id,
    };
  });
}

async function qualityToGive(db: Db, actor: Actor): Promise<TodoItem[]> {
  if (!actor.roles.includes('legal_officer')) return [];
  const orgIds = await findOrgIdsUnder(db, actor.scopePaths);
  const rows = await findQualityToGive(db, orgIds, QUALITY_TODO_LIMIT);
  return rows.map((row) => ({
    key: `cases:case_quality.give:${row.id}`,
    domain: 'cases',
    kind: 'case_quality.give',
    title: `填写案件质量分析意见：${row.case_no}`,
    // seed 000 sets no deadline for the analysis
    dueOn: null,
    deadlineState: null,
    link: `/cases/${row.id}`,
    orgId: row.org_id,
  }));
}

export const casesTodos: TodoProvider = {
  domain: 'cases',
  async listTodos({ db, actor, today }) {
    const [records, quality] = await Promise.all([
      recordsToWrite(db, actor, today),
      qualityToGive(db, actor),
    ]);
    return [...records, ...quality];
  },
};
