// Mirrors src/server/modules/case-files/case-files.schema.ts (the API contract).
import type { CaseKind, CaseListItem, RecordState } from '../cases/cases.types.ts';

export type Volume = 'main' | 'restricted';

export interface FileAttachment {
  id: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

export interface FileDocument {
  id: number;
  volume: Volume;
  sequence: number;
  kindCode: string;
  kindLabel: string;
  title: string | null;
  pageFrom: number;
  pageTo: number;
  isOriginal: boolean;
  verifiedBy: string | null;
  verifiedOn: string | null;
  /** 第八条: when the document was formed */
  formedOn: string | null;
  copySource: string | null;
  attachments: FileAttachment[];
}

/** One completeness problem, citing the clause of seed 001 it comes from (第九条, 第十条 …). */
export interface Finding {
  code: string;
  clause: string;
  message: string;
  volume?: Volume;
  documentId?: number;
  kindCode?: string;
  /** a suggestion: the case kind only 参照 the catalogue (第十八条); does not block archiving */
  isAdvisory?: boolean;
}

export interface CaseFile {
  id: number;
  caseId: number;
  status: 'open' | 'archived';
  statusLabel: string;
  mainCatalogue: 'licensing' | 'penalty';
  traits: string[];
  /** 第十六条 cover fields by key; labels in coverLabels. */
  cover: Record<string, string | null>;
  coverLabels: Record<string, string>;
  documents: FileDocument[];
  check: { passes: boolean; findings: Finding[] };
  archiveOverrideReason: string | null;
}

export interface CaseFileInput {
  archiveNo: string | null;
  category: string | null;
  fileNo: string | null;
  retentionPeriod: string | null;
  traits: string[];
}

export interface DocumentInput {
  volume: Volume;
  sequence: number;
  kindCode: string;
  title: string | null;
  pageFrom: number;
  pageTo: number;
  isOriginal: boolean;
  verifiedBy: string | null;
  verifiedOn: string | null;
  copySource: string | null;
  formedOn: string | null;
}

/** A condition over the file's traits: at least one of `any`, every one of `all`, none of `none`. */
export interface TraitCondition {
  any?: string[];
  all?: string[];
  none?: string[];
}

/** 'always', 'optional', one trait, or a trait condition (案卷制作规范第九条(一)6–7: "unless 不予受理"). */
export type RequiredWhen = string | TraitCondition;

/** A rule in force in the reader's county, with the installation default it may override. */
export interface RequirementRule {
  kindCode: string;
  label: string;
  clause: string;
  requiredWhen: RequiredWhen;
  requiredWhenLabel: string;
  defaultRequiredWhen: RequiredWhen;
  defaultRequiredWhenLabel: string;
  /** the county changed this kind from the default */
  isOverridden: boolean;
}

export type FileStatusFilter = 'none' | 'open' | 'archived';

export interface CaseFileFilter {
  page: number;
  pageSize: number;
  keyword?: string;
  orgId?: number;
  kind?: CaseKind;
  state?: RecordState;
  /** none = 未立卷, open = 立卷中, archived = 已归档 */
  fileStatus?: FileStatusFilter;
  checkPasses?: boolean;
}

/** A case with its file's state and stored check (file null: 未立卷). */
export interface CaseFileListItem extends CaseListItem {
  file: {
    id: number;
    status: 'open' | 'archived';
    statusLabel: string;
    archivedOn: string | null;
    checkPasses: boolean | null;
    findingCount: number | null;
  } | null;
}

export interface CaseFilePage {
  items: CaseFileListItem[];
  total: number;
  isTotalCapped: boolean;
  page: number;
  pageSize: number;
}

/** Whether the case-file standard binds a case kind's files in the reader's county. */
export interface KindStandard {
  caseKind: string;
  label: string;
  catalogue: 'licensing' | 'penalty';
  isBinding: boolean;
  defaultIsBinding: boolean;
  clause: string;
}
