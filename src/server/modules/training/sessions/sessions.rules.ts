/**
 * Pure rules of finishing a session (培训制度第八条: 建立执法人员培训档案 … 对培训学习情况应当进行考核):
 * a session is finished once it has been held and has attendees; a graded session needs every
 * attendee's result, and a score alone passes at TRAINING_PASS_SCORE.
 */
import { TRAINING_PASS_SCORE } from '../../../../common/training.ts';

export interface FinishProblem {
  field: string;
  message: string;
}

export interface FinishInput {
  heldOn: string;
  today: string;
  isGraded: boolean;
  attendeeIds: readonly number[];
  results: ReadonlyArray<{
    officerId: number;
    score?: number | null | undefined;
    passed?: boolean | null | undefined;
  }>;
}

export interface FinishOutcome {
  problems: FinishProblem[];
  /** one per attendee, in list order, when there are no problems */
  records: Array<{ officerId: number; score: number | null; passed: boolean | null }>;
}

export function judgeFinish(input: FinishInput): FinishOutcome {
  const problems: FinishProblem[] = [];
  if (input.heldOn > input.today)
    problems.push({ field: 'heldOn', message: '培训日期晚于今天，培训举办后才能结业' });
  if (input.attendeeIds.length === 0) problems.push({ field: 'attendees', message: '请先添加参训人员' });
  const attendees = new Set(input.attendeeIds);
  const byOfficer = new Map<number, (typeof input.results)[number]>();
  input.results.forEach((result, index) => {
    if (!attendees.has(result.officerId))
      problems.push({ field: `results.${index}.officerId`, message: '该人员不在参训名单中' });
    else if (byOfficer.has(result.officerId))
      problems.push({ field: `results.${index}.officerId`, message: '同一人员的成绩重复' });
    else byOfficer.set(result.officerId, result);
    if (!input.isGraded && (result.score != null || result.passed != null))
      problems.push({ field: `results.${index}.score`, message: '该培训不考核，不能登记成绩' });
  });
  const records = input.attendeeIds.map((officerId, index) => {
    if (!input.isGraded) return { officerId, score: null, passed: null };
    const result = byOfficer.get(officerId);
    const score = result?.score ?? null;
    const passed = result?.passed ?? (score === null ? null : score >= TRAINING_PASS_SCORE);
    if (score === null && passed === null)
      problems.push({ field: `results.${index}.score`, message: '请登记每位参训人员的考核成绩' });
    return { officerId, score, passed };
  });
  return { problems, records: problems.length > 0 ? [] : records };
}
