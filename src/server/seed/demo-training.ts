/**
 * Demo data of training (issue 20, seed 001 培训制度第四–八条), through the services a user's clicks go
 * through, relative to the day it runs (year Y):
 * - the bureau's Y plan (岗位培训, a required 专题培训 on the 三项制度, an 自主培训 line) and the market
 *   bureau's own plan;
 * - a finished, graded county training of the bureau (notice 博司发 issued, scores from 58 to 95, one
 *   不合格), written into every attendee's 培训档案 — 张伟 (officer) among them;
 * - a finished, ungraded online session of the market bureau;
 * - a planned bureau session in two weeks with its notice issued and its list drawn;
 * - a planned market session still without attendees;
 * - 张伟's own 法宣在线 self-study log (第七条(三)).
 */

import { sql } from 'kysely';
import { addCalendarDays } from '../../common/calendar.ts';
import { SELF_STUDY_PLATFORM_LABELS } from '../../common/training.ts';
import type { Db } from '../db/database.ts';
import { actorOfAccount } from '../modules/assessment/account-actor.ts';
import { addSelfStudyRecord } from '../modules/officers/officers.public.ts';
import { createPlan } from '../modules/training/plans/plans.service.ts';
import {
  addAttendees,
  createSession,
  finishSession,
  issueNotice,
} from '../modules/training/sessions/sessions.service.ts';

