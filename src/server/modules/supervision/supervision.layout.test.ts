import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every non-test source file of the supervision domain. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('supervision layout (MODULES.md: nothing but *.repository.ts writes SQL)', () => {
  // supervision.public.ts, supervision.policy.ts and supervision.links.ts held queries of their own
  it.each(
    sources(import.meta.dirname)
      .filter((file) => !file.endsWith('.repository.ts') && !file.endsWith('.fixtures.ts'))
      .map((file) => relative(import.meta.dirname, file)),
  )('%s builds no query', (file) => {
    const text = readFileSync(join(import.meta.dirname, file), 'utf8');
    expect(text.match(/\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/g) ?? []).toEqual([]);
  });
});
