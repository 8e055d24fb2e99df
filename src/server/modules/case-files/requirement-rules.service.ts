/** The admin-editable requirement rules: which catalogued kinds a file must hold, and when. */
import type { Db } from '../../db/database.ts';
import { type Actor, assertCan } from '../../lib/access.ts';
import { notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findRules, updateRuleRow } from './case-files.repository.ts';
import { CATALOGUE_BY_CODE, FILE_TRAITS } from './catalogue.ts';

const requiredWhenLabel = (value: string) =>
  value === 'always'
    ? '必备'
    : value === 'optional'
      ? '可选'
      : `${FILE_TRAITS[value as keyof typeof FILE_TRAITS] ?? value}时必备`;

export async function listRequirementRules(db: Db, actor: Actor) {
  assertCan(actor, 'case_file.read');
  return (await findRules(db)).map((rule) => {
    const entry = CATALOGUE_BY_CODE.get(rule.kind_code);
    return {
      kindCode: rule.kind_code,
      label: entry?.label ?? rule.kind_code,
      clause: entry?.clause ?? '',
      requiredWhen: rule.required_when,
      requiredWhenLabel: requiredWhenLabel(rule.required_when),
    };
  });
}

export async function updateRequirementRule(db: Db, actor: Actor, code: string, requiredWhen: string) {
  assertCan(actor, 'file_rule.write');
  await db.transaction().execute(async (trx) => {
    const before = (await findRules(trx)).find((rule) => rule.kind_code === code);
    if (!before) throw notFound('文书种类');
    await updateRuleRow(trx, code, requiredWhen, actor.id);
    await recordAudit(trx, actor, {
      action: 'file_rule.update',
      entityType: 'file_requirement_rule',
      entityId: code,
      orgId: null,
      before: before.required_when,
      after: requiredWhen,
    });
  });
  return (await listRequirementRules(db, actor)).find((rule) => rule.kindCode === code)!;
}
