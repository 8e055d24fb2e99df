/**
 * A subject's standing among all subjects of the period: grade from the bands, lowered by
 * ceilings, forced by vetoes, limited by quotas; rank; commended share and last N barred.
 * Order matters and is fixed: bands → ceilings → vetoes → quotas → ranking, so a veto
 * always wins and a quota never counts a vetoed subject.
 *
 * Standings are columns (grades, ranks, flag bits) rather than an object per subject: a
 * province has 100,000 subjects, and most of them have no ceiling, veto or quota line.
 */
import type { CompiledBand, CompiledQuota } from './compile.ts';
import { formatDecimal, type Scaled } from './decimal.ts';
import { line } from './explain.ts';
import { gradeBelow, gradeFor, gradeRank, worseGrade } from './grade.ts';
import {
  allowedCount,
  type Candidate,
  type ShareRounding,
  selectWithinLimit,
  tiedAtBoundary,
} from './quota.ts';
import { competitionRanks, lastBarred } from './rank.ts';
import type { ExplanationLine, GroupKey, QuotaSummary, SubjectFlags } from './types.ts';

export interface AppliedRule {
  rule: string;
  label: string;
  clause: string | undefined;
  records: string[];
}

/** Ceilings and vetoes that apply to one subject. */
export interface SubjectRules {
  ceilings: (AppliedRule & { maxGrade: string })[];
  vetoes: (AppliedRule & { grade: string | undefined; barHonours: boolean })[];
  /** Rules that only bar honours (a roll-up's parts vetoed with 取消评优资格), each with its note. */
  honoursBars?: (AppliedRule & { note: string })[];
}

export interface StandingInput {
  /** Subject ids, by subject index. */
  subjects: readonly string[];
  /** Totals, by subject index. */
  totals: ArrayLike<Scaled>;
  /** Tie-break scores after the total, in the quota's `by` order. */
  tieKeys(quota: CompiledQuota, index: number): Scaled[];
  /** Ceilings and vetoes of subject `index`; null when none apply. */
  rulesOf(index: number): SubjectRules | null;
  /** Subject `index`'s group of this key ('' when it has none: those form one group). */
  groupOf(key: GroupKey, index: number): string;
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
  /** Rank, commend and bar within each group of this key; null = over all subjects. */
  rankPer: GroupKey | null;
}

/** Subject indexes by group of `key`, groups in key order; one group of everyone when `key` is null. */
function partition(input: StandingInput, key: GroupKey | null, count: number): [string | null, number[]][] {
  if (key === null) return [[null, Array.from({ length: count }, (_, index) => index)]];
  const groups = new Map<string, number[]>();
  for (let index = 0; index < count; index++) {
    const group = input.groupOf(key, index);
    const members = groups.get(group);
    if (members) members.push(index);
    else groups.set(group, [index]);
  }
  return [...groups].sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
}

const GROUP_LABELS: Record<GroupKey, string> = { unit: '本单位', series: '本序列', post: '本岗位' };

/** Flag bits of `Standings.flags` (and FLAG_CAPPED, which scoring decides). */
export const FLAG_VETOED = 1;
export const FLAG_QUOTA_DEMOTED = 2;
export const FLAG_CEILINGED = 4;
export const FLAG_HONOURS_BARRED = 8;
export const FLAG_COMMENDED = 16;
export const FLAG_BARRED = 32;
export const FLAG_CAPPED = 64;

/** Standings by subject index. */
export interface Standings {
  /** Grade after ceilings, vetoes and quotas. */
  grades: (string | null)[];
  bandGrades: (string | null)[];
  ranks: Int32Array;
  /** FLAG_* bits. */
  flags: Uint8Array;
  /** 0-point lines of the ceilings, vetoes and quotas that applied; undefined when none. */
  lines: (ExplanationLine[] | undefined)[];
}

