/**
 * The records file (JSON; the CLI also reads the same columns from XLSX): the subjects and
 * the records of a period. docs/scheme-language.md ("记录文件") documents it.
 */
import { z } from 'zod';
import { type Problem, problemsFromZod } from './problems.ts';
import type { EngineRecord, Subject } from './types.ts';

const Text = z.string().min(1);

export const RecordEntry = z.strictObject({
  id: Text,
  subject: Text,
  item: Text,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' }),
  count: z.int().min(1).optional(),
  value: z.union([z.number(), z.string()]).optional(),
  level: z.string().optional(),
  fact: z.string().optional(),
  rater: z.string().optional(),
  evidence: z.string().optional(),
  source: z.enum(['self', 'assessor']).optional(),
});

export const SubjectEntry = z.strictObject({ id: Text, name: z.string().optional() });

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

/** Validates a records file (all problems at once) and fills in subjects when omitted; duplicate record ids are problems. */
export function parseRecords(
  input: unknown,
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
