/**
 * Demo coordination for 博湖县 (issue 16), relative to the day the seed runs and made through the
 * services a user's clicks go through (validated and audited): jurisdiction disputes at every
 * stage of 协调监督办法第七条 — waiting for review, returned, consulting with one view overdue, an
 * opinion waiting for sign-off, an opinion served with one party still to confirm (and marked under
 * 第二十三条(二)), two referred to the county government with an interim lead (one with its
 * decision served), and one executed — among the market, agriculture and transport bureaus. Then a
 * joint action run and summarised (第八条) and one under negotiation, a major matter (第九条), a
 * case transfer and an overdue information exchange (第十条).
 */
import { addCalendarDays } from '../../common/calendar.ts';
import type { Db } from '../db/database.ts';
import type { Actor } from '../lib/access.ts';
import { hashPassword } from '../lib/password.ts';
import { actorOfAccount } from '../modules/assessment/account-actor.ts';
import { COORDINATION_RECORD_TYPES } from '../modules/coordination/coordination.documents.ts';
import {
  answerView,
  applyDispute,
  confirmExecution,
  escalateDispute,
  nameInterimLead,
  recordDecision,
  recordMeeting,
  reviewDispute,
} from '../modules/coordination/disputes/disputes.service.ts';
import {
  createOpinionDraft,
  serveOpinion,
  submitOpinion,
} from '../modules/coordination/disputes/opinions.service.ts';
import {
  closeJointAction,
  createJointAction,
  issueJointProposal,
  linkJointCase,
  recordJointInspection,
  respondToJointPlan,
  startJointAction,
} from '../modules/coordination/joint-actions/joint-actions.service.ts';
import { createLiaison, recordLiaisonReceipt } from '../modules/coordination/liaison/liaison.service.ts';
import { createMatter, recordMatterMeeting } from '../modules/coordination/matters/matters.service.ts';
import { markViolation } from '../modules/coordination/violations/violations.service.ts';
import { listSignOffsOfRecord } from '../modules/documents/documents.public.ts';
import { signSignOff } from '../modules/documents/sign-offs/sign-offs.service.ts';
import { insertUser } from '../modules/users/users.repository.ts';
import { DEMO_PASSWORD } from './demo-county.ts';

/** The accounts coordination needs beyond one per role: two more agencies' legal officers (the bureau's head, juzhang, is in DEMO_ACCOUNTS). */
export const DEMO_COORDINATION_ACCOUNTS = [
  {
    username: 'nongye',
    displayName: '孙海燕',
    orgName: ['博湖县农业农村局', '法规股'],
    roles: ['legal_officer'],
  },
  {
    username: 'jiaotong',
    displayName: '何振华',
    orgName: ['博湖县交通运输局', '法制股'],
    roles: ['legal_officer'],
  },
] as const;

async function orgIdByNames(db: Db, names: readonly string[]): Promise<number> {
  let parentId: number | null = null;
  for (const name of names) {
    let query = db.selectFrom('org').select('id').where('name', '=', name);
    query = parentId === null ? query : query.where('parent_id', '=', parentId);
    parentId = (await query.orderBy('id').executeTakeFirstOrThrow()).id;
  }
  return parentId!;
}

async function addAccounts(db: Db) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_COORDINATION_ACCOUNTS) {
    await insertUser(db, {
      username: account.username,
      display_name: account.displayName,
      org_id: await orgIdByNames(db, account.orgName),
      roles: [...account.roles],
      phone: null,
      password_hash: passwordHash,
    });
  }
}

/** The bureau's head signs a coordination document waiting in the 待签发 list (documents layer). */
export async function signAsHead(db: Db, head: Actor, recordType: string, recordId: number, on: string) {
  const requests = await listSignOffsOfRecord(db, head, { domain: 'coordination', recordType, recordId });
  const pending = requests.find((request) => request.status === 'pending');
  if (!pending) throw new Error(`no sign-off waits for ${recordType} ${recordId}`);
  await signSignOff(db, head, pending.id, {}, on);
}

interface Cast {
  supervisor: Actor;
  head: Actor;
  market: Actor;
  agri: Actor;
  transport: Actor;
  orgs: { market: number; agri: number; transport: number };
}

type Stage =
  | 'submitted'
  | 'returned'
  | 'consulting'
  | 'signing'
  | 'served'
  | 'escalated'
  | 'decided'
  | 'executed';

