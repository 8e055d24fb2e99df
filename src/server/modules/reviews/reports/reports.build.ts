/**
 * The review documents as pure view-models (评查办法第十二条(三)(八)、第十三条、第十七条), rendered by
 * the shared GB/T 9704 renderer (documents.public.ts) and the XLSX writer:
 * - buildUnitReport: the per-unit 评查报告 with the seven items of 第十三条;
 * - buildOverallReport / buildCircular: the 总体报告 and the 通报, with counts, 优秀率 and 合格率 per
 *   unit, and the commended and criticised units of 第十七条;
 * - buildScoreSheet: one file's score sheet with every reviewer's deductions and reasons (第十条);
 * - buildScoresWorkbook: every sheet of the campaign as one table.
 */
import { formatChineseDate } from '../../../../common/format.ts';
import { RECTIFICATION_DAYS } from '../../../../common/reviews.ts';
import type { SheetModel } from '../../../lib/xlsx.ts';
import type { DocumentBlock, OfficialDocumentContent } from '../../documents/documents.public.ts';
import type { unitRates } from '../rechecks/result.rules.ts';

export type Rates = ReturnType<typeof unitRates>;

export interface ReportFile {
  caseNo: string;
  name: string;
  /** 卷宗号: the case number is the file's number in Fazhi */
  score: string | null;
  bandLabel: string | null;
  sourceLabel: string | null;
  /** deductions of the sheets that stand: criterion, points, reason */
  deductions: ReadonlyArray<{ no: number; title: string; deducted: string; reason: string }>;
}

export interface ReportUnit {
  name: string;
  rates: Rates;
  files: readonly ReportFile[];
}

export interface ReportCampaign {
  name: string;
  year: number;
  methodLabel: string;
  organiserName: string;
  closedFrom: string;
  closedTo: string;
  reviewerNames: readonly string[];
  publishedOn: string | null;
}

/**
 * 第十七条: 对案卷优秀率、合格率较高的被评查单位给予通报表扬，对于不合格案卷较多的应当予以通报批评.
 * Our reading (the seed gives no figures, so these are parameters): commended = no failing file and
 * 优秀率 at least `commendExcellentRate`; criticised = at least `criticiseFailCount` failing files or a
 * 合格率 below `criticisePassRate`.
 */
export const CIRCULAR_THRESHOLDS = { commendExcellentRate: 50, criticiseFailCount: 2, criticisePassRate: 80 };

export function commendedAndCriticised(units: readonly ReportUnit[], thresholds = CIRCULAR_THRESHOLDS) {
  const scored = units.filter((unit) => unit.rates.scored > 0);
  return {
    commended: scored
      .filter(
        (unit) =>
          unit.rates.fail === 0 && Number(unit.rates.excellentRate ?? 0) >= thresholds.commendExcellentRate,
      )
      .map((unit) => unit.name),
    criticised: scored
      .filter(
        (unit) =>
          unit.rates.fail >= thresholds.criticiseFailCount ||
          Number(unit.rates.passRate ?? 100) < thresholds.criticisePassRate,
      )
      .map((unit) => unit.name),
  };
}

const rate = (value: string | null) => (value === null ? '—' : `${value}%`);

