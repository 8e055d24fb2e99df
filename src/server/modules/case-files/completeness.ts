/**
 * The case-file completeness checker: plain data in, findings out, each citing its clause of
 * seed 001's 案卷制作规范. No I/O; the service loads the file, its documents and the
 * requirement rules and calls checkCaseFile.
 */
import {
  CATALOGUE_BY_CODE,
  COVER_FIELDS,
  type CoverField,
  type FileTrait,
  type RequiredWhen,
  type Volume,
} from './catalogue.ts';

export type FindingCode =
  | 'cover_missing'
  | 'missing_required'
  | 'unknown_kind'
  | 'wrong_catalogue'
  | 'restricted_in_main'
  | 'wrong_order'
  | 'page_start'
  | 'page_gap'
  | 'page_overlap'
  | 'page_range'
  | 'copy_unverified';

export interface Finding {
  code: FindingCode;
  /** e.g. '案卷制作规范第十五条' */
  clause: string;
  message: string;
  volume?: Volume;
  documentId?: number;
  kindCode?: string;
  /**
   * A suggestion, not a fault: the file's kind only 参照 the catalogue (第十八条), so the finding
   * does not fail the check or block archiving.
   */
  isAdvisory?: boolean;
}

/** Findings that compare a file with the 第九条/第十条 catalogue (advisory for 第十八条 kinds). */
const CATALOGUE_FINDINGS: ReadonlySet<FindingCode> = new Set([
  'missing_required',
  'unknown_kind',
  'wrong_catalogue',
  'restricted_in_main',
  'wrong_order',
]);

export interface CheckedDocument {
  id: number;
  volume: Volume;
  /** order inside its volume, from 1 */
  sequence: number;
  kindCode: string;
  title?: string;
  pageFrom: number;
  pageTo: number;
  isOriginal: boolean;
  /** 第五条: a copy names who verified it, when, and where it came from */
  verifiedBy: string | null;
  verifiedOn: string | null;
  copySource: string | null;
  /** 第八条: when the document was formed, YYYY-MM-DD; null = not given */
  formedOn?: string | null;
}

export interface CheckInput {
  mainCatalogue: 'licensing' | 'penalty';
  /** false for a kind that only 参照 the standard (第十八条, catalogue.ts STANDARD_BINDS): catalogue findings are advisory */
  isBinding: boolean;
  traits: readonly FileTrait[];
  /** requirement rules by kind code (from file_requirement_rule); absent = optional */
  requirements: ReadonlyMap<string, RequiredWhen>;
  /** the cover's values; 归档日期 is filled in by archiving itself, so it is not checked here */
  cover: Partial<Record<CoverField, string | null>>;
  documents: readonly CheckedDocument[];
}

export interface CheckResult {
  passes: boolean;
  findings: Finding[];
}

const STANDARD = '案卷制作规范';

/** Whether a rule makes a kind required for a file with these traits. */
export function isRequired(rule: RequiredWhen | undefined, traits: readonly FileTrait[]): boolean {
  if (!rule || rule === 'optional') return false;
  if (typeof rule !== 'string') {
    const has = (trait: FileTrait) => traits.includes(trait);
    return (
      (!rule.any?.length || rule.any.some(has)) && (rule.all ?? []).every(has) && !(rule.none ?? []).some(has)
    );
  }
  return rule === 'always' || traits.includes(rule);
}

function checkCover(cover: CheckInput['cover']): Finding[] {
  return (Object.keys(COVER_FIELDS) as CoverField[])
    .filter((field) => field !== 'archivedOn')
    .filter((field) => !cover[field]?.trim())
    .map((field) => ({
      code: 'cover_missing' as const,
      clause: `${STANDARD}第十六条`,
      message: `案卷封面缺少“${COVER_FIELDS[field]}”`,
    }));
}

function checkRequired(input: CheckInput): Finding[] {
  const present = new Set(input.documents.map((document) => document.kindCode));
  // 第七条: without material unfit for disclosure a file may have no 副卷; once it has one, 第十条 applies
  const hasRestricted = input.documents.some((document) => document.volume === 'restricted');
  const findings: Finding[] = [];
  for (const entry of CATALOGUE_BY_CODE.values()) {
    if (entry.catalogue !== input.mainCatalogue && entry.catalogue !== 'restricted') continue;
    if (entry.catalogue === 'restricted' && !hasRestricted) continue;
    if (present.has(entry.code) || !isRequired(input.requirements.get(entry.code), input.traits)) continue;
    findings.push({
      code: 'missing_required',
      clause: entry.clause,
      message: `${entry.catalogue === 'restricted' ? '副卷' : '正卷'}缺少“${entry.label}”`,
      volume: entry.catalogue === 'restricted' ? 'restricted' : 'main',
      kindCode: entry.code,
    });
  }
  return findings;
}

function checkPlacement(input: CheckInput, document: CheckedDocument): Finding | null {
  const entry = CATALOGUE_BY_CODE.get(document.kindCode);
  const name = `第 ${document.sequence} 份文书`;
  if (!entry) {
    return {
      code: 'unknown_kind',
      clause: `${STANDARD}第九条、第十条`,
      message: `${document.volume === 'main' ? '正卷' : '副卷'}${name}的种类不在目录中`,
      volume: document.volume,
      documentId: document.id,
      kindCode: document.kindCode,
    };
  }
  if (document.volume === 'main' && entry.catalogue === 'restricted') {
    return {
      code: 'restricted_in_main',
      clause: `${STANDARD}第七条、第十条`,
      message: `“${entry.label}”属副卷材料，不应放入正卷`,
      volume: 'main',
      documentId: document.id,
      kindCode: entry.code,
    };
  }
  if (document.volume === 'restricted' && entry.catalogue !== 'restricted') {
    return {
      code: 'wrong_catalogue',
      clause: `${STANDARD}第九条、第十条`,
      message: `“${entry.label}”属正卷材料，不应放入副卷`,
      volume: 'restricted',
      documentId: document.id,
      kindCode: entry.code,
    };
  }
  if (document.volume === 'main' && entry.catalogue !== input.mainCatalogue) {
    return {
      code: 'wrong_catalogue',
      clause: `${STANDARD}第九条`,
      message: `“${entry.label}”不属于本案卷类别的正卷目录`,
      volume: 'main',
      documentId: document.id,
      kindCode: entry.code,
    };
  }
  return null;
}