interface DemoDispute {
  stage: Stage;
  applicant: 'market' | 'agri' | 'transport';
  respondents: Array<'market' | 'agri' | 'transport'>;
  matter: string;
  /** calendar days before today it was filed */
  daysAgo: number;
}

const DISPUTES: DemoDispute[] = [
  {
    stage: 'submitted',
    applicant: 'market',
    respondents: ['agri'],
    matter: '农贸市场内活禽销售环节的监管职责',
    daysAgo: 1,
  },
  {
    stage: 'returned',
    applicant: 'transport',
    respondents: ['market'],
    matter: '客运站内食品经营摊点的监管职责',
    daysAgo: 12,
  },
  {
    stage: 'consulting',
    applicant: 'agri',
    respondents: ['market', 'transport'],
    matter: '农产品运输车辆超限检查中的农药残留抽检职责',
    daysAgo: 16,
  },
  {
    stage: 'signing',
    applicant: 'market',
    respondents: ['transport'],
    matter: '网约车平台车载售卖行为的监管职责',
    daysAgo: 30,
  },
  {
    stage: 'served',
    applicant: 'agri',
    respondents: ['market'],
    matter: '种子门店销售未审定品种的查处职责',
    daysAgo: 45,
  },
  {
    stage: 'escalated',
    applicant: 'market',
    respondents: ['transport'],
    matter: '道路旅客运输车辆上销售“三无”食品的查处职责',
    daysAgo: 20,
  },
  {
    stage: 'decided',
    applicant: 'transport',
    respondents: ['agri'],
    matter: '农村公路两侧违规堆放秸秆的清理与查处职责',
    daysAgo: 40,
  },
  {
    stage: 'executed',
    applicant: 'market',
    respondents: ['agri'],
    matter: '生鲜乳收购站质量安全的监管职责',
    daysAgo: 80,
  },
];

const BODY = [
  '一、职责划分',
  '经协调，争议事项的日常监管与违法行为查处由申请单位负责，相对单位在其职责范围内做好配合，发现问题线索应于3个工作日内移送。',
  '二、协作机制',
  '双方建立信息通报机制，每季度互通检查情况一次；需联合检查的，由申请单位发起。',
].join('\n');

