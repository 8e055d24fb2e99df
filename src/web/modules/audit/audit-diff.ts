/** One field of a before/after pair. */
export interface AuditDiffRow {
  key: string;
  before: unknown;
  after: unknown;
  /** Present on only one side, or different values. */
  isChanged: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep equality for JSON values (key order ignored). */
export function isSameJson(left: unknown, right: unknown): boolean {
  if (Object.is(left, right)) return true;
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((item, index) => isSameJson(item, right[index]));
  }
  if (isRecord(left) && isRecord(right)) {
    const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
    return [...keys].every((key) => isSameJson(left[key], right[key]));
  }
  return false;
}

/**
 * Field-by-field comparison of two snapshots, changed fields first, then the rest in key order.
 * A snapshot that is not an object (null, a number…) is shown as one row named "(值)".
 */
export function diffAuditSnapshots(before: unknown, after: unknown): AuditDiffRow[] {
  if (!isRecord(before) && !isRecord(after)) {
    if (before == null && after == null) return [];
    return [{ key: '(值)', before, after, isChanged: !isSameJson(before, after) }];
  }
  const beforeRecord = isRecord(before) ? before : {};
  const afterRecord = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(beforeRecord), ...Object.keys(afterRecord)])].sort();
  const rows = keys.map((key) => ({
    key,
    before: beforeRecord[key],
    after: afterRecord[key],
    isChanged: !isSameJson(beforeRecord[key], afterRecord[key]),
  }));
  return [...rows.filter((row) => row.isChanged), ...rows.filter((row) => !row.isChanged)];
}
