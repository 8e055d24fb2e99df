/**
 * A subject's standing among all subjects of the period: grade from the bands, lowered by
 * ceilings, forced by vetoes, limited by quotas; rank; commended share and last N barred.
 * Order matters and is fixed: bands → ceilings → vetoes → quotas → ranking, so a veto
 * always wins and a quota never counts a vetoed subject.
 */
import type { CompiledBand, CompiledQuota } from './compile.ts';
import { formatDecimal, type Scaled } from './decimal.ts';
import { line } from './explain.ts';
import { gradeBelow, gradeFor, gradeRank, worseGrade } from './grade.ts';
import { allowedCount, type Candidate, type ShareRounding, selectWithinLimit } from './quota.ts';
import { competitionRanks, lastBarred } from './rank.ts';
import type { ExplanationLine, QuotaSummary, SubjectFlags } from './types.ts';

export interface AppliedRule {
  rule: string;
  label: string;
  clause: string | undefined;
  records: string[];
}

export interface StandingInput {
  subject: string;
  total: Scaled;
  /** Tie-break scores after the total, in the quota's `by` order (`this` is the input). */
  tieKeys(quota: CompiledQuota, index: number): Scaled[];
  ceilings: (AppliedRule & { maxGrade: string })[];
  vetoes: (AppliedRule & { grade: string | undefined; barHonours: boolean })[];
}

export interface StandingConfig {
  bands: readonly CompiledBand[];
  quotas: readonly CompiledQuota[];
  commend: {
    share: Scaled;
    clause: string | undefined;
    rounding: ShareRounding;
    ties: 'spare' | 'subject-id';
  } | null;
  bar: { last: number; clause: string | undefined; ties: 'spare' | 'include' } | null;
}

export interface Standing {
  grade: string | null;
  bandGrade: string | null;
  rank: number;
  flags: Omit<SubjectFlags, 'isCapped'>;
  lines: ExplanationLine[];
}

/** Decides grade, rank and flags of every subject; lines are 0-point records of what applied. */
export function assignStandings(
  inputs: readonly StandingInput[],
  config: StandingConfig,
): { standings: Standing[]; quotas: QuotaSummary[] } {
  const { bands } = config;
  const standings: Standing[] = inputs.map((input) => {
    const bandGrade = gradeFor(bands, input.total);
    const standing: Standing = {
      grade: bandGrade,
      bandGrade,
      rank: 0,
      flags: {
        isVetoed: false,
        isQuotaDemoted: false,
        isCeilinged: false,
        isHonoursBarred: false,
        isCommended: false,
        isBarred: false,
      },
      lines: [],
    };
    for (const ceiling of input.ceilings) {
      const before = standing.grade;
      standing.grade = worseGrade(bands, standing.grade, ceiling.maxGrade);
      const isLowered = before !== standing.grade;
      standing.flags.isCeilinged ||= isLowered;
      standing.lines.push(
        line('ceiling', { id: ceiling.rule, label: ceiling.label, clause: ceiling.clause }, 0, undefined, {
          records: [...ceiling.records],
          note: isLowered
            ? `等次不高于「${ceiling.maxGrade}」：由「${before}」降为「${standing.grade}」`
            : `等次不高于「${ceiling.maxGrade}」(未改变等次)`,
        }),
      );
    }
    let vetoGrade: string | null = null;
    for (const veto of input.vetoes) {
      standing.flags.isVetoed = true;
      standing.flags.isHonoursBarred ||= veto.barHonours;
      if (veto.grade !== undefined) {
        vetoGrade = vetoGrade === null ? veto.grade : worseGrade(bands, vetoGrade, veto.grade);
      }
      standing.lines.push(
        line('veto', { id: veto.rule, label: veto.label, clause: veto.clause }, 0, undefined, {
          records: [...veto.records],
          note: [
            '一票否决',
            veto.grade !== undefined ? `等次定为「${veto.grade}」` : null,
            veto.barHonours ? '取消本期评优资格' : null,
          ]
            .filter(Boolean)
            .join('，'),
        }),
      );
    }
    // A veto fixes the grade outright (一票否决), whatever the score or any other rule.
    if (vetoGrade !== null) standing.grade = vetoGrade;
    return standing;
  });

  // Honours-barred subjects cannot hold a limited (honour) grade.
  const quotaGrades = new Set(config.quotas.map((quota) => quota.grade));
  for (const standing of standings) {
    if (!standing.flags.isHonoursBarred || standing.grade === null) continue;
    while (quotaGrades.has(standing.grade) && gradeBelow(bands, standing.grade) !== standing.grade) {
      standing.grade = gradeBelow(bands, standing.grade);
    }
  }

  const summaries: QuotaSummary[] = [];
  const orderedQuotas = [...config.quotas].sort(
    (left, right) => gradeRank(bands, left.grade) - gradeRank(bands, right.grade),
  );
  for (const quota of orderedQuotas) {
    const allowed = allowedCount(inputs.length, quota.maxShare, quota.rounding);
    const candidates: Candidate[] = [];
    standings.forEach((standing, index) => {
      if (standing.grade === quota.grade) {
        const input = inputs[index]!;
        candidates.push({
          index,
          subject: input.subject,
          keys: [input.total, ...input.tieKeys(quota, index)],
        });
      }
    });
    const kept = selectWithinLimit(candidates, allowed, quota.final);
    const demoted: string[] = [];
    for (const candidate of candidates) {
      if (kept.has(candidate.index)) continue;
      const standing = standings[candidate.index]!;
      standing.grade = gradeBelow(bands, quota.grade);
      standing.flags.isQuotaDemoted = true;
      demoted.push(candidate.subject);
      standing.lines.push(
        line(
          'quota',
          { id: `quota.${quota.grade}`, label: `「${quota.grade}」比例控制`, clause: quota.clause },
          0,
          undefined,
          {
            note: `「${quota.grade}」不超过 ${formatDecimal(quota.maxShare)}%(${inputs.length} 个对象中至多 ${allowed} 个)，按得分顺序调整为「${standing.grade}」`,
          },
        ),
      );
    }
    summaries.push({ grade: quota.grade, allowed, held: kept.size, demoted: demoted.sort() });
  }

  const totals = inputs.map((input) => input.total);
  const ranks = competitionRanks(totals);
  standings.forEach((standing, index) => {
    standing.rank = ranks[index]!;
  });

  if (config.bar) {
    const barred = lastBarred(totals, config.bar.last, config.bar.ties);
    barred.forEach((isBarred, index) => {
      if (!isBarred) return;
      const standing = standings[index]!;
      standing.flags.isBarred = true;
      standing.flags.isHonoursBarred = true;
    });
  }
  if (config.commend) {
    const allowed = allowedCount(inputs.length, config.commend.share, config.commend.rounding);
    const candidates: Candidate[] = [];
    inputs.forEach((input, index) => {
      if (!standings[index]!.flags.isHonoursBarred)
        candidates.push({ index, subject: input.subject, keys: [input.total] });
    });
    for (const index of selectWithinLimit(candidates, allowed, config.commend.ties)) {
      standings[index]!.flags.isCommended = true;
    }
  }
  return { standings, quotas: summaries };
}