/**
 * 第八条: documents are arranged by procedure and time of formation, and the catalogue order of
 * 第九条、第十条 is one allowed arrangement ("可按照"). A volume passes in either: catalogue order
 * (equal kinds may repeat), or the order of its documents' dates (every one dated, none earlier
 * than the one before). One that follows neither is reported against the catalogue order.
 */
function checkOrder(documents: readonly CheckedDocument[]): Finding[] {
  const isInDateOrder =
    documents.length > 0 &&
    documents.every(
      (document, position) =>
        Boolean(document.formedOn) &&
        (position === 0 || document.formedOn! >= documents[position - 1]!.formedOn!),
    );
  if (isInDateOrder) return [];
  return checkCatalogueOrder(documents);
}

/** The documents placed after one the catalogue puts later (第九条、第十条 order). */
function checkCatalogueOrder(documents: readonly CheckedDocument[]): Finding[] {
  const findings: Finding[] = [];
  let highest: { index: number; label: string } | null = null;
  for (const document of documents) {
    const entry = CATALOGUE_BY_CODE.get(document.kindCode);
    if (!entry) continue;
    if (highest && entry.index < highest.index) {
      findings.push({
        code: 'wrong_order',
        clause: `${STANDARD}第八条`,
        message: `“${entry.label}”应排在“${highest.label}”之前（或全卷按文书形成时间排列）`,
        volume: document.volume,
        documentId: document.id,
        kindCode: entry.code,
      });
    } else {
      highest = { index: entry.index, label: entry.label };
    }
  }
  return findings;
}

/** 第十五条: every page numbered, so a volume's ranges run 1, 2, … without gaps or overlaps. */
function checkPages(volume: Volume, documents: readonly CheckedDocument[]): Finding[] {
  const clause = `${STANDARD}第十五条`;
  const label = volume === 'main' ? '正卷' : '副卷';
  const findings: Finding[] = [];
  let lastPage = 0;
  for (const document of documents) {
    const base = { clause, volume, documentId: document.id, kindCode: document.kindCode };
    const name = `${label}第 ${document.sequence} 份文书`;
    if (document.pageTo < document.pageFrom || document.pageFrom < 1) {
      findings.push({ ...base, code: 'page_range', message: `${name}的页码范围无效` });
      continue;
    }
    if (lastPage === 0 && document.pageFrom !== 1) {
      findings.push({ ...base, code: 'page_start', message: `${label}页码应从第 1 页开始` });
    } else if (lastPage > 0 && document.pageFrom > lastPage + 1) {
      findings.push({
        ...base,
        code: 'page_gap',
        message: `${name}前缺少第 ${lastPage + 1}–${document.pageFrom - 1} 页`,
      });
    } else if (lastPage > 0 && document.pageFrom <= lastPage) {
      findings.push({
        ...base,
        code: 'page_overlap',
        message: `${name}的页码与前一份重叠（第 ${document.pageFrom}–${Math.min(lastPage, document.pageTo)} 页）`,
      });
    }
    lastPage = Math.max(lastPage, document.pageTo);
  }
  return findings;
}

/** 第五条: a copy (复印件) in place of an original names its verifier, the date and its source. */
export function isCopyVerified(
  document: Pick<CheckedDocument, 'verifiedBy' | 'verifiedOn' | 'copySource'>,
): boolean {
  return Boolean(document.verifiedBy?.trim() && document.verifiedOn && document.copySource?.trim());
}

function checkCopy(document: CheckedDocument): Finding | null {
  if (document.isOriginal || isCopyVerified(document)) return null;
  return {
    code: 'copy_unverified',
    clause: `${STANDARD}第五条`,
    message: `${document.volume === 'main' ? '正卷' : '副卷'}第 ${document.sequence} 份文书为复印件，未注明核对人、核对日期和来源`,
    volume: document.volume,
    documentId: document.id,
    kindCode: document.kindCode,
  };
}

/**
 * Checks a case file against 第五、七、八、九、十、十五、十六条; `passes` when nothing but
 * suggestions is found (a 第十八条 kind's catalogue findings are suggestions unless binding).
 */
export function checkCaseFile(input: CheckInput): CheckResult {
  const findings: Finding[] = [...checkCover(input.cover), ...checkRequired(input)];
  for (const volume of ['main', 'restricted'] as const) {
    const documents = input.documents
      .filter((document) => document.volume === volume)
      .sort((left, right) => left.sequence - right.sequence);
    for (const document of documents) {
      const placement = checkPlacement(input, document);
      if (placement) findings.push(placement);
    }
    findings.push(...checkOrder(documents), ...checkPages(volume, documents));
    for (const document of documents) {
      const copy = checkCopy(document);
      if (copy) findings.push(copy);
    }
  }
  if (!input.isBinding) {
    for (const finding of findings) if (CATALOGUE_FINDINGS.has(finding.code)) finding.isAdvisory = true;
  }
  return { passes: findings.every((finding) => finding.isAdvisory), findings };
}
