import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Dates print one way wherever a user reads them (2024年2月3日, issue 19/17): a Chinese message,
 * note or error built on the server must not drop a stored ISO date (`filed_on`, `dueOn`,
 * `valid_until`…) into its text raw. It wraps it in formatChineseDate. This scans every template
 * literal with Chinese text for a date-named value interpolated as it is.
 */
const SERVER = resolve(import.meta.dirname, '..');
const DATE_NAMED = /^[\w.?!]*?(?:_on|On|_until|Until|Date|_date|dueOn|due)\)?$/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ['seed', 'testing'].includes(entry.name) ? [] : files(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function rawDatesInText(text: string): string[] {
  const found: string[] = [];
  for (const literal of text.matchAll(/`[^`]*`/g)) {
    if (!/\p{Script=Han}/u.test(literal[0])) continue;
    for (const hole of literal[0].matchAll(/\$\{([^{}]+)\}/g)) {
      const expression = hole[1]!.trim();
      if (DATE_NAMED.test(expression) && !/^(?:format|date\(|day\()/.test(expression)) found.push(expression);
    }
  }
  return found;
}

describe('no ISO dates in Chinese text', () => {
  it('recognises the shapes it guards against', () => {
    // biome-ignore-start lint/suspicious/noTemplateCurlyInString: the inputs are source text holding ${…}
    expect(rawDatesInText('message: `应于${dueOn}前报送`')).toEqual(['dueOn']);
    expect(rawDatesInText('`于 ${row.filed_on} 立案`')).toEqual(['row.filed_on']);
    expect(rawDatesInText('`应于${formatChineseDate(dueOn)}前报送`')).toEqual([]);
    expect(rawDatesInText('`${row.case_no} 立案`')).toEqual([]);
    // biome-ignore-end lint/suspicious/noTemplateCurlyInString: the inputs are source text holding ${…}
  });

  it('finds none in the server code', () => {
    const offenders = files(SERVER).flatMap((file) =>
      rawDatesInText(readFileSync(file, 'utf8')).map((hole) => `${relative(SERVER, file)}: \${${hole}}`),
    );
    expect(offenders).toEqual([]);
  });
});
