/**
 * An agency's enforcement duties as data (行政执法数据年报, issue 17): which kinds of enforcement it
 * holds (许可, 处罚, 强制, 检查, 征收 …: the case kinds). Read by anyone who may read the org; set by
 * the admin (org.write), audited.
 */
import { z } from 'zod';
import { zIdParam } from '../../../common/validation-zod.ts';
import type { Db } from '../../db/database.ts';
import type { CaseKind } from '../../db/schema.ts';
import { type Actor, assertCan } from '../../lib/access.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { CASE_KINDS } from '../cases/cases.policy.ts';
import { getOrgInScope } from './org.service.ts';
import { findDutiesOf, replaceDuties } from './org-duties.repository.ts';

export const OrgDutiesParams = z.object({ id: zIdParam('机构编号无效') });
export const OrgDutiesBody = z.object({
  caseKinds: z
    .array(z.enum(CASE_KINDS, { error: '执法职责无效' }), { error: '执法职责应为列表' })
    .max(CASE_KINDS.length, '执法职责重复')
    .refine((kinds) => new Set(kinds).size === kinds.length, '执法职责重复'),
});
export type OrgDutiesBody = z.infer<typeof OrgDutiesBody>;
export const OrgDutiesView = z.object({ orgId: z.number(), caseKinds: z.array(z.enum(CASE_KINDS)) });
export type OrgDutiesView = z.infer<typeof OrgDutiesView>;

/** The organisation's duties (it must be in the actor's scope). */
export async function getOrgDuties(db: Db, actor: Actor, orgId: number): Promise<OrgDutiesView> {
  assertCan(actor, 'org.read');
  await getOrgInScope(db, actor, orgId);
  return { orgId, caseKinds: (await findDutiesOf(db, [orgId])).get(orgId) ?? [] };
}

/** Sets the organisation's duties (admin), audited as `org.duties`. */
export async function setOrgDuties(
  db: Db,
  actor: Actor,
  orgId: number,
  body: OrgDutiesBody,
): Promise<OrgDutiesView> {
  assertCan(actor, 'org.write');
  await getOrgInScope(db, actor, orgId);
  const caseKinds = [...body.caseKinds].sort() as CaseKind[];
  return db.transaction().execute(async (trx) => {
    const before = (await findDutiesOf(trx, [orgId])).get(orgId) ?? [];
    await replaceDuties(trx, orgId, caseKinds);
    await recordAudit(trx, actor, {
      action: 'org.duties',
      entityType: 'org',
      entityId: orgId,
      orgId,
      before: { caseKinds: before },
      after: { caseKinds },
    });
    return { orgId, caseKinds };
  });
}

/** For other domains (the annual report): the duties of these organisations, by org id. */
export const dutiesOfOrgs = findDutiesOf;
