import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderFormDocx } from '../../../lib/form.docx.ts';
import { renderFormXlsx } from '../../../lib/form.xlsx.ts';
import { docxTableRows, docxText } from '../../../testing/docx-text.ts';
import type { OfficerCounts } from '../../cases/records/officer-counts.ts';
import { renderOfficialDocx } from '../../documents/documents.public.ts';
import { renderAnnualSummaryDocx } from './annual-summary.docx.ts';
import { buildAnnualSummary } from './annual-summary.ts';
import { renderAnnualSummaryXlsx } from './annual-summary.xlsx.ts';
import { buildAssessmentArchiveSections } from './archive-sections.ts';
import type { OfficerFormFields } from './officer-form-fields.ts';
import { buildQualitySupervisionForm } from './quality-supervision.form.ts';
import { buildResultsCircular, type ResultsCircularInput } from './results-circular.ts';
import { buildRewardsPunishmentsRecord, rewardSpanOf } from './rewards-punishments.form.ts';

const officer: OfficerFormFields = {
  name: '张伟',
  agencyName: '博湖县市场监督管理局',
  orgName: '市场监管综合行政执法大队',
  position: '科员',
  post: '食品安全执法',
  duties: '食品经营监督检查',
  certificates: [
    {
      id: 1,
      officerId: 1,
      number: '65280012345',
      issuer: '博湖县人民政府',
      area: '博湖县',
      categories: [],
      issuedOn: '2021-03-01',
      validUntil: '2027-02-28',
      isSuspended: false,
      isRevoked: false,
      note: null,
      state: 'valid',
      stateLabel: '有效',
      daysLeft: 100,
      warningLevel: null,
      isReviewOverdue: false,
      reviews: [],
    },
  ],
};

const counts: OfficerCounts = {
  officerId: 1,
  name: '张伟',
  casesHandled: 12,
  complaints: 3,
  substantiated: 1,
  unfounded: 2,
  qualityExcellent: 4,
  qualityPass: 7,
  qualityFail: 1,
  campaignsJoined: 2,
  supervisedCases: 1,
  assignedCases: 5,
  petitionsHandled: 6,
  majorStabilityMatters: 0,
};

/** label → value of a FormModel */
const valuesOf = (model: { rows: Array<Array<{ label: string; value: string }>> }) =>
  Object.fromEntries(model.rows.flat().map((pair) => [pair.label, pair.value]));

/** Every non-empty cell of the first worksheet as 'A1' → text. */
async function sheetCells(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const cells: Record<string, string> = {};
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      cells[cell.address] = String(cell.value ?? '');
    }),
  );
  return { sheet, cells };
}

