/**
 * Engine benchmark (`npm run bench:engine`): a synthetic province of 100,000 sections and
 * 2,000,000 records under the Zhangjiagang preset (seed 004), evaluated with explanations
 * kept. Prints records per second, peak memory, and the ratio to a bare loop that only sums
 * the same records' points per subject in the same run. Data are generated from a fixed seed.
 *
 * Goals (issue 3): ≥ 1,000,000 records/s, peak memory < 1 GiB, within 3× of the bare loop.
 * One untimed round (engine and bare loop) comes first and is printed apart (see WARMUP).
 * Figures, not a pass/fail test: run on a quiet machine and read them. Wall and CPU time
 * (process.cpuUsage) are both printed: on a shared machine CPU time is the steadier figure.
 * The engine keeps explanation lines in a compact stream; after the timed rounds every line is
 * read back as a documented line object and each subject's lines are checked to add up to its
 * total, to quote every record once, and — for subjects without a same-fact line, where the two
 * are comparable — to charge exactly the points the bare loop summed (timed apart). Full
 * collections (mark-compact) that ended inside each engine round are counted and printed.
 */
import { availableParallelism, loadavg } from 'node:os';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { loadPreset } from '../src/cli/score/presets.ts';
import {
  type EngineRecord,
  type EvaluationResult,
  evaluate,
  parseDecimal,
  prepareScheme,
  SCALE,
  sumLines,
} from '../src/engine/index.ts';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 100_000);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 2_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/**
 * Untimed rounds before those (BENCH_WARMUP=0 for none): the first evaluation in a process
 * also pays for compiling the engine, for its scratch memory (kept for the next evaluation,
 * scratch.ts), and usually for the full collection V8 owes for the input generated just
 * before. It is printed apart, not hidden.
 */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const PERIOD = '2024Q2';

function createRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const scheme = loadPreset('zjg-section-quarterly');
const compiled = prepareScheme(scheme);

function generate() {
  const random = createRandom(4);
  const subjects = Array.from({ length: SUBJECTS }, (_, index) => ({ id: `S${index}` }));
  const deductionItems = compiled.items.filter(
    (item) => item.role === 'score' && item.component?.kind === 'deduction',
  );
  const bonusItems = compiled.items.filter(
    (item) => item.role === 'score' && item.component?.kind === 'bonus',
  );
  const vetoes = compiled.items.filter((item) => item.role === 'veto');
  const dates = Array.from({ length: 91 }, (_, index) => {
    const day = new Date(Date.UTC(2024, 3, 1 + index));
    return day.toISOString().slice(0, 10);
  });
  const records: EngineRecord[] = new Array(RECORDS);
  for (let index = 0; index < RECORDS; index++) {
    const subject = subjects[Math.floor(random() * SUBJECTS)]!.id;
    const date = dates[Math.floor(random() * dates.length)]!;
    const roll = random();
    // Every record has every documented field, absent ones undefined: what a caller mapping
    // uniform rows (a database query, a parsed file) produces.
    let record: EngineRecord;
    if (roll < 0.1) {
      // leadership ratings: main and deputies, 0–100 in steps of 0.5
      const rater = roll < 0.04 ? 'main' : 'deputy';
      const value = Math.floor(random() * 201) / 2;
      record = createRecord(index, subject, 'zjg.004.leadership', date, undefined, value, undefined, rater);
    } else if (roll < 0.2) {
      const item = bonusItems[Math.floor(random() * bonusItems.length)]!;
      const levels = [...item.levels!.keys()];
      const level = levels[Math.floor(random() * levels.length)]!;
      record = createRecord(index, subject, item.id, date, undefined, undefined, level, undefined);
    } else if (roll < 0.2001) {
      const item = vetoes[Math.floor(random() * vetoes.length)]!.id;
      record = createRecord(index, subject, item, date, undefined, undefined, undefined, undefined);
    } else {
      const item = deductionItems[Math.floor(random() * deductionItems.length)]!;
      const count = 1 + Math.floor(random() * 3);
      record = createRecord(index, subject, item.id, date, count, undefined, undefined, undefined);
    }
    // one record in twenty shares a fact with another of the same subject (就高扣分/就高加分)
    if (roll >= 0.1 && random() < 0.05) record.fact = `F${Math.floor(random() * 3)}`;
    records[index] = record;
  }
  return { subjects, records };
}