async function orgId(db: Db, name: string): Promise<number> {
  return (await db.selectFrom('org').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

/** `YYYY-MM-DD` of year `year`, never after `today`. */
function pastDayOf(year: number, monthDay: string, today: string): string {
  const day = `${year}-${monthDay}`;
  return day <= today ? day : today;
}

/** `days` after today, kept inside year `year` so the year's list shows it. */
function laterDayOf(year: number, today: string, days: number): string {
  const day = addCalendarDays(today, days);
  return day.startsWith(String(year)) ? day : `${year}-12-31`;
}

/**
 * Active officers under `orgPath`, the demo officer account's profile first, then one of each
 * organisation in turn (a county training draws from every agency), at most `limit`.
 */
async function activeOfficers(db: Db, orgPath: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('officer')
    .innerJoin('org', 'org.id', 'officer.org_id')
    .leftJoin('user_account', 'user_account.id', 'officer.user_id')
    .select('officer.id')
    .where('officer.status', '=', 'active')
    .where('org.path', 'like', `${orgPath}%`)
    .orderBy((eb) => eb.case().when('user_account.username', '=', 'officer').then(0).else(1).end())
    .orderBy(sql`row_number() over (partition by officer.org_id order by officer.id)`)
    .orderBy('officer.id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

export async function seedDemoTraining(db: Db, today: string): Promise<void> {
  const year = Number(today.slice(0, 4));
  const supervisor = await actorOfAccount(db, 'supervisor');
  const legal = await actorOfAccount(db, 'legal');
  const officer = await actorOfAccount(db, 'officer');
  const bureau = await orgId(db, '博湖县司法局');
  const market = await orgId(db, '博湖县市场监督管理局');
  const countyPath = (
    await db.selectFrom('org').select('path').where('parent_id', 'is', null).executeTakeFirstOrThrow()
  ).path;
  const marketPath = (
    await db.selectFrom('org').select('path').where('id', '=', market).executeTakeFirstOrThrow()
  ).path;

  // ---- plans (第四条 各执法单位组织实施; 第七条 类别; 第五条 内容) ----
  const bureauPlan = await createPlan(db, supervisor, {
    orgId: bureau,
    year,
    title: `${year}年度全县行政执法人员培训计划`,
    note: '县司法局每年至少组织一次全县行政执法人员业务培训（培训制度第七条（一））。',
    items: [
      {
        kind: 'post',
        contentCategory: 'admin_law',
        content: '行政处罚法、行政许可法业务培训',
        plannedMonth: 3,
        isRequired: false,
      },
      {
        kind: 'thematic',
        contentCategory: 'three_systems',
        content: '行政执法“三项制度”专题培训',
        plannedMonth: 12,
        isRequired: true,
      },
      {
        kind: 'self_study',
        contentCategory: 'thought',
        content: '法治讲堂·逢九必讲网络学习',
        plannedMonth: 6,
        isRequired: false,
      },
    ],
  });
  await createPlan(db, legal, {
    orgId: market,
    year,
    title: `${year}年度市场监管执法人员培训计划`,
    note: null,
    items: [
      {
        kind: 'post',
        contentCategory: 'field_law',
        content: '食品安全法执法实务',
        plannedMonth: 5,
        isRequired: false,
      },
    ],
  });
  const [postItem, thematicItem] = bureauPlan.items;

  // ---- a finished, graded county training (第七条(一), 第八条 考核) ----
  const heldOn = pastDayOf(year, '03-20', today);
  const county = await createSession(db, supervisor, {
    orgId: bureau,
    kind: 'post',
    delivery: 'classroom',
    contentCategory: 'admin_law',
    course: '全县行政执法人员业务培训（行政处罚法）',
    material: '《中华人民共和国行政处罚法》释义',
    hours: 6,
    heldOn,
    place: '县司法局三楼会议室',
    planItemId: postItem!.id,
    isGraded: true,
  });
  const countyAttendees = await activeOfficers(db, countyPath, 10);
  await addAttendees(db, supervisor, county.id, countyAttendees);
  await issueNotice(db, supervisor, county.id, pastDayOf(year, '03-10', today));
  const scores = [92, 86, 78, 95, 58, 81, 88, 73, 90, 84];
  await finishSession(
    db,
    supervisor,
    county.id,
    {
      results: countyAttendees.map((officerId, index) => ({
        officerId,
        score: scores[index % scores.length]!,
      })),
    },
    today,
  );

  // ---- a finished, ungraded online session of the market bureau ----
  const online = await createSession(db, legal, {
    orgId: market,
    kind: 'thematic',
    delivery: 'online',
    contentCategory: 'field_law',
    course: '食品安全抽检与处置网络课程',
    material: null,
    hours: 2,
    heldOn: pastDayOf(year, '05-18', today),
    place: '市场监管学习平台',
    planItemId: null,
    isGraded: false,
  });
  await addAttendees(db, legal, online.id, await activeOfficers(db, marketPath, 6));
  await finishSession(db, legal, online.id, { results: [] }, today);

  // ---- planned: the required thematic training in two weeks, notice issued, list drawn ----
  const upcoming = laterDayOf(year, today, 14);
  const thematic = await createSession(db, supervisor, {
    orgId: bureau,
    kind: 'thematic',
    delivery: 'classroom',
    contentCategory: 'three_systems',
    course: '行政执法“三项制度”专题培训',
    material: '行政执法公示、全过程记录、重大执法决定法制审核制度汇编',
    hours: 3,
    heldOn: upcoming,
    place: '县政府第二会议室',
    planItemId: thematicItem!.id,
    isGraded: true,
  });
  await addAttendees(db, supervisor, thematic.id, await activeOfficers(db, countyPath, 12));
  await issueNotice(db, supervisor, thematic.id, today);

  // ---- planned, nobody on the list yet ----
  await createSession(db, legal, {
    orgId: market,
    kind: 'post',
    delivery: 'classroom',
    contentCategory: 'field_law',
    course: '特种设备安全监察执法实务',
    material: null,
    hours: 4,
    heldOn: laterDayOf(year, today, 24),
    place: '局三楼会议室',
    planItemId: null,
    isGraded: false,
  });

  // ---- 张伟's own 法宣在线 log (第七条(三)) ----
  await addSelfStudyRecord(db, officer, {
    studiedOn: pastDayOf(year, '06-09', today),
    hours: 2,
    platform: 'faxuan_online',
    content: '法宣在线：《中华人民共和国行政复议法》修订解读',
    organiser: SELF_STUDY_PLATFORM_LABELS.faxuan_online,
  });
}
