/**
 * 本人更正联系方式 (issue 19): an officer corrects the phone and e-mail of the profile linked to their
 * account. Only those fields: any other field is refused at its name, and no one else's profile
 * can be reached (there is no id to give). Audited like every profile change.
 */
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan } from '../../../lib/access.ts';
import { invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findOfficerById, findOfficerIdByUser, updateOfficerRow } from './officers.repository.ts';
import { OFFICER_SELF_FIELDS, type OfficerContactBody, type OfficerView } from './officers.schema.ts';
import { auditView, presentOfficer } from './officers.service.ts';

export async function updateOwnContact(db: Db, actor: Actor, body: OfficerContactBody): Promise<OfficerView> {
  assertCan(actor, 'officer.contact_self');
  const refused = Object.keys(body).filter(
    (field) => !(OFFICER_SELF_FIELDS as readonly string[]).includes(field),
  );
  if (refused.length > 0) {
    throw invalid(
      refused.map((field) => ({
        field,
        message: '本人只能更正联系电话和电子邮箱，其他档案信息请联系法制机构修改',
      })),
    );
  }
  const own = await findOfficerIdByUser(db, actor.id);
  if (!own) throw notFound('与本账号关联的执法人员档案');
  const updated = await db.transaction().execute(async (trx) => {
    const before = (await findOfficerById(trx, own.id))!;
    await updateOfficerRow(trx, own.id, {
      ...(body.phone !== undefined && { phone: body.phone }),
      ...(body.email !== undefined && { email: body.email }),
    });
    const after = (await findOfficerById(trx, own.id))!;
    await recordAudit(trx, actor, {
      action: 'officer.contact_update',
      entityType: 'officer',
      entityId: own.id,
      orgId: after.org_id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
  return presentOfficer(db, actor, updated);
}
