/**
 * The case-file standard of seed 001 (博湖县行政执法案卷制作规范) as data: the ordered document
 * catalogues of 第九条 (正卷: licensing 27, penalty 23) and 第十条 (副卷 8), the cover fields of
 * 第十六条, and the default requirement rules (which kinds a file must hold, and when). The rules
 * are seeded into `file_requirement_rule` (migration 0023) and edited there by an admin; this file
 * stays the source of the catalogue itself.
 */
import type { CaseKind } from '../../db/schema.ts';

export type CatalogueName = 'licensing' | 'penalty' | 'restricted';
export type Volume = 'main' | 'restricted';

export interface CatalogueEntry {
  /** stable code: L01–L27 (第九条(一)), P01–P23 (第九条(二)), R01–R08 (第十条) */
  code: string;
  catalogue: CatalogueName;
  /** position in the clause's list, from 1 (第八条: documents are arranged in this order) */
  index: number;
  label: string;
  /** the clause and item it comes from, as findings cite it */
  clause: string;
}

/**
 * Facts about one file that decide which optional documents it must hold (a penalty with a
 * hearing needs the hearing documents; without one it does not).
 */
export const FILE_TRAITS = {
  hearing: '举行听证',
  statement: '当事人陈述申辩',
  sampling: '抽样取证',
  preservation: '先行登记保存',
  coercion: '查封、扣押等强制措施',
  rectification: '责令（限期）改正',
  transfer: '案件移送',
  confiscation: '罚没物品处理',
  forced_execution: '强制执行',
  supplement: '申请材料补证',
  not_accepted: '不予受理',
  site_verification: '现场核查',
  extension: '延期决定',
  special_procedure: '特别程序',
  site_inspection: '现场检查',
  consultation: '征求意见',
  inspection_test: '检验检测鉴定',
  fee: '依法收费',
  granted: '准予许可并发证',
  collective_discussion: '集体讨论',
} as const;
export type FileTrait = keyof typeof FILE_TRAITS;
export const FILE_TRAIT_CODES = Object.keys(FILE_TRAITS) as FileTrait[];

/**
 * A condition over a file's traits: required when the file has at least one trait of `any`,
 * every trait of `all` and none of `none` (an absent or empty list does not restrict). It says
 * what a single trait cannot: "required unless the application was not accepted" is
 * `{ none: ['not_accepted'] }` (第九条(一)6–7 are alternatives).
 */
export interface TraitCondition {
  any?: FileTrait[];
  all?: FileTrait[];
  none?: FileTrait[];
}

/**
 * `always`, a trait (required only when the file has it), a trait condition, or `optional`
 * (never required).
 */
export type RequiredWhen = 'always' | 'optional' | FileTrait | TraitCondition;

/**
 * A rule as stored in `file_requirement_rule.required_when` (text): the keyword or trait as it
 * is, a condition as JSON with its lists in a fixed order (migration 0100).
 */
export function encodeRequiredWhen(rule: RequiredWhen): string {
  if (typeof rule === 'string') return rule;
  const canonical: TraitCondition = {};
  for (const key of ['any', 'all', 'none'] as const) {
    const traits = rule[key];
    if (traits && traits.length > 0) canonical[key] = [...new Set(traits)].sort();
  }
  return JSON.stringify(canonical);
}

/** A stored rule read back (see encodeRequiredWhen). */
export function decodeRequiredWhen(text: string): RequiredWhen {
  return text.startsWith('{') ? (JSON.parse(text) as TraitCondition) : (text as RequiredWhen);
}

type Row = readonly [label: string, requiredWhen: RequiredWhen];

// 第九条(一) 行政许可案卷正卷材料
// 6 受理通知书 and 7 不予受理通知书 are alternatives, and an application not accepted ends at
// intake without a 许可决定书 (1): both are required unless the file is 不予受理.
const ACCEPTED: TraitCondition = { none: ['not_accepted'] };
const LICENSING: readonly Row[] = [
  ['行政许可（准予、不予、变更、不予变更、准予延续、不予延续、撤回、撤销、注销）决定书', ACCEPTED],
  ['行政许可申请表（书）', 'always'],
  ['行政许可申请材料收件凭证', 'always'],
  ['行政许可材料补证通知书', 'supplement'],
  ['行政许可申请材料（含身份证明、授权委托书等）', 'always'],
  ['行政许可受理通知书', ACCEPTED],
  ['行政许可不予受理通知书', 'not_accepted'],
  ['行政许可现场核查笔录', 'site_verification'],
  ['行政许可陈述申辩告知书', 'statement'],
  ['行政许可陈述申辩笔录', 'statement'],
  ['行政许可听证申请书', 'hearing'],
  ['行政许可听证告知书', 'hearing'],
  ['行政许可听证公告', 'hearing'],
  ['行政许可听证通知书', 'hearing'],
  ['行政许可听证笔录', 'hearing'],
  ['行政许可延期决定通知书', 'extension'],
  ['行政许可特别程序所需时间通知书', 'special_procedure'],
  ['行政许可现场检查笔录', 'site_inspection'],
  ['行政许可责令（限期）改正通知书', 'rectification'],
  ['整改情况材料', 'rectification'],
  ['征求意见函', 'consultation'],
  ['反馈意见', 'consultation'],
  ['检验（检测、检疫、鉴定、评审等）委托书', 'inspection_test'],
  ['检验（检测、检疫）结果、专家评审（鉴定）意见', 'inspection_test'],
  ['行政许可收费凭据', 'fee'],
  ['送达凭证', 'always'],
  ['颁发的行政许可证件副本', 'granted'],
];

