/**
 * Demo assessment periods for 博湖县, relative to the day the seed runs, made through the same
 * services a user's clicks go through (so every step is validated and audited):
 * - the previous quarter, 博湖县市场监督管理局's officers under the county's routine scheme (seed 001
 *   平时考核制度): records by the assessment office, partly confirmed from automatic proposals,
 *   self-assessments, computed and published (公示) today, with one appeal waiting for a decision;
 * - the current quarter, same officers, open: a few records and proposals, some self-assessments;
 * - the current quarter, the market bureau's sections under seed 004's section scheme: records by
 *   the bureau's 办公室 in its item groups, 班子测评 by the bureau's leader, one self-assessment.
 */
import { addCalendarDays } from '../../common/calendar.ts';
import type { Db } from '../db/database.ts';
import type { Actor } from '../lib/access.ts';
import { actorOfAccount } from '../modules/assessment/account-actor.ts';
import { submitAppeal } from '../modules/assessment/appeals/appeals.service.ts';
import { openPeriod } from '../modules/assessment/periods/periods.service.ts';
import { decideProposal, generateProposals } from '../modules/assessment/proposals/proposals.service.ts';
import { setPeriodRaters } from '../modules/assessment/raters/period-raters.service.ts';
import { createRecord } from '../modules/assessment/records/assessment-records.service.ts';
import { putRating } from '../modules/assessment/records/ratings.service.ts';
import { submitSelfAssessment } from '../modules/assessment/records/self-assessments.service.ts';
import { computePeriod, publishPeriod } from '../modules/assessment/results/results.service.ts';
import { syncPresetVersions } from '../modules/assessment/schemes/schemes.service.ts';

