/**
 * `npm run bench [name …]`: runs every bench/*.bench.ts (or those whose name contains one of the
 * arguments), one after another, each in its own process so one benchmark's memory and JIT state
 * do not colour the next. Add a benchmark by adding a file; nothing to register.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(BENCH_DIR)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();

if (files.length === 0) {
  process.stderr.write(`No benchmark matches ${filters.join(', ')}\n`);
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  process.stdout.write(`\n=== ${file} ===\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(BENCH_DIR, file)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    failed += 1;
    process.stderr.write(`${file} exited with ${result.status ?? result.signal}\n`);
  }
}
process.exit(failed > 0 ? 1 : 0);
