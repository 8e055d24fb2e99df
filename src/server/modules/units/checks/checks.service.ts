/**
 * 年终考核和组织抽查 (seed 002 三(三)): 考核机关主要采取听取汇报，查阅相关文件、会议记录、行政执法案卷和其他
 * 资料，网上核查等方法…根据工作需要…进行抽查. The office records who checked, how and what it found; the
 * deductions it found become assessment records of the unit in the period (the records service
 * validates and audits each, exactly as a record typed on the period page).
 */
import { CHECK_KIND_LABELS, CHECK_METHOD_LABELS, type CheckMethod } from '../../../../common/units.ts';
import type { Db } from '../../../db/database.ts';
import type { Actor } from '../../../lib/access.ts';
import { forbidden, invalid } from '../../../lib/errors.ts';
import { findSubjectRows, getPeriodForActor } from '../../assessment/assessment.public.ts';
import {
  catalogueOfPeriod,
  checkRecordFields,
  createRecord,
} from '../../assessment/records/assessment-records.service.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { resolveUnitsActor } from '../units.policy.ts';
import { loadVisibleUnit } from '../units.service.ts';
import { findChecks, insertCheck, setCheckRecords } from './checks.repository.ts';
import type { CheckBody, CheckView } from './checks.schema.ts';

type CheckRow = Awaited<ReturnType<typeof findChecks>>[number];

function presentCheck(row: CheckRow): CheckView {
  const methods = row.methods as CheckMethod[];
  return {
    id: row.id,
    unitOrgId: row.unit_org_id,
    unitName: row.unit_name,
    year: row.year,
    kind: row.kind,
    kindLabel: CHECK_KIND_LABELS[row.kind],
    checkedOn: row.checked_on,
    checkers: row.checkers,
    methods,
    methodLabels: methods.map((method) => CHECK_METHOD_LABELS[method]),
    findings: row.findings,
    periodId: row.period_id,
    recordIds: row.record_ids,
    createdByName: row.created_by_name,
  };
}

/** The unit's checks of a year: the office, the leading group and the unit itself read them. */
export async function listChecks(db: Db, actor: Actor, orgId: number, year: number) {
  const ctx = await resolveUnitsActor(db, actor);
  const unit = await loadVisibleUnit(db, ctx, orgId);
  return { items: (await findChecks(db, { unitOrgId: unit.id, year })).map(presentCheck) };
}

/** Records a check; its deductions (if any) go into the period as the unit's records. */
export async function recordCheck(db: Db, actor: Actor, orgId: number, body: CheckBody): Promise<CheckView> {
  const ctx = await resolveUnitsActor(db, actor);
  const unit = await loadVisibleUnit(db, ctx, orgId);
  if (!ctx.isOffice) throw forbidden('年终考核和抽查由考核机关（领导小组办公室）记录');
  if (Number(body.checkedOn.slice(0, 4)) < body.year)
    throw invalid([{ field: 'checkedOn', message: `考核日期不能早于${body.year}年` }]);
  const deductions = body.deductions ?? [];
  if (deductions.length > 0 && !body.periodId)
    throw invalid([{ field: 'periodId', message: '记录扣分须选择考核周期' }]);
  const subjectKey = `org:${unit.id}`;
  if (body.periodId) {
    const period = await getPeriodForActor(db, actor, body.periodId);
    const [subject] = await findSubjectRows(db, period.id, [subjectKey]);
    if (!subject) throw invalid([{ field: 'periodId', message: `${unit.name}不是该考核周期的考核对象` }]);
    const catalogue = await catalogueOfPeriod(db, period);
    const problems = deductions.flatMap(
      (deduction, index) =>
        checkRecordFields(
          catalogue,
          period.period_key,
          { item: deduction.item, occurredOn: body.checkedOn },
          ['item'],
          `deductions.${index}.`,
        ).problems,
    );
    if (problems.length > 0) throw invalid(problems);
  }
  const { id } = await db.transaction().execute(async (trx) => {
    const inserted = await insertCheck(trx, {
      county_org_id: ctx.countyOrgId,
      unit_org_id: unit.id,
      year: body.year,
      kind: body.kind,
      checked_on: body.checkedOn,
      checkers: body.checkers,
      methods: body.methods,
      findings: body.findings,
      period_id: body.periodId ?? null,
      created_by: actor.id,
    });
    await recordAudit(trx, actor, {
      action: 'units.check_record',
      entityType: 'unit_check',
      entityId: inserted.id,
      orgId: unit.id,
      after: body,
    });
    return inserted;
  });
  // each deduction through the records service (its own validation, transaction and audit); the
  // period's date rule applies to the check day
  const recordIds: number[] = [];
  for (const deduction of deductions) {
    const record = await createRecord(db, actor, body.periodId!, {
      subjectKey,
      item: deduction.item,
      occurredOn: body.checkedOn,
      ...(deduction.count && { count: deduction.count }),
      note: `${CHECK_KIND_LABELS[body.kind]}（${body.checkedOn}）：${deduction.note ?? body.findings.slice(0, 200)}`,
    });
    recordIds.push(record.id);
  }
  if (recordIds.length > 0) await setCheckRecords(db, id, recordIds);
  return presentCheck((await findChecks(db, { id }))[0]!);
}

/** The items a check may deduct in a unit period (the office's form lists them). */
export async function listCheckItems(db: Db, actor: Actor, periodId: number) {
  const ctx = await resolveUnitsActor(db, actor);
  if (!ctx.isOffice) throw forbidden('年终考核和抽查由考核机关（领导小组办公室）记录');
  const period = await getPeriodForActor(db, actor, periodId);
  const catalogue = await catalogueOfPeriod(db, period);
  return {
    items: [...catalogue.items.values()]
      .filter((item) => item.kind === 'item')
      .map((item) => ({ id: item.id, label: item.label, clause: item.clause })),
  };
}