describe('质量监督表 (seed 000, quarterly)', () => {
  const model = buildQualitySupervisionForm({
    officer,
    periodLabel: '2025年第三季度',
    filledOn: '2025-10-09',
    cases: [
      {
        caseNo: '博市监罚〔2025〕12号',
        name: '销售过期食品案',
        kind: 'penalty',
        closedOn: '2025-08-01',
        qualityGrade: 'excellent',
        qualityOpinion: '证据确凿，程序合法',
      },
      {
        caseNo: '博市监检〔2025〕3号',
        name: '餐饮单位检查',
        kind: 'inspection',
        closedOn: '2025-09-10',
        qualityGrade: null,
        qualityOpinion: null,
      },
    ],
    counts: { casesHandled: 2, complaints: 3, substantiated: 1, unfounded: 2 },
    result: { total: '86.5', grade: '合格', rank: 7, subjectCount: 21 },
  });

  it('has the seed’s rows in the seed’s order, filled where Fazhi holds the data', () => {
    expect(model.title).toBe('行政执法人员行政执法质量监督表');
    expect(model.rows.flat().map((pair) => pair.label)).toEqual([
      '姓名',
      '所在单位及科室',
      '职务',
      '执法岗位及职责',
      '行政执法证编号',
      '有效期限',
      '办案数量',
      '行政执法情况',
      '办案质量情况',
      '执法工作创新情况',
      '执法检查情况',
      '明查暗访情况',
      '被投诉控告情况',
      '调查属实情况',
      '本季度执法考评等次',
    ]);
    const values = valuesOf(model);
    expect(values.所在单位及科室).toBe('博湖县市场监督管理局 市场监管综合行政执法大队');
    expect(values.有效期限).toBe('2021年3月1日至2027年2月28日');
    expect(values.办案数量).toBe('（2）件');
    expect(values.行政执法情况).toContain('本季度办结案件 2 件：行政处罚 1 件、行政检查 1 件');
    expect(values.办案质量情况!.split('\n')).toEqual([
      '优秀（1）件　合格（0）件　不合格（0）件　尚未作质量分析（1）件',
      '1. 销售过期食品案（博市监罚〔2025〕12号），2025年8月1日结案：优秀。证据确凿，程序合法',
      '2. 餐饮单位检查（博市监检〔2025〕3号），2025年9月10日结案：尚未作质量分析',
    ]);
    expect(values.被投诉控告情况).toBe('被投诉控告（3）件');
    expect(values.调查属实情况).toBe('经调查属实（1）件　经调查不属实（2）件');
    expect(values.本季度执法考评等次).toMatch(/^合格（得分 86\.5，第 7 名，共 21 人）\n盖章/);
    // not held by Fazhi: left for the officer and the legal-affairs unit
    for (const label of ['执法工作创新情况', '执法检查情况', '明查暗访情况'])
      expect(values[label]!.trim()).toBe('');
  });

  it('prints as DOCX with the title, the officer and the quarter’s grade', async () => {
    const text = docxText(await renderFormDocx(model));
    expect(text).toContain('行政执法人员行政执法质量监督表');
    expect(text).toContain(
      '单位：博湖县市场监督管理局　　考核期间：2025年第三季度　　填表日期：2025年10月9日',
    );
    const rows = docxTableRows(await renderFormDocx(model));
    expect(rows[0]).toEqual([
      '姓名',
      '张伟',
      '所在单位及科室',
      '博湖县市场监督管理局 市场监管综合行政执法大队',
    ]);
    expect(rows.find((row) => row[0] === '办案数量')).toEqual(['办案数量', '（2）件']);
  });

  it('prints as XLSX laid out as the form: merged title, label/value grid, 填表说明', async () => {
    const { sheet, cells } = await sheetCells(await renderFormXlsx(model));
    expect(cells.A1).toBe('行政执法人员行政执法质量监督表');
    expect(sheet.getCell('D1').isMerged).toBe(true);
    expect([cells.A3, cells.B3, cells.C3, cells.D3]).toEqual([
      '姓名',
      '张伟',
      '所在单位及科室',
      '博湖县市场监督管理局 市场监管综合行政执法大队',
    ]);
    const row = Object.entries(cells)
      .find(([, text]) => text === '办案数量')![0]
      .slice(1);
    expect(cells[`B${row}`]).toBe('（2）件');
    expect(sheet.getCell(`D${row}`).master.address).toBe(`B${row}`);
    expect(Object.values(cells).some((text) => text.startsWith('填表说明：1、本表格一季度填报一次'))).toBe(
      true,
    );
    expect(sheet.pageSetup.paperSize).toBe(9);
  });
});

describe('奖惩记录表 (seed 000, half-year / year)', () => {
  it.each([
    ['2025-Q1', '2025-H1', true],
    ['2025-Q2', '2025-H1', true],
    ['2025-Q3', '2025', false],
    ['2025-Q4', '2025', false],
    ['2025-H1', '2025-H1', true],
    ['2025-H2', '2025', false],
    ['2025', '2025', false],
    ['2025-06', '2025-H1', true],
    ['2025-07', '2025', false],
  ])('a %s period’s record covers %s', (periodKey, key, isHalfYear) => {
    expect(rewardSpanOf(periodKey)).toEqual({ key, isHalfYear });
  });

  const input = {
    officer,
    spanLabel: '2025年度',
    isHalfYear: false,
    filledOn: '2025-12-31',
    counts,
    rewards: ['2025年第三季度：业绩突出受到表彰（+2分）'],
    grade: '合格',
    gradeChoices: ['优秀', '合格', '不合格'],
  };

  it('prints every count of the seed’s layout and ticks the grade held', () => {
    const model = buildRewardsPunishmentsRecord(input);
    expect(model.title).toBe('行政执法人员执法工作考核（年度）奖惩记录表');
    const values = valuesOf(model);
    expect(values.执法工作情况).toBe(
      '办案数量（12）件　被投诉（3）件　经调查属实（1）件　经调查不属实（2）件\n办案质量：优秀（4）件　合格（7）件　不合格（1）件',
    );
    expect(values.专项执法情况).toBe(
      '参加专项整治（2）次　督办案件（1）件　处理信访案件（6）件　交办案件（5）件\n查处影响本地区社会稳定的重大事项（0）件',
    );
    expect(values.执法工作奖励情况).toBe('2025年第三季度：业绩突出受到表彰（+2分）');
    expect(values.考评等次!.split('\n')[0]).toBe('优秀□　合格☑　不合格□');
    for (const label of [
      '执法工作惩处情况',
      '执法过错认定情况',
      '执法过错责任追究情况',
      '违法违纪被查处情况',
      '国家赔偿追偿情况',
      '其他情况',
    ]) {
      expect(values[label]!.trim()).toBe('');
    }
  });

  it('leaves every box empty when no grade is known, and says 半年度 for the first half', () => {
    const model = buildRewardsPunishmentsRecord({ ...input, isHalfYear: true, grade: null, rewards: [] });
    expect(model.title).toBe('行政执法人员执法工作考核（半年度）奖惩记录表');
    expect(valuesOf(model).考评等次!.split('\n')[0]).toBe('优秀□　合格□　不合格□');
    expect(valuesOf(model).执法工作奖励情况!.trim()).toBe('');
  });

  it('prints both formats with the counts', async () => {
    const model = buildRewardsPunishmentsRecord(input);
    expect(docxText(await renderFormDocx(model))).toContain('参加专项整治（2）次');
    const { cells } = await sheetCells(await renderFormXlsx(model));
    expect(Object.values(cells)).toContain('优秀□　合格☑　不合格□\n签字：\n　　　　年　　月　　日');
  });
});