/** One unit's 评查报告 (第十三条(一)–(七)). */
export function buildUnitReport(input: {
  campaign: ReportCampaign;
  unit: ReportUnit;
  date: string;
}): OfficialDocumentContent {
  const { campaign, unit } = input;
  const problems = unit.files.flatMap((file) =>
    file.deductions.map(
      (item) => `${file.caseNo}：第${item.no}项（${item.title}）扣${item.deducted}分，${item.reason}`,
    ),
  );
  const failing = unit.files.filter((file) => file.bandLabel === '不合格');
  const body: DocumentBlock[] = [
    { type: 'heading', level: 1, text: '被评查单位' },
    { type: 'paragraph', text: unit.name },
    { type: 'heading', level: 1, text: '评查工作人员' },
    { type: 'paragraph', text: campaign.reviewerNames.join('、') || '—' },
    { type: 'heading', level: 1, text: '评查案卷的数量、名称及卷宗号' },
    { type: 'paragraph', text: `共评查案卷 ${unit.files.length} 件。` },
    {
      type: 'table',
      header: ['序号', '卷宗号', '案卷名称'],
      rows: unit.files.map((file, index) => [String(index + 1), file.caseNo, file.name]),
      widths: [1, 4, 6],
    },
    { type: 'heading', level: 1, text: '评定情况' },
    {
      type: 'paragraph',
      text: `优秀 ${unit.rates.excellent} 件、合格 ${unit.rates.pass} 件、不合格 ${unit.rates.fail} 件，优秀率 ${rate(unit.rates.excellentRate)}，合格率 ${rate(unit.rates.passRate)}。`,
    },
    {
      type: 'table',
      header: ['卷宗号', '得分', '等次', '依据'],
      rows: unit.files.map((file) => [
        file.caseNo,
        file.score ?? '—',
        file.bandLabel ?? '—',
        file.sourceLabel ?? '—',
      ]),
      widths: [4, 2, 2, 3],
    },
    { type: 'heading', level: 1, text: '评查发现的主要问题' },
    ...(problems.length > 0
      ? problems.map((text): DocumentBlock => ({ type: 'paragraph', text }))
      : [{ type: 'paragraph' as const, text: '未发现扣分问题。' }]),
    { type: 'heading', level: 1, text: '整改建议' },
    {
      type: 'paragraph',
      text:
        failing.length > 0
          ? `对${failing.map((file) => file.caseNo).join('、')}等不合格案卷所涉问题逐项整改，完善案卷制作，并在评查通报发出后${RECTIFICATION_DAYS}日内将整改情况报告及已整改案卷报送县司法局备案（评查办法第十七条）。`
          : '针对上述问题健全内部案卷评查和纠错机制，进一步规范行政执法文书制作和立卷归档。',
    },
    { type: 'heading', level: 1, text: '其他应当通报的内容' },
    {
      type: 'paragraph',
      text: `本次评查为${campaign.methodLabel}，评查范围为${formatChineseDate(campaign.closedFrom)}至${formatChineseDate(campaign.closedTo)}办结的案卷，依据《博湖县行政执法案卷评查办法》第十五条标准实行百分制评分。`,
    },
  ];
  return {
    layout: 'plain',
    issuerName: campaign.organiserName,
    title: `${campaign.name}评查报告（${unit.name}）`,
    recipients: [unit.name],
    body,
    signatureOrg: `${campaign.name}评查小组`,
    date: input.date,
  };
}

function summaryBlocks(campaign: ReportCampaign, units: readonly ReportUnit[]): DocumentBlock[] {
  const files = units.reduce((sum, unit) => sum + unit.files.length, 0);
  const total = units.reduce(
    (sum, unit) => ({
      excellent: sum.excellent + unit.rates.excellent,
      pass: sum.pass + unit.rates.pass,
      fail: sum.fail + unit.rates.fail,
    }),
    { excellent: 0, pass: 0, fail: 0 },
  );
  const scored = total.excellent + total.pass + total.fail;
  const percent = (count: number) => (scored === 0 ? '—' : `${((count * 100) / scored).toFixed(1)}%`);
  return [
    { type: 'heading', level: 1, text: '基本情况' },
    {
      type: 'paragraph',
      text: `${campaign.organiserName}组织开展${campaign.name}（${campaign.methodLabel}），对 ${units.length} 个单位${formatChineseDate(campaign.closedFrom)}至${formatChineseDate(campaign.closedTo)}办结的 ${files} 件行政执法案卷进行了评查，每件案卷由不少于 2 名评查人员独立评分（评查办法第十一条）。`,
    },
    {
      type: 'paragraph',
      text: `评定优秀 ${total.excellent} 件、合格 ${total.pass} 件、不合格 ${total.fail} 件，优秀率 ${percent(total.excellent)}，合格率 ${percent(total.excellent + total.pass)}。`,
    },
    { type: 'heading', level: 1, text: '各单位评查情况' },
    {
      type: 'table',
      header: ['单位', '评查件数', '优秀', '合格', '不合格', '优秀率', '合格率'],
      rows: units.map((unit) => [
        unit.name,
        String(unit.files.length),
        String(unit.rates.excellent),
        String(unit.rates.pass),
        String(unit.rates.fail),
        rate(unit.rates.excellentRate),
        rate(unit.rates.passRate),
      ]),
      widths: [4, 2.6, 1.5, 1.5, 1.8, 1.8, 1.8],
    },
  ];
}

