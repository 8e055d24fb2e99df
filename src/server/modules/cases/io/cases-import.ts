/**
 * XLSX import of cases, all-or-nothing: each row is checked (zod, then unit, handlers by
 * certificate number with the handler rule, duplicate case numbers); any problem → a row-by-row
 * report and nothing written; otherwise one transaction and one audit entry. One party per row.
 */
import { z } from 'zod';
import { todayInShanghai } from '../../../../common/format.ts';
import { zIdNumber, zIsoDate, zPhone, zUscc } from '../../../../common/validation-zod.ts';
import type { Db } from '../../../db/database.ts';
import type { Org } from '../../../db/schema.ts';
import { type Actor, assertCan, isInScope } from '../../../lib/access.ts';
import { AppError } from '../../../lib/errors.ts';
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
import { findCertificateByNumber } from '../../officers/certificates/certificates.repository.ts';
import { findOrgsInScope } from '../../org/org.repository.ts';
import { CASE_KIND_LABELS } from '../cases.policy.ts';
import { checkHandlers, toPartyValues } from '../records/case-writes.service.ts';
import { insertCase, replaceHandlers, replaceParties } from '../records/cases.repository.ts';

export const CASE_COLUMNS = [
  { header: '案号*', width: 24 },
  { header: '案件名称*', width: 30 },
  { header: '案件类别*', width: 10 },
  { header: '案件来源*', width: 12 },
  { header: '立案日期*', width: 12 },
  { header: '结案日期', width: 12 },
  { header: '执法部门*', width: 24 },
  { header: '科室', width: 22 },
  { header: '执法证编号*', width: 30 },
  { header: '当事人类型*', width: 10 },
  { header: '当事人名称*', width: 20 },
  { header: '证件号码', width: 22 },
  { header: '法定代表人', width: 10 },
  { header: '地址', width: 24 },
  { header: '联系电话', width: 14 },
  { header: '案情简介', width: 40 },
];

export function buildCaseTemplate(): SheetModel {
  return {
    name: '执法案件',
    columns: CASE_COLUMNS,
    rows: [
      [
        '博市监罚〔2025〕12号',
        '某超市销售过期食品案',
        '行政处罚',
        '投诉举报',
        '2025-03-01',
        '2025-04-10',
        '博湖县市场监督管理局',
        '市场监管综合行政执法大队',
        '65282920120001、65282920150007',
        '单位',
        '博湖县某某超市',
        '91652829MA7G5K3L27',
        '马某某',
        '博湖县团结路',
        '0996-6622345',
        '当事人销售超过保质期的食品。',
      ],
    ],
  };
}

const KIND_BY_LABEL = Object.fromEntries(
  Object.entries(CASE_KIND_LABELS).map(([code, label]) => [label, code]),
);
const optional = optionalCell;
const required = (label: string, max: number) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字符`);
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字符`)
    .transform((value) => value || null);

const CaseRow = z.object({
  案号: required('案号', 60),
  案件名称: required('案件名称', 200),
  案件类别: z.string().refine((value) => value in KIND_BY_LABEL, '案件类别应为行政处罚、行政许可等八类之一'),
  案件来源: required('案件来源', 100),
  立案日期: zIsoDate,
  结案日期: optional(zIsoDate),
  执法部门: required('执法部门', 100),
  科室: optionalText('科室', 100),
  执法证编号: required('执法证编号', 400),
  当事人类型: z.string().refine((value) => value === '个人' || value === '单位', '当事人类型应为个人或单位'),
  当事人名称: required('当事人名称', 100),
  证件号码: optionalText('证件号码', 30),
  法定代表人: optionalText('法定代表人', 50),
  地址: optionalText('地址', 200),
  联系电话: optional(zPhone),
  案情简介: optionalText('案情简介', 5000),
});

/** The ID number (个人) or credit code (单位), checked by its checksum; the reason on failure. */
function checkIdentity(kind: string, value: string | null): string | null {
  if (!value) return null;
  const result = (kind === '个人' ? zIdNumber() : zUscc).safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? '证件号码无效');
}

