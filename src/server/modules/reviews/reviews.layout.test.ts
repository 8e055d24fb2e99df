import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// MODULES.md / COMMON.md: SQL lives in *.repository.ts only (tests and the test fixtures aside).
const ROOT = import.meta.dirname;
const SQL = /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`|\bsql<[^>]*>`/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('reviews: SQL only in repositories', () => {
  it('no service, policy, public or route file of the domain builds a query', () => {
    const offenders = sourceFiles(ROOT)
      .filter((file) => file.endsWith('.ts'))
      .filter((file) => !/\.(repository|test)\.ts$|reviews\.fixtures\.ts$/.test(file))
      .filter((file) => SQL.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });
});