// 第九条(二) 行政处罚案卷正卷材料
const PENALTY: readonly Row[] = [
  ['行政处罚决定书', 'always'],
  ['当事人主体资格证明材料（含身份证明、授权委托书等）', 'always'],
  ['调查（询问）笔录', 'always'],
  ['现场检查（勘验）笔录', 'optional'],
  ['现场照片（图片，音视频资料、电子数据的文字说明、截图）证据', 'optional'],
  ['抽样取证通知书', 'sampling'],
  ['抽样取证物品处理通知书', 'sampling'],
  ['先行登记保存证据通知书', 'preservation'],
  ['先行登记保存证据物品处理通知书', 'preservation'],
  ['查封、扣押等行政强制措施材料', 'coercion'],
  ['责令（限期）改正通知书', 'rectification'],
  ['整改情况材料', 'rectification'],
  ['行政处罚事先告知书', 'always'],
  ['陈述申辩笔录', 'statement'],
  ['听证通知书', 'hearing'],
  ['听证笔录', 'hearing'],
  ['案件移送函', 'transfer'],
  ['移送案件涉案物品清单', 'transfer'],
  ['罚没物品处理记录', 'confiscation'],
  ['行政强制执行通知书', 'forced_execution'],
  ['行政强制执行申请书', 'forced_execution'],
  ['执行情况相关凭证', 'forced_execution'],
  ['送达凭证', 'always'],
];

// 第十条 行政执法案卷副卷材料 (第七条: a file without such material may have no 副卷)
const RESTRICTED: readonly Row[] = [
  ['立案（受理）审批表', 'always'],
  ['审查审批表', 'always'],
  ['结案审批表', 'always'],
  ['听证报告', 'hearing'],
  ['集体讨论笔录', 'collective_discussion'],
  ['签发文书底稿', 'optional'],
  ['有关负责人批示意见', 'optional'],
  ['其他不宜公开的材料', 'optional'],
];

function entries(catalogue: CatalogueName, prefix: string, clause: string, rows: readonly Row[]) {
  return rows.map(([label], position) => ({
    code: `${prefix}${String(position + 1).padStart(2, '0')}`,
    catalogue,
    index: position + 1,
    label,
    clause: `${clause}第${position + 1}项`,
  }));
}

/** Every catalogued document kind, in clause order. */
export const CATALOGUE: readonly CatalogueEntry[] = [
  ...entries('licensing', 'L', '案卷制作规范第九条第（一）款', LICENSING),
  ...entries('penalty', 'P', '案卷制作规范第九条第（二）款', PENALTY),
  ...entries('restricted', 'R', '案卷制作规范第十条', RESTRICTED),
];

export const CATALOGUE_BY_CODE: ReadonlyMap<string, CatalogueEntry> = new Map(
  CATALOGUE.map((entry) => [entry.code, entry]),
);

/** The default requirement rules (seeded into file_requirement_rule; admins edit them there). */
export const DEFAULT_REQUIREMENTS: ReadonlyArray<{ code: string; requiredWhen: RequiredWhen }> = [
  ...LICENSING.map(([, requiredWhen], position) => ({
    code: `L${String(position + 1).padStart(2, '0')}`,
    requiredWhen,
  })),
  ...PENALTY.map(([, requiredWhen], position) => ({
    code: `P${String(position + 1).padStart(2, '0')}`,
    requiredWhen,
  })),
  ...RESTRICTED.map(([, requiredWhen], position) => ({
    code: `R${String(position + 1).padStart(2, '0')}`,
    requiredWhen,
  })),
];

/** The case kinds of db/schema.ts (one list; 0020_cases.sql and later migrations hold the check). */
export type { CaseKind };

/**
 * The 正卷 catalogue a case kind's file follows. 第九条 lists licensing and penalty only, and
 * 行政强制 documents are in the penalty list (第九条(二)10 查封、扣押, 20–22 强制执行).
 * 第十八条 lets 检查、征收、确认、给付、裁决 files 参照 the standard: the application-driven kinds
 * (确认, 给付, 裁决) are compared with the licensing list, the others (检查, 征收) with the penalty
 * list, as suggestions unless the county binds them (STANDARD_BINDS).
 */
export const MAIN_CATALOGUE_FOR_KIND: Readonly<Record<CaseKind, 'licensing' | 'penalty'>> = {
  penalty: 'penalty',
  licensing: 'licensing',
  coercion: 'penalty',
  inspection: 'penalty',
  levy: 'penalty',
  requisition: 'penalty',
  confirmation: 'licensing',
  benefit: 'licensing',
  adjudication: 'licensing',
};

/**
 * Whether the standard binds a kind's files by default: 第九条 binds licensing and penalty (and
 * 强制, whose documents it lists); the 第十八条 kinds "可以参照", so their catalogue findings are
 * suggestions that do not block archiving. A county changes this per kind (file_kind_standard,
 * migration 0101).
 */
export const STANDARD_BINDS: Readonly<Record<CaseKind, boolean>> = {
  penalty: true,
  licensing: true,
  coercion: true,
  inspection: false,
  levy: false,
  requisition: false,
  confirmation: false,
  benefit: false,
  adjudication: false,
};

/** 第十六条: the cover's fields, with their labels as printed. */
export const COVER_FIELDS = {
  archiveNo: '档号',
  category: '案卷类别',
  fileNo: '卷宗号',
  cause: '案由（事项名称）',
  partyName: '当事人姓名或者名称',
  agencyName: '承办机关',
  handlerNames: '承办人员',
  receivedOn: '收案（受理）日期',
  closedOn: '结案（决定）日期',
  archivedOn: '归档日期',
  retentionPeriod: '归档期限',
} as const;
export type CoverField = keyof typeof COVER_FIELDS;
