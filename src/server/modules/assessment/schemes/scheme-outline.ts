/**
 * A scheme file as a flat list of readable nodes (components, groups, items, levels, vetoes,
 * ceilings, roll-ups, parameters, grade bands) with their own attributes as display text in
 * Chinese, `$parameter` references shown with the value they resolve to. Pure: the admin's
 * scheme page shows a version from it and compares two versions with `diffSchemes`
 * (the API has no compare endpoint: both versions are read whole anyway).
 */
import type { SchemeFile } from '../../../../engine/index.ts';
import { resolvedNumber } from './scheme-catalogue.ts';

export type SchemeNodeKind =
  | 'scheme'
  | 'param'
  | 'grade'
  | 'quota'
  | 'deduction'
  | 'bonus'
  | 'rating'
  | 'scaled-average'
  | 'weighted'
  | 'sum'
  | 'group'
  | 'item'
  | 'averaged'
  | 'level'
  | 'veto'
  | 'ceiling'
  | 'rollUp'
  | 'rollUpRule';

export const SCHEME_NODE_KIND_LABELS: Record<SchemeNodeKind, string> = {
  scheme: '方案',
  param: '参数',
  grade: '等次',
  quota: '等次比例',
  deduction: '扣分',
  bonus: '加分',
  rating: '测评',
  'scaled-average': '单件评分加权平均',
  weighted: '加权合成',
  sum: '合计',
  group: '分组',
  item: '项目',
  averaged: '单件评分项目',
  level: '等级',
  veto: '一票否决',
  ceiling: '限定等次',
  rollUp: '汇总',
  rollUpRule: '汇总规则',
};

/** Field names of the scheme language (docs/scheme-language.md) as the page prints them. */
export const SCHEME_FIELD_LABELS: Record<string, string> = {
  label: '名称',
  name: '名称',
  description: '说明',
  version: '版本说明',
  subjectKind: '考核对象',
  period: '周期',
  source: '依据',
  points: '分值',
  default: '默认值',
  cap: '上限',
  floor: '最低分',
  per: '每几次计一次',
  unit: '单位',
  clause: '条款',
  assessor: '负责考核科室',
  weight: '权重',
  outOf: '满分',
  scale: '换算比例(%)',
  sameFact: '同一事实',
  raters: '评价人',
  whenMissing: '无人打分时',
  whenEmpty: '无单件评分时',
  item: '记录项目',
  round: '舍入',
  grade: '等次',
  grades: '等次',
  min: '下限',
  maxShare: '比例上限(%)',
  maxGrade: '最高等次',
  barHonours: '不得评优',
  rounding: '取整',
  tieBreak: '同分处理',
  ranking: '排名',
  method: '合成方式',
  rules: '规则',
  quotas: '等次比例',
  partVetoBarsHonours: '分期否决取消评优',
  selfAssessment: '自评',
  when: '条件',
  seed: '来源文件',
  title: '文件名称',
  docNo: '文号',
};

/** Enumerated values of the scheme language, in Chinese. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  subjectKind: { officer: '执法人员', section: '科室', agency: '执法部门', township: '乡镇', unit: '单位' },
  period: { month: '月度', quarter: '季度', half: '半年', year: '年度' },
  method: { mean: '各期平均', sum: '各期相加' },
  sameFact: { highest: '同一事实就高计一次' },
  whenMissing: { zero: '记 0 分', full: '记满分' },
  whenEmpty: { zero: '记 0 分', full: '记满分' },
  rounding: { floor: '向下取整', round: '四舍五入', ceil: '向上取整' },
  per: { unit: '按单位', series: '按序列', post: '按岗位' },
};

export interface SchemeNode {
  /** Stable key across versions: the rule id (levels: `item/level`, parameters: `$name`, bands: `grade:…`). */
  key: string;
  parent: string | null;
  kind: SchemeNodeKind;
  id: string;
  label: string;
  /** Own attributes (not children, not id/kind/label) as display text, in file order. */
  attrs: Record<string, string>;
}

/** Lists holding child nodes, and the kind a child gets when it has no `kind` of its own. */
const CHILD_LISTS: Record<string, SchemeNodeKind | null> = {
  components: null,
  children: null,
  groups: 'group',
  items: 'item',
  levels: 'level',
  vetoes: 'veto',
  ceilings: 'ceiling',
  rollUps: 'rollUp',
  rules: 'rollUpRule',
};