describe('汇总表 (seed 000, yearly)', () => {
  const model = buildAnnualSummary({
    unit: '博湖县市场监督管理局',
    year: 2025,
    filledOn: '2026-01-10',
    isOfficers: true,
    subjects: [
      { key: 'officer:1', name: '张伟', unit: '博湖县市场监督管理局' },
      { key: 'officer:2', name: '李娜', unit: '博湖县市场监督管理局' },
    ],
    quarters: [
      new Map([
        ['officer:1', { grade: '优秀', total: '95' }],
        ['officer:2', { grade: '合格', total: '80' }],
      ]),
      new Map([['officer:1', { grade: '合格', total: '88' }]]),
      null,
      null,
    ],
    annual: null,
  });

  it('has a row per subject with the quarters it was assessed in', () => {
    expect(model.title).toBe('博湖县市场监督管理局行政执法人员执法业绩考评汇总表');
    expect(model.heading).toContain('报送期限：2026年1月15日前');
    expect(model.rows).toEqual([
      {
        index: 1,
        name: '张伟',
        unit: '博湖县市场监督管理局',
        quarters: ['优秀', '合格', '', ''],
        annual: '',
      },
      { index: 2, name: '李娜', unit: '博湖县市场监督管理局', quarters: ['合格', '', '', ''], annual: '' },
    ]);
  });

  it('prints as XLSX with 季度考评 over the four quarters', async () => {
    const { sheet, cells } = await sheetCells(await renderAnnualSummaryXlsx(model));
    expect(cells.A1).toBe('博湖县市场监督管理局行政执法人员执法业绩考评汇总表');
    expect([cells.A3, cells.B3, cells.C3, cells.D3, cells.H3]).toEqual([
      '序号',
      '姓名',
      '所在单位',
      '季度考评',
      '年终考评',
    ]);
    expect(sheet.getCell('G3').master.address).toBe('D3');
    expect(sheet.getCell('A4').master.address).toBe('A3');
    expect([cells.D4, cells.E4, cells.F4, cells.G4]).toEqual(['一季度', '二季度', '三季度', '四季度']);
    expect([cells.A5, cells.B5, cells.D5, cells.E5]).toEqual(['1', '张伟', '优秀', '合格']);
  });

  it('prints as DOCX with the two-level header', async () => {
    const bytes = await renderAnnualSummaryDocx(model);
    const rows = docxTableRows(bytes);
    expect(rows[0]).toEqual(['序号', '姓名', '所在单位', '季度考评', '年终考评']);
    expect(rows[1]!.filter((cell) => cell !== '')).toEqual(['一季度', '二季度', '三季度', '四季度']);
    expect(rows[2]).toEqual(['1', '张伟', '博湖县市场监督管理局', '优秀', '合格', '', '', '']);
    expect(docxText(bytes)).toContain('填表说明：此表为年报表，每年的元月15日之前');
  });
});

