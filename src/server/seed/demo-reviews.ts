/**
 * Demo case-file reviews for 博湖县 (issue 14), relative to the day the seed runs and made through the
 * services a user's clicks go through (validated and audited): a campaign over the cases closed in the
 * half-year before last, scored, re-reviewed, published, with an objection of the market bureau
 * waiting for its 重点复核, the circular issued and the market bureau's rectification report waiting
 * for the organiser; and a campaign over the last half-year in scoring, in which the `reviewer`
 * account (陈静) has files to score. Skipped quietly when the demo cases leave too few files.
 *
 * The unit-test template leaves it out (`{ reviews: false }` in global-setup.ts): the review tests
 * build their own expert pool and count audit entries.
 */
import { addCalendarDays } from '../../common/calendar.ts';
import type { Db } from '../db/database.ts';
import type { Actor } from '../lib/access.ts';
import { actorOfAccount } from '../modules/assessment/account-actor.ts';
import {
  applyAssignment,
  listMyAssignments,
  previewAssignment,
} from '../modules/reviews/assignments/assignments.service.ts';
import { createCampaign } from '../modules/reviews/campaigns/campaigns.service.ts';
import { applyDraw, previewDraw } from '../modules/reviews/campaigns/draw.service.ts';
import { createExpert, setPanel } from '../modules/reviews/panels/panels.service.ts';
import { fileObjection } from '../modules/reviews/rechecks/objections.service.ts';
import { assignRecheck } from '../modules/reviews/rechecks/rechecks.service.ts';
import { submitRectification } from '../modules/reviews/rectifications/rectifications.service.ts';
import { issueCircular } from '../modules/reviews/reports/reports.service.ts';
import { publishCampaign } from '../modules/reviews/results/results.service.ts';
import { listFileScores, saveSheet } from '../modules/reviews/scoring/scoring.service.ts';

async function orgIdByName(db: Db, name: string) {
  return (
    await db.selectFrom('org').select('id').where('name', '=', name).orderBy('id').executeTakeFirstOrThrow()
  ).id;
}

