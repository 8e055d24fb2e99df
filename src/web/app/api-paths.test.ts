import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MODULES = join(import.meta.dirname, '../modules');

/** Every module's fetchers file, e.g. modules/workbench/workbench.api.ts. */
function apiFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? apiFiles(join(dir, entry.name))
      : entry.name.endsWith('.api.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('web fetchers', () => {
  // api-client.ts puts /api in front of every path: '/api/workbench/todos' became /api/api/… and
  // the home page's to-do and warning panels answered 接口不存在
  it.each(apiFiles(MODULES))('%s calls api.* with paths relative to /api', (file) => {
    const calls = [
      ...readFileSync(file, 'utf8').matchAll(
        /api\.(?:get|post|put|patch|delete)\w*(?:<[^>]*>)?\(\s*[`'"](\/api\/[^`'"]*)/g,
      ),
    ];
    expect(calls.map((match) => match[1])).toEqual([]);
  });
});
