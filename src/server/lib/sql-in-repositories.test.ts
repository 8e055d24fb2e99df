import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * SQL lives in `*.repository.ts` files only (STYLE.md, MODULES.md): routes call services, services
 * call repositories. This scans the server for query builders (`selectFrom`, `insertInto`, …) and
 * `sql` fragments anywhere else. A `*.policy.ts` may hold the SQL form of its row scope (`sql`
 * conditions the repositories apply) but runs no query itself.
 */
const SERVER = resolve(import.meta.dirname, '..');

/** Folders and files that are not the app's request path: the database setup, seeds and test builders. */
const OUTSIDE_THE_RULE = [/^db\//, /^seed\//, /^scenario\//, /^testing\//, /(?:^|[./-])fixtures\.ts$/];

/**
 * Files still holding SQL in domains being rebuilt now (issue 12); each is to move its queries into
 * its repository and leave this list. Nothing new may join it.
 */
const NOT_YET_MOVED = new Set([
  'modules/coordination/coordination.policy.ts',
  'modules/coordination/coordination.public.ts',
  'modules/coordination/disputes/disputes.service.ts',
  'modules/coordination/disputes/opinions.service.ts',
]);

const QUERY = /\.(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)\s*\(/;
const FRAGMENT = /\bsql\s*(?:<[^`;]*?>)?\s*`|\bsql\.(?:raw|ref|lit|id|table|join|val)\s*\(/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** What the file does with SQL that only a repository may: 'query', 'fragment' or nothing. */
function sqlUse(text: string): 'query' | 'fragment' | null {
  if (QUERY.test(text)) return 'query';
  return FRAGMENT.test(text) ? 'fragment' : null;
}

/** The files breaking the rule, as paths under src/server. */
function offenders(): string[] {
  return files(SERVER)
    .map((file) => relative(SERVER, file))
    .filter((path) => !path.endsWith('.repository.ts') && !OUTSIDE_THE_RULE.some((rule) => rule.test(path)))
    .filter((path) => {
      const use = sqlUse(readFileSync(join(SERVER, path), 'utf8'));
      return use === 'query' || (use === 'fragment' && !path.endsWith('.policy.ts'));
    });
}

describe('SQL only in repositories', () => {
  it('recognises the shapes it guards against', () => {
    expect(sqlUse("await db.selectFrom('org').select('path')")).toBe('query');
    expect(sqlUse("trx\n  .insertInto('assessment_appeal')")).toBe('query');
    expect(sqlUse("await trx.updateTable('case').set(patch)")).toBe('query');
    expect(sqlUse("db.deleteFrom('case_party')")).toBe('query');
    expect(sqlUse('sql<number>`count(*)::int`')).toBe('fragment');
    expect(sqlUse('sql`select 1`')).toBe('fragment');
    expect(sqlUse("sql.ref('org.path')")).toBe('fragment');
    expect(sqlUse("import { findCaseById } from './cases.repository.ts';")).toBeNull();
    expect(sqlUse('const selectFromList = pick(list);')).toBeNull();
  });

  it('finds none outside repositories, policies (conditions only), seeds and test builders', () => {
    const found = offenders();
    expect(found.filter((path) => !NOT_YET_MOVED.has(path))).toEqual([]);
  });

  it('lists no file as not yet moved that holds no SQL any more', () => {
    const found = new Set(offenders());
    expect([...NOT_YET_MOVED].filter((path) => !found.has(path))).toEqual([]);
  });
});
