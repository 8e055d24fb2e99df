/**
 * Demo supervision for 博湖县 (issue 15), relative to the day the seed runs and made through the
 * services a user's clicks go through (validated and audited): the year's focus list; matters of
 * every method and source, open and closed; an on-site inspection by two supervisors with its
 * evidence; a report request; justice-office referrals waiting, accepted and returned (第十七条);
 * notices as a draft, waiting for 签发, served and overdue, and accepted (第十五条); a decision of the
 * county government on the overdue one; a 通报批评 and a 通报表扬 draft (第二十二、二十三条).
 *
 * The services refuse deadlines in the past, so the overdue notice's dates are moved back after it
 * is served (the one direct write here, said so in docs/supervision.md).
 */
import { addCalendarDays } from '../../common/calendar.ts';
import type { Db } from '../db/database.ts';
import type { Actor } from '../lib/access.ts';
import { hashPassword } from '../lib/password.ts';
import { actorOfAccount } from '../modules/assessment/account-actor.ts';
import { signSignOff } from '../modules/documents/sign-offs/sign-offs.service.ts';
import { createCircular, submitCircular } from '../modules/supervision/circulars/circulars.service.ts';
import {
  createDecisionRequest,
  recordDecision,
  submitDecisionRequest,
} from '../modules/supervision/decisions/decisions.service.ts';
import {
  addEvidence,
  createInspection,
  recordInspection,
} from '../modules/supervision/inspections/inspections.service.ts';
import { createReportRequest } from '../modules/supervision/inspections/report-requests.service.ts';
import { createFocus } from '../modules/supervision/matters/focus.service.ts';
import { closeMatter, createMatter } from '../modules/supervision/matters/matters.service.ts';
import {
  createNoticeDraft,
  reportOnNotice,
  reviewReport,
  serveNotice,
  submitNotice,
} from '../modules/supervision/notices/notices.service.ts';
import {
  acceptReferral,
  createReferral,
  returnReferral,
} from '../modules/supervision/referrals/referrals.service.ts';
import { insertUser } from '../modules/users/users.repository.ts';
import { DEMO_PASSWORD } from './demo-county.ts';

/** 第十四条 needs two supervisors on site: the bureau's second one. */
export const DEMO_SECOND_SUPERVISOR = { username: 'supervisor2', displayName: '赵文博' } as const;

async function orgId(db: Db, name: string) {
  return (
    await db.selectFrom('org').select('id').where('name', '=', name).orderBy('id').executeTakeFirstOrThrow()
  ).id;
}

async function sign(db: Db, leader: Actor, recordType: string, recordId: number) {
  const request = await db
    .selectFrom('sign_off_request')
    .select('id')
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  await signSignOff(db, leader, request.id, {});
}

const notice = (unitId: number, facts: string, correctionDueOn: string, caseId: number | null = null) => ({
  unitId,
  caseId,
  caseFileId: null,
  facts,
  reasons: '上述行为违反法定程序，属于违法的行政执法行为',
  legalBasis: '《中华人民共和国行政处罚法》第四十四条、第四十五条',
  requiredCorrection: '依法纠正上述行为，完善告知、陈述申辩程序，并对相关人员进行培训',
  correctionDueOn,
});