/** A record with every documented field present, in one order (one object shape for all). */
function createRecord(
  index: number,
  subject: string,
  item: string,
  date: string,
  count: number | undefined,
  value: number | undefined,
  level: string | undefined,
  rater: string | undefined,
): EngineRecord {
  return {
    id: `R${index}`,
    subject,
    item,
    date,
    count,
    value,
    level,
    fact: undefined,
    rater,
    evidence: undefined,
    source: undefined,
  };
}

/** The baseline: look up each record's subject and item and add its points; nothing else. */
function bareLoop(subjects: { id: string }[], records: EngineRecord[]): Float64Array {
  const subjectIndex = new Map(subjects.map((subject, index) => [subject.id, index]));
  const sums = new Float64Array(subjects.length);
  for (const record of records) {
    const subject = subjectIndex.get(record.subject);
    const itemIndex = compiled.itemIndex.get(record.item);
    if (subject === undefined || itemIndex === undefined) continue;
    const item = compiled.items[itemIndex]!;
    const points = item.levels ? (item.levels.get(record.level!)?.points ?? 0) : (item.points ?? 0);
    sums[subject]! += points * (record.count ?? 1);
  }
  return sums;
}

/** Wall time in ms; CPU time (this process, all threads) is collected beside it to show contention. */
function time<T>(run: () => T, cpu?: number[]): [T, number] {
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(cpuStart);
  cpu?.push((used.user + used.system) / 1000);
  return [value, Number(process.hrtime.bigint() - start) / 1e6];
}

const mebibytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

const [data, generateMs] = time(generate);
process.stdout.write(
  `合成数据 / synthetic province: ${SUBJECTS.toLocaleString('en')} subjects, ${RECORDS.toLocaleString('en')} records, generated in ${generateMs.toFixed(0)} ms\n`,
);

// Full collections, to say which rounds paid for one (their entries arrive asynchronously).
const majorGcs: { start: number; end: number }[] = [];
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind;
    if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
      majorGcs.push({ start: entry.startTime, end: entry.startTime + entry.duration });
    }
  }
});
gcObserver.observe({ entryTypes: ['gc'] });
const engineWindows: [number, number][] = [];

const loadAtStart = loadavg();
const bareTimes: number[] = [];
const bareCpu: number[] = [];
const engineTimes: number[] = [];
const engineCpu: number[] = [];
let checksum = 0;
let peakHeap = 0;
let result: EvaluationResult | null = null;
let bareSums: Float64Array = new Float64Array(0);
const warmup = { engine: [] as number[], engineCpu: [] as number[], bare: [] as number[] };
for (let round = -WARMUP; round < ROUNDS; round++) {
  const isTimed = round >= 0;
  const [sums, bareMs] = time(() => bareLoop(data.subjects, data.records), isTimed ? bareCpu : undefined);
  checksum += sums[0]! / SCALE;
  bareSums = sums;
  (isTimed ? bareTimes : warmup.bare).push(bareMs);
  // Drop the previous round's result first, so one result is alive at a time, as in a server.
  result = null;
  const windowStart = performance.now();
  const [evaluated, engineMs] = time(
    () => evaluate(compiled, { period: PERIOD, subjects: data.subjects, records: data.records }),
    isTimed ? engineCpu : warmup.engineCpu,
  );
  engineWindows.push([windowStart, performance.now()]);
  result = evaluated;
  (isTimed ? engineTimes : warmup.engine).push(engineMs);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  if (result.rejected.length > 0) throw new Error(`unexpected rejected records: ${result.rejected.length}`);
}

// Every line is kept: read them all back as documented line objects (rule, clause, label, kind,
// exact points, record ids) and prove each subject's lines add up to its total. Timed apart:
// evaluation keeps lines in compact columns and makes the objects when they are read.
const readCpu: number[] = [];
let comparedWithBare = 0;
const [lineCount, readMs] = time(() => {
  let lines = 0;
  let recordRefs = 0;
  result!.subjects.forEach((subject, index) => {
    const explanation = subject.explanation;
    lines += explanation.length;
    let charged = 0;
    let isComparable = true;
    for (const entry of explanation) {
      recordRefs += entry.records.length;
      // the bare loop charges every record; the engine passes over same-fact records
      if (entry.kind === 'same-fact') isComparable = false;
      if (entry.kind === 'deduction' || entry.kind === 'bonus')
        charged += Math.abs(parseDecimal(entry.points)!);
    }
    if (sumLines(explanation) !== parseDecimal(subject.total)) {
      throw new Error(`lines of ${subject.subject} do not add up to ${subject.total}`);
    }
    if (isComparable) {
      if (charged !== bareSums[index]) {
        throw new Error(
          `${subject.subject}: items charge ${charged / SCALE}, the bare loop summed ${bareSums[index]! / SCALE}`,
        );
      }
      comparedWithBare++;
    }
  });
  if (recordRefs !== RECORDS) throw new Error(`lines quote ${recordRefs} records, not ${RECORDS}`);
  return lines;
}, readCpu);

