/**
 * The annual report printed: a DOCX through the shared official-document renderer (a plain working
 * document: it is handed in, not served) and an XLSX of the same rows. Both from the pure report.
 */
import {
  PENALTY_REPORT_ORDER,
  PENALTY_TYPE_LABELS,
  PENALTY_TYPE_SHORT_LABELS,
} from '../../../../common/penalties.ts';
import type { SheetModel } from '../../../lib/xlsx.ts';
import { CASE_KIND_LABELS, CASE_KINDS } from '../../cases/cases.policy.ts';
import type { OfficialDocumentContent } from '../../documents/documents.public.ts';
import {
  type AnnualReport,
  cellText,
  NO_DUTY_TEXT,
  type ReportRow,
  yuanText,
} from './annual-report.build.ts';

const rowsOf = (report: AnnualReport): ReportRow[] => [
  ...report.units,
  ...(report.total ? [report.total] : []),
];
const rateText = (rate: number | null) => (rate === null ? '—' : `${rate}%`);
const shortKind = (label: string) => label.replace(/^行政/, '');

/** The DOCX content: duties and counts, penalties (heaviest only) and sums, 持证率, reviews and notices. */
export function buildAnnualReportDocument(
  report: AnnualReport,
  issuerName: string,
  date: string,
): OfficialDocumentContent {
  const rows = rowsOf(report);
  const withoutDuty = rows.filter((row) => row.orgId !== null && row.kindsWithoutDuty.length > 0);
  return {
    layout: 'plain',
    issuerName,
    title: report.title,
    recipients: [],
    body: [
      {
        type: 'paragraph',
        text: `本年报由平台根据${report.year}年度办结的行政执法案件、执法人员及证件、案卷评查和执法监督记录自动生成。单位具有该项执法职责而本年度无办件的填 0，不具有该项职责的填“${NO_DUTY_TEXT}”；行政处罚案件有多个处罚种类的，按其中最重的种类计数一次。`,
      },
      { type: 'heading', level: 1, text: '行政执法办件量（按执法类别）' },
      {
        type: 'table',
        header: ['单位', ...CASE_KINDS.map((kind) => shortKind(CASE_KIND_LABELS[kind]))],
        rows: rows.map((row) => [row.name, ...CASE_KINDS.map((kind) => cellText(row.kinds[kind]))]),
        widths: [3, ...CASE_KINDS.map(() => 1)],
      },
      { type: 'heading', level: 1, text: '行政处罚（按最重处罚种类）及罚没金额' },
      {
        type: 'table',
        header: [
          '单位',
          ...PENALTY_REPORT_ORDER.map((type) => PENALTY_TYPE_SHORT_LABELS[type]),
          '罚款（元）',
          '没收（元）',
        ],
        rows: rows.map((row) => [
          row.name,
          ...PENALTY_REPORT_ORDER.map((type) => (row.penalties ? String(row.penalties[type]) : NO_DUTY_TEXT)),
          row.penalties ? yuanText(row.fineFen) : NO_DUTY_TEXT,
          row.penalties ? yuanText(row.confiscatedFen) : NO_DUTY_TEXT,
        ]),
        widths: [3, ...PENALTY_REPORT_ORDER.map(() => 1), 2.5, 2.5],
      },
      { type: 'heading', level: 1, text: '执法人员持证、案卷评查和执法监督' },
      {
        type: 'table',
        header: [
          '单位',
          '在岗执法人员',
          '持有效执法证',
          '持证率',
          '评查案卷',
          '优秀',
          '合格',
          '收到监督通知书',
          '逾期未报整改',
        ],
        rows: rows.map((row) => [
          row.name,
          String(row.officers),
          String(row.certified),
          rateText(row.certifiedRate),
          String(row.reviewedFiles),
          String(row.reviewExcellent),
          String(row.reviewPass),
          String(row.noticesReceived),
          String(row.noticesOverdue),
        ]),
        widths: [3, 1, 1, 1, 1, 1, 1, 1, 1],
      },
      ...(withoutDuty.length > 0
        ? [
            {
              type: 'paragraph' as const,
              text: `说明：${withoutDuty
                .map(
                  (row) =>
                    `${row.name}有${row.kindsWithoutDuty.map((kind) => CASE_KIND_LABELS[kind]).join('、')}办件但未登记该项职责`,
                )
                .join('；')}，请核实机构的执法职责。`,
            },
          ]
        : []),
    ],
    signatureOrg: issuerName,
    date,
  };
}

/** The XLSX: one row per unit (and the county's sum), every figure of the DOCX in one sheet. */
export function buildAnnualReportSheet(report: AnnualReport): SheetModel {
  return {
    name: `${report.year}年度年报`,
    columns: [
      { header: '单位', width: 28 },
      ...CASE_KINDS.map((kind) => ({ header: CASE_KIND_LABELS[kind], width: 11 })),
      ...PENALTY_REPORT_ORDER.map((type) => ({ header: `处罚：${PENALTY_TYPE_LABELS[type]}`, width: 14 })),
      { header: '处罚：未填种类', width: 12 },
      { header: '罚款金额（元）', width: 16 },
      { header: '没收金额（元）', width: 16 },
      { header: '在岗执法人员', width: 12 },
      { header: '持有效执法证', width: 12 },
      { header: '持证率', width: 10 },
      { header: '评查案卷', width: 10 },
      { header: '评查优秀', width: 10 },
      { header: '评查合格', width: 10 },
      { header: '收到监督通知书', width: 14 },
      { header: '逾期未报整改', width: 14 },
    ],
    rows: rowsOf(report).map((row) => [
      row.name,
      ...CASE_KINDS.map((kind) => row.kinds[kind] ?? NO_DUTY_TEXT),
      ...PENALTY_REPORT_ORDER.map((type) => (row.penalties ? row.penalties[type] : NO_DUTY_TEXT)),
      row.penaltyUntyped,
      row.penalties ? Number(yuanText(row.fineFen)) : NO_DUTY_TEXT,
      row.penalties ? Number(yuanText(row.confiscatedFen)) : NO_DUTY_TEXT,
      row.officers,
      row.certified,
      rateText(row.certifiedRate),
      row.reviewedFiles,
      row.reviewExcellent,
      row.reviewPass,
      row.noticesReceived,
      row.noticesOverdue,
    ]),
  };
}
