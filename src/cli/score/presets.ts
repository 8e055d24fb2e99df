/**
 * Reads scheme files (YAML or JSON) from disk for the CLI and tests; the engine itself never
 * touches the file system. Preset schemes live in `schemes/` at the repository root, one file
 * per scheme, named by the scheme id.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { type ParseSchemeResult, type Problem, parseScheme } from '../../engine/index.ts';

/** Absolute path of the presets directory. */
export const SCHEMES_DIRECTORY = fileURLToPath(new URL('../../../schemes/', import.meta.url));

const SCHEME_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Preset scheme files, sorted by name. */
export function listPresetFiles(): string[] {
  return readdirSync(SCHEMES_DIRECTORY)
    .filter((name) => SCHEME_EXTENSIONS.has(extname(name)))
    .sort()
    .map((name) => join(SCHEMES_DIRECTORY, name));
}

/** Parses scheme text (YAML, or JSON which is YAML too) and validates it; syntax errors are problems too. */
export function parseSchemeText(text: string): ParseSchemeResult {
  let data: unknown;
  try {
    data = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const problem: Problem = {
      path: '',
      messageZh: `文件不是有效的 YAML/JSON:${message}`,
      messageEn: `not valid YAML/JSON: ${message}`,
    };
    return { ok: false, problems: [problem] };
  }
  return parseScheme(data);
}

/** Loads and validates a scheme file from a path. */
export function loadSchemeFile(path: string): ParseSchemeResult {
  return parseSchemeText(readFileSync(path, 'utf8'));
}

/** Resolves a preset id ('zjg-section-quarterly') or a file path to a file path; null if neither exists. */
export function resolveSchemePath(idOrPath: string): string | null {
  const preset = listPresetFiles().find((path) => basename(path, extname(path)) === idOrPath);
  if (preset) return preset;
  try {
    readFileSync(idOrPath);
    return idOrPath;
  } catch {
    return null;
  }
}

/** Loads a preset by id, throwing if it is missing or broken (for tests and benchmarks). */
export function loadPreset(id: string) {
  const path = resolveSchemePath(id);
  if (!path) throw new Error(`no preset ${id}`);
  const outcome = loadSchemeFile(path);
  if (!outcome.ok)
    throw new Error(
      `${id}: ${outcome.problems.map((entry) => `${entry.path}: ${entry.messageEn}`).join('; ')}`,
    );
  return outcome.scheme;
}