/** Key of the node holding the scheme's own fields (a rule id cannot start with '@'). */
export const ROOT_KEY = '@scheme';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isRecord(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Display text of a number or a `$parameter` reference: '20（参数 casePoints）'. */
function numberText(scheme: SchemeFile, value: number | string): string {
  if (typeof value === 'string' && value.startsWith('$')) {
    return `${resolvedNumber(scheme, value)}（参数 ${value.slice(1)}）`;
  }
  return resolvedNumber(scheme, value);
}

function valueText(scheme: SchemeFile, field: string, value: Json): string {
  if (value === null) return '不设';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return numberText(scheme, value);
  if (typeof value === 'string') {
    const named = VALUE_LABELS[field]?.[value];
    if (named) return named;
    return value.startsWith('$') && !['label', 'name', 'description', 'clause'].includes(field)
      ? numberText(scheme, value)
      : value;
  }
  if (field === 'raters' && Array.isArray(value)) {
    return value
      .map((rater) =>
        isRecord(rater)
          ? `${String(rater.label)}（权重 ${numberText(scheme, rater.weight as number | string)}）`
          : '',
      )
      .join('、');
  }
  if (field === 'grades' && Array.isArray(value)) {
    return value
      .map((band) =>
        isRecord(band)
          ? `${String(band.grade)}（${band.min === null || band.min === undefined ? '不设下限' : `≥ ${numberText(scheme, band.min as number | string)}`}）`
          : '',
      )
      .join('、');
  }
  if (field === 'round' && isRecord(value)) return `保留 ${String(value.places)} 位小数`;
  if (Array.isArray(value)) return value.map((entry) => valueText(scheme, field, entry)).join('；');
  return Object.entries(value)
    .map(([key, entry]) => `${SCHEME_FIELD_LABELS[key] ?? key}：${valueText(scheme, key, entry)}`)
    .join('，');
}

/** Every node of a validated scheme, parents before their children, in file order. */
export function outlineScheme(scheme: SchemeFile): SchemeNode[] {
  const nodes: SchemeNode[] = [];
  const file = scheme as unknown as Record<string, Json>;
  const visit = (value: Record<string, Json>, key: string, parent: string | null, kind: SchemeNodeKind) => {
    const node: SchemeNode = {
      key,
      parent,
      kind,
      id: String(value.id ?? key),
      label: String(value.label ?? value.name ?? value.grade ?? key),
      attrs: {},
    };
    nodes.push(node);
    const lists: Array<[string, Json[]]> = [];
    for (const [field, entry] of Object.entries(value)) {
      if (field === 'id' || field === 'kind' || field === 'label') continue;
      if (field in CHILD_LISTS && Array.isArray(entry)) {
        lists.push([field, entry]);
        continue;
      }
      if (kind === 'scheme' && (field === 'params' || field === 'grades' || field === 'quotas')) continue;
      if (kind === 'scheme' && field === 'name') continue;
      node.attrs[field] = valueText(scheme, field, entry);
    }
    for (const [field, entries] of lists) {
      for (const child of entries) {
        if (!isRecord(child)) continue;
        const childKind =
          CHILD_LISTS[field] === 'item' && kind === 'scaled-average'
            ? 'averaged'
            : (CHILD_LISTS[field] ?? (String(child.kind) as SchemeNodeKind));
        // level ids are local to their item ('national', 'first'); every other rule id is the scheme's
        const childKey = field === 'levels' ? `${key}/${String(child.id)}` : String(child.id);
        visit(child, childKey, kind === 'scheme' ? null : key, childKind);
      }
    }
  };
  visit(file, ROOT_KEY, null, 'scheme');
  for (const [name, param] of Object.entries(scheme.params ?? {})) {
    nodes.push({
      key: `$${name}`,
      parent: null,
      kind: 'param',
      id: name,
      label: param.label,
      attrs: {
        default: numberText(scheme, param.default),
        ...(param.description && { description: param.description }),
      },
    });
  }
  for (const band of scheme.grades ?? []) {
    nodes.push({
      key: `grade:${band.grade}`,
      parent: null,
      kind: 'grade',
      id: band.grade,
      label: band.grade,
      attrs: { min: band.min === null ? '不设下限' : numberText(scheme, band.min) },
    });
  }
  for (const quota of scheme.quotas ?? []) {
    const { grade, ...rest } = quota as unknown as Record<string, Json>;
    nodes.push({
      key: `quota:${String(grade)}:${String(rest.per ?? '')}`,
      parent: null,
      kind: 'quota',
      id: String(grade),
      label: `${String(grade)} 等次比例`,
      attrs: Object.fromEntries(
        Object.entries(rest).map(([field, entry]) => [field, valueText(scheme, field, entry)]),
      ),
    });
  }
  return nodes;
}

export interface SchemeFieldChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

export interface SchemeNodeChange {
  before: SchemeNode;
  after: SchemeNode;
  fields: SchemeFieldChange[];
}

export interface SchemeDiff {
  added: SchemeNode[];
  removed: SchemeNode[];
  changed: SchemeNodeChange[];
}

/**
 * What changed from one version to the next, node by node (matched by rule id): nodes added,
 * removed, and the fields (name, points, cap, clause …) that differ. Points compare as the value
 * they resolve to, so a changed parameter default shows on every item that uses it.
 */
export function diffSchemes(before: SchemeFile, after: SchemeFile): SchemeDiff {
  const old = new Map(outlineScheme(before).map((node) => [node.key, node]));
  const next = new Map(outlineScheme(after).map((node) => [node.key, node]));
  const diff: SchemeDiff = { added: [], removed: [], changed: [] };
  for (const [key, node] of next) {
    const previous = old.get(key);
    if (!previous) {
      diff.added.push(node);
      continue;
    }
    const fields: SchemeFieldChange[] = [];
    const withLabel = (n: SchemeNode): Record<string, string> => ({ label: n.label, ...n.attrs });
    const a = withLabel(previous);
    const b = withLabel(node);
    for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (a[field] === b[field]) continue;
      fields.push({
        field,
        label: SCHEME_FIELD_LABELS[field] ?? field,
        before: a[field] ?? null,
        after: b[field] ?? null,
      });
    }
    if (previous.kind !== node.kind) {
      fields.unshift({
        field: 'kind',
        label: '类型',
        before: SCHEME_NODE_KIND_LABELS[previous.kind],
        after: SCHEME_NODE_KIND_LABELS[node.kind],
      });
    }
    if (fields.length > 0) diff.changed.push({ before: previous, after: node, fields });
  }
  for (const [key, node] of old) if (!next.has(key)) diff.removed.push(node);
  return diff;
}
