/**
 * Demo coordination for 博湖县 (issue 16), relative to the day the seed runs and made through the
 * services a user's clicks go through (validated and audited): jurisdiction disputes at every
 * stage of 协调监督办法第七条 — waiting for review, returned, consulting with one view overdue, an
 * opinion waiting for sign-off, an opinion served with one party still to confirm (and marked under
 * 第二十三条(二)), two referred to the county government with an interim lead (one with its
 * decision served), and one executed — among the market, agriculture and transport bureaus.
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
}
