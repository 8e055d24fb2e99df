/**
 * The `fazhi` command. Each sub-command lives in src/cli/commands/<name>.ts and exports a
 * `CliCommand`; this file only dispatches.
 */
import type { CliCommand } from './command.ts';
import { commands } from './commands/index.ts';

function printUsage(all: readonly CliCommand[]): void {
  process.stdout.write('用法: fazhi <命令> [参数]\n\n');
  for (const command of all) process.stdout.write(`  ${command.name.padEnd(16)} ${command.summary}\n`);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    printUsage(commands);
    return name === undefined || name === 'help' || name === '--help' ? 0 : 2;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`fazhi: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
