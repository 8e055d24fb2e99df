/**
 * XLSX import of officers and of training records: every row is checked first (zod per row, then
 * cross-row and database checks); any problem → a row-by-row Chinese report and nothing written;
 * otherwise everything goes in one transaction with one audit entry.
 */
import { z } from 'zod';
import { todayInShanghai } from '../../../../common/format.ts';
import { zIsoDate, zMobile } from '../../../../common/validation-zod.ts';
import type { Db } from '../../../db/database.ts';
import type { Org } from '../../../db/schema.ts';
import { type Actor, assertCan, isInScope } from '../../../lib/access.ts';
import {
  failImport,
  optionalCell,
  parseImportRows,
  problemsOf,
  type RowProblem,
  type SheetModel,
  withAllKeys,
} from '../../../lib/xlsx.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findOrgsInScope } from '../../org/org.repository.ts';
import {
  findCertificateByNumber,
  findExistingNumbers,
  insertCertificate,
} from '../certificates/certificates.repository.ts';
import { GENDER_LABELS, OFFICER_STATUS_LABELS, TRAINING_KIND_LABELS } from '../officers.policy.ts';
import { insertTrainings } from '../training/training.repository.ts';
import { isBureauOrganiser } from '../training/training-compliance.ts';
import { insertOfficer } from './officers.repository.ts';

export const OFFICER_COLUMNS = [
  { header: '姓名*', width: 10 },
  { header: '性别*', width: 6 },
  { header: '民族', width: 8 },
  { header: '学历', width: 10 },
  { header: '出生日期', width: 12 },
  { header: '职务', width: 12 },
  { header: '所在单位*', width: 26 },
  { header: '所在科室', width: 22 },
  { header: '执法岗位', width: 16 },
  { header: '执法职责', width: 24 },
  { header: '取得执法资格日期', width: 16 },
  { header: '参加工作时间', width: 14 },
  { header: '手机号码', width: 14 },
  { header: '状态', width: 8 },
  { header: '执法证编号', width: 18 },
  { header: '发证机关', width: 18 },
  { header: '执法区域', width: 14 },
  { header: '执法类别', width: 20 },
  { header: '发证日期', width: 12 },
  { header: '有效期至', width: 12 },
];

export const TRAINING_COLUMNS = [
  { header: '姓名*', width: 10 },
  { header: '执法证编号*', width: 18 },
  { header: '培训时间*', width: 12 },
  { header: '学时*', width: 8 },
  { header: '培训内容*', width: 30 },
  { header: '培训类别*', width: 10 },
  { header: '举办单位*', width: 20 },
  { header: '是否县司法局举办', width: 16 },
  { header: '成绩', width: 10 },
];

/** The downloadable templates: headers (required ones marked *) and one example row. */
export function buildOfficerTemplate(): SheetModel {
  return {
    name: '执法人员',
    columns: OFFICER_COLUMNS,
    rows: [
      [
        '张三',
        '男',
        '汉族',
        '大学本科',
        '1985-03-12',
        '科员',
        '博湖县市场监督管理局',
        '市场监管综合行政执法大队',
        '食品安全执法岗',
        '食品生产经营监督检查',
        '2012-06-01',
        '2008-07-01',
        '13812345678',
        '在岗',
        '65282920120001',
        '博湖县人民政府',
        '博湖县',
        '市场监管、食品安全',
        '2022-06-01',
        '2027-05-31',
      ],
      // the case template's second 执法人 (a case needs two, 行政处罚法第四十二条)
      [
        '李四',
        '女',
        '蒙古族',
        '大学本科',
        '1990-08-20',
        '科员',
        '博湖县市场监督管理局',
        '市场监管综合行政执法大队',
        '食品安全执法岗',
        '食品经营监督检查',
        '2015-03-01',
        '2013-07-01',
        '13912345678',
        '在岗',
        '65282920150007',
        '博湖县人民政府',
        '博湖县',
        '市场监管、食品安全',
        '2023-03-01',
        '2028-02-29',
      ],
    ],
  };
}

export function buildTrainingTemplate(): SheetModel {
  return {
    name: '培训记录',
    columns: TRAINING_COLUMNS,
    rows: [
      [
        '张三',
        '65282920120001',
        '2025-04-18',
        8,
        '新修订行政处罚法专题培训',
        '专题培训',
        '博湖县司法局',
        '是',
        '合格',
      ],
    ],
  };
}