async function runDispute(db: Db, cast: Cast, spec: DemoDispute, today: string) {
  const day = (offset: number) => addCalendarDays(today, -spec.daysAgo + offset);
  const actorOf = (key: DemoDispute['applicant']) => cast[key];
  const filed = await applyDispute(
    db,
    actorOf(spec.applicant),
    {
      matter: spec.matter,
      position: '该事项属于相对单位的法定职责范围，本单位不具有查处权限。',
      legalBasis: '《中华人民共和国行政处罚法》第二十二条及相关部门“三定”规定',
      negotiationRecord: `${day(-5)}双方分管领导召开协商会，未能就职责归属达成一致。`,
      parties: spec.respondents.map((key) => ({
        orgId: cast.orgs[key],
        position: '对方认为该事项由申请单位负责。',
        legalBasis: '相关行业管理条例',
      })),
    },
    day(0),
  );
  const id = filed.id;
  if (spec.stage === 'submitted') return;
  if (spec.stage === 'returned') {
    await reviewDispute(
      db,
      cast.supervisor,
      id,
      { decision: 'return', reason: '申请未载明各方主张的具体法律条款，请补充后重新申请。' },
      day(2),
    );
    return;
  }
  await reviewDispute(db, cast.supervisor, id, { decision: 'accept' }, day(2));
  // the consulting one leaves its second respondent's view unanswered (overdue by now)
  const answering = spec.stage === 'consulting' ? spec.respondents.slice(0, 1) : spec.respondents;
  for (const key of answering) {
    await answerView(
      db,
      actorOf(key),
      id,
      {
        partyOrgId: cast.orgs[key],
        position: '本单位同意由申请单位牵头，本单位予以配合。',
        legalBasis: '部门“三定”规定',
      },
      day(5),
    );
  }
  if (spec.stage === 'consulting') return;
  await recordMeeting(
    db,
    cast.supervisor,
    id,
    {
      heldOn: day(8),
      place: '县司法局三楼会议室',
      attendees: '县司法局行政执法协调监督科，争议各方分管领导及法制机构负责人',
      experts: '新疆某律师事务所律师 1 名',
      minutes: '各方陈述主张及依据，经讨论形成一致意见，由司法局出具协调意见书。',
    },
    day(8),
  );
  if (spec.stage === 'escalated' || spec.stage === 'decided') {
    await escalateDispute(
      db,
      cast.supervisor,
      id,
      { reason: '经协调会议讨论，各方仍未达成一致意见。' },
      day(10),
    );
    await nameInterimLead(
      db,
      cast.supervisor,
      id,
      { orgId: cast.orgs[spec.applicant], reason: '事关群众通行及食品安全，须立即处置。' },
      day(10),
    );
    if (spec.stage === 'escalated') return;
    await recordDecision(
      db,
      cast.supervisor,
      id,
      {
        number: `博政办〔${day(20).slice(0, 4)}〕12号`,
        decidedOn: day(20),
        servedOn: day(21),
        content:
          '农村公路用地范围内堆放物的清理与查处由县交通运输局负责，县农业农村局负责秸秆综合利用的指导。',
      },
      day(21),
    );
    return;
  }
  const drafted = await createOpinionDraft(
    db,
    cast.supervisor,
    id,
    { title: `关于${spec.matter}争议的协调意见书`, body: BODY },
    day(9),
  );
  const documentId = drafted.documents.at(-1)!.id;
  await submitOpinion(db, cast.supervisor, id, documentId, day(9));
  if (spec.stage === 'signing') return;
  await signAsHead(db, cast.head, COORDINATION_RECORD_TYPES.opinion, documentId, day(10));
  await serveOpinion(db, cast.supervisor, id, documentId, { servedOn: day(11) }, day(11));
  await confirmExecution(
    db,
    actorOf(spec.applicant),
    id,
    { partyOrgId: cast.orgs[spec.applicant], note: '已按协调意见开展日常监管。' },
    day(14),
  );
  if (spec.stage === 'served') {
    await markViolation(
      db,
      cast.supervisor,
      {
        orgId: cast.orgs[spec.respondents[0]!],
        kind: 'not_executed',
        disputeId: id,
        facts: '协调意见书送达后逾期未确认执行，亦未说明理由。',
      },
      today,
    );
    return;
  }
  for (const key of spec.respondents) {
    await confirmExecution(
      db,
      actorOf(key),
      id,
      { partyOrgId: cast.orgs[key], note: '已按协调意见做好配合。' },
      day(16),
    );
  }
}

/** Loads the demo disputes; the accounts first. */
export async function seedDemoCoordination(db: Db, today: string): Promise<void> {
  await addAccounts(db);
  const cast: Cast = {
    supervisor: await actorOfAccount(db, 'supervisor'),
    head: await actorOfAccount(db, 'juzhang'),
    market: await actorOfAccount(db, 'legal'),
    agri: await actorOfAccount(db, 'nongye'),
    transport: await actorOfAccount(db, 'jiaotong'),
    orgs: {
      market: await orgIdByNames(db, ['博湖县市场监督管理局']),
      agri: await orgIdByNames(db, ['博湖县农业农村局']),
      transport: await orgIdByNames(db, ['博湖县交通运输局']),
    },
  };
  for (const spec of DISPUTES) await runDispute(db, cast, spec, today);
  await seedJointActionAndLiaison(db, cast, today);
}

/** The first case of an agency (demo-cases.ts), to link and to transfer. */
async function firstCaseOf(db: Db, orgId: number) {
  const org = await db.selectFrom('org').select('path').where('id', '=', orgId).executeTakeFirstOrThrow();
  return db
    .selectFrom('enforcement_case')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .select(['enforcement_case.id'])
    .where('org.path', 'like', `${org.path}%`)
    .orderBy('enforcement_case.filed_on', 'desc')
    .executeTakeFirst();
}

/**
 * 第八条: a joint action the bureau proposed (热点事件), both agencies confirmed, run with two
 * inspections and a linked case, and summarised; one the agencies are still negotiating. 第九条: a
 * major matter discussed once. 第十条: a case transfer to the public security bureau, received.
 */