// let the observer hear of the last collections before counting them
await new Promise((resolve) => setTimeout(resolve, 50));
gcObserver.disconnect();
const fullGcsPerRound = engineWindows.map(
  ([start, end]) => majorGcs.filter((gc) => gc.end >= start && gc.end <= end).length,
);

const median = (values: number[]) =>
  [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)]!;
const engineMs = median(engineTimes);
const bareMs = median(bareTimes);
const peakRss = process.resourceUsage().maxRSS * 1024;
const recordsPerSecond = RECORDS / (engineMs / 1000);
const engineCpuMs = median(engineCpu);
const bareCpuMs = median(bareCpu);

process.stdout.write(
  [
    'input: EngineRecord objects (evaluate(compiled, { records }))',
    `engine (explanations kept, ${lineCount.toLocaleString('en')} lines): ${engineTimes.map((ms) => ms.toFixed(0)).join(' / ')} ms → median ${engineMs.toFixed(0)} ms`,
    `engine CPU time (all threads, incl. GC helpers): ${engineCpu.map((ms) => ms.toFixed(0)).join(' / ')} ms → median ${engineCpuMs.toFixed(0)} ms`,
    `bare loop (sum points per subject):        ${bareTimes.map((ms) => ms.toFixed(0)).join(' / ')} ms → median ${bareMs.toFixed(0)} ms`,
    `bare loop CPU time:                        ${bareCpu.map((ms) => ms.toFixed(0)).join(' / ')} ms → median ${bareCpuMs.toFixed(0)} ms`,
    ...(WARMUP > 0
      ? [
          `untimed first round${WARMUP > 1 ? 's' : ''} (compiling, scratch memory, the collection owed for the generated input): engine ${warmup.engine.map((ms) => ms.toFixed(0)).join(' / ')} ms wall, ${warmup.engineCpu.map((ms) => ms.toFixed(0)).join(' / ')} ms CPU; bare loop ${warmup.bare.map((ms) => ms.toFixed(0)).join(' / ')} ms`,
        ]
      : []),
    `full collections (mark-compact) ending in each engine round${WARMUP > 0 ? ', untimed first' : ''}: ${fullGcsPerRound.join(' / ')}`,
    `reading every line back (objects, sum = total checked): ${readMs.toFixed(0)} ms wall, ${readCpu[0]!.toFixed(0)} ms CPU`,
    `item lines charge the bare loop's sum exactly for ${comparedWithBare.toLocaleString('en')} subjects (the rest have same-fact lines)`,
    '',
    `records/s:          ${Math.round(recordsPerSecond).toLocaleString('en')} wall, ${Math.round(RECORDS / (engineCpuMs / 1000)).toLocaleString('en')} by CPU time   (goal ≥ 1,000,000)`,
    `ratio to bare loop: ${(engineMs / bareMs).toFixed(2)}× wall, ${(engineCpuMs / bareCpuMs).toFixed(2)}× CPU   (goal ≤ 3×)`,
    // Other work on a shared machine only ever adds time, so the fastest round of each is the
    // least disturbed measurement of it.
    `fastest rounds:     ${Math.round(RECORDS / (Math.min(...engineTimes) / 1000)).toLocaleString('en')} records/s wall, ratio ${(Math.min(...engineTimes) / Math.min(...bareTimes)).toFixed(2)}× wall, ${(Math.min(...engineCpu) / Math.min(...bareCpu)).toFixed(2)}× CPU`,
    `peak RSS:           ${mebibytes(peakRss)}   (goal < 1024 MiB; includes the generated input)`,
    `peak heap used:     ${mebibytes(peakHeap)}`,
    `load average at start: ${loadAtStart.map((load) => load.toFixed(1)).join(' ')}`,
    `load average at end: ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')} on ${availableParallelism()} CPUs (figures are only meaningful on a quiet machine)`,
    `(checksum ${checksum.toFixed(1)})`,
    '',
  ].join('\n'),
);