export async function importCases(db: Db, actor: Actor, bytes: Buffer) {
  assertCan(actor, 'case.write');
  if (!actor.roles.includes('legal_officer'))
    throw new AppError('FORBIDDEN', '只有法制机构人员可以批量导入案件');
  const today = todayInShanghai(new Date());
  const rows = await parseImportRows(bytes);
  const orgs = (await findOrgsInScope(db, actor.scopePaths, {})).filter((org) => isInScope(actor, org.path));
  const problems: RowProblem[] = [];
  const numbersSeen = new Map<string, number>();
  const ready: Array<{
    data: z.infer<typeof CaseRow>;
    org: Org;
    handlers: Array<{ officerId: number; certificateNumber: string }>;
  }> = [];
  for (const { row, values } of rows) {
    const result = CaseRow.safeParse(withAllKeys(CaseRow.shape, values));
    if (!result.success) {
      problems.push(...problemsOf(row, result.error));
      continue;
    }
    const data = result.data;
    const identityProblem = checkIdentity(data.当事人类型, data.证件号码);
    if (identityProblem) problems.push({ row, field: '证件号码', message: identityProblem });
    if (data.立案日期 > today) problems.push({ row, field: '立案日期', message: '立案日期不能晚于今天' });
    if (data.结案日期 && data.结案日期 < data.立案日期)
      problems.push({ row, field: '结案日期', message: '结案日期不能早于立案日期' });
    const key = data.案号.toUpperCase();
    const earlier = numbersSeen.get(key);
    if (earlier) problems.push({ row, field: '案号', message: `案号与第 ${earlier} 行重复` });
    else numbersSeen.set(key, row);
    const unit = orgs.find(
      (org) =>
        ['agency', 'township'].includes(org.kind) &&
        (org.name === data.执法部门 || org.short_name === data.执法部门),
    );
    const org =
      unit && data.科室
        ? orgs.find((candidate) => candidate.path.startsWith(unit.path) && candidate.name === data.科室)
        : unit;
    if (!org) {
      problems.push({
        row,
        field: unit ? '科室' : '执法部门',
        message: unit
          ? `“${data.执法部门}”下没有科室“${data.科室}”`
          : `执法部门“${data.执法部门}”不存在或不在管辖范围内`,
      });
      continue;
    }
    const officerIds: number[] = [];
    for (const number of data.执法证编号.split(/[、,，;；\s]+/).filter(Boolean)) {
      const certificate = await findCertificateByNumber(db, number);
      if (certificate) officerIds.push(certificate.officer_id);
      else problems.push({ row, field: '执法证编号', message: `执法证编号“${number}”未登记` });
    }
    try {
      const handlers = await checkHandlers(db, actor, officerIds, data.立案日期, unit!.path);
      ready.push({ data, org, handlers });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      for (const field of (error.details?.fields ?? []) as Array<{ message: string }>)
        problems.push({ row, field: '执法证编号', message: field.message });
    }
  }
  const existing = await db
    .selectFrom('enforcement_case')
    .select('case_no')
    .where((eb) => eb(eb.fn('upper', ['case_no']), 'in', [...numbersSeen.keys(), '']))
    .execute();
  for (const { case_no } of existing)
    problems.push({
      row: numbersSeen.get(case_no.toUpperCase()) ?? 1,
      field: '案号',
      message: `案号“${case_no}”已被登记`,
    });
  if (problems.length > 0) failImport(problems);
  return db.transaction().execute(async (trx) => {
    for (const { data, org, handlers } of ready) {
      const party =
        data.当事人类型 === '个人'
          ? {
              kind: 'person' as const,
              name: data.当事人名称,
              idNumber: data.证件号码?.toUpperCase() ?? null,
              address: data.地址,
              phone: data.联系电话,
            }
          : {
              kind: 'organization' as const,
              name: data.当事人名称,
              uscc: data.证件号码?.toUpperCase() ?? null,
              legalRepresentative: data.法定代表人,
              address: data.地址,
              phone: data.联系电话,
            };
      const { id } = await insertCase(trx, {
        org_id: org.id,
        kind: KIND_BY_LABEL[data.案件类别] as never,
        case_no: data.案号,
        name: data.案件名称,
        source: data.案件来源,
        filed_on: data.立案日期,
        closed_on: data.结案日期,
        summary: data.案情简介,
        process: null,
        opinion: null,
        opinion_signer_id: null,
        opinion_signer_name: null,
        opinion_signed_at: null,
        result: null,
        result_signer_id: null,
        result_signer_name: null,
        result_signed_at: null,
        quality_opinion: null,
        quality_grade: null,
        quality_by_id: null,
        quality_by_name: null,
        quality_at: null,
        record_submitted_on: null,
        record_late_reason: null,
        is_supervised: false,
        is_assigned: false,
        is_major_stability: false,
        party_names: data.当事人名称,
        created_by: actor.id,
      });
      await replaceParties(trx, id, [toPartyValues(party)]);
      await replaceHandlers(trx, id, handlers);
    }
    await recordAudit(trx, actor, {
      action: 'case.import',
      entityType: 'case',
      after: { cases: ready.length },
    });
    return { cases: ready.length };
  });
}
