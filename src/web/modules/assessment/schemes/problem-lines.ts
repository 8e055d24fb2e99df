/**
 * The line of an uploaded scheme file that a validation problem names. The server reports each
 * problem at a JSON path (`components[0].groups[2].cap`, engine/problems.ts); the page shows the
 * file with the problem beside its line. A path to a field that is missing (缺少满分 outOf) points at
 * the nearest object that exists.
 */
import { isNode, LineCounter, parseDocument } from 'yaml';

/** 'components[0].groups[2].cap' → ['components', 0, 'groups', 2, 'cap']. */
export function splitProblemPath(path: string): Array<string | number> {
  const parts: Array<string | number> = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    parts.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  }
  return parts;
}

/** A parsed file that answers the 1-based line of a problem path (null: the whole file). */
export function problemLineFinder(text: string): (path: string) => number | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    const line = doc.errors[0]?.linePos?.[0]?.line;
    return () => line ?? null;
  }
  return (path) => {
    const parts = splitProblemPath(path);
    if (parts.length === 0) return null;
    for (let length = parts.length; length > 0; length--) {
      const prefix = parts.slice(0, length);
      const node = doc.getIn(prefix, true);
      // a field points at its key's line, so `cap:` is marked rather than the value after it
      const parent = length > 1 ? doc.getIn(prefix.slice(0, -1), true) : doc.contents;
      const pair =
        parent && isNode(parent) && 'items' in parent
          ? (parent.items as unknown[]).find(
              (item): item is { key: { range?: [number, number, number] } } =>
                typeof item === 'object' &&
                item !== null &&
                'key' in item &&
                isNode((item as { key: unknown }).key) &&
                String((item as { key: { toJSON(): unknown } }).key.toJSON()) === String(parts[length - 1]),
            )
          : undefined;
      const range = pair?.key.range ?? (isNode(node) ? node.range : undefined);
      if (range) return lineCounter.linePos(range[0]).line;
    }
    return null;
  };
}