const reverse = <T extends string>(labels: Readonly<Record<T, string>>) =>
  Object.fromEntries(Object.entries(labels).map(([code, label]) => [label, code])) as Record<string, T>;
const GENDER_BY_LABEL = reverse(GENDER_LABELS);
const STATUS_BY_LABEL = reverse(OFFICER_STATUS_LABELS);
const KIND_BY_LABEL = reverse(TRAINING_KIND_LABELS);

const optional = optionalCell;
const required = (label: string, max: number) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字符`);
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字符`)
    .transform((value) => value || null);

/** Keys are the template's headers (without the *). */
const OfficerRow = z.object({
  姓名: required('姓名', 50),
  性别: z.string().refine((value) => value in GENDER_BY_LABEL, '性别应为男或女'),
  民族: optionalText('民族', 20),
  学历: optionalText('学历', 30),
  出生日期: optional(zIsoDate),
  职务: optionalText('职务', 50),
  所在单位: required('所在单位', 100),
  所在科室: optionalText('所在科室', 100),
  执法岗位: optionalText('执法岗位', 100),
  执法职责: optionalText('执法职责', 500),
  取得执法资格日期: optional(zIsoDate),
  参加工作时间: optional(zIsoDate),
  手机号码: optional(zMobile),
  状态: z
    .string()
    .refine((value) => value === '' || value in STATUS_BY_LABEL, '状态应为在岗、调离、退休或停职'),
  执法证编号: optional(
    z
      .string()
      .trim()
      .max(40, '执法证编号不能超过 40 个字符')
      .regex(/^[A-Za-z0-9-]+$/, '执法证编号只能包含字母、数字和连字符'),
  ),
  发证机关: optionalText('发证机关', 100),
  执法区域: optionalText('执法区域', 100),
  执法类别: optionalText('执法类别', 500),
  发证日期: optional(zIsoDate),
  有效期至: optional(zIsoDate),
});

const TrainingRow = z.object({
  姓名: required('姓名', 50),
  执法证编号: required('执法证编号', 40),
  培训时间: zIsoDate,
  学时: z
    .string()
    .regex(/^\d{1,4}(\.\d)?$/, '学时应为数字，最多一位小数')
    .refine((value) => Number(value) > 0 && Number(value) <= 1000, '学时应大于 0 且不超过 1000'),
  培训内容: required('培训内容', 500),
  培训类别: z.string().refine((value) => value in KIND_BY_LABEL, '培训类别应为岗位培训、专题培训或自主培训'),
  举办单位: required('举办单位', 100),
  是否县司法局举办: z.string().refine((value) => ['', '是', '否'].includes(value), '应填“是”或“否”'),
  成绩: optionalText('成绩', 50),
});

/** Unit (agency or township) by full or short name, and a section by name inside it, in scope. */
function createOrgResolver(orgs: Org[]) {
  const units = orgs.filter((org) => ['agency', 'township', 'justice_bureau'].includes(org.kind));
  return (unitName: string, sectionName: string | null): Org | string => {
    const unit = units.find((org) => org.name === unitName || org.short_name === unitName);
    if (!unit) return `所在单位“${unitName}”不存在或不在管辖范围内`;
    if (!sectionName) return unit;
    const section = orgs.find(
      (org) => org.path.startsWith(unit.path) && org.id !== unit.id && org.name === sectionName,
    );
    return section ?? `“${unitName}”下没有科室“${sectionName}”`;
  };
}

