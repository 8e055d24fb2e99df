import { existsSync, renameSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../server/config.ts';
import { listTables } from '../../server/db/backup/backup.repository.ts';
import { exportPglite, isPgliteDir } from '../../server/db/backup/pglite-export.ts';
import { restoreBackup } from '../../server/db/backup/restore.ts';
import { openDatabase } from '../../server/db/database.ts';
import { clusterDirOf } from '../../server/db/embedded-server.ts';
import { verifyAuditChain } from '../../server/modules/audit/audit.service.ts';
import type { CliCommand } from '../command.ts';

/** 20261202-0930 in Beijing time */
function beijingStamp(now: Date): string {
  const beijing = new Date(now.getTime() + 8 * 3_600_000).toISOString();
  return `${beijing.slice(0, 10).replaceAll('-', '')}-${beijing.slice(11, 16).replace(':', '')}`;
}

/**
 * Before the (slow) export: the target must be empty. The usual cause of a non-empty one is a start
 * of the new version on the same DATA_DIR with the old directory moved away, which made a demo county.
 */
async function occupiedMessage(
  connection: pg.ClientConfig,
  clusterDir: string | null,
  location: string,
): Promise<string | null> {
  const client = new pg.Client(connection);
  await client.connect();
  try {
    const tables = (await listTables(client)).filter((table) => table !== 'schema_migration');
    if (tables.length === 0) return null;
  } finally {
    await client.end();
  }
  return !clusterDir
    ? `目标数据库 ${location} 已有数据，迁移不会覆盖它：请把 DATABASE_URL 指向新建的空数据库后再运行本命令`
    : [
        `内置数据库 ${clusterDir} 中已有数据（例如新版本已在此 DATA_DIR 启动过，生成了演示数据），迁移不会覆盖它。`,
        `若其中的数据不需保留：先停止法治平台，把它改名（例如 mv ${clusterDir} ${clusterDir}.old），再运行本命令；`,
        '若需保留：把旧目录迁入另一个 DATA_DIR（DATA_DIR=<新目录> npx fazhi migrate-from-pglite <旧目录>）。',
      ].join('\n');
}

/**
 * `fazhi migrate-from-pglite [旧目录]`: copies the database of the previous embedded default
 * (DATA_DIR/pglite) into the PostgreSQL server under DATA_DIR/pg (or DATABASE_URL), through a
 * `fazhi backup` file kept in DATA_DIR; then verifies the audit chain and renames the old directory
 * to pglite.migrated-<日期>, so the start no longer stops at it.
 */
export const migrateFromPgliteCommand: CliCommand = {
  name: 'migrate-from-pglite',
  summary: 'migrate-from-pglite [旧目录] — 把旧版 PGlite 数据目录（DATA_DIR/pglite）迁入内置 PostgreSQL',
  async run(args) {
    const config = loadConfig();
    const source = resolve(args[0] ?? resolve(config.DATA_DIR, 'pglite'));
    if (!existsSync(source) || !isPgliteDir(source)) {
      process.stderr.write(`未找到旧版 PGlite 数据目录 ${source}（应含 PG_VERSION 文件）\n`);
      return 1;
    }
    const stamp = beijingStamp(new Date());
    const dumpFile = resolve(config.DATA_DIR, `pglite-export-${stamp}.gz`);
    const database = await openDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      allowLegacyPglite: true,
    });
    try {
      const occupied = await occupiedMessage(
        database.connection,
        config.DATABASE_URL ? null : clusterDirOf(config.DATA_DIR),
        database.location,
      );
      if (occupied) {
        process.stderr.write(`${occupied}\n旧目录 ${source} 未改动\n`);
        return 1;
      }
      process.stdout.write(`正在读取旧数据目录 ${source} …\n`);
      const exported = await exportPglite(source, dumpFile);
      const rows = exported.tables.reduce((sum, table) => sum + table.rows, 0);
      process.stdout.write(
        `已导出 ${exported.tables.length} 张表、${rows} 行（迁移至 ${exported.migrations.at(-1)?.version ?? '无'}）到 ${dumpFile}\n`,
      );
      await restoreBackup(database, dumpFile);
      const verdict = await verifyAuditChain(database.db);
      if (!verdict.ok) {
        process.stderr.write(
          `迁移后审计日志校验失败：第一条异常记录 id=${verdict.brokenAt}。旧目录 ${source} 未改名；数据已复制到 ${database.location}\n`,
        );
        return 1;
      }
      let target = `${source}.migrated-${stamp.slice(0, 8)}`;
      if (existsSync(target)) target = `${source}.migrated-${stamp}`;
      renameSync(source, target);
      process.stdout.write(
        `已迁移到 ${database.location}；审计日志完整：共 ${verdict.rows} 条，哈希链校验通过\n旧目录已改名为 ${target}，可在核对后删除\n`,
      );
      return 0;
    } catch (error) {
      process.stderr.write(
        `迁移失败，旧目录 ${source} 未改动：${error instanceof Error ? error.message : String(error)}\n`,
      );
      return 1;
    } finally {
      await database.close();
    }
  },
};
