/**
 * The requirement rules: which catalogued kinds a file must hold, and when. Each county (the root of
 * its organisation tree) has its own: the installation defaults (migration 0023) until the county's
 * admin changes a kind, and only that county's admin may.
 */
import type { Db } from '../../db/database.ts';
import { type Actor, assertCan } from '../../lib/access.ts';
import { notFound } from '../../lib/errors.ts';
import { countyIdOf } from '../assessment/assessment.access.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { CASE_KIND_LABELS } from '../cases/cases.policy.ts';
import { findOrgById } from '../org/org.repository.ts';
import {
  deleteCountyRule,
  findKindStandards,
  findRules,
  markFilesUnchecked,
  setKindStandard,
  upsertCountyRule,
} from './case-files.repository.ts';
import {
  CATALOGUE_BY_CODE,
  type CaseKind,
  decodeRequiredWhen,
  encodeRequiredWhen,
  FILE_TRAITS,
  type FileTrait,
  MAIN_CATALOGUE_FOR_KIND,
  type RequiredWhen,
  STANDARD_BINDS,
} from './catalogue.ts';

const traitLabel = (trait: string) => `“${FILE_TRAITS[trait as FileTrait] ?? trait}”`;

/** A stored rule in words: 必备, 可选, 举行听证时必备, 不含“不予受理”时必备 … */
export function requiredWhenLabel(stored: string): string {
  const rule = decodeRequiredWhen(stored);
  if (rule === 'always') return '必备';
  if (rule === 'optional') return '可选';
  if (typeof rule === 'string') return `${FILE_TRAITS[rule] ?? rule}时必备`;
  const parts = [
    rule.any?.length ? `有${rule.any.map(traitLabel).join('或')}之一` : '',
    rule.all?.length ? `同时有${rule.all.map(traitLabel).join('、')}` : '',
    rule.none?.length ? `没有${rule.none.map(traitLabel).join('、')}` : '',
  ].filter(Boolean);
  return `${parts.join('，且')}时必备`;
}

/** The county (root org id) the actor's account belongs to. */
async function actorCountyId(db: Db, actor: Actor): Promise<number> {
  const org = await findOrgById(db, actor.orgId);
  if (!org) throw notFound('单位');
  return countyIdOf(org.path);
}

/** The rules in force in the reader's county, each with the default and whether the county changed it. */
export async function listRequirementRules(db: Db, actor: Actor) {
  assertCan(actor, 'case_file.read');
  return presentRules(db, await actorCountyId(db, actor));
}

async function presentRules(db: Db, countyId: number) {
  return (await findRules(db, countyId)).map((rule) => {
    const entry = CATALOGUE_BY_CODE.get(rule.kind_code);
    return {
      kindCode: rule.kind_code,
      label: entry?.label ?? rule.kind_code,
      clause: entry?.clause ?? '',
      requiredWhen: decodeRequiredWhen(rule.required_when),
      requiredWhenLabel: requiredWhenLabel(rule.required_when),
      defaultRequiredWhen: decodeRequiredWhen(rule.default_required_when),
      defaultRequiredWhenLabel: requiredWhenLabel(rule.default_required_when),
      isOverridden: Boolean(rule.is_overridden),
    };
  });
}

/**
 * An admin sets when a kind is required in their own county (set back to the default, the county's
 * own rule is dropped). The county's files are checked again on their next read or listing. Audited.
 */
export async function updateRequirementRule(db: Db, actor: Actor, code: string, rule: RequiredWhen) {
  assertCan(actor, 'file_rule.write');
  const requiredWhen = encodeRequiredWhen(rule);
  const countyId = await actorCountyId(db, actor);
  await db.transaction().execute(async (trx) => {
    const before = (await findRules(trx, countyId)).find((rule) => rule.kind_code === code);
    if (!before) throw notFound('文书种类');
    if (requiredWhen === before.default_required_when) await deleteCountyRule(trx, countyId, code);
    else await upsertCountyRule(trx, countyId, code, requiredWhen, actor.id);
    await markFilesUnchecked(trx, { orgPath: `/${countyId}/` });
    await recordAudit(trx, actor, {
      action: 'file_rule.update',
      entityType: 'file_requirement_rule',
      entityId: code,
      orgId: countyId,
      before: before.required_when,
      after: requiredWhen,
    });
  });
  return (await presentRules(db, countyId)).find((rule) => rule.kindCode === code)!;
}

/** Whether the standard binds each case kind's files in a county: its own choice, else the default. */
export async function kindBindings(db: Db, countyId: number): Promise<Record<CaseKind, boolean>> {
  const bindings = { ...STANDARD_BINDS };
  for (const row of await findKindStandards(db, countyId)) {
    if (row.case_kind in bindings) bindings[row.case_kind as CaseKind] = row.is_binding;
  }
  return bindings;
}

async function presentKindStandards(db: Db, countyId: number) {
  const bindings = await kindBindings(db, countyId);
  return (Object.keys(STANDARD_BINDS) as CaseKind[]).map((kind) => ({
    caseKind: kind,
    label: CASE_KIND_LABELS[kind],
    catalogue: MAIN_CATALOGUE_FOR_KIND[kind],
    isBinding: bindings[kind],
    defaultIsBinding: STANDARD_BINDS[kind],
    // 第九条 binds licensing and penalty files (强制 documents are in its penalty list);
    // 第十八条: the other kinds 可以参照
    clause: STANDARD_BINDS[kind] ? '案卷制作规范第九条' : '案卷制作规范第十八条',
  }));
}

/** Per case kind: does the standard bind its files (findings fail the check) or only advise? */
export async function listKindStandards(db: Db, actor: Actor) {
  assertCan(actor, 'case_file.read');
  return presentKindStandards(db, await actorCountyId(db, actor));
}

/**
 * An admin decides for their county whether the standard binds a case kind's files (第十八条
 * kinds 参照 it: advisory by default). Set back to the default, the county's row is dropped.
 * The county's files are checked again on their next read. Audited.
 */
export async function updateKindStandard(db: Db, actor: Actor, kind: CaseKind, isBinding: boolean) {
  assertCan(actor, 'file_rule.write');
  const countyId = await actorCountyId(db, actor);
  await db.transaction().execute(async (trx) => {
    const before = (await kindBindings(trx, countyId))[kind];
    await setKindStandard(
      trx,
      countyId,
      kind,
      isBinding === STANDARD_BINDS[kind] ? null : isBinding,
      actor.id,
    );
    await markFilesUnchecked(trx, { orgPath: `/${countyId}/` });
    await recordAudit(trx, actor, {
      action: 'file_rule.kind_standard',
      entityType: 'file_kind_standard',
      entityId: kind,
      orgId: countyId,
      before: { isBinding: before },
      after: { isBinding },
    });
  });
  return (await presentKindStandards(db, countyId)).find((entry) => entry.caseKind === kind)!;
}
