/**
 * Demo data of the unit assessment (issue 20, seed 002), through the same services a user's clicks
 * go through. Relative to the day it runs (year Y):
 * - **Y−1** (乡镇依法行政年度考核, township-law-based-admin): dossiers, every report in (one late), the
 *   year-end checks with their deductions, computed, 审定 by the leading group (局长 周海涛) after one
 *   return, published; 博湖镇 and 才坎诺尔乡 graded 不合格 — 博湖镇's plan accepted and in progress,
 *   才坎诺尔乡's not yet filed; one advanced unit and one advanced individual.
 * - **Y**, open: dossier entries by the office and the units, reports from 本布图镇 (on time) and
 *   塔温觉肯乡 (late, or still to come before 12月1日), 博湖镇's left for 马晓东 (sifasuo) to submit, year-end
 *   checks of two townships.
 * - **汇总表 of Y−1** (seed 000, due 1月15日 of Y): the market bureau's two copies on time, transport's
 *   second late, agriculture's second still out (孙海燕's to-do, the warning), 博湖镇's recorded by the office.
 */
import { addCalendarDays } from '../../common/calendar.ts';
import type { SummaryRecipient } from '../../common/units.ts';
import type { Db } from '../db/database.ts';
import { actorOfAccount } from '../modules/assessment/account-actor.ts';
import { computePeriod, publishPeriod } from '../modules/assessment/results/results.service.ts';
import { decideApproval, submitForApproval } from '../modules/units/approvals/approvals.service.ts';
import { recordCheck } from '../modules/units/checks/checks.service.ts';
import { addDossierEntry } from '../modules/units/dossier/dossier.service.ts';
import {
  addCommendation,
  fileRectificationPlan,
  reviewRectificationPlan,
} from '../modules/units/results/results.service.ts';
import { recordSummaryCopy } from '../modules/units/summary/summary.service.ts';
import { FAILING_DEDUCTIONS, openTownshipPeriod } from '../modules/units/units.fixtures.ts';

