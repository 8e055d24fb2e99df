import { compileScheme } from './compile.ts';
import { type Problem, problemsFromZod } from './problems.ts';
import { SchemeFile } from './scheme.schema.ts';

export type ParseSchemeResult = { ok: true; scheme: SchemeFile } | { ok: false; problems: Problem[] };

/**
 * Validates a scheme (already parsed from JSON or YAML) completely: its shape, then every
 * cross-reference with default parameters. A broken scheme is refused with all its problems.
 */
export function parseScheme(input: unknown): ParseSchemeResult {
  const parsed = SchemeFile.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error.issues) };
  const compiled = compileScheme(parsed.data);
  if (!compiled.ok) return { ok: false, problems: compiled.problems };
  return { ok: true, scheme: parsed.data };
}
