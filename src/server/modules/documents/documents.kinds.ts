/**
 * The kinds of record that are numbered and signed through the documents domain, as their domains
 * describe them: a Chinese label and the web path of a record, so the register book and the
 * sign-off list can name and link the record without reading the owning domain's tables.
 */
export interface DocumentKind {
  /** e.g. 考核结果通报, 监督通知书 */
  label: string;
  /** the web path of one record, e.g. `/assessment/periods/7` */
  linkOf(recordId: number): string;
}

const kinds = new Map<string, DocumentKind>();

/** Called once by the owning domain at import time; `recordType` is unique across domains. */
export function registerDocumentKind(recordType: string, kind: DocumentKind): void {
  kinds.set(recordType, kind);
}

/** The label and link of a record, or the bare record type when its domain described none. */
export function describeRecord(recordType: string, recordId: number): { label: string; link: string | null } {
  const kind = kinds.get(recordType);
  return kind ? { label: kind.label, link: kind.linkOf(recordId) } : { label: recordType, link: null };
}
