/**
 * What-if (试算): re-evaluates a computed period with changed scheme parameters (or a whole draft
 * of the scheme file) and shows, subject by subject, the stored grade beside the one the draft would
 * give. Nothing is stored; the published results never change here.
 */
import {
  EngineInputError,
  type EvaluationResult,
  evaluate,
  parseScheme,
  prepareScheme,
  type SchemeFile,
} from '../../../../engine/index.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan } from '../../../lib/access.ts';
import { AppError, invalid } from '../../../lib/errors.ts';
import { getPeriodForActor } from '../assessment.access.ts';
import { loadEngineInput } from '../records/engine-input.ts';
import { findSchemeVersionById } from '../schemes/schemes.repository.ts';
import { schemeOf } from '../schemes/schemes.service.ts';
import { findResultSummaries } from './results.repository.ts';

export interface WhatIfInput {
  /** parameter overrides by name, e.g. { goodMin: 92 } */
  params?: Record<string, string | number> | undefined;
  /** a whole draft scheme file (JSON), validated like an upload; its id must stay the same */
  scheme?: unknown;
}

const toFields = (error: EngineInputError) =>
  error.problems.map((problem) => ({ field: problem.path || '(root)', message: problem.messageZh }));

function distributionOf(grades: (string | null)[]) {
  const distribution: Record<string, number> = {};
  for (const grade of grades)
    distribution[grade ?? '未定等次'] = (distribution[grade ?? '未定等次'] ?? 0) + 1;
  return distribution;
}

/** Side-by-side stored vs draft results of a computed (or later) period. */
export async function runWhatIf(db: Db, actor: Actor, periodId: number, input: WhatIfInput) {
  assertCan(actor, 'assessment.what_if');
  const period = await getPeriodForActor(db, actor, periodId);
  if (period.status === 'open') throw new AppError('CONFLICT', `${period.label}尚未计分，不能试算`);
  const version = await findSchemeVersionById(db, period.scheme_version_id);
  let scheme: SchemeFile = schemeOf(version!);
  if (input.scheme !== undefined) {
    const outcome = parseScheme(input.scheme);
    if (!outcome.ok) {
      throw invalid(
        outcome.problems.map((problem) => ({ field: `scheme.${problem.path}`, message: problem.messageZh })),
      );
    }
    if (outcome.scheme.id !== scheme.id)
      throw invalid([{ field: 'scheme.id', message: '试算方案的编号须与本周期方案相同' }]);
    scheme = outcome.scheme;
  }
  let draft: EvaluationResult;
  try {
    draft = evaluate(prepareScheme(scheme, input.params), await loadEngineInput(db, period));
  } catch (error) {
    if (error instanceof EngineInputError) throw invalid(toFields(error));
    throw error;
  }
  const stored = await findResultSummaries(db, periodId);
  const draftBySubject = new Map(draft.subjects.map((subject) => [subject.subject, subject]));
  const rows = stored.map((row) => {
    const after = draftBySubject.get(row.subject_key)!;
    return {
      subjectKey: row.subject_key,
      name: row.name,
      stored: { total: row.total, grade: row.grade, rank: row.rank },
      draft: { total: after.total, grade: after.grade, rank: after.rank },
      isGradeChanged: row.grade !== after.grade,
    };
  });
  return {
    period: period.period_key,
    params: draft.params,
    changed: rows.filter((row) => row.isGradeChanged).length,
    distribution: {
      stored: distributionOf(stored.map((row) => row.grade)),
      draft: distributionOf(draft.subjects.map((subject) => subject.grade)),
    },
    items: rows,
  };
}
