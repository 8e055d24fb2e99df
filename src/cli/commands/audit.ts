import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/database.ts';
import { verifyAuditChain } from '../../server/modules/audit/audit.service.ts';
import type { CliCommand } from '../command.ts';

const REASONS = {
  hash_mismatch: '内容与其哈希不符（记录被改动）',
  link_mismatch: '与上一条记录的哈希链接断开（记录被删除、插入或改动）',
} as const;

/** `fazhi audit verify`: walks the hash chain of the database the environment points at. */
export const auditCommand: CliCommand = {
  name: 'audit',
  summary: 'audit verify — 校验审计日志哈希链（DATA_DIR 或 DATABASE_URL）',
  async run(args) {
    if (args[0] !== 'verify') {
      process.stderr.write('用法: fazhi audit verify\n');
      return 2;
    }
    const config = loadConfig();
    const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    try {
      const verdict = await verifyAuditChain(database.db);
      if (verdict.ok) {
        process.stdout.write(`审计日志完整：共 ${verdict.rows} 条，哈希链校验通过（${database.location}）\n`);
        return 0;
      }
      process.stderr.write(
        `审计日志校验失败：第一条异常记录 id=${verdict.brokenAt}，${REASONS[verdict.reason]}（已校验 ${verdict.rows} 条）\n`,
      );
      return 1;
    } finally {
      await database.close();
    }
  },
};
