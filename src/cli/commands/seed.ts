import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/database.ts';
import { migrate } from '../../server/db/migrate.ts';
import { seedDemoCounty } from '../../server/seed/seed.ts';
import type { CliCommand } from '../command.ts';

/** `fazhi seed`: migrates and loads the demo county into an empty database. */
export const seedCommand: CliCommand = {
  name: 'seed',
  summary: '迁移数据库并在空库中载入演示县（博湖县）',
  async run() {
    const config = loadConfig();
    const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    try {
      const applied = await migrate(database.db);
      const result = await seedDemoCounty(database.db);
      process.stdout.write(`迁移 ${applied.length} 个；`);
      process.stdout.write(
        result.seeded
          ? `已载入演示县：${result.orgs} 个机构，${result.accounts} 个账号\n`
          : '数据库已有数据，未重复载入\n',
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};
