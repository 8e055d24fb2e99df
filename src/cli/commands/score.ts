/**
 * `fazhi score`: evaluates a scheme over a records file and prints a Chinese table or JSON,
 * optionally one subject's explanation; `--template` writes the XLSX records template. When
 * the period is longer than the scheme's (a year for a quarterly scheme), each part is
 * evaluated and rolled up under the scheme's roll-up rule.
 */
import { parseArgs } from 'node:util';
import {
  EngineInputError,
  type EvaluationResult,
  evaluate,
  parsePeriod,
  prepareScheme,
  rollUp,
  splitPeriod,
} from '../../engine/index.ts';
import type { CliCommand } from '../command.ts';
import { loadSchemeFile, resolveSchemePath } from '../score/presets.ts';
import { readRecordsFile } from '../score/records-file.ts';
import { renderExplanation, renderProblems, renderResults, renderRollUp } from '../score/table.ts';
import { writeRecordsTemplate } from '../score/template.ts';

const usage = `用法:
  fazhi score --scheme <方案编号|文件> --records <记录.json|记录.xlsx> [选项]
  fazhi score --template <模板.xlsx> [--scheme <方案编号|文件>]

选项:
  --period <周期>        2024Q1、2024H1、2024 或 2024-03;默认取记录文件中的 period。
                         周期长于方案周期(如季度方案给出年度)时，逐期计分后按方案的汇总规则汇总。
  --format table|json    输出格式，默认 table
  --explain <对象编号>   逐条列出该对象的得分说明
  --param 名称=值        覆盖方案参数，可重复
`;

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 1;
}

async function runScore(args: string[]): Promise<number> {
  let options: ReturnType<typeof parse>;
  const parse = (argv: string[]) =>
    parseArgs({
      args: argv,
      options: {
        scheme: { type: 'string' },
        records: { type: 'string' },
        period: { type: 'string' },
        format: { type: 'string', default: 'table' },
        explain: { type: 'string' },
        param: { type: 'string', multiple: true },
        template: { type: 'string' },
        help: { type: 'boolean' },
      },
      allowPositionals: false,
    });
  try {
    options = parse(args);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  const { values } = options;
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }

  let schemePath: string | null = null;
  if (values.scheme) {
    schemePath = resolveSchemePath(values.scheme);
    if (!schemePath)
      return fail(
        `找不到方案「${values.scheme}」：既不是内置方案编号，也不是文件。用 fazhi scheme list 查看内置方案。`,
      );
  }
  const loaded = schemePath ? loadSchemeFile(schemePath) : null;
  if (loaded && !loaded.ok)
    return fail(`方案 ${schemePath} 有误，未载入：\n${renderProblems(loaded.problems)}`);
  const scheme = loaded?.ok ? loaded.scheme : undefined;

  if (values.template) {
    await writeRecordsTemplate(values.template, scheme);
    process.stdout.write(
      `已生成记录模板 ${values.template}${scheme ? `(含方案 ${scheme.id} 的考核项目表)` : ''}\n`,
    );
    return 0;
  }
  if (!scheme || !values.records) {
    process.stderr.write(usage);
    return 2;
  }
  if (values.format !== 'table' && values.format !== 'json') return fail('--format 只能是 table 或 json');

  const params: Record<string, string> = {};
  for (const entry of values.param ?? []) {
    const [name, value] = entry.split('=', 2);
    if (!name || value === undefined) return fail(`--param 应写作 名称=值：${entry}`);
    params[name] = value;
  }

  try {
    const compiled = prepareScheme(scheme, params);
    // read against the scheme, so a score beyond its sheet's scale is refused at its row
    const recordsFile = await readRecordsFile(values.records, compiled);
    if (!recordsFile.ok)
      return fail(`记录文件 ${values.records} 有误，未计分：\n${renderProblems(recordsFile.problems)}`);
    const period = values.period ?? recordsFile.file.period;
    if (!period) return fail('请用 --period 指定考核周期(或在记录文件中写 period)');
    const range = parsePeriod(period);
    const input = { subjects: recordsFile.file.subjects, records: recordsFile.file.records };
    if (
      range &&
      range.kind !== scheme.period &&
      compiled.rollUps.some((candidate) => candidate.period === range.kind)
    ) {
      const parts = splitPeriod(range, scheme.period).map((part) =>
        evaluate(compiled, { ...input, period: part }),
      );
      const rolled = rollUp(compiled, { period, parts });
      if (values.format === 'json')
        process.stdout.write(`${JSON.stringify({ parts, rollUp: rolled }, null, 2)}\n`);
      else process.stdout.write(`${renderRollUp(rolled)}\n`);
      return 0;
    }
    const result = evaluate(compiled, { ...input, period });
    return present(
      result,
      compiled.top.map((component) => component.id),
      values.format,
      values.explain,
    );
  } catch (error) {
    if (error instanceof EngineInputError) return fail(`无法计分：\n${renderProblems(error.problems)}`);
    throw error;
  }
}

function present(
  result: EvaluationResult,
  topIds: string[],
  format: string,
  explain: string | undefined,
): number {
  if (explain !== undefined) {
    const subject = result.subjects.find((candidate) => candidate.subject === explain);
    if (!subject) return fail(`没有考核对象「${explain}」`);
    process.stdout.write(
      format === 'json' ? `${JSON.stringify(subject, null, 2)}\n` : `${renderExplanation(subject)}\n`,
    );
    return 0;
  }
  process.stdout.write(
    format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : `${renderResults(result, topIds)}\n`,
  );
  return 0;
}

export const scoreCommand: CliCommand = {
  name: 'score',
  summary: '按考核方案对记录计分，输出排名、等次和得分说明',
  run: runScore,
};
