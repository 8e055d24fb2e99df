/**
 * Property tests over random inputs for every preset, with a small seeded PRNG so a failure
 * reproduces: record order never changes a result, capped components stay in bounds, quotas
 * are never exceeded, explanations sum to totals, and a veto always wins.
 */
import { describe, expect, it } from 'vitest';
import { listPresetFiles, loadSchemeFile } from '../cli/score/presets.ts';
import { type CompiledComponent, type CompiledScheme, compileScheme } from './compile.ts';
import { parseDecimal, SCALE } from './decimal.ts';
import { evaluate } from './evaluate.ts';
import { sumLines } from './explain.ts';
import { allowedCount } from './quota.ts';
import type { SchemeFile } from './scheme.schema.ts';
import type { EngineRecord } from './types.ts';

/** mulberry32: tiny, fast, good enough to explore inputs; seeded so failures reproduce. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
  const integer = (below: number) => Math.floor(next() * below);
  const pick = <T>(list: readonly T[]): T => list[integer(list.length)]!;
  const shuffle = <T>(list: readonly T[]): T[] => {
    const copy = [...list];
    for (let index = copy.length - 1; index > 0; index--) {
      const other = integer(index + 1);
      [copy[index], copy[other]] = [copy[other]!, copy[index]!];
    }
    return copy;
  };
  return { next, integer, pick, shuffle };
}

type Random = ReturnType<typeof createRandom>;

const presets = listPresetFiles().map((path) => {
  const outcome = loadSchemeFile(path);
  if (!outcome.ok) throw new Error(path);
  const compiled = compileScheme(outcome.scheme);
  if (!compiled.ok) throw new Error(path);
  return { scheme: outcome.scheme, compiled: compiled.compiled };
});

const periodFor = (scheme: SchemeFile) => (scheme.period === 'quarter' ? '2024Q2' : '2024');

function randomRecords(
  random: Random,
  compiled: CompiledScheme,
  subjects: string[],
  count: number,
): EngineRecord[] {
  const records: EngineRecord[] = [];
  for (let index = 0; index < count; index++) {
    const item = random.pick(compiled.items);
    // triggers are rarer than ordinary items, as in life
    if ((item.role === 'veto' || item.role === 'ceiling') && random.next() < 0.7) continue;
    const record: EngineRecord = {
      id: `r${index}`,
      subject: random.pick(subjects),
      item: item.id,
      date: `2024-0${4 + random.integer(3)}-${String(1 + random.integer(28)).padStart(2, '0')}`,
    };
    if (item.role === 'score') {
      if (random.next() < 0.5) record.count = 1 + random.integer(6);
      if (item.levels) record.level = random.pick([...item.levels.keys()]);
      if (random.next() < 0.3) record.fact = `f${random.integer(4)}`;
    }
    if (item.role === 'rating' && item.component?.kind === 'rating') {
      record.rater = random.pick(item.component.raters).role;
      record.value = (random.integer((item.component.outOf / SCALE) * 4 + 1) / 4).toString();
    }
    if (item.role === 'average') record.value = random.integer(1001) / 10;
    records.push(record);
  }
  return records;
}

function bounds(component: CompiledComponent): [number, number] | null {
  switch (component.kind) {
    case 'deduction':
      return [component.floor, component.base];
    case 'bonus':
      return component.cap === null ? null : [0, component.cap];
    case 'rating':
      return [0, component.points];
    case 'scaled-average':
      return [0, (component.outOf * component.scale) / (100 * SCALE)];
    case 'sum':
      return component.cap === null ? null : [0, component.cap];
    case 'weighted':
      return null;
  }
}

const CASES = 300;

describe('engine properties', () => {
  it(`hold for ${CASES} random inputs across every preset`, () => {
    const random = createRandom(20240401);
    for (let run = 0; run < CASES; run++) {
      const { scheme, compiled } = presets[run % presets.length]!;
      const subjects = Array.from({ length: 1 + random.integer(25) }, (_, index) => `s${index}`);
      const records = randomRecords(random, compiled, subjects, random.integer(160));
      const input = { period: periodFor(scheme), subjects: subjects.map((id) => ({ id })), records };
      const result = evaluate(scheme, input);
      const context = `run ${run} (${scheme.id})`;

      // record order never changes a result
      const shuffled = evaluate(scheme, { ...input, records: random.shuffle(records) });
      expect(JSON.stringify(shuffled), context).toBe(JSON.stringify(result));

      for (const subject of result.subjects) {
        // explanations sum to totals
        expect(sumLines(subject.explanation), context).toBe(parseDecimal(subject.total));
        // no capped component leaves its bounds
        subject.components.forEach((component, index) => {
          const limit = bounds(compiled.components[index]!);
          if (!limit) return;
          const score = parseDecimal(component.score)!;
          expect(score, `${context} ${component.path}`).toBeGreaterThanOrEqual(limit[0]);
          expect(score, `${context} ${component.path}`).toBeLessThanOrEqual(limit[1]);
        });
        // a veto always wins
        if (subject.flags.isVetoed) {
          const vetoGrades = subject.triggers
            .filter((trigger) => trigger.kind === 'veto')
            .map((trigger) => compiled.vetoEffects.get(compiled.itemIndex.get(trigger.rule)!)?.grade)
            .filter((grade) => grade !== undefined);
          if (vetoGrades.length > 0) expect(vetoGrades, context).toContain(subject.grade);
        }
        if (subject.flags.isHonoursBarred) {
          expect(subject.flags.isCommended, context).toBe(false);
          expect(
            compiled.quotas.map((quota) => quota.grade),
            context,
          ).not.toContain(subject.grade);
        }
      }
      // quotas are never exceeded
      for (const quota of compiled.quotas) {
        const held = result.subjects.filter((subject) => subject.grade === quota.grade).length;
        expect(held, context).toBeLessThanOrEqual(
          allowedCount(subjects.length, quota.maxShare, quota.rounding),
        );
      }
      if (compiled.commend) {
        const commended = result.subjects.filter((subject) => subject.flags.isCommended).length;
        expect(commended, context).toBeLessThanOrEqual(
          allowedCount(subjects.length, compiled.commend.share, compiled.commend.rounding),
        );
      }
      if (compiled.bar) {
        expect(
          result.subjects.filter((subject) => subject.flags.isBarred).length,
          context,
        ).toBeLessThanOrEqual(compiled.bar.last);
      }
    }
  });
});
