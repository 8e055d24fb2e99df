/**
 * The demo county's document registers (issue 13): the justice bureau's 博司监 (supervision
 * notices), 博司评 (review circulars), 博司协 (coordination opinions) and 博司发 (general), and the
 * assessment office's 博考办 (results circulars), each at number 1 of the seed's year.
 */
import type { Db } from '../db/database.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';

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
