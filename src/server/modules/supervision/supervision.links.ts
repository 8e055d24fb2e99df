/**
 * The records of other domains a supervision record links to (supervised units, cases, case files,
 * complaints), each resolved in the writer's scope: a foreign id is a NOT_FOUND naming the field,
 * the same as an id that does not exist, never a confirmation that it exists.
 */
import type { Db } from '../../db/database.ts';
import type { Org } from '../../db/schema.ts';
import { type Actor, isInScope } from '../../lib/access.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { caseUnitOn } from '../cases/cases.policy.ts';
import { findAncestry, findOrgById } from '../org/org.repository.ts';
import { SUPERVISED_UNIT_KINDS } from './supervision.policy.ts';
import {
  findCaseFileWithPath,
  findCaseWithPath,
  findComplaintWithPath,
  findOrgsByIds,
} from './supervision.repository.ts';

/** The county (tree root) id of an org path '/1/4/9/' → 1. */
/** 404 with the field it concerns, for an id that does not exist or lies outside the actor's scope. */
export function missingAt(field: string, message: string): AppError {
  return new AppError('NOT_FOUND', message, { fields: [{ field, message }] });
}

export function countyIdOf(path: string): number {
  return Number(path.split('/').filter(Boolean)[0]);
}

/** The actor's own organisation (for the county a record belongs to and the issuer of its number). */
export async function getActorOrg(db: Db, actor: Actor): Promise<Org> {
  const org = await findOrgById(db, actor.orgId);
  if (!org) throw new Error(`actor ${actor.id} has no organisation`);
  return org;
}

/** Supervisable units in the actor's scope, in the given order; a problem on `field` otherwise. */
export async function resolveUnits(
  db: Db,
  actor: Actor,
  unitIds: readonly number[],
  field = 'unitIds',
): Promise<Org[]> {
  const unique = [...new Set(unitIds)];
  const rows = await findOrgsByIds(db, unique);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return unique.map((id, index) => {
    const org = byId.get(id);
    if (!org || !isInScope(actor, org.path)) {
      throw missingAt(`${field}.${index}`, '被监督单位不存在或不在本县范围内');
    }
    if (!SUPERVISED_UNIT_KINDS.includes(org.kind) || !org.is_active) {
      throw invalid([
        { field: `${field}.${index}`, message: `“${org.name}”不是可监督的执法部门、乡镇或执法机构` },
      ]);
    }
    return org;
  });
}

export interface LinkedCase {
  id: number;
  caseNo: string;
  name: string;
  orgPath: string;
  /** the agency, township or bureau the case belongs to (cases.policy CASE_UNIT_KINDS) */
  unit: Org;
}

/** A case in the actor's scope with the unit it belongs to; a problem on `field` otherwise. */
export async function resolveCase(
  db: Db,
  actor: Actor,
  caseId: number,
  field = 'caseId',
): Promise<LinkedCase> {
  const row = await findCaseWithPath(db, caseId);
  if (!row || !isInScope(actor, row.path)) throw missingAt(field, '案件不存在或不在本县范围内');
  const orgs = await findAncestry(db, { path: row.path });
  const unit = caseUnitOn(row.path, new Map(orgs.map((org) => [org.id, org])));
  if (!unit) throw invalid([{ field, message: '案件不属于任何执法部门或乡镇' }]);
  return { id: row.id, caseNo: row.case_no, name: row.name, orgPath: row.path, unit };
}

/** A case file in the actor's scope (with its case); a problem on `field` otherwise. */
export async function resolveCaseFile(db: Db, actor: Actor, caseFileId: number, field = 'caseFileId') {
  const row = await findCaseFileWithPath(db, caseFileId);
  if (!row || !isInScope(actor, row.path)) throw missingAt(field, '案卷不存在或不在本县范围内');
  return { id: row.id, caseId: row.case_id };
}

/** A complaint in the actor's scope; a problem on `field` otherwise. */
export async function resolveComplaint(db: Db, actor: Actor, complaintId: number, field = 'complaintId') {
  const row = await findComplaintWithPath(db, complaintId);
  if (!row || !isInScope(actor, row.path)) {
    throw missingAt(field, '投诉举报不存在或不在本县范围内');
  }
  return { id: row.id };
}
