import type { SheetModel } from '../../../lib/xlsx.ts';
import type { ComplianceReport, TrainingView } from '../training/training.schema.ts';
import type { CertificateWarningReport, OfficerListItem } from './officers.schema.ts';

/** The filtered officer list as a sheet (phones as the list showed them: masked unless allowed). */
export function buildOfficerSheet(items: readonly OfficerListItem[]): SheetModel {
  return {
    name: '执法人员',
    columns: [
      { header: '序号', width: 6 },
      { header: '姓名', width: 10 },
      { header: '性别', width: 6 },
      { header: '所在单位', width: 26 },
      { header: '所在科室', width: 24 },
      { header: '职务', width: 12 },
      { header: '执法岗位', width: 16 },
      { header: '状态', width: 8 },
      { header: '执法证编号', width: 18 },
      { header: '有效期至', width: 12 },
      { header: '执法证状态', width: 10 },
      { header: '手机号码', width: 14 },
    ],
    rows: items.map((item, index) => [
      index + 1,
      item.name,
      item.genderLabel,
      item.agencyName,
      item.orgName === item.agencyName ? '' : item.orgName,
      item.position,
      item.post,
      item.statusLabel,
      item.certificate?.number ?? '',
      item.certificate?.validUntil ?? '',
      item.certificate?.stateLabel ?? '无证',
      item.phone,
    ]),
  };
}

export function buildTrainingSheet(items: readonly TrainingView[]): SheetModel {
  return {
    name: '培训记录',
    columns: [
      { header: '序号', width: 6 },
      { header: '姓名', width: 10 },
      { header: '所在单位/科室', width: 24 },
      { header: '培训时间', width: 12 },
      { header: '学时', width: 8 },
      { header: '培训内容', width: 30 },
      { header: '培训类别', width: 10 },
      { header: '举办单位', width: 20 },
      { header: '县司法局举办', width: 12 },
      { header: '成绩', width: 10 },
    ],
    rows: items.map((item, index) => [
      index + 1,
      item.officerName,
      item.orgName,
      item.heldOn,
      item.hours,
      item.content,
      item.kindLabel,
      item.organiser,
      item.isBureauOrganised ? '是' : '否',
      item.result,
    ]),
  };
}

/** 执法证预警 as printed: one row per warning, most urgent first (the report's order). */
export function buildCertificateWarningSheet(report: CertificateWarningReport): SheetModel {
  return {
    name: '执法证预警',
    columns: [
      { header: '序号', width: 6 },
      { header: '姓名', width: 10 },
      { header: '所在单位', width: 24 },
      { header: '科室', width: 20 },
      { header: '执法证号', width: 18 },
      { header: '有效期至', width: 12 },
      { header: '剩余天数', width: 10 },
      { header: '预警内容', width: 40 },
    ],
    rows: report.items.map((item, index) => [
      index + 1,
      item.officerName,
      item.agencyName,
      item.orgName,
      item.number,
      item.validUntil,
      item.daysLeft,
      item.message,
    ]),
  };
}

/** 培训达标情况 for one year: every officer listed (or only those short), with the reasons. */
export function buildComplianceSheet(report: ComplianceReport): SheetModel {
  return {
    name: `${report.year}年培训达标`,
    columns: [
      { header: '序号', width: 6 },
      { header: '姓名', width: 10 },
      { header: '所在单位', width: 24 },
      { header: '科室', width: 20 },
      { header: `学时（最低 ${report.minHours}）`, width: 14 },
      { header: '县司法局培训次数', width: 16 },
      { header: '是否达标', width: 10 },
      { header: '未达标原因', width: 40 },
    ],
    rows: report.officers.map((officer, index) => [
      index + 1,
      officer.name,
      officer.agencyName,
      officer.orgName,
      officer.hours,
      officer.bureauTrainings,
      officer.isCompliant ? '达标' : '未达标',
      officer.shortfalls.join('；'),
    ]),
  };
}
