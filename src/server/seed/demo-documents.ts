/**
 * The demo county's document registers (issue 13): the justice bureau's 博司监 (supervision
 * notices), 博司评 (review circulars), 博司协 (coordination opinions) and 博司发 (general), and the
 * assessment office's 博考办 (results circulars), each at number 1 of the seed's year; and a
 * results circular waiting for the leader's 签发 after one return.
 */
import type { Db } from '../db/database.ts';
import { actorOfAccount } from '../modules/assessment/account-actor.ts';
import { requestCircularSignOff } from '../modules/assessment/results/results-circular.issue.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { returnSignOff } from '../modules/documents/sign-offs/sign-offs.service.ts';

export const DEMO_REGISTERS: Array<{ orgKey: string; code: string; name: string; prefix: string }> = [
  { orgKey: 'bureau', code: 'supervision', name: '监督通知书、决定书', prefix: '博司监' },
  { orgKey: 'bureau', code: 'review', name: '案卷评查通报', prefix: '博司评' },
  { orgKey: 'bureau', code: 'coordination', name: '协调意见书', prefix: '博司协' },
  { orgKey: 'bureau', code: 'general', name: '综合发文', prefix: '博司发' },
  { orgKey: 'leading', code: 'assessment', name: '考核结果通报', prefix: '博考办' },
];

export async function seedDemoDocuments(trx: Db, idsByKey: ReadonlyMap<string, number>): Promise<void> {
  for (const register of DEMO_REGISTERS) {
    const orgId = idsByKey.get(register.orgKey)!;
    const { id } = await trx
      .insertInto('document_register')
      .values({ org_id: orgId, code: register.code, name: register.name, prefix: register.prefix })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, null, {
      action: 'document_register.create',
      entityType: 'document_register',
      entityId: id,
      orgId,
      after: register,
    });
  }
}

/**
 * The published demo period's results circular, asked for 签发, returned once by the bureau's
 * leader with a comment and asked again: 局长 juzhang logs in to one document waiting for him.
 */
export async function seedDemoSignOffs(db: Db): Promise<void> {
  const published = await db
    .selectFrom('assessment_period')
    .select('id')
    .where('status', '=', 'published')
    .orderBy('id')
    .executeTakeFirst();
  if (!published) return;
  const supervisor = await actorOfAccount(db, 'supervisor');
  const leader = await actorOfAccount(db, 'juzhang');
  const asked = await requestCircularSignOff(db, supervisor, published.id, {});
  await returnSignOff(db, leader, asked.signOffs[0]!.id, { comment: '请核对申诉复核情况后再提请签发' });
  await requestCircularSignOff(db, supervisor, published.id, {});
}