/** Decides grade, rank and flags of every subject; lines are 0-point records of what applied. */
export function assignStandings(
  input: StandingInput,
  config: StandingConfig,
): { standings: Standings; quotas: QuotaSummary[] } {
  const { bands } = config;
  const { subjects, totals } = input;
  const count = subjects.length;
  const grades: (string | null)[] = new Array(count);
  const bandGrades: (string | null)[] = new Array(count);
  const flags = new Uint8Array(count);
  const lines: (ExplanationLine[] | undefined)[] = new Array(count).fill(undefined);
  const addLine = (index: number, entry: ExplanationLine) => {
    const list = lines[index];
    if (list) list.push(entry);
    else lines[index] = [entry];
  };
  for (let index = 0; index < count; index++) {
    const bandGrade = gradeFor(bands, totals[index]!);
    bandGrades[index] = bandGrade;
    grades[index] = bandGrade;
    const rules = input.rulesOf(index);
    if (rules !== null) applyRules(index, rules, bands, grades, flags, addLine);
  }

  // Honours-barred subjects cannot hold a limited (honour) grade.
  const quotaGrades = new Set(config.quotas.map((quota) => quota.grade));
  if (quotaGrades.size > 0) {
    for (let index = 0; index < count; index++) {
      let grade = grades[index]!;
      if ((flags[index]! & FLAG_HONOURS_BARRED) === 0 || grade === null) continue;
      while (quotaGrades.has(grade) && gradeBelow(bands, grade) !== grade) grade = gradeBelow(bands, grade);
      grades[index] = grade;
    }
  }

  const summaries: QuotaSummary[] = [];
  const orderedQuotas = [...config.quotas].sort(
    (left, right) => gradeRank(bands, left.grade) - gradeRank(bands, right.grade),
  );
  for (const quota of orderedQuotas) {
    for (const [group, members] of partition(input, quota.per, count)) {
      const allowed = allowedCount(members.length, quota.maxShare, quota.rounding);
      const candidates: Candidate[] = [];
      for (const index of members) {
        if (grades[index] !== quota.grade) continue;
        candidates.push({
          index,
          subject: subjects[index]!,
          keys: [totals[index]!, ...input.tieKeys(quota, index)],
        });
      }
      const kept = selectWithinLimit(candidates, allowed, quota.final);
      const tied = allowed > 0 ? tiedAtBoundary(candidates, allowed) : new Set<number>();
      // where the tie stands among the grade's holders: after everyone kept who ranks above it
      let tiedPosition = 1;
      for (const index of kept) if (!tied.has(index)) tiedPosition++;
      const demoted: string[] = [];
      for (const candidate of candidates) {
        if (kept.has(candidate.index)) continue;
        const grade = gradeBelow(bands, quota.grade);
        grades[candidate.index] = grade;
        flags[candidate.index]! |= FLAG_QUOTA_DEMOTED;
        demoted.push(candidate.subject);
        addLine(
          candidate.index,
          line(
            'quota',
            { id: `quota.${quota.grade}`, label: `「${quota.grade}」比例控制`, clause: quota.clause },
            0,
            undefined,
            {
              note: `「${quota.grade}」不超过 ${formatDecimal(quota.maxShare)}%(${
                quota.per === null || group === '' ? '' : `${GROUP_LABELS[quota.per]}「${group}」`
              }${members.length} 个对象中至多 ${allowed} 个)，${
                // issue 18 point 14: when the tie cost the place, the note says so
                tied.has(candidate.index) && tied.size > 1
                  ? `第 ${tiedPosition} 名 ${tied.size} 个对象得分并列，超出名额，${
                      quota.final === 'spare' ? '并列者都不占名额' : '按对象编号顺序保留'
                    }，调整为「${grade}」`
                  : `按得分顺序调整为「${grade}」`
              }`,
            },
          ),
        );
      }
      summaries.push({
        grade: quota.grade,
        // subjects given no group of the key count together, as one unnamed group
        ...(group !== null && group !== '' && { group }),
        allowed,
        held: kept.size,
        demoted: demoted.sort(),
      });
    }
  }

  const ranks = config.rankPer === null ? competitionRanks(totals) : new Int32Array(count);
  const rankGroups = partition(input, config.rankPer, count);
  for (const [group, members] of rankGroups) {
    const groupTotals = members.map((index) => totals[index]!);
    if (group !== null) {
      const groupRanks = competitionRanks(groupTotals);
      members.forEach((index, position) => {
        ranks[index] = groupRanks[position]!;
      });
    }
    if (config.bar) {
      const barred = lastBarred(groupTotals, config.bar.last, config.bar.ties);
      members.forEach((index, position) => {
        if (barred[position]) flags[index]! |= FLAG_BARRED | FLAG_HONOURS_BARRED;
      });
    }
    if (config.commend) {
      const allowed = allowedCount(members.length, config.commend.share, config.commend.rounding);
      const candidates: Candidate[] = [];
      for (const index of members) {
        if ((flags[index]! & FLAG_HONOURS_BARRED) === 0)
          candidates.push({ index, subject: subjects[index]!, keys: [totals[index]!] });
      }
      for (const index of selectWithinLimit(candidates, allowed, config.commend.ties)) {
        flags[index]! |= FLAG_COMMENDED;
      }
    }
  }
  return { standings: { grades, bandGrades, ranks, flags, lines }, quotas: summaries };
}

