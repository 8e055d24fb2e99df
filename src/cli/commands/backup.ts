import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../../server/config.ts';
import { writeBackup } from '../../server/db/backup/backup.ts';
import { restoreBackup } from '../../server/db/backup/restore.ts';
import { openDatabase } from '../../server/db/database.ts';
import { verifyAuditChain } from '../../server/modules/audit/audit.service.ts';
import type { CliCommand } from '../command.ts';

/** fazhi-backup-20261202-0930.gz, in Beijing time */
function defaultFileName(now: Date): string {
  const beijing = new Date(now.getTime() + 8 * 3_600_000).toISOString();
  return `fazhi-backup-${beijing.slice(0, 10).replaceAll('-', '')}-${beijing.slice(11, 16).replace(':', '')}.gz`;
}

const openConfigured = () => {
  const config = loadConfig();
  return openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
};

/** `fazhi backup [文件]`: every table from one snapshot, also while Fazhi runs. */
export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'backup [文件] — 备份全部数据（DATA_DIR 或 DATABASE_URL，运行中也可备份）',
  async run(args) {
    const file = resolve(args[0] ?? defaultFileName(new Date()));
    if (existsSync(file)) {
      process.stderr.write(`文件 ${file} 已存在：请换一个文件名，以免覆盖旧的备份\n`);
      return 1;
    }
    const database = await openConfigured();
    try {
      const header = await writeBackup(database.connection, file);
      const rows = header.tables.reduce((sum, table) => sum + table.rows, 0);
      process.stdout.write(
        `已备份 ${header.tables.length} 张表、${rows} 行（迁移至 ${header.migrations.at(-1)?.version ?? '无'}）到 ${file}\n`,
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};

/** `fazhi restore <文件>`: into an empty data dir or database, then verifies the audit chain. */
export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'restore <文件> — 把备份恢复到新的数据目录或空数据库，并校验审计日志',
  async run(args) {
    if (!args[0]) {
      process.stderr.write(
        '用法: fazhi restore <备份文件>（DATA_DIR 指向新的空目录，或 DATABASE_URL 指向空数据库）\n',
      );
      return 2;
    }
    const file = resolve(args[0]);
    if (!existsSync(file)) {
      process.stderr.write(`备份文件 ${file} 不存在\n`);
      return 1;
    }
    const database = await openConfigured();
    try {
      const header = await restoreBackup(database, file);
      const verdict = await verifyAuditChain(database.db);
      process.stdout.write(`已恢复 ${file}（备份于 ${header.createdAt}）到 ${database.location}\n`);
      if (!verdict.ok) {
        process.stderr.write(`恢复后审计日志校验失败：第一条异常记录 id=${verdict.brokenAt}\n`);
        return 1;
      }
      process.stdout.write(`审计日志完整：共 ${verdict.rows} 条，哈希链校验通过\n`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
