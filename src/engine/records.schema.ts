/**
 * The records file (JSON; the CLI also reads the same columns from XLSX): the subjects and
 * the records of a period. docs/scheme-language.md ("记录文件") documents it.
 */
import { z } from 'zod';
import type { CompiledScheme } from './compile.ts';
import { formatDecimal, MAX_EXACT_COUNT, parseDecimal } from './decimal.ts';
import { dateNumber } from './period.ts';
import { type Problem, problemsFromZod } from './problems.ts';
import type { EngineRecord, Subject } from './types.ts';

const Text = z.string().min(1);

export const RecordEntry = z.strictObject({
  id: Text,
  subject: Text,
  item: Text,
  // A date that fits the pattern but is not on the calendar (2024-02-30) is refused here, at
  // its row, rather than read later as "outside the period".
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date', abort: true })
    .refine((text) => dateNumber(text) >= 0, { message: 'real-date' }),
  // Beyond MAX_EXACT_COUNT, count × points is no longer an exact integer (see decimal.ts).
  count: z
    .int()
    .min(1)
    .refine((count) => count <= MAX_EXACT_COUNT, { message: 'count-exact' })
    .optional(),
  value: z.union([z.number(), z.string()]).optional(),
  level: z.string().optional(),
  fact: z.string().optional(),
  rater: z.string().optional(),
  evidence: z.string().optional(),
  source: z.enum(['self', 'assessor']).optional(),
});

export const SubjectEntry = z.strictObject({
  id: Text,
  name: z.string().optional(),
  /** unit, series, post: the groups a quota or ranking `per` a group counts within */
  groups: z
    .strictObject({ unit: z.string().optional(), series: z.string().optional(), post: z.string().optional() })
    .optional(),
});

export const RecordsFile = z.strictObject({
  /** Optional default period for `fazhi score`. */
  period: z
    .string()
    .regex(/^\d{4}(Q[1-4]|H[12]|-\d{2})?$/, { message: 'period' })
    .optional(),
  /** Subjects; when absent, every subject named by a record. */
  subjects: z.array(SubjectEntry).optional(),
  records: z.array(RecordEntry),
});

export interface ParsedRecordsFile {
  period: string | undefined;
  subjects: Subject[];
  records: EngineRecord[];
}

/**
 * Validates a records file (all problems at once) and fills in subjects when omitted; duplicate
 * record ids are problems. Given the compiled scheme the file is for, a rating or per-item score
 * outside its sheet's scale [0, outOf] and a count too large to sum exactly are problems too, at
 * their record (issue 18 points 12, 13): the file is refused rather than scored without them.
 */
export function parseRecords(
  input: unknown,
  scheme?: CompiledScheme,
): { ok: true; file: ParsedRecordsFile } | { ok: false; problems: Problem[] } {
  const parsed = RecordsFile.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error.issues) };
  const problems: Problem[] = [];
  const seen = new Set<string>();
  parsed.data.records.forEach((record, index) => {
    if (seen.has(record.id)) {
      problems.push({
        path: `records[${index}].id`,
        messageZh: `记录编号 ${record.id} 重复`,
        messageEn: `record id ${record.id} is used twice`,
      });
    }
    seen.add(record.id);
    if (scheme) problems.push(...schemeProblems(scheme, record, `records[${index}]`));
  });
  if (problems.length > 0) return { ok: false, problems };
  const subjects: Subject[] =
    parsed.data.subjects ??
    [...new Set(parsed.data.records.map((record) => record.subject))].sort().map((id) => ({ id }));
  return {
    ok: true,
    file: { period: parsed.data.period, subjects, records: parsed.data.records as EngineRecord[] },
  };
}

/** Problems of one record against the scheme's scales and exact-count limits. */
function schemeProblems(
  scheme: CompiledScheme,
  record: z.infer<typeof RecordEntry>,
  path: string,
): Problem[] {
  const index = scheme.itemIndex.get(record.item);
  if (index === undefined) return [];
  const item = scheme.items[index]!;
  const problems: Problem[] = [];
  const component = item.component;
  if ((item.role === 'rating' || item.role === 'average') && component && 'outOf' in component) {
    const value = record.value === undefined ? null : parseDecimal(record.value);
    const outOf = formatDecimal(component.outOf);
    if (value !== null && (value < 0 || value > component.outOf)) {
      problems.push({
        path: `${path}.value`,
        messageZh: `评分 ${record.value} 超出「${item.label}」评分表的范围 0—${outOf}(满分 ${outOf})`,
        messageEn: `score ${record.value} is outside the scale of ${item.id}, 0 to ${outOf}`,
      });
    }
  }
  const limit = item.maxCount;
  if (record.count !== undefined && record.count > limit) {
    problems.push({
      path: `${path}.count`,
      messageZh: `次数 ${record.count} 过大：「${item.label}」次数 × 分值超过可精确合计的范围(至多 ${limit} 次)`,
      messageEn: `count ${record.count} is too large for ${item.id}: at most ${limit} sum exactly`,
    });
  }
  return problems;
}