/** Applies one subject's ceilings, then its vetoes (a veto fixes the grade outright). */
function applyRules(
  index: number,
  rules: SubjectRules,
  bands: readonly CompiledBand[],
  grades: (string | null)[],
  flags: Uint8Array,
  addLine: (index: number, entry: ExplanationLine) => void,
): void {
  for (const ceiling of rules.ceilings) {
    const before = grades[index]!;
    const after = worseGrade(bands, before, ceiling.maxGrade);
    grades[index] = after;
    const isLowered = before !== after;
    if (isLowered) flags[index]! |= FLAG_CEILINGED;
    addLine(
      index,
      line('ceiling', { id: ceiling.rule, label: ceiling.label, clause: ceiling.clause }, 0, undefined, {
        records: [...ceiling.records],
        note: isLowered
          ? `等次不高于「${ceiling.maxGrade}」：由「${before}」降为「${after}」`
          : `等次不高于「${ceiling.maxGrade}」(未改变等次)`,
      }),
    );
  }
  let vetoGrade: string | null = null;
  for (const veto of rules.vetoes) {
    flags[index]! |= FLAG_VETOED;
    if (veto.barHonours) flags[index]! |= FLAG_HONOURS_BARRED;
    if (veto.grade !== undefined) {
      vetoGrade = vetoGrade === null ? veto.grade : worseGrade(bands, vetoGrade, veto.grade);
    }
    addLine(
      index,
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
  if (vetoGrade !== null) grades[index] = vetoGrade;
  for (const bar of rules.honoursBars ?? []) {
    flags[index]! |= FLAG_HONOURS_BARRED;
    addLine(
      index,
      line('veto', { id: bar.rule, label: bar.label, clause: bar.clause }, 0, undefined, {
        records: [...bar.records],
        note: bar.note,
      }),
    );
  }
}

const sharedFlags: SubjectFlags[] = [];

/**
 * The flags object of a set of FLAG_* bits: one frozen object per combination, shared by every
 * subject that has it (a province would otherwise keep 100,000 copies of a handful of objects).
 */
export function flagsOf(bits: number): SubjectFlags {
  let flags = sharedFlags[bits];
  if (flags === undefined) {
    flags = Object.freeze({
      isVetoed: (bits & FLAG_VETOED) !== 0,
      isQuotaDemoted: (bits & FLAG_QUOTA_DEMOTED) !== 0,
      isCeilinged: (bits & FLAG_CEILINGED) !== 0,
      isHonoursBarred: (bits & FLAG_HONOURS_BARRED) !== 0,
      isCommended: (bits & FLAG_COMMENDED) !== 0,
      isBarred: (bits & FLAG_BARRED) !== 0,
      isCapped: (bits & FLAG_CAPPED) !== 0,
    });
    sharedFlags[bits] = flags;
  }
  return flags;
}