/** 'YYYY-Qn' of a day, and of the quarter before it. */
function quarterKeys(today: string): { current: string; previous: string } {
  const year = Number(today.slice(0, 4));
  const quarter = Math.ceil(Number(today.slice(5, 7)) / 3);
  return {
    current: `${year}-Q${quarter}`,
    previous: quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`,
  };
}

function quarterStart(key: string): string {
  const quarter = Number(key.slice(-1));
  return `${key.slice(0, 4)}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;
}

/** `offset` days into the quarter, but never after `last` (today, for the quarter in progress). */
function dayIn(key: string, offset: number, last: string): string {
  const day = addCalendarDays(quarterStart(key), offset);
  return day < last ? day : last;
}

async function schemeVersionId(db: Db, schemeId: string): Promise<number> {
  const row = await db
    .selectFrom('scheme_version')
    .select('id')
    .where('scheme_id', '=', schemeId)
    .where('org_id', 'is', null)
    .orderBy('version_no', 'desc')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function orgIdByName(db: Db, name: string): Promise<number> {
  return (await db.selectFrom('org').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

async function subjectKeys(db: Db, periodId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('assessment_subject')
    .select('subject_key')
    .where('period_id', '=', periodId)
    .orderBy('subject_key')
    .execute();
  return rows.map((row) => row.subject_key);
}

/** Routine-scheme records for every n-th officer: [item, offset into the quarter, count, note]. */
const ROUTINE_RECORDS: Array<[number, string, number, number, string]> = [
  [3, 'bohu.001.a4.late', 12, 2, '考勤记录：迟到两次'],
  [5, 'bohu.001.a4.early-leave', 20, 1, '考勤记录：早退一次'],
  [7, 'bohu.001.a4.absence', 33, 1, '无故缺勤半日'],
  [9, 'bohu.001.a7.praise', 41, 1, '获县局通报表扬'],
  [11, 'bohu.001.a7.major-case', 55, 1, '参与重大案件查办，表现突出'],
  [13, 'bohu.001.a4.duty-failure', 62, 1, '执法记录仪未按规定使用'],
];

/** The officer period of a quarter: records, proposals (most confirmed), self-assessments. */
async function fillOfficerPeriod(
  db: Db,
  actors: { supervisor: Actor; officer: Actor },
  periodId: number,
  periodKey: string,
  last: string,
  options: { selfShare: number; selfOn: string | null; ownLateDays: number },
) {
  const keys = await subjectKeys(db, periodId);
  // the demo officer (张伟)'s subject: his late arrival is recorded, and he reports it himself
  const own = await db
    .selectFrom('assessment_subject')
    .innerJoin('officer', 'officer.id', 'assessment_subject.officer_id')
    .select('assessment_subject.subject_key')
    .where('assessment_subject.period_id', '=', periodId)
    .where('officer.user_id', '=', actors.officer.id)
    .executeTakeFirst();
  if (own && options.ownLateDays > 0) {
    await createRecord(db, actors.supervisor, periodId, {
      subjectKey: own.subject_key,
      item: 'bohu.001.a4.late',
      occurredOn: dayIn(periodKey, 47, last),
      count: options.ownLateDays,
      note: '考勤记录：迟到',
    });
  }
  for (const [index, subjectKey] of keys.entries()) {
    for (const [every, item, offset, count, note] of ROUTINE_RECORDS) {
      if (index === 0 || index % every !== 0) continue;
      await createRecord(db, actors.supervisor, periodId, {
        subjectKey,
        item,
        occurredOn: dayIn(periodKey, offset + (index % 9), last),
        count,
        note,
      });
    }
  }
  // facts Fazhi holds (complaints, late case records …) proposed and mostly confirmed
  await generateProposals(db, actors.supervisor, periodId, last);
  const proposed = await db
    .selectFrom('assessment_record')
    .select('id')
    .where('period_id', '=', periodId)
    .where('status', '=', 'proposed')
    .orderBy('id')
    .execute();
  for (const [index, row] of proposed.entries()) {
    if (index % 4 === 3) continue; // left for the office to decide
    await decideProposal(db, actors.supervisor, periodId, row.id, {
      action: index % 4 === 2 ? 'dismiss' : 'confirm',
      ...(index % 4 === 2 && { note: '经核实系他人承办，不予采纳' }),
    });
  }
  if (!options.selfOn) return keys;
  const selfOn = options.selfOn;
  if (own && options.ownLateDays > 0) {
    await submitSelfAssessment(
      db,
      actors.officer,
      periodId,
      own.subject_key,
      {
        items: [{ item: 'bohu.001.a4.late', count: options.ownLateDays, note: '因下乡检查返程晚到' }],
        note: '本季度按时完成执法检查任务，迟到系公务原因。',
      },
      selfOn,
    );
  }
  // the other officers have no accounts: the office enters the paper forms (自查自评表) it received
  const submitted = keys.filter((key, index) => key !== own?.subject_key && index % 10 < options.selfShare);
  for (const subjectKey of submitted) {
    await db
      .insertInto('self_assessment')
      .values({
        period_id: periodId,
        subject_key: subjectKey,
        items: JSON.stringify([]),
        note: '经自查，本季度无扣分事项。',
        submitted_on: selfOn,
        submitted_by: actors.supervisor.id,
      })
      .execute();
  }
  return keys;
}

/** Seeds the demo periods (after the demo county, officers and cases exist). */
export async function seedDemoAssessment(db: Db, today: string): Promise<void> {
  await syncPresetVersions(db);
  const supervisor = await actorOfAccount(db, 'supervisor');
  const officer = await actorOfAccount(db, 'officer');
  const assessor = await actorOfAccount(db, 'assessor');
  const leader = await actorOfAccount(db, 'leader');
  const legal = await actorOfAccount(db, 'legal');
  const market = await orgIdByName(db, '博湖县市场监督管理局');
  const quarters = quarterKeys(today);
  const routine = await schemeVersionId(db, 'bohu-officer-routine');

  // previous quarter: closed and published today
  const previous = await openPeriod(db, supervisor, {
    schemeVersionId: routine,
    periodKey: quarters.previous,
    underOrgId: market,
  });
  const previousEnd = addCalendarDays(quarterStart(quarters.current), -1);
  await fillOfficerPeriod(db, { supervisor, officer }, previous.id, quarters.previous, previousEnd, {
    selfShare: 8,
    selfOn: addCalendarDays(previous.selfDueOn ?? previousEnd, -3),
    ownLateDays: 1,
  });
  await computePeriod(db, supervisor, previous.id);
  await publishPeriod(db, supervisor, previous.id, today);
  await submitAppeal(
    db,
    officer,
    previous.id,
    (
      await db
        .selectFrom('assessment_subject')
        .innerJoin('officer', 'officer.id', 'assessment_subject.officer_id')
        .select('assessment_subject.subject_key')
        .where('assessment_subject.period_id', '=', previous.id)
        .where('officer.user_id', '=', officer.id)
        .executeTakeFirstOrThrow()
    ).subject_key,
    {
      reasons: '本季度迟到一次系参加县局执法培训返程所致，附培训通知，请求撤销该项扣分。',
      proof: [{ kind: 'attachment', id: '培训通知（扫描件）' }],
    },
    today,
  );

  // current quarter, open: records so far, proposals, a few self-assessments (张伟's left to him)
  const current = await openPeriod(db, supervisor, {
    schemeVersionId: routine,
    periodKey: quarters.current,
    underOrgId: market,
  });
  const isSelfOpen = current.selfDueOn === null || today <= current.selfDueOn;
  await fillOfficerPeriod(db, { supervisor, officer }, current.id, quarters.current, today, {
    selfShare: 3,
    selfOn: isSelfOpen ? today : null,
    ownLateDays: 0,
  });
  // 第三条 领导评价与群众评议 (seed 004 第二章第二条 named raters): the market bureau's leader rates
  // as 领导评价, the office enters the 群众评议 survey; both sheets part done, so both are to-dos
  await setPeriodRaters(db, supervisor, current.id, {
    raters: [
      { item: 'bohu.001.a3.evaluation', role: 'leader', userId: leader.id },
      { item: 'bohu.001.a3.evaluation', role: 'public', userId: supervisor.id },
    ],
  });
  for (const [index, subjectKey] of (await subjectKeys(db, current.id)).slice(0, 6).entries()) {
    await putRating(db, leader, current.id, {
      subjectKey,
      rater: 'leader',
      value: String(96 - index * 2),
      item: 'bohu.001.a3.evaluation',
    });
    if (index < 3)
      await putRating(db, supervisor, current.id, {
        subjectKey,
        rater: 'public',
        value: String(90 - index),
        item: 'bohu.001.a3.evaluation',
      });
  }

  // current quarter, the market bureau's sections under seed 004: 办公室 records, the leader rates
  const sections = await openPeriod(db, supervisor, {
    schemeVersionId: await schemeVersionId(db, 'zjg-section-quarterly'),
    periodKey: quarters.current,
    underOrgId: market,
  });
  const sectionKeys = await subjectKeys(db, sections.id);
  const sectionRecords: Array<[string, number, number, string]> = [
    ['zjg.004.d1-2.4.data-late', 10, 1, '月度执法统计数据迟报'],
    ['zjg.004.d5.1a.energy-waste', 25, 2, '节能检查：下班未关电脑'],
    ['zjg.004.d1-1.2.phase-task', 40, 1, '专项整治阶段任务未按期完成'],
  ];
  for (const [index, subjectKey] of sectionKeys.entries()) {
    const [item, offset, count, note] = sectionRecords[index % sectionRecords.length]!;
    await createRecord(db, assessor, sections.id, {
      subjectKey,
      item,
      occurredOn: dayIn(quarters.current, offset, today),
      count,
      note,
    });
  }
  for (const [index, subjectKey] of sectionKeys.slice(0, -1).entries()) {
    await putRating(db, leader, sections.id, { subjectKey, rater: 'main', value: index === 0 ? '95' : '92' });
  }
  const legalUnit = `org:${await orgIdByName(db, '法规股')}`;
  if (isSelfOpen && sectionKeys.includes(legalUnit)) {
    await submitSelfAssessment(
      db,
      legal,
      sections.id,
      legalUnit,
      {
        items: [{ item: 'zjg.004.d1-2.4.data-late', count: 1, note: '9月法制审核统计迟报一天' }],
        note: '本股室按期完成重大执法决定法制审核。',
      },
      today,
    );
  }
}