async function seedJointActionAndLiaison(db: Db, cast: Cast, today: string) {
  const day = (offset: number) => addCalendarDays(today, offset);
  const run = await createJointAction(
    db,
    cast.supervisor,
    {
      title: '春季农资市场联合执法检查',
      situation: 'hot_event',
      initiatingOrgId: cast.orgs.agri,
      initiatorDuty: '牵头组织；负责农药、种子、化肥质量抽检和违法行为查处',
      participants: [{ orgId: cast.orgs.market, duty: '负责经营主体资格、价格和广告检查' }],
      startsOn: day(-40),
      endsOn: day(-30),
      places: '县城农资一条街及各乡镇农资经营门店',
      targets: '全县农资经营门店 36 家，重点为群众反映的 5 家门店',
    },
    day(-50),
  );
  await issueJointProposal(db, cast.supervisor, run.id, day(-48));
  await respondToJointPlan(db, cast.agri, run.id, { orgId: cast.orgs.agri, response: 'confirmed' }, day(-47));
  await respondToJointPlan(
    db,
    cast.market,
    run.id,
    { orgId: cast.orgs.market, response: 'confirmed', note: '同意，派 4 人参加' },
    day(-46),
  );
  await startJointAction(db, cast.agri, run.id, { startedOn: day(-40) }, day(-40));
  for (const [offset, place, findings] of [
    [-40, '博湖镇农资一条街', '检查门店 14 家，发现 2 家销售过期农药，1 家未建立进货台账'],
    [-35, '乌兰再格森乡、才坎诺尔乡', '检查门店 22 家，发现 1 家销售未审定玉米种子'],
  ] as const) {
    await recordJointInspection(
      db,
      cast.agri,
      run.id,
      { heldOn: day(offset), place, orgNames: '县农业农村局、县市场监督管理局', findings },
      day(offset),
    );
  }
  const agriCase = await firstCaseOf(db, cast.orgs.agri);
  if (agriCase) await linkJointCase(db, cast.agri, run.id, { caseId: agriCase.id });
  await closeJointAction(
    db,
    cast.agri,
    run.id,
    {
      summary:
        '一、总体情况\n共出动执法人员 26 人次，检查农资门店 36 家，立案查处 3 起。\n二、下一步工作\n对问题门店开展回头看，建立农资经营诚信档案。',
    },
    day(-28),
  );
  await createJointAction(
    db,
    cast.market,
    {
      title: '校园周边食品安全联合检查',
      initiatorDuty: '牵头；负责食品经营许可和食品安全检查',
      participants: [{ orgId: cast.orgs.transport, duty: '负责校车和接送车辆检查' }],
      startsOn: day(10),
      endsOn: day(20),
      places: '县城各中小学校周边',
      targets: '校园周边食品经营店 20 家、接送学生车辆',
    },
    day(-2),
  );
  const matter = await createMatter(
    db,
    cast.supervisor,
    {
      title: '餐厨垃圾收运处置环节监管职责衔接',
      description: '餐厨垃圾收运、处置环节涉及市场监管、城市管理等部门，查处依据和标准不一，群众反映集中。',
      orgId: cast.orgs.market,
      raisedOn: day(-20),
    },
    day(-20),
  );
  await recordMatterMeeting(
    db,
    cast.supervisor,
    matter.id,
    {
      heldOn: day(-15),
      attendees: '县司法局、县市场监督管理局、县住房和城乡建设局分管领导',
      minutes: '初步明确收运环节由城市管理部门负责，经营环节由市场监管部门负责，待县政府常务会议研究确定。',
    },
    day(-15),
  );
  const marketCase = await firstCaseOf(db, cast.orgs.market);
  if (marketCase) {
    const transfer = await createLiaison(
      db,
      cast.market,
      {
        kind: 'case_transfer',
        counterpart: 'judicial',
        counterpartName: '博湖县公安局',
        caseId: marketCase.id,
        subject: '涉嫌销售假冒注册商标商品案移送',
        reason: '经查涉案金额已达刑事立案追诉标准，依照《行政执法机关移送涉嫌犯罪案件的规定》移送。',
        sentOn: day(-12),
      },
      day(-12),
    );
    await recordLiaisonReceipt(
      db,
      cast.market,
      transfer.id,
      { receiptOn: day(-11), receiptBy: '县公安局法制大队 王勇' },
      day(-11),
    );
  }
  await createLiaison(
    db,
    cast.supervisor,
    {
      kind: 'information_exchange',
      counterpart: 'congress',
      counterpartName: '县人大常委会法制工作委员会',
      orgId: cast.orgs.agri,
      subject: '农业行政执法情况专题报告',
      reason: '配合县人大开展《农产品质量安全法》执法检查',
      sentOn: day(-20),
      dueOn: day(-3),
    },
    day(-20),
  );
}
