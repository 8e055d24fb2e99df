import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { SCHEMES_DIRECTORY } from '../score/presets.ts';
import { schemeCommand } from './scheme.ts';
import { scoreCommand } from './score.ts';

const directory = mkdtempSync(join(tmpdir(), 'fazhi-cli-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Runs a command and returns its exit code and what it printed. */
async function run(command: typeof schemeCommand, args: string[]) {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
  const code = await command.run(args);
  return { code, out, err };
}

const example = join(SCHEMES_DIRECTORY, 'examples', 'zjg-2024Q1.records.json');

describe('fazhi scheme', () => {
  it('lists the six presets', async () => {
    const { code, out } = await run(schemeCommand, ['list']);
    expect(code).toBe(0);
    for (const id of [
      'zjg-section-quarterly',
      'xx-officer-performance',
      'bohu-officer-routine',
      'township-law-based-admin',
      'city-supervision-work',
      'daily-milestone',
    ]) {
      expect(out).toContain(id);
    }
  });

  it('refuses a broken scheme with every problem, exit 1', async () => {
    const path = join(directory, 'broken.yaml');
    writeFileSync(path, 'id: x\nname: 示例\nsubjectKind: officer\nperiod: weekly\ncomponents: []\n');
    const { code, out } = await run(schemeCommand, ['check', path]);
    expect(code).toBe(1);
    expect(out).toContain('period');
    expect(out).toContain('components');
    expect(out).toContain('至少应有 1 项');
  });
});

describe('fazhi score', () => {
  it('prints the Chinese table ranked by total', async () => {
    const { code, out } = await run(scoreCommand, [
      '--scheme',
      'zjg-section-quarterly',
      '--records',
      example,
    ]);
    expect(code).toBe(0);
    expect(out).toMatch(/排名\s+考核对象\s+日常考核\s+班子测评\s+综合加分\s+总分/);
    expect(out.indexOf('S03')).toBeLessThan(out.indexOf('S01'));
    expect(out).toContain('一票否决');
  });

  it('explains one subject, lines summing to its total', async () => {
    const { out } = await run(scoreCommand, [
      '--scheme',
      'zjg-section-quarterly',
      '--records',
      example,
      '--explain',
      'S01',
      '--format',
      'json',
    ]);
    const subject = JSON.parse(out);
    expect(subject.total).toBe('98.5');
    expect(subject.explanation.map((entry: { rule: string }) => entry.rule)).toContain(
      'zjg.004.d4.7.criticised',
    );
  });

  it('refuses a year for a quarterly scheme that has no annual roll-up', async () => {
    const { code, out, err } = await run(scoreCommand, [
      '--scheme',
      'zjg-section-quarterly',
      '--records',
      example,
      '--period',
      '2024',
    ]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('季度');
  });

  it('rolls quarters up to the year under the scheme’s roll-up (XX市汇总表)', async () => {
    const path = join(directory, 'xx.json');
    writeFileSync(
      path,
      JSON.stringify({
        subjects: [{ id: 'O1', name: '张三' }],
        records: [{ id: 'a', subject: 'O1', item: 'xx.000.t1.1.2.attitude', date: '2024-02-01' }],
      }),
    );
    const { code, out } = await run(scoreCommand, [
      '--scheme',
      'xx-officer-performance',
      '--records',
      path,
      '--period',
      '2024',
    ]);
    expect(code).toBe(0);
    // Q1 93, Q2–Q4 100 → (93 + 300) / 4 = 98.25
    expect(out).toMatch(/O1 张三\s+93 优秀\s+100 优秀\s+100 优秀\s+100 优秀\s+98\.25\s+优秀/);
  });

  it('writes the XLSX template', async () => {
    const path = join(directory, 'template.xlsx');
    const { code } = await run(scoreCommand, ['--template', path, '--scheme', 'bohu-officer-routine']);
    expect(code).toBe(0);
  });
});
