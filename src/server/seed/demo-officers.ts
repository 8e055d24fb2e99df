import { addCalendarDays } from '../../common/calendar.ts';
import type { Db } from '../db/database.ts';
import type { OfficerStatus, TrainingKind } from '../db/schema.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { addYears } from '../modules/officers/certificates/certificate-state.ts';

/**
 * About 300 demo officers for 博湖县: every agency's enforcement team, section and legal unit and
 * every township's enforcement team, with certificates in every state relative to `today` (the
 * day the seed runs), annual reviews, training (some short of 40 h or of a bureau training), post
 * changes and a few work logs for the demo officer 张伟. Deterministic: a fixed-seed PRNG.
 */
const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段'.split(
    '',
  );
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志强海燕玉兰红梅文斌晓东建华立新春梅丹凤鑫宇浩然子涵欣怡思远博文雅婷俊杰'.split(
    '',
  );
const ETHNICITIES = ['汉族', '汉族', '汉族', '汉族', '蒙古族', '维吾尔族', '回族', '哈萨克族'];
const EDUCATION = ['大学本科', '大学本科', '大学专科', '研究生', '大学本科'];
const POSITIONS = ['科员', '科员', '科员', '副队长', '队长', '副股长', '股长', '四级主任科员'];
const POSTS: Array<[string, string]> = [
  ['日常检查岗', '辖区日常监督检查'],
  ['案件查处岗', '立案调查、案件办理'],
  ['法制审核岗', '重大执法决定法制审核'],
  ['投诉举报处理岗', '投诉举报受理与核查'],
  ['专项整治岗', '专项执法行动'],
];

/** Mulberry32: small, fast and good enough for demo data. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Orgs officers are seeded into, by demo-county key, with how many each gets. */
const PLACEMENT: Array<[string, number]> = [
  ...['market', 'land', 'agri', 'transport', 'safety', 'culture', 'health'].flatMap(
    (agency): Array<[string, number]> => [
      [`${agency}.team`, 26],
      [`${agency}.section`, 8],
      [`${agency}.legal`, 2],
    ],
  ),
  ...['t.bohu', 't.benbutu', 't.tawen', 't.wulan', 't.caikan'].map((township): [string, number] => [
    `${township}.team`,
    10,
  ]),
];

const AGENCY_CATEGORIES: Record<string, string[]> = {
  market: ['市场监管', '食品安全', '价格'],
  land: ['自然资源', '土地管理'],
  agri: ['农业', '种子', '农药'],
  transport: ['交通运输', '道路运输'],
  safety: ['安全生产', '危险化学品'],
  culture: ['文化市场', '旅游'],
  health: ['卫生健康', '医疗机构'],
};

type CertificatePlan = 'valid' | 'expiring90' | 'expiring30' | 'expired' | 'suspended' | 'revoked' | 'none';
const PLANS: Array<[CertificatePlan, number]> = [
  ['valid', 0.72],
  ['expiring90', 0.07],
  ['expiring30', 0.05],
  ['expired', 0.06],
  ['suspended', 0.02],
  ['revoked', 0.02],
  ['none', 0.06],
];

export interface DemoOfficersResult {
  officers: number;
  certificates: number;
  trainings: number;
}

