/**
 * Case-file reviews (issue 14, `npm run bench reviews`): a county campaign of 3,000 eligible files,
 * 600 drawn, 40 reviewers, 3 per file — the seeded draw, the conflict computation (40 × 600 pairs)
 * and the automatic assignment together. Goal: under 2 s. These are the pure rules the service runs
 * between its queries (sampling.rules.ts, recusal.rules.ts, assignment.rules.ts); figures, not a
 * test: the median of five rounds and the load average (the machine is shared).
 * BENCH_ELIGIBLE / BENCH_DRAWN / BENCH_REVIEWERS / BENCH_PER_FILE change the sizes (the province
 * figure: 50,000 / 5,000 / 300).
 */
import { loadavg } from 'node:os';
import { proposeAssignment } from '../src/server/modules/reviews/assignments/assignment.rules.ts';
import { drawSample, type EligibleFile } from '../src/server/modules/reviews/campaigns/sampling.rules.ts';
import {
  blockedPairs,
  findConflicts,
  type RecusalFile,
  type RecusalReviewer,
} from '../src/server/modules/reviews/panels/recusal.rules.ts';

const ELIGIBLE = Number(process.env.BENCH_ELIGIBLE ?? 3_000);
const DRAWN = Number(process.env.BENCH_DRAWN ?? 600);
const REVIEWERS = Number(process.env.BENCH_REVIEWERS ?? 40);
const PER_FILE = Number(process.env.BENCH_PER_FILE ?? 3);
const UNITS = 12;
const KINDS = ['penalty', 'licensing', 'coercion', 'inspection'];

const eligible: EligibleFile[] = Array.from({ length: ELIGIBLE }, (_, index) => ({
  caseId: index + 1,
  unitOrgId: 100 + (index % UNITS),
  kind: KINDS[index % KINDS.length]!,
}));
// a quarter of the reviewers belong to a reviewed unit; some handled or signed cases; some declared
const reviewers: RecusalReviewer[] = Array.from({ length: REVIEWERS }, (_, index) => ({
  expertId: index + 1,
  name: `评查员${index + 1}`,
  orgPath: index % 4 === 0 ? `/1/${100 + (index % UNITS)}/` : `/1/999/${index}/`,
  userId: 10_000 + index,
  officerIds: [20_000 + index],
  formerUnits:
    index % 7 === 0
      ? [{ orgPath: `/1/${100 + ((index + 3) % UNITS)}/`, orgName: '某局', leftOn: '2025-01-01' }]
      : [],
  declared: index % 5 === 0 ? [{ kind: 'party', partyName: `当事人${index}`, reason: '亲属' }] : [],
}));

function round() {
  const started = performance.now();
  const draw = drawSample(eligible, 'bench-seed', {
    mode: 'count',
    count: DRAWN,
    byUnit: true,
    byKind: true,
  });
  const drawnAt = performance.now();
  const files: RecusalFile[] = draw.drawnCaseIds.map((caseId) => ({
    fileId: caseId,
    caseId,
    caseNo: `案${caseId}`,
    unitPath: `/1/${100 + ((caseId - 1) % UNITS)}/`,
    unitName: '某局',
    handlerOfficerIds: [20_000 + (caseId % REVIEWERS), 30_000 + caseId],
    signerUserIds: [10_000 + ((caseId * 7) % REVIEWERS)],
    partyNames: [`当事人${caseId % 50}`],
  }));
  const conflicts = findConflicts(reviewers, files, { today: '2026-06-01' });
  const blocked = blockedPairs(conflicts, []);
  const conflictsAt = performance.now();
  const result = proposeAssignment({
    files: files.map((file) => ({ fileId: file.fileId, kind: KINDS[(file.caseId - 1) % KINDS.length]! })),
    reviewers: reviewers.map((reviewer) => ({
      expertId: reviewer.expertId,
      expertise: reviewer.expertId % 3 === 0 ? [] : [KINDS[reviewer.expertId % KINDS.length]!],
    })),
    perFile: PER_FILE,
    cap: Math.ceil((DRAWN * PER_FILE) / REVIEWERS) + 5,
    blocked,
  });
  const done = performance.now();
  return {
    total: done - started,
    draw: drawnAt - started,
    conflicts: conflictsAt - drawnAt,
    assignment: done - conflictsAt,
    conflictCount: conflicts.length,
    shortfalls: result.shortfalls.length,
    mismatches: result.expertiseMismatches,
    loads: result.loads.map((row) => row.files),
  };
}

const rounds = Array.from({ length: 5 }, round).sort((a, b) => a.total - b.total);
const median = rounds[2]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;
console.log(
  `reviews: ${ELIGIBLE} eligible, ${DRAWN} drawn, ${REVIEWERS} reviewers × ${PER_FILE} per file — ` +
    `median ${ms(median.total)} (draw ${ms(median.draw)}, conflicts ${ms(median.conflicts)} ` +
    `[${median.conflictCount} conflicts], assignment ${ms(median.assignment)}); ` +
    `shortfalls ${median.shortfalls}, expertise mismatches ${median.mismatches}, ` +
    `load ${Math.min(...median.loads)}–${Math.max(...median.loads)}; load average ${loadavg()[0]!.toFixed(2)}`,
);