export async function seedDemoSupervision(db: Db, today: string): Promise<void> {
  const template = await db
    .selectFrom('user_account')
    .select(['org_id', 'password_hash'])
    .where('username', '=', 'supervisor')
    .executeTakeFirstOrThrow();
  const second = await insertUser(db, {
    username: DEMO_SECOND_SUPERVISOR.username,
    display_name: DEMO_SECOND_SUPERVISOR.displayName,
    org_id: template.org_id,
    roles: ['supervisor'],
    phone: null,
    password_hash: template.password_hash ?? (await hashPassword(DEMO_PASSWORD)),
  });
  const supervisor = await actorOfAccount(db, 'supervisor');
  const leader = await actorOfAccount(db, 'juzhang');
  const legal = await actorOfAccount(db, 'legal');
  const office = await actorOfAccount(db, 'sifasuo');
  const market = await orgId(db, '博湖县市场监督管理局');
  const land = await orgId(db, '博湖县自然资源局');
  // the enforcement team of the justice office's own township (the office's sibling section)
  const officeOrg = await db
    .selectFrom('org')
    .select('parent_id')
    .where('id', '=', office.orgId)
    .executeTakeFirstOrThrow();
  const townTeam = (
    await db
      .selectFrom('org')
      .select('id')
      .where('parent_id', '=', officeOrg.parent_id)
      .where('kind', '=', 'section')
      .orderBy('id')
      .executeTakeFirst()
  )?.id;
  const marketCase = await db
    .selectFrom('enforcement_case')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .select('enforcement_case.id')
    .where('org.path', 'like', `%/${market}/%`)
    .orderBy('enforcement_case.id')
    .executeTakeFirst();
  const complaint = await db.selectFrom('complaint').select('id').orderBy('id').executeTakeFirst();
  const year = Number(today.slice(0, 4));

  // 第十二条: the year's focus list
  const focus = await createFocus(db, supervisor, {
    year,
    field: 'food_drug',
    title: '校园及周边食品安全执法监督',
    description: '重点检查市场监管部门对校园周边食品经营的日常检查和处罚',
  });
  await createFocus(db, supervisor, {
    year,
    field: 'work_safety',
    title: '安全生产领域行政执法监督',
    description: null,
  });

  // 日常监督检查 with an on-site inspection by two supervisors (第十三、十四条)
  const routine = await createMatter(db, supervisor, {
    kind: 'routine',
    field: 'food_drug',
    source: 'daily',
    complaintId: null,
    caseId: null,
    focusId: focus.id,
    unitIds: [market],
    title: '校园周边食品安全行政执法日常监督检查',
    description: '抽查县市场监督管理局近一年的食品安全行政处罚案卷',
    openedOn: addCalendarDays(today, -50),
    dueOn: addCalendarDays(today, 40),
  });
  const inspection = await createInspection(db, supervisor, routine.id, {
    plannedOn: addCalendarDays(today, -45),
    place: '县市场监督管理局法规股',
    isOnSite: true,
    supervisorIds: [supervisor.id, second.id],
  });
  await recordInspection(db, supervisor, inspection.id, {
    inspectedOn: addCalendarDays(today, -45),
    findings: '抽查案卷20件，3件未履行行政处罚告知程序，2件处罚决定书未载明救济途径',
  });
  await addEvidence(db, supervisor, inspection.id, {
    means: 'file_review',
    description: '调阅2025年度食品安全行政处罚案卷20件',
    collectedOn: addCalendarDays(today, -45),
    caseId: marketCase?.id ?? null,
    caseFileId: null,
  });
  await addEvidence(db, supervisor, inspection.id, {
    means: 'inquiry',
    description: '询问办案人员张伟，制作询问笔录1份',
    collectedOn: addCalendarDays(today, -45),
    caseId: null,
    caseFileId: null,
  });

  // 第十五条: a notice served 40 days ago and overdue (report and correction), then a decision
  const overdue = await createNoticeDraft(
    db,
    supervisor,
    routine.id,
    notice(
      market,
      '抽查的行政处罚案卷中3件未履行告知程序，2件处罚决定书未载明救济途径',
      addCalendarDays(today, 1),
      marketCase?.id ?? null,
    ),
  );
  await submitNotice(db, supervisor, overdue.id);
  await sign(db, leader, 'supervision_notice', overdue.id);
  await serveNotice(db, supervisor, overdue.id, { servedOn: today, manner: '直接送达', receiver: '王丽娟' });
  await db
    .updateTable('supervision_notice')
    .set({
      issued_on: addCalendarDays(today, -42),
      served_on: addCalendarDays(today, -40),
      report_due_on: addCalendarDays(today, -10),
      correction_due_on: addCalendarDays(today, -12),
    })
    .where('id', '=', overdue.id)
    .execute();
  const decision = await createDecisionRequest(db, supervisor, overdue.id, {
    ground: 'overdue',
    requestReason: '该局收到通知书后逾期未改正，经电话催告仍未报告落实情况',
    proposedKind: 'revoke',
    caseId: null,
  });
  await submitDecisionRequest(db, supervisor, decision.id);
  await sign(db, leader, 'supervision_decision', decision.id);
  await recordDecision(db, supervisor, decision.id, {
    kind: 'revoke',
    decisionNumber: `博政监决〔${year}〕1号`,
    decidedOn: today,
    content: '撤销县市场监督管理局作出的未履行告知程序的行政处罚决定，责令依法重新作出',
    servedOn: today,
  });

  // 专项监督 on work safety, assigned from above, with a report request waiting
  const special = await createMatter(db, supervisor, {
    kind: 'special',
    field: 'work_safety',
    source: 'assigned',
    complaintId: null,
    caseId: null,
    focusId: null,
    unitIds: [market, land],
    title: '安全生产领域行政执法专项监督',
    description: '州司法局交办',
    openedOn: addCalendarDays(today, -20),
    dueOn: addCalendarDays(today, 60),
  });
  await createReportRequest(db, supervisor, special.id, {
    unitId: land,
    subject: '报告本年度安全生产领域行政处罚案件办理情况',
    requestedOn: addCalendarDays(today, -5),
    dueOn: addCalendarDays(today, 3),
  });
  // a notice waiting for 签发 and a draft
  const waiting = await createNoticeDraft(
    db,
    supervisor,
    special.id,
    notice(land, '2件行政处罚未经法制审核即作出决定', addCalendarDays(today, 30)),
  );
  await submitNotice(db, supervisor, waiting.id);
  await createNoticeDraft(
    db,
    supervisor,
    special.id,
    notice(market, '执法人员未出示执法证件', addCalendarDays(today, 30)),
  );

  // 个案监督 from a complaint (投诉举报), its notice answered and accepted
  if (marketCase && complaint) {
    const single = await createMatter(db, supervisor, {
      kind: 'case',
      field: 'food_drug',
      source: 'complaint',
      complaintId: complaint.id,
      caseId: marketCase.id,
      focusId: null,
      unitIds: [],
      title: '群众投诉食品经营处罚案件个案监督',
      description: null,
      openedOn: addCalendarDays(today, -30),
      dueOn: null,
    });
    const answered = await createNoticeDraft(
      db,
      supervisor,
      single.id,
      notice(market, '处罚决定未给予当事人陈述申辩机会', addCalendarDays(today, 20), marketCase.id),
    );
    await submitNotice(db, supervisor, answered.id);
    await sign(db, leader, 'supervision_notice', answered.id);
    await serveNotice(db, supervisor, answered.id, {
      servedOn: today,
      manner: '电子送达',
      receiver: '王丽娟',
    });
    await reportOnNotice(db, legal, answered.id, '已撤销原处罚决定，重新告知当事人陈述申辩权利后作出处罚');
    await reviewReport(db, supervisor, answered.id, { accept: true });
  }

  // closed matters of the other methods and sources
  for (const [kind, source, title] of [
    ['review', 'case_review', '行政执法案卷评查发现问题整改监督'],
    ['assessment', 'npc_suggestion', '人大代表建议：行政执法评议考核结果运用'],
    ['routine', 'cppcc_proposal', '政协委员提案：城乡建设领域执法规范化'],
    ['special', 'hotspot', '社会热点：劳动保障监察执法'],
  ] as const) {
    const matter = await createMatter(db, supervisor, {
      kind,
      field: source === 'hotspot' ? 'labour' : source === 'cppcc_proposal' ? 'urban_rural' : 'other',
      source,
      complaintId: null,
      caseId: null,
      focusId: null,
      unitIds: [land],
      title,
      description: null,
      openedOn: addCalendarDays(today, -90),
      dueOn: null,
    });
    await closeMatter(db, supervisor, matter.id, {
      closedOn: addCalendarDays(today, -10),
      summary: '经检查未发现违法或不当的行政执法行为，予以办结',
    });
  }

  // 第十七条: the township's justice office refers acts upward
  if (townTeam) {
    const referral = (facts: string) =>
      createReferral(db, office, {
        unitId: townTeam,
        inspectedOn: addCalendarDays(today, -7),
        place: '博湖镇综合行政执法队',
        facts,
        findings: '行政处罚决定未经法制审核即作出',
        suggestion: '建议县司法局依法监督纠正',
        contactPhone: null,
      });
    const accepted = await referral('检查该队2025年度行政处罚案卷12件');
    await acceptReferral(db, supervisor, accepted.id, {
      kind: 'routine',
      field: 'urban_rural',
      title: '博湖镇综合行政执法队行政处罚法制审核监督',
      dueOn: addCalendarDays(today, 30),
    });
    const returned = await referral('检查该队占道经营执法情况');
    await returnReferral(db, supervisor, returned.id, '所述问题属于内部管理事项，请司法所督促该队自行整改');
    await referral('检查该队户外广告执法情况，发现1件超期未结');
  }

  // 第二十三条(三) 通报批评 on the overdue notice, issued; 第二十二条 通报表扬 as a draft
  const criticism = await createCircular(db, supervisor, {
    situation: 'not_corrected',
    subjectOrgId: market,
    persons: null,
    title: '关于对县市场监督管理局逾期不改正违法行政执法行为的通报',
    facts:
      '县市场监督管理局收到《行政执法监督通知书》后，逾期未改正违法的行政执法行为，也未书面报告落实情况。',
    requirement: '县市场监督管理局应立即落实县人民政府监督决定，并于15日内书面报告',
    noticeId: overdue.id,
    decisionId: null,
    violationId: null,
  });
  await submitCircular(db, supervisor, criticism.id);
  await sign(db, leader, 'supervision_circular', criticism.id);
  await createCircular(db, supervisor, {
    situation: 'outstanding',
    subjectOrgId: land,
    persons: null,
    title: '关于对县自然资源局予以通报表扬的通报',
    facts: '县自然资源局本年度行政执法案卷评查全部合格，按期报告执法情况。',
    requirement: null,
    noticeId: null,
    decisionId: null,
    violationId: null,
  });
}