export async function seedDemoOfficers(
  trx: Db,
  idsByKey: ReadonlyMap<string, number>,
  demoOfficerUserId: number | undefined,
  today: string,
): Promise<DemoOfficersResult> {
  const random = createRandom(20_250_101);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const planFor = (): CertificatePlan => {
    let roll = random();
    for (const [plan, share] of PLANS) {
      roll -= share;
      if (roll < 0) return plan;
    }
    return 'valid';
  };

  const officerValues: Array<{
    org_id: number;
    user_id: number | null;
    name: string;
    gender: 'male' | 'female';
    ethnicity: string;
    education: string;
    birth_date: string;
    position: string;
    post: string;
    duties: string;
    qualified_on: string;
    started_work_on: string;
    phone: string;
    status: OfficerStatus;
  }> = [];
  const meta: Array<{ agency: string; plan: CertificatePlan; qualifiedOn: string }> = [];
  for (const [key, count] of PLACEMENT) {
    const orgId = idsByKey.get(key);
    if (!orgId) throw new Error(`demo officers: unknown org ${key}`);
    for (let index = 0; index < count; index += 1) {
      const isFirst: boolean = officerValues.length === 0;
      const birthYear = between(1968, 1998);
      const startedWork = `${birthYear + between(21, 25)}-07-01`;
      const qualifiedOn = addCalendarDays(startedWork, between(180, 900));
      const [post, duties] = pick(POSTS);
      const statusRoll = random();
      const status: OfficerStatus = isFirst
        ? 'active'
        : statusRoll < 0.9
          ? 'active'
          : statusRoll < 0.94
            ? 'transferred'
            : statusRoll < 0.97
              ? 'retired'
              : 'suspended';
      officerValues.push({
        org_id: orgId,
        // the first officer (in the market team) is 张伟, the demo `officer` account
        user_id: isFirst ? (demoOfficerUserId ?? null) : null,
        name: isFirst ? '张伟' : pick(SURNAMES) + pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : ''),
        gender: (random() < 0.68 ? 'male' : 'female') as 'male' | 'female',
        ethnicity: pick(ETHNICITIES),
        education: pick(EDUCATION),
        birth_date: `${birthYear}-${String(between(1, 12)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`,
        position: pick(POSITIONS),
        post,
        duties,
        qualified_on: qualifiedOn < today ? qualifiedOn : addCalendarDays(today, -400),
        started_work_on: startedWork,
        phone: `139${String(between(0, 99_999_999)).padStart(8, '0')}`,
        status,
      });
      meta.push({ agency: key.split('.')[0]!, plan: isFirst ? 'valid' : planFor(), qualifiedOn });
    }
  }
  const officers = await trx.insertInto('officer').values(officerValues).returning('id').execute();

  const certificateValues = [];
  const certificateOwners: Array<{ plan: CertificatePlan; issuedOn: string }> = [];
  for (const [index, officer] of officers.entries()) {
    const { agency, plan } = meta[index]!;
    if (plan === 'none') continue;
    const validUntil =
      plan === 'expiring30'
        ? addCalendarDays(today, between(0, 30))
        : plan === 'expiring90'
          ? addCalendarDays(today, between(31, 90))
          : plan === 'expired'
            ? addCalendarDays(today, -between(1, 300))
            : addCalendarDays(today, between(91, 1500));
    const issuedOn =
      addYears(validUntil, -5) < today
        ? addCalendarDays(addYears(validUntil, -5), 1)
        : addCalendarDays(today, -30);
    const categories = AGENCY_CATEGORIES[agency] ?? ['综合行政执法'];
    certificateValues.push({
      officer_id: officer.id,
      number: `652829${issuedOn.slice(0, 4)}${String(officer.id).padStart(5, '0')}`,
      issuer: '博湖县人民政府',
      area: agency.startsWith('t') ? '博湖县（乡镇）' : '博湖县',
      categories: categories.slice(0, between(1, categories.length)),
      issued_on: issuedOn,
      valid_until: validUntil,
      is_suspended: plan === 'suspended',
      is_revoked: plan === 'revoked',
      note: plan === 'suspended' ? '因涉嫌违规执法暂扣' : plan === 'revoked' ? '调离执法岗位注销' : null,
    });
    certificateOwners.push({ plan, issuedOn });
  }
  const certificates = await trx
    .insertInto('certificate')
    .values(certificateValues)
    .returning('id')
    .execute();

  // 年审: yearly passing reviews since issue; about one in eight in-force certificates misses the last.
  const reviewValues = [];
  for (const [index, certificate] of certificates.entries()) {
    const { issuedOn, plan } = certificateOwners[index]!;
    const skipsLast = index !== 0 && plan !== 'expired' && random() < 0.12;
    for (let year = 1; addYears(issuedOn, year) <= today; year += 1) {
      const reviewedOn = addCalendarDays(addYears(issuedOn, year), -between(0, 20));
      const isLast = addYears(issuedOn, year + 1) > today;
      if (isLast && skipsLast) continue;
      reviewValues.push({
        certificate_id: certificate.id,
        reviewed_on: reviewedOn,
        result: 'pass' as const,
        note: null,
      });
    }
  }
  if (reviewValues.length > 0) await trx.insertInto('certificate_review').values(reviewValues).execute();

  // Training this year and last year: most meet 40 h with a bureau training; some fall short.
  const year = Number(today.slice(0, 4));
  const trainingValues = [];
  const topics: Array<[string, TrainingKind]> = [
    ['新修订《行政处罚法》专题培训', 'thematic'],
    ['行政执法“三项制度”业务培训', 'post'],
    ['“法治讲堂·逢九必讲”在线学习', 'self_study'],
    ['行政执法案卷制作规范培训', 'post'],
    ['行政复议与行政诉讼案例研讨', 'thematic'],
    ['“法宣在线”自主学习', 'self_study'],
  ];
  for (const [index, officer] of officers.entries()) {
    for (const trainingYear of [year - 1, year]) {
      const lastDay = trainingYear === year ? today : `${trainingYear}-12-31`;
      const firstDay = `${trainingYear}-01-01`;
      const span = Math.max(0, Math.round((Date.parse(lastDay) - Date.parse(firstDay)) / 86_400_000));
      const profile = random();
      const hasBureau = index === 0 || profile > 0.12;
      const targetHours = profile > 0.25 ? between(40, 64) : between(12, 38);
      let hours = 0;
      if (hasBureau) {
        const bureauHours = between(8, 16);
        hours += bureauHours;
        trainingValues.push({
          officer_id: officer.id,
          held_on: addCalendarDays(firstDay, between(0, span)),
          hours: bureauHours,
          content: '全县行政执法人员业务能力提升培训',
          kind: 'post' as const,
          organiser: '博湖县司法局',
          is_bureau_organised: true,
          result: pick(['合格', '优秀', '合格']),
        });
      }
      while (hours < targetHours) {
        const [content, kind] = pick(topics);
        const chunk = Math.min(between(2, 12), targetHours - hours) + (random() < 0.2 ? 0.5 : 0);
        hours += chunk;
        trainingValues.push({
          officer_id: officer.id,
          held_on: addCalendarDays(firstDay, between(0, span)),
          hours: chunk,
          content,
          kind,
          organiser: kind === 'self_study' ? '个人自学' : '本单位',
          is_bureau_organised: false,
          result: kind === 'self_study' ? null : '合格',
        });
      }
    }
  }
  await trx.insertInto('training').values(trainingValues).execute();

  // Post changes for about one in five officers.
  const postChangeValues = [];
  for (const [index, officer] of officers.entries()) {
    if (index !== 0 && random() > 0.2) continue;
    const current = officerValues[index]!;
    const [fromPost, fromDuties] = pick(POSTS.filter(([post]) => post !== current.post));
    postChangeValues.push({
      officer_id: officer.id,
      changed_on: addCalendarDays(today, -between(60, 1500)),
      from_post: fromPost,
      from_duties: fromDuties,
      to_post: current.post,
      to_duties: current.duties,
      reason: pick(['工作需要', '岗位轮换', '个人申请，经局党组研究同意']),
    });
  }
  if (postChangeValues.length > 0) await trx.insertInto('post_change').values(postChangeValues).execute();

  // 张伟's work log: the last two weeks of daily entries, a weekly one and a self-evaluation.
  const zhangWei = officers[0]!.id;
  const workLogs = [];
  for (let day = 1; day <= 10; day += 1) {
    const date = addCalendarDays(today, -day);
    workLogs.push({
      officer_id: zhangWei,
      kind: 'daily' as const,
      period_start: date,
      period_end: date,
      content: pick([
        '对辖区食品经营户开展日常检查',
        '办理一起无证经营案件的调查取证',
        '受理并核查投诉举报2件',
        '参加全局案卷评查准备会',
      ]),
    });
  }
  workLogs.push(
    {
      officer_id: zhangWei,
      kind: 'weekly' as const,
      period_start: addCalendarDays(today, -13),
      period_end: addCalendarDays(today, -7),
      content: '本周检查经营户12家，立案1件，办结简易程序案件2件。',
    },
    {
      officer_id: zhangWei,
      kind: 'self_evaluation' as const,
      period_start: addCalendarDays(today, -90),
      period_end: addCalendarDays(today, -1),
      content: '本阶段认真履行执法岗位职责，办案程序规范；不足是案卷制作有待细化。自评：较好。',
    },
  );
  await trx.insertInto('work_log').values(workLogs).execute();

  const result = {
    officers: officers.length,
    certificates: certificates.length,
    trainings: trainingValues.length,
  };
  await recordAudit(trx, null, {
    action: 'system.seed_demo_officers',
    entityType: 'officer',
    orgId: idsByKey.get('county') ?? null,
    after: result,
  });
  return result;
}