describe('考核结果通报', () => {
  const item = (name: string, total: string, grade: string, rank: number, flags = {}) => ({
    name,
    total,
    grade,
    rank,
    flags: { isCommended: false, isBarred: false, isVetoed: false, ...flags },
  });
  const input: ResultsCircularInput = {
    periodLabel: '2025年第三季度',
    status: 'published',
    publishedOn: '2025-10-09',
    schemeName: '行政执法工作考核',
    isOfficers: false,
    grades: ['优秀', '良好', '合格'],
    items: [
      item('县市场监管局', '98', '优秀', 1, { isCommended: true }),
      item('县交通运输局', '91', '良好', 2),
      item('县农业农村局', '85', '良好', 3),
      item('县应急管理局', '72.5', '合格', 4, { isBarred: true }),
    ],
    commend: { share: '30', clause: '五(三)' },
    bar: { last: 1, clause: '五(三)' },
    issuer: '博湖县行政执法考核工作领导小组办公室',
    docPrefix: '博法考',
    number: null,
    signer: null,
    isWithdrawn: false,
    issuedOn: '2025-10-20',
  };

  const headings = (content: ReturnType<typeof buildResultsCircular>) =>
    content.body.flatMap((block) => (block.type === 'heading' ? [block.text] : []));
  const tables = (content: ReturnType<typeof buildResultsCircular>) =>
    content.body.flatMap((block) => (block.type === 'table' ? [block] : []));
  const paragraphs = (content: ReturnType<typeof buildResultsCircular>) =>
    content.body.flatMap((block) => (block.type === 'paragraph' ? [block.text] : []));

  it('ranks, counts each grade, names the commended and the barred', () => {
    const content = buildResultsCircular(input);
    expect(content.title).toBe('关于2025年第三季度行政执法工作考核结果的通报');
    expect(content).toMatchObject({
      layout: 'official',
      number: null,
      numberPrefix: '博法考',
      recipients: ['各有关单位'],
    });
    expect(paragraphs(content)[0]).toContain(
      '共对4个单位（科室）进行了考核。考核结果已于2025年10月9日起公示',
    );
    expect(headings(content)).toEqual(['考核排名', '等次分布', '通报表彰', '取消评优资格']);
    expect(tables(content)[0]!.rows[3]).toEqual(['4', '县应急管理局', '72.5', '合格']);
    expect(tables(content)[1]!.rows).toEqual([
      ['优秀', '1', '25.0%'],
      ['良好', '2', '50.0%'],
      ['合格', '1', '25.0%'],
    ]);
    expect(paragraphs(content)[1]).toBe(
      '按照考核方案（五(三)），考核得分居前30%的以下1个单位（科室）予以通报表彰：县市场监管局。',
    );
    expect(paragraphs(content)[2]).toContain('取消评优资格：县应急管理局。');
  });

  it('has no commended or barred section where the scheme ranks none, and marks a draft', () => {
    const content = buildResultsCircular({
      ...input,
      commend: null,
      bar: null,
      status: 'computed',
      docPrefix: null,
      issuedOn: '2026-01-05',
    });
    expect(headings(content)).toEqual(['考核排名', '等次分布']);
    expect(content.marking).toBe('未公示稿');
    expect(paragraphs(content)[0]).toContain('未公示稿');
    expect(paragraphs(content).at(-1)).not.toContain('受到表彰');
  });

  it('prints through the GB/T 9704 renderer: number, numbered headings, ranking table, issuer and date', async () => {
    const bytes = await renderOfficialDocx(
      buildResultsCircular({ ...input, number: '博法考〔2025〕4号', signer: '周海涛' }),
    );
    const text = docxText(bytes);
    expect(text.split('\n').slice(0, 3)).toEqual([
      '博湖县行政执法考核工作领导小组办公室',
      '博法考〔2025〕4号',
      '关于2025年第三季度行政执法工作考核结果的通报',
    ]);
    expect(text).toContain('三、通报表彰');
    expect(text.split('\n').slice(-2)).toEqual(['博湖县行政执法考核工作领导小组办公室', '2025年10月20日']);
    const rows = docxTableRows(bytes);
    expect(rows[0]).toEqual(['名次', '考核对象', '总分', '等次']);
    expect(rows[1]).toEqual(['1', '县市场监管局', '98', '优秀']);
    const draft = docxText(await renderOfficialDocx(buildResultsCircular(input)));
    expect(draft).toContain('博法考〔　　〕号');
  });
});

describe('assessment sections of the officer archive', () => {
  it('lists the published results and this year’s counts', () => {
    const [results, yearCounts] = buildAssessmentArchiveSections({
      results: [
        {
          periodLabel: '2025年第一季度',
          schemeName: 'XX市行政执法人员执法业绩考评',
          total: '95',
          grade: '优秀',
          rank: 2,
          subjectCount: 20,
        },
      ],
      year: 2025,
      counts,
    });
    expect(results!.rows).toEqual([
      ['2025年第一季度', 'XX市行政执法人员执法业绩考评', '95', '优秀', '2／20'],
    ]);
    expect(yearCounts!.title).toBe('2025年度执法工作情况（奖惩记录表）');
    expect(yearCounts!.rows).toContainEqual(['处理信访案件（件）', '6']);
  });
});