function commendBlocks(units: readonly ReportUnit[]): DocumentBlock[] {
  const { commended, criticised } = commendedAndCriticised(units);
  return [
    { type: 'heading', level: 1, text: '通报表扬和通报批评' },
    {
      type: 'paragraph',
      text:
        commended.length > 0
          ? `${commended.join('、')}案卷优秀率、合格率较高，予以通报表扬。`
          : '本次评查无达到通报表扬条件的单位。',
    },
    {
      type: 'paragraph',
      text:
        criticised.length > 0
          ? `${criticised.join('、')}不合格案卷较多，予以通报批评，并责令改正。`
          : '本次评查无达到通报批评条件的单位。',
    },
  ];
}

/** The 总体报告 (第十二条(八)): the campaign's whole result, an internal working document. */
export function buildOverallReport(input: {
  campaign: ReportCampaign;
  units: readonly ReportUnit[];
  date: string;
}): OfficialDocumentContent {
  const problems = input.units.flatMap((unit) =>
    unit.files.flatMap((file) => file.deductions.map((item) => `第${item.no}项（${item.title}）`)),
  );
  const counted = [...new Set(problems)]
    .map((label) => ({ label, count: problems.filter((problem) => problem === label).length }))
    .sort((a, b) => b.count - a.count)
    .slice(0, 5);
  return {
    layout: 'plain',
    issuerName: input.campaign.organiserName,
    title: `${input.campaign.name}总体报告`,
    recipients: [],
    body: [
      ...summaryBlocks(input.campaign, input.units),
      { type: 'heading', level: 1, text: '主要问题' },
      ...(counted.length > 0
        ? counted.map(
            (item): DocumentBlock => ({ type: 'paragraph', text: `${item.label}：扣分 ${item.count} 处。` }),
          )
        : [{ type: 'paragraph' as const, text: '未发现扣分问题。' }]),
      ...commendBlocks(input.units),
    ],
    signatureOrg: input.campaign.organiserName,
    date: input.date,
  };
}

/** The 通报 (第十七条), numbered from the 博司评 register once signed. */
export function buildCircular(input: {
  campaign: ReportCampaign;
  units: readonly ReportUnit[];
  number: string | null;
  numberPrefix: string | null;
  date: string;
  signer: string | null;
}): OfficialDocumentContent {
  return {
    layout: 'official',
    issuerName: input.campaign.organiserName,
    number: input.number,
    numberPrefix: input.numberPrefix,
    title: `关于${input.campaign.name}情况的通报`,
    recipients: input.units.map((unit) => unit.name),
    body: [
      ...summaryBlocks(input.campaign, input.units),
      ...commendBlocks(input.units),
      { type: 'heading', level: 1, text: '整改要求' },
      {
        type: 'paragraph',
        text: `有不合格案卷的单位应当对照评查报告逐项整改，并于本通报发出后${RECTIFICATION_DAYS}日内将整改情况报告及已整改案卷报送${input.campaign.organiserName}（评查办法第十七条）。`,
      },
    ],
    signatureOrg: input.campaign.organiserName,
    date: input.date,
    ...(input.number === null && { marking: '未签发稿' }),
  };
}