async function orgId(db: Db, name: string): Promise<number> {
  return (await db.selectFrom('org').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

/** `YYYY-MM-DD` of year `year`, never after `today` nor before 1 January. */
function dayOf(year: number, monthDay: string, today: string): string {
  const day = `${year}-${monthDay}`;
  if (day <= today) return day;
  return today.startsWith(String(year)) ? today : `${year}-01-01`;
}

export async function seedDemoUnits(db: Db, today: string): Promise<void> {
  const year = Number(today.slice(0, 4));
  const last = year - 1;
  const supervisor = await actorOfAccount(db, 'supervisor');
  const juzhang = await actorOfAccount(db, 'juzhang');
  const sifasuo = await actorOfAccount(db, 'sifasuo');
  const legal = await actorOfAccount(db, 'legal');
  const bohu = await orgId(db, '博湖镇人民政府');
  const benbutu = await orgId(db, '本布图镇人民政府');
  const tawen = await orgId(db, '塔温觉肯乡人民政府');
  const wulan = await orgId(db, '乌兰再格森乡人民政府');
  const caikan = await orgId(db, '才坎诺尔乡人民政府');
  const market = await orgId(db, '博湖县市场监督管理局');
  const county = await orgId(db, '博湖县人民政府');

  // ---- last year: the whole procedure, published ----
  const lastPeriod = await openTownshipPeriod(db, supervisor, last);
  for (const [unit, title] of [
    [bohu, '博湖镇法治政府建设年度工作要点'],
    [benbutu, '本布图镇重大行政决策目录'],
    [tawen, '塔温觉肯乡依法行政工作会议纪要'],
  ] as const) {
    await addDossierEntry(db, supervisor, unit, {
      year: last,
      kind: 'document',
      title,
      occurredOn: `${last}-03-15`,
    });
  }
  for (const [unit, submittedOn] of [
    [bohu, `${last}-11-28`],
    [benbutu, `${last}-11-25`],
    [tawen, `${last}-11-30`],
    [wulan, `${last}-11-29`],
    [caikan, `${last}-12-05`],
  ] as const) {
    const actor = unit === bohu ? sifasuo : supervisor;
    // only 博湖镇 has an account in the demo; the office files the others' paper reports as received
    await db
      .insertInto('unit_report')
      .values({
        county_org_id: county,
        unit_org_id: unit,
        year: last,
        body: `${last}年度依法行政工作报告：对照考核评分标准逐项自查，基础工作、重大行政决策、规范性文件备案等情况如下……`,
        self_score: '88',
        due_on: `${last}-12-01`,
        submitted_on: submittedOn,
        submitted_by: actor.id,
      })
      .execute();
  }
  const yearEnd = {
    year: last,
    kind: 'year_end' as const,
    checkedOn: `${last}-12-15`,
    checkers: '李建国、赵敏',
    methods: ['briefing' as const, 'documents' as const, 'meeting_records' as const, 'case_files' as const],
    periodId: lastPeriod.id,
  };
  await recordCheck(db, supervisor, bohu, {
    ...yearEnd,
    findings: '便民服务中心未按期建成，重大决策未听证，规范性文件未按程序制发、未及时备案。',
    deductions: FAILING_DEDUCTIONS,
  });
  await recordCheck(db, supervisor, caikan, {
    ...yearEnd,
    findings: '代办站未按期建成，决策结果未公开，规范性文件与上位法抵触。',
    deductions: FAILING_DEDUCTIONS.filter(
      (deduction) => deduction.item !== 'twp.002.decision.no-hearing',
    ).concat([{ item: 'twp.002.normative.conflict', note: '文件与上位法抵触' }]),
  });
  await recordCheck(db, supervisor, benbutu, {
    ...yearEnd,
    methods: ['briefing', 'online'],
    findings: '工作计划、总结齐全；一件规范性文件备案迟报。',
    deductions: [{ item: 'twp.002.normative.filing-late', note: '备案迟报' }],
  });
  await computePeriod(db, supervisor, lastPeriod.id);
  const decidedOn = addCalendarDays(today, -20);
  await submitForApproval(
    db,
    supervisor,
    lastPeriod.id,
    'township',
    { note: '乡镇类考核结果，请审定。' },
    decidedOn,
  );
  await decideApproval(
    db,
    juzhang,
    lastPeriod.id,
    'township',
    { decision: 'return', note: '请核实才坎诺尔乡规范性文件的扣分依据。' },
    decidedOn,
  );
  await submitForApproval(
    db,
    supervisor,
    lastPeriod.id,
    'township',
    { note: '已核实，扣分依据为备案审查意见书。' },
    decidedOn,
  );
  await decideApproval(db, juzhang, lastPeriod.id, 'township', { decision: 'approve' }, decidedOn);
  await publishPeriod(db, supervisor, lastPeriod.id, addCalendarDays(today, -18));
  await addCommendation(db, supervisor, lastPeriod.id, {
    kind: 'unit',
    orgId: benbutu,
    reason: '依法行政工作扎实，重大行政决策程序规范。',
  });
  await addCommendation(db, supervisor, lastPeriod.id, {
    kind: 'individual',
    orgId: tawen,
    personName: '阿依古丽',
    reason: '规范性文件备案审查工作成绩突出。',
  });
  await fileRectificationPlan(
    db,
    sifasuo,
    lastPeriod.id,
    bohu,
    {
      plan: '一、年内建成便民服务中心；二、重大行政决策一律听证、专家论证；三、规范性文件制发前合法性审查，30日内报备。',
    },
    addCalendarDays(today, -10),
  );
  await reviewRectificationPlan(
    db,
    supervisor,
    lastPeriod.id,
    bohu,
    { decision: 'accept' },
    addCalendarDays(today, -8),
  );

  // ---- this year: open, the dossier filling up ----
  await openTownshipPeriod(db, supervisor, year);
  const entries: Array<
    [
      number,
      typeof sifasuo,
      string,
      string,
      'document' | 'meeting' | 'normative_filing' | 'training' | 'disclosure',
    ]
  > = [
    [bohu, sifasuo, '01-20', '博湖镇依法行政工作领导小组调整通知', 'document'],
    [bohu, sifasuo, '03-28', '第一季度依法行政专题会议记录', 'meeting'],
    [bohu, supervisor, '05-10', '《博湖镇农村人居环境整治办法》备案审查', 'normative_filing'],
    [benbutu, supervisor, '04-12', '本布图镇综合行政执法培训（2学时）', 'training'],
    [tawen, supervisor, '06-30', '塔温觉肯乡政务公开目录更新', 'disclosure'],
    [market, legal, '02-15', '市场监管局行政执法三项制度落实情况报告', 'document'],
  ];
  for (const [unit, actor, monthDay, title, kind] of entries) {
    await addDossierEntry(db, actor, unit, { year, kind, title, occurredOn: dayOf(year, monthDay, today) });
  }
  for (const [unit, monthDay] of [
    [benbutu, '11-26'],
    [tawen, '12-03'],
  ] as const) {
    const submittedOn = dayOf(year, monthDay, today);
    if (submittedOn !== `${year}-${monthDay}`) continue; // not yet due: left open
    await db
      .insertInto('unit_report')
      .values({
        county_org_id: county,
        unit_org_id: unit,
        year,
        body: `${year}年度依法行政工作报告（纸质报送，办公室录入）……`,
        self_score: '90',
        due_on: `${year}-12-01`,
        submitted_on: submittedOn,
        submitted_by: supervisor.id,
      })
      .execute();
  }
  await recordCheck(db, supervisor, benbutu, {
    year,
    kind: 'year_end',
    checkedOn: dayOf(year, '11-20', today),
    checkers: '李建国、赵敏',
    methods: ['briefing', 'documents', 'online'],
    findings: '听取汇报并查阅会议记录，依法行政工作计划、总结齐全。',
  });

  // ---- 执法业绩考评汇总表 of last year (seed 000, due 元月15日 this year), through the service ----
  const nongye = await actorOfAccount(db, 'nongye');
  const jiaotong = await actorOfAccount(db, 'jiaotong');
  const agriculture = await orgId(db, '博湖县农业农村局');
  const transport = await orgId(db, '博湖县交通运输局');
  const copies: Array<[typeof legal, number, SummaryRecipient, string, string?]> = [
    // the market bureau: both copies on time
    [legal, market, 'rule_of_law_office', '01-08', '专人送达'],
    [legal, market, 'administration_office', '01-08', '专人送达'],
    // transport: one on time, the other late
    [jiaotong, transport, 'rule_of_law_office', '01-12'],
    [jiaotong, transport, 'administration_office', '01-22', '补报'],
    // agriculture: one copy still out (the warning and 孙海燕's to-do)
    [nongye, agriculture, 'rule_of_law_office', '01-14'],
    // 博湖镇: recorded by the office on receipt
    [supervisor, bohu, 'rule_of_law_office', '01-13'],
    [supervisor, bohu, 'administration_office', '01-13'],
  ];
  for (const [actor, unit, recipient, monthDay, note] of copies) {
    const submittedOn = `${year}-${monthDay}`;
    if (submittedOn > today) continue; // early January: not yet handed in
    await recordSummaryCopy(db, actor, unit, { year: last, recipient, submittedOn, note }, today);
  }
}
