/**
 * The 执法业绩考评汇总表's submission (seed 000 填表说明): each unit with officers hands last year's
 * table in by 元月15日, one copy each to 依法治市领导小组办公室 and 依法行政领导小组办公室 (the third stays
 * with the unit). The unit (its legal officer or justice office) or the office records each copy as it
 * goes; the to-do and the warning (units.todos.ts) follow what is still out.
 */
import { DEADLINE_STATE_LABELS } from '../../../../common/calendar.ts';
import { formatChineseDate, todayInShanghai } from '../../../../common/format.ts';
import {
  SUMMARY_RECIPIENT_LABELS,
  SUMMARY_RECIPIENTS,
  type SummaryRecipient,
} from '../../../../common/units.ts';
import type { Db } from '../../../db/database.ts';
import type { Actor } from '../../../lib/access.ts';
import { forbidden, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { isOwnUnit, resolveUnitsActor, type UnitsActor } from '../units.policy.ts';
import {
  findOwingUnits,
  findSummaryCopies,
  insertSummaryCopy,
  type OwingUnitRow,
} from './summary.repository.ts';
import { isLateCopy, summaryDueOn, summaryEarliestOn, summaryState } from './summary.rules.ts';
import type { SummaryCopyBody, SummaryList, SummaryUnitView } from './summary.schema.ts';

type CopyRow = Awaited<ReturnType<typeof findSummaryCopies>>[number];

/** Whether the account records copies for the unit: the unit itself, or the office. */
const canRecordFor = (ctx: UnitsActor, unit: OwingUnitRow) => ctx.isOffice || isOwnUnit(ctx, unit.path);

function presentUnit(
  ctx: UnitsActor,
  unit: OwingUnitRow,
  year: number,
  copies: readonly CopyRow[],
  today: string,
): SummaryUnitView {
  const byRecipient = new Map(copies.map((copy) => [copy.recipient, copy]));
  const state = summaryState(year, new Set(byRecipient.keys()), today);
  const anyLate = copies.some((copy) => isLateCopy(year, copy.submitted_on));
  return {
    orgId: unit.id,
    name: unit.name,
    copies: SUMMARY_RECIPIENTS.map((recipient) => {
      const copy = byRecipient.get(recipient);
      return {
        recipient,
        recipientLabel: SUMMARY_RECIPIENT_LABELS[recipient],
        submittedOn: copy?.submitted_on ?? null,
        submittedByName: copy?.submitted_by_name ?? null,
        note: copy?.note ?? null,
        isLate: copy ? isLateCopy(year, copy.submitted_on) : false,
      };
    }),
    state,
    stateLabel: state === 'done' ? (anyLate ? '已报送（逾期）' : '已报送') : DEADLINE_STATE_LABELS[state],
    canRecord: state !== 'done' && canRecordFor(ctx, unit),
  };
}

/** The year's table, unit by unit: which copies are in, and which are still out. */
export async function listSummarySubmissions(
  db: Db,
  actor: Actor,
  year: number,
  today = todayInShanghai(new Date()),
): Promise<SummaryList> {
  const ctx = await resolveUnitsActor(db, actor);
  const units = await findOwingUnits(db, ctx.readPaths);
  const copies = await findSummaryCopies(
    db,
    units.map((unit) => unit.id),
    year,
  );
  const items = units.map((unit) =>
    presentUnit(
      ctx,
      unit,
      year,
      copies.filter((copy) => copy.unit_org_id === unit.id),
      today,
    ),
  );
  return {
    year,
    dueOn: summaryDueOn(year),
    items,
    doneCount: items.filter((item) => item.state === 'done').length,
  };
}

/** Records one copy handed in (报送) to one of the two offices; each copy once. */
export async function recordSummaryCopy(
  db: Db,
  actor: Actor,
  orgId: number,
  body: SummaryCopyBody,
  today = todayInShanghai(new Date()),
): Promise<SummaryUnitView> {
  const ctx = await resolveUnitsActor(db, actor);
  const unit = (await findOwingUnits(db, ctx.readPaths, orgId))[0];
  if (!unit) throw notFound('报送汇总表的单位');
  if (!canRecordFor(ctx, unit)) throw forbidden('汇总表的报送由本单位或领导小组办公室登记');
  const earliest = summaryEarliestOn(body.year);
  if (body.submittedOn > today) throw invalid([{ field: 'submittedOn', message: '报送日期不能晚于今天' }]);
  if (body.submittedOn < earliest)
    throw invalid([
      {
        field: 'submittedOn',
        message: `汇总表汇总全年考评情况，报送日期不能早于${formatChineseDate(earliest)}`,
      },
    ]);
  const recipientLabel = SUMMARY_RECIPIENT_LABELS[body.recipient as SummaryRecipient];
  const note = body.note ? body.note : null;
  const duplicate = () =>
    invalid([
      {
        field: 'recipient',
        message: `${unit.name}${body.year}年度汇总表报送${recipientLabel}的一份已登记，不能重复登记`,
      },
    ]);
  await db.transaction().execute(async (trx) => {
    const row = await insertSummaryCopy(trx, {
      county_org_id: ctx.countyOrgId,
      unit_org_id: unit.id,
      year: body.year,
      recipient: body.recipient,
      submitted_on: body.submittedOn,
      submitted_by: actor.id,
      note,
    });
    if (!row) throw duplicate();
    await recordAudit(trx, actor, {
      action: 'units.summary_submit',
      entityType: 'unit_summary_submission',
      entityId: row.id,
      orgId: unit.id,
      after: {
        year: body.year,
        recipient: body.recipient,
        submittedOn: body.submittedOn,
        isLate: isLateCopy(body.year, body.submittedOn),
        note,
      },
    });
  });
  const copies = await findSummaryCopies(db, [unit.id], body.year);
  return presentUnit(ctx, unit, body.year, copies, today);
}
