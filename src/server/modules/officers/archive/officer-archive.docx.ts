/**
 * 行政执法人员执法业绩档案 (seed 000) as DOCX: cover, 基本信息表 with certificate and annual reviews,
 * training table, post-change table. buildOfficerArchive is pure (tested); renderOfficerArchive lays
 * it out. Sections other issues bring (案件记录表, 质量监督表, 奖惩记录表, 汇总表) are extra entries
 * in `sections`: each is a titled table, so they slot in without touching the layout code.
 */
import { AlignmentType, HeadingLevel, PageBreak, Paragraph, type Table, TableRow, TextRun } from 'docx';
import { formatChineseDate } from '../../../../common/format.ts';
import { fullWidthTable, packDocument, textCell, textRow, titleParagraph } from '../../../lib/docx.ts';
import type { TrainingView } from '../training/training.schema.ts';
import type { OfficerView } from './officers.schema.ts';

export interface ArchiveTable {
  title: string;
  headers: string[];
  rows: string[][];
  /** printed when there are no rows */
  emptyText: string;
}

export interface OfficerArchiveModel {
  cover: { title: string; unit: string; name: string; position: string; archiveNo: string; issuer: string };
  /** 基本信息表 as label/value pairs, two pairs per printed row */
  basicInfo: Array<[string, string]>;
  sections: ArchiveTable[];
}

const date = (value: string | null) => (value ? formatChineseDate(value) : '');

/** 奖惩记录 (seed 000 奖惩记录表's columns other domains fill): date, column, what, on what basis. */
export function rewardPunishmentSection(
  entries: readonly { date: string; category: string; content: string; basis: string }[],
): ArchiveTable {
  return {
    title: '奖惩记录（执法过错认定、责任追究、违法违纪、国家赔偿追偿）',
    headers: ['日期', '类别', '情况', '依据'],
    rows: entries.map((entry) => [date(entry.date), entry.category, entry.content, entry.basis]),
    emptyText: '无',
  };
}

export function buildOfficerArchive(
  officer: OfficerView,
  trainings: readonly TrainingView[],
  options: { issuer: string; archiveNo: string },
): OfficerArchiveModel {
  const certificate = officer.certificates[0];
  return {
    cover: {
      title: '行政执法人员执法业绩档案',
      unit: officer.agencyName,
      name: officer.name,
      position: officer.position ?? '',
      archiveNo: options.archiveNo,
      issuer: options.issuer,
    },
    basicInfo: [
      ['姓名', officer.name],
      ['性别', officer.genderLabel],
      ['民族', officer.ethnicity ?? ''],
      ['学历', officer.education ?? ''],
      [
        '出生年月',
        officer.birthDate
          ? `${Number(officer.birthDate.slice(0, 4))}年${Number(officer.birthDate.slice(5, 7))}月`
          : '',
      ],
      ['职务', officer.position ?? ''],
      ['所在科室', officer.orgName === officer.agencyName ? '' : officer.orgName],
      ['执法岗位', officer.post ?? ''],
      ['执法职责', officer.duties ?? ''],
      ['行政执法证编号', certificate?.number ?? '未取得'],
      [
        '有效期限',
        certificate
          ? `${date(certificate.issuedOn)}至${date(certificate.validUntil)}（${certificate.stateLabel}）`
          : '',
      ],
      ['何时取得行政执法资格', date(officer.qualifiedOn)],
      ['参加工作时间', date(officer.startedWorkOn)],
    ],
    sections: [
      {
        title: '行政执法证年审情况',
        headers: ['执法证编号', '年审时间', '年审结果', '备注'],
        rows: officer.certificates.flatMap((item) =>
          item.reviews.map((review) => [
            item.number,
            date(review.reviewedOn),
            review.resultLabel,
            review.note ?? '',
          ]),
        ),
        emptyText: '无年审记录',
      },
      {
        title: '行政执法培训情况',
        headers: ['培训时间', '培训内容', '学时', '举办单位', '成绩'],
        rows: trainings.map((training) => [
          date(training.heldOn),
          `${training.content}（${training.kindLabel}）`,
          String(training.hours),
          training.organiser,
          training.result ?? '',
        ]),
        emptyText: '无培训记录',
      },
      {
        title: '执法岗位变更情况',
        headers: ['变更时间', '原执法岗位及职责', '变更后执法岗位及职责', '变更原因'],
        rows: officer.postChanges.map((change) => [
          date(change.changedOn),
          [change.fromPost, change.fromDuties].filter(Boolean).join('：'),
          [change.toPost, change.toDuties].filter(Boolean).join('：'),
          change.reason ?? '',
        ]),
        emptyText: '无岗位变更',
      },
    ],
  };
}

function renderSection(section: ArchiveTable): Array<Paragraph | Table> {
  const body =
    section.rows.length > 0
      ? section.rows.map((row) => textRow(row))
      : [new TableRow({ children: [textCell(section.emptyText, { span: section.headers.length })] })];
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      spacing: { before: 240, after: 120 },
      children: [new TextRun({ text: section.title, bold: true, font: '黑体', size: 28 })],
    }),
    fullWidthTable([textRow(section.headers, { bold: true, isHeader: true }), ...body]),
  ];
}

/** Lays the model out as an A4 Word document. */
export async function renderOfficerArchive(model: OfficerArchiveModel): Promise<Buffer> {
  const centred = (text: string, size: number, spacing = 400) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: spacing },
      children: [new TextRun({ text, size, font: '宋体' })],
    });
  const cover = [
    new Paragraph({ spacing: { before: 2400 } }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 1600 },
      children: [new TextRun({ text: model.cover.title, bold: true, size: 52, font: '黑体' })],
    }),
    centred(`单　　位：${model.cover.unit}`, 32),
    centred(`姓　　名：${model.cover.name}`, 32),
    centred(`职　　务：${model.cover.position}`, 32),
    centred(`档 案 号：${model.cover.archiveNo}`, 32, 2000),
    centred(model.cover.issuer, 32),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  const pairs: TableRow[] = [];
  for (let index = 0; index < model.basicInfo.length; index += 2) {
    const left = model.basicInfo[index]!;
    const right = model.basicInfo[index + 1];
    pairs.push(
      new TableRow({
        children: right
          ? [
              textCell(left[0], { bold: true }),
              textCell(left[1]),
              textCell(right[0], { bold: true }),
              textCell(right[1]),
            ]
          : [textCell(left[0], { bold: true }), textCell(left[1], { span: 3 })],
      }),
    );
  }
  return packDocument(model.cover.title, [
    ...cover,
    titleParagraph('行政执法人员基本信息表'),
    fullWidthTable(pairs),
    ...model.sections.flatMap(renderSection),
  ]);
}