export async function seedDemoReviews(db: Db, today: string): Promise<void> {
  const supervisor = await actorOfAccount(db, 'supervisor');
  const market = await orgIdByName(db, '博湖县市场监督管理局');
  const land = await orgIdByName(db, '博湖县自然资源局');
  const experts: Record<string, number> = {};
  for (const [username, name, category] of [
    ['supervisor', '李建国', 'supervisor'],
    ['reviewer', '陈静', 'officer'],
    ['nongye', '孙海燕', 'officer'],
    ['jiaotong', '何振华', 'officer'],
  ] as const) {
    const userId = (
      await db.selectFrom('user_account').select('id').where('username', '=', username).executeTakeFirst()
    )?.id;
    if (!userId) return;
    experts[username] = (
      await createExpert(db, supervisor, { name, category, expertise: [], note: null, userId })
    ).id;
  }
  const year = Number(today.slice(0, 4));
  const campaignOver = async (name: string, from: string, to: string) => {
    const campaign = await createCampaign(db, supervisor, {
      name,
      year,
      method: 'random',
      regularity: 'regular',
      unitIds: [market, land],
      caseKinds: ['penalty', 'licensing', 'coercion'],
      closedFrom: from,
      closedTo: to,
      requirements: '各单位如实上报案卷目录（评查办法第二十条）',
      fileListDueOn: addCalendarDays(today, -20),
      scoringDueOn: addCalendarDays(today, 20),
      objectionDays: 7,
    } as never);
    const params = { mode: 'count' as const, count: 4, byUnit: true, byKind: false };
    const preview = await previewDraw(db, supervisor, campaign.id, { params, seed: `demo-${campaign.id}` });
    if (preview.drawn.length < 2) return null;
    await applyDraw(db, supervisor, campaign.id, {
      params,
      seed: preview.seed,
      eligibleDigest: preview.eligibleDigest,
    });
    await setPanel(db, supervisor, campaign.id, Object.values(experts));
    const proposal = await previewAssignment(db, supervisor, campaign.id);
    if (proposal.shortfalls.length > 0) return null;
    await applyAssignment(db, supervisor, campaign.id, proposal.proposalDigest);
    return campaign.id as number;
  };

  // 1. the half-year before last: scored, re-reviewed, published, objection and rectification pending
  const published = await campaignOver(
    `${year}年上半年行政执法案卷评查`,
    addCalendarDays(today, -365),
    addCalendarDays(today, -183),
  );
  if (published !== null) {
    const actors: Record<string, Actor> = {};
    for (const username of Object.keys(experts)) actors[username] = await actorOfAccount(db, username);
    const scores = await listFileScores(db, supervisor, published);
    const failingFile = scores.items.find((item) => item.unitName === '博湖县市场监督管理局')?.fileId;
    for (const [username, actor] of Object.entries(actors))
      for (const task of (await listMyAssignments(db, actor)).items.filter(
        (item) => item.campaignId === published,
      )) {
        const fails = task.fileId === failingFile;
        await saveSheet(db, actor, task.assignmentId, {
          items: fails
            ? [
                { no: 2, deducted: 15, reason: '主要违法事实仅有当事人陈述，无其他证据印证' },
                { no: 3, deducted: 10, reason: '处罚决定未引用具体条款' },
                { no: 4, deducted: username === 'supervisor' ? 15 : 12, reason: '未履行事先告知程序' },
                { no: 1, deducted: 5, reason: '一名执法人员执法证已过期' },
              ]
            : [{ no: 8, deducted: username === 'supervisor' ? 2 : 3, reason: '送达回证填写不全' }],
          note: fails ? '建议评为不合格' : null,
          submit: true,
        });
      }
    if (failingFile !== undefined) {
      const assigned = (await listFileScores(db, supervisor, published)).items.find(
        (item) => item.fileId === failingFile,
      );
      const onFile = new Set(
        (
          await db
            .selectFrom('review_assignment')
            .select('expert_id')
            .where('file_id', '=', failingFile)
            .execute()
        ).map((row) => row.expert_id),
      );
      const spare = Object.entries(experts).find(
        ([username, id]) => !onFile.has(id) && username !== 'reviewer',
      );
      if (assigned?.flags.length && spare) {
        await assignRecheck(db, supervisor, published, {
          fileId: failingFile,
          expertId: spare[1],
          reason: '评定为不合格，复评确认（第十二条(五)）',
        });
        const task = (await listMyAssignments(db, actors[spare[0]]!)).items.find(
          (item) => item.fileId === failingFile,
        )!;
        await saveSheet(db, actors[spare[0]]!, task.assignmentId, {
          items: [
            { no: 2, deducted: 15, reason: '主要违法事实证据不足' },
            { no: 4, deducted: 15, reason: '未履行事先告知程序，影响当事人陈述申辩' },
            { no: 3, deducted: 10, reason: '适用条款不准确' },
            { no: 1, deducted: 5, reason: '执法人员资格存疑' },
          ],
          note: '复评维持不合格',
          submit: true,
        });
      }
    }
    await publishCampaign(db, supervisor, published);
    const legal = await actorOfAccount(db, 'legal');
    const objected = (await listFileScores(db, supervisor, published)).items.find(
      (item) => item.unitName === '博湖县市场监督管理局' && item.fileId !== failingFile,
    );
    if (objected)
      await fileObjection(db, legal, published, {
        fileId: objected.fileId,
        reasons: '送达回证已在副卷中，评查时未调阅，请求重点复核',
        proof: '副卷第 4 页送达回证',
      });
    await issueCircular(db, supervisor, published);
    if (failingFile !== undefined)
      await submitRectification(db, legal, published, market, {
        report: '已对不合格案卷补充证据、补正法律依据，组织执法大队专题学习《行政处罚法》事先告知程序',
        attachmentNames: ['整改后的案卷目录', '专题学习记录'],
      });
  }

  // 2. the last half-year: in scoring; 陈静 (reviewer) has files to score
  await campaignOver(`${year}年下半年行政执法案卷评查`, addCalendarDays(today, -182), today);
}