export async function importOfficers(db: Db, actor: Actor, bytes: Buffer) {
  assertCan(actor, 'officer.write');
  const today = todayInShanghai(new Date());
  const rows = await parseImportRows(bytes);
  const resolveOrg = createOrgResolver(
    (await findOrgsInScope(db, actor.scopePaths, {})).filter((org) => isInScope(actor, org.path)),
  );
  const problems: RowProblem[] = [];
  const parsed: Array<{ row: number; data: z.infer<typeof OfficerRow>; org: Org }> = [];
  const numbersSeen = new Map<string, number>();
  for (const { row, values } of rows) {
    const result = OfficerRow.safeParse(withAllKeys(OfficerRow.shape, values));
    if (!result.success) {
      problems.push(...problemsOf(row, result.error));
      continue;
    }
    const data = result.data;
    const org = resolveOrg(data.所在单位, data.所在科室);
    if (typeof org === 'string')
      problems.push({
        row,
        field: data.所在科室 && org.includes('科室') ? '所在科室' : '所在单位',
        message: org,
      });
    for (const field of ['出生日期', '取得执法资格日期', '参加工作时间'] as const) {
      const value = data[field];
      if (value && value > today) problems.push({ row, field, message: `${field}不能晚于今天` });
    }
    if (data.执法证编号) {
      const key = data.执法证编号.toUpperCase();
      const earlier = numbersSeen.get(key);
      if (earlier) problems.push({ row, field: '执法证编号', message: `执法证编号与第 ${earlier} 行重复` });
      else numbersSeen.set(key, row);
      for (const field of ['发证机关', '执法区域', '发证日期', '有效期至'] as const) {
        if (!data[field]) problems.push({ row, field, message: `填写执法证编号时须填写${field}` });
      }
      if (data.发证日期 && data.有效期至 && data.有效期至 < data.发证日期) {
        problems.push({ row, field: '有效期至', message: '有效期至不能早于发证日期' });
      }
    }
    if (typeof org !== 'string') parsed.push({ row, data, org });
  }
  const existing = await findExistingNumbers(db, [...numbersSeen.keys()]);
  for (const [number, row] of numbersSeen) {
    if (existing.has(number))
      problems.push({ row, field: '执法证编号', message: `执法证编号“${number}”已被登记` });
  }
  if (problems.length > 0) failImport(problems);

  return db.transaction().execute(async (trx) => {
    let certificates = 0;
    for (const { data, org } of parsed) {
      const { id } = await insertOfficer(trx, {
        org_id: org.id,
        user_id: null,
        name: data.姓名,
        gender: GENDER_BY_LABEL[data.性别]!,
        ethnicity: data.民族,
        education: data.学历,
        birth_date: data.出生日期,
        position: data.职务,
        post: data.执法岗位,
        duties: data.执法职责,
        qualified_on: data.取得执法资格日期,
        started_work_on: data.参加工作时间,
        phone: data.手机号码,
        status: STATUS_BY_LABEL[data.状态] ?? 'active',
      });
      if (data.执法证编号) {
        certificates += 1;
        await insertCertificate(trx, {
          officer_id: id,
          number: data.执法证编号,
          issuer: data.发证机关!,
          area: data.执法区域!,
          categories: (data.执法类别 ?? '')
            .split(/[、,，;；]/)
            .map((part) => part.trim())
            .filter(Boolean),
          issued_on: data.发证日期!,
          valid_until: data.有效期至!,
          note: null,
        });
      }
    }
    await recordAudit(trx, actor, {
      action: 'officer.import',
      entityType: 'officer',
      after: { officers: parsed.length, certificates },
    });
    return { officers: parsed.length, certificates };
  });
}

export async function importTrainings(db: Db, actor: Actor, bytes: Buffer) {
  assertCan(actor, 'officer.write');
  const today = todayInShanghai(new Date());
  const rows = await parseImportRows(bytes);
  const problems: RowProblem[] = [];
  const values: Parameters<typeof insertTrainings>[1] = [];
  for (const { row, values: cells } of rows) {
    const result = TrainingRow.safeParse(withAllKeys(TrainingRow.shape, cells));
    if (!result.success) {
      problems.push(...problemsOf(row, result.error));
      continue;
    }
    const data = result.data;
    if (data.培训时间 > today) problems.push({ row, field: '培训时间', message: '培训时间不能晚于今天' });
    const certificate = await findCertificateByNumber(db, data.执法证编号);
    if (!certificate || !isInScope(actor, certificate.org_path) || certificate.officer_name !== data.姓名) {
      problems.push({
        row,
        field: '执法证编号',
        message: '未找到该执法证编号与姓名对应的执法人员（或不在管辖范围内）',
      });
      continue;
    }
    values.push({
      officer_id: certificate.officer_id,
      held_on: data.培训时间,
      hours: data.学时,
      content: data.培训内容,
      kind: KIND_BY_LABEL[data.培训类别]!,
      organiser: data.举办单位,
      is_bureau_organised:
        data.是否县司法局举办 === '' ? isBureauOrganiser(data.举办单位) : data.是否县司法局举办 === '是',
      result: data.成绩,
    });
  }
  if (problems.length > 0) failImport(problems);
  return db.transaction().execute(async (trx) => {
    await insertTrainings(trx, values);
    await recordAudit(trx, actor, {
      action: 'training.import',
      entityType: 'training',
      after: { trainings: values.length },
    });
    return { trainings: values.length };
  });
}