/** One file's score sheet: every reviewer's sheet with deductions and reasons, and the result. */
export function buildScoreSheet(input: {
  campaign: ReportCampaign;
  unitName: string;
  file: ReportFile;
  criteria: ReadonlyArray<{ no: number; title: string; points: number }>;
  reviewers: ReadonlyArray<{
    name: string;
    kindLabel: string;
    total: string | null;
    signedAt: string | null;
    items: ReadonlyArray<{ no: number; deducted: string; reason: string }>;
  }>;
  date: string;
}): OfficialDocumentContent {
  const body: DocumentBlock[] = [
    {
      type: 'paragraph',
      text: `被评查单位：${input.unitName}；卷宗号：${input.file.caseNo}；案卷名称：${input.file.name}。`,
    },
    {
      type: 'paragraph',
      text: `最终得分：${input.file.score ?? '—'}，等次：${input.file.bandLabel ?? '—'}（${input.file.sourceLabel ?? '未定分'}）。`,
    },
  ];
  for (const reviewer of input.reviewers) {
    body.push({ type: 'heading', level: 1, text: `${reviewer.name}（${reviewer.kindLabel}）` });
    body.push({
      type: 'table',
      header: ['序号', '评查标准', '分值', '扣分', '扣分理由'],
      rows: input.criteria.map((criterion) => {
        const item = reviewer.items.find((candidate) => candidate.no === criterion.no);
        return [
          String(criterion.no),
          criterion.title,
          String(criterion.points),
          item?.deducted ?? '0',
          item?.reason ?? '',
        ];
      }),
      widths: [1, 6, 1, 1, 4],
    });
    body.push({
      type: 'paragraph',
      text: `得分 ${reviewer.total ?? '未提交'}。评查人员签名：${reviewer.signedAt ? `${reviewer.name}（${reviewer.signedAt}）` : '未签名'}。`,
    });
  }
  return {
    layout: 'plain',
    issuerName: input.campaign.organiserName,
    title: `行政执法案卷评查评分表`,
    recipients: [],
    body,
    signatureOrg: `${input.campaign.name}评查小组`,
    date: input.date,
  };
}

/** Every submitted sheet of the campaign, one row per reviewer and file, with the file's result. */
export function buildScoresWorkbook(input: {
  criteriaNos: readonly number[];
  rows: ReadonlyArray<{
    unitName: string;
    caseNo: string;
    name: string;
    reviewer: string;
    kindLabel: string;
    deductions: ReadonlyArray<{ no: number; deducted: string; reason: string }>;
    total: string;
    fileScore: string | null;
    bandLabel: string | null;
  }>;
}): SheetModel {
  return {
    name: '评查得分',
    columns: [
      { header: '被评查单位', width: 24 },
      { header: '卷宗号', width: 26 },
      { header: '案卷名称', width: 30 },
      { header: '评查人员', width: 10 },
      { header: '评分类别', width: 8 },
      ...input.criteriaNos.map((no) => ({ header: `第${no}项扣分`, width: 9 })),
      { header: '扣分理由', width: 40 },
      { header: '评查人员得分', width: 10 },
      { header: '案卷得分', width: 10 },
      { header: '等次', width: 8 },
    ],
    rows: input.rows.map((row) => [
      row.unitName,
      row.caseNo,
      row.name,
      row.reviewer,
      row.kindLabel,
      ...input.criteriaNos.map((no) => Number(row.deductions.find((item) => item.no === no)?.deducted ?? 0)),
      row.deductions.map((item) => `第${item.no}项：${item.reason}`).join('；'),
      Number(row.total),
      row.fileScore === null ? null : Number(row.fileScore),
      row.bandLabel,
    ]),
  };
}
