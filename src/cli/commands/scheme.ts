/** `fazhi scheme list` and `fazhi scheme check <file>`: the presets, and validation of a scheme file. */
import { basename, extname, relative } from 'node:path';
import { compileScheme, formatDecimal } from '../../engine/index.ts';
import type { CliCommand } from '../command.ts';
import { listPresetFiles, loadSchemeFile } from '../score/presets.ts';
import { renderProblems, renderTable } from '../score/table.ts';

const periodLabels = { month: '月度', quarter: '季度', half: '半年', year: '年度' } as const;
const subjectLabels = {
  officer: '执法人员',
  section: '科室',
  agency: '执法部门',
  township: '乡镇',
  unit: '单位',
} as const;

const usage = `用法:
  fazhi scheme list              列出内置考核方案
  fazhi scheme check <文件>      检查方案文件(YAML/JSON)，列出全部问题
`;

function listSchemes(): number {
  const rows = listPresetFiles().map((path) => {
    const outcome = loadSchemeFile(path);
    const id = basename(path, extname(path));
    if (!outcome.ok)
      return [id, '(方案有误，请运行 scheme check)', '', '', '', relative(process.cwd(), path)];
    const scheme = outcome.scheme;
    return [
      scheme.id,
      scheme.name,
      subjectLabels[scheme.subjectKind],
      periodLabels[scheme.period],
      scheme.source?.seed ?? '',
      relative(process.cwd(), path),
    ];
  });
  process.stdout.write(`${renderTable(['方案编号', '名称', '对象', '周期', '依据', '文件'], rows)}\n`);
  return 0;
}

function checkScheme(path: string | undefined): number {
  if (!path) {
    process.stderr.write(usage);
    return 2;
  }
  let outcome: ReturnType<typeof loadSchemeFile>;
  try {
    outcome = loadSchemeFile(path);
  } catch (error) {
    process.stderr.write(`无法读取 ${path}:${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  if (!outcome.ok) {
    process.stdout.write(
      `✗ ${path}:发现 ${outcome.problems.length} 个问题，方案未载入\n${renderProblems(outcome.problems)}\n`,
    );
    return 1;
  }
  const compiled = compileScheme(outcome.scheme);
  if (!compiled.ok) return 1;
  const { items, components, params } = compiled.compiled;
  process.stdout.write(
    `✓ ${path}:${outcome.scheme.name}(${outcome.scheme.id})\n` +
      `  ${subjectLabels[outcome.scheme.subjectKind]} · ${periodLabels[outcome.scheme.period]} · ${components.length} 个组件 · ${items.length} 个可记录项目\n`,
  );
  const paramRows = Object.entries(outcome.scheme.params ?? {}).map(([name, param]) => [
    name,
    formatDecimal(params[name] ?? 0),
    param.label,
  ]);
  if (paramRows.length > 0) process.stdout.write(`\n${renderTable(['参数', '默认值', '含义'], paramRows)}\n`);
  return 0;
}

export const schemeCommand: CliCommand = {
  name: 'scheme',
  summary: '考核方案:list 列出内置方案,check 检查方案文件',
  async run(args) {
    const [action, ...rest] = args;
    if (action === 'list') return listSchemes();
    if (action === 'check') return checkScheme(rest[0]);
    process.stderr.write(usage);
    return action === undefined || action === 'help' || action === '--help' ? 0 : 2;
  },
};
