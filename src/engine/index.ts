/**
 * The assessment engine: schemes in, scores with explanations out. Pure — no I/O, no clock,
 * no environment — so the server, the CLI and the browser all run the same code.
 */
export type { CompiledScheme, ParamOverrides } from './compile.ts';
export { compileScheme } from './compile.ts';
export type { RoundingMode, Scaled } from './decimal.ts';
export { formatDecimal, formatSigned, PLACES, parseDecimal, SCALE } from './decimal.ts';
export { EngineInputError, evaluate, prepareScheme } from './evaluate.ts';
export { sumLines } from './explain.ts';
export { parsePeriod, splitPeriod } from './period.ts';
export type { Problem } from './problems.ts';
export { parseRecords, RecordsFile } from './records.schema.ts';
export { SubjectView } from './results.ts';
export type { RolledSubject, RollUpInput, RollUpResult } from './rollup.ts';
export { rollUp } from './rollup.ts';
export type { ParseSchemeResult } from './scheme.parse.ts';
export { parseScheme } from './scheme.parse.ts';
export type { Component, Group, Item, SchemeFile } from './scheme.schema.ts';
export { SchemeFile as SchemeFileSchema } from './scheme.schema.ts';
export type * from './types.ts';
