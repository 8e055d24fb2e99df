import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { EmbeddedServerError } from './db/embedded-server.ts';
import { migrate } from './db/migrate.ts';
import { startWarningSchedule } from './modules/workbench/warnings/warnings.schedule.ts';
import { ensureFirstAdmin } from './seed/first-admin.ts';
import { seedDemoCounty } from './seed/seed.ts';

/** config → database → migrations → demo data on first start → listen. */
async function main() {
  const startedAt = performance.now();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    adopt: true,
  });
  let applied: string[];
  let seed: Awaited<ReturnType<typeof seedDemoCounty>> | null;
  let firstAdmin: Awaited<ReturnType<typeof ensureFirstAdmin>>;
  let app: Awaited<ReturnType<typeof buildApp>>;
  try {
    applied = await migrate(database.db);
    seed = config.SEED_DEMO ? await seedDemoCounty(database.db) : null;
    // Without the demo (production), an empty database gets one administrator who must change the
    // password at first sign-in: FAZHI_ADMIN_PASSWORD, or a one-time setup code printed here.
    firstAdmin = await ensureFirstAdmin(database.db, config.FAZHI_ADMIN_PASSWORD);
    app = await buildApp({ database, config, serveWeb: true });
  } catch (error) {
    // do not leave the embedded PostgreSQL running behind a failed start
    await database.close();
    throw error;
  }
  if (firstAdmin.created) {
    const secret = firstAdmin.setupCode
      ? `一次性初始化码 (one-time setup code): ${firstAdmin.setupCode}`
      : '密码为 FAZHI_ADMIN_PASSWORD (password from FAZHI_ADMIN_PASSWORD)';
    process.stdout.write(
      `\n首次启动：已创建管理员账号 ${firstAdmin.username}，${secret}\n首次登录后须修改密码。\n\n`,
    );
  }
  app.log.info(
    { database: database.location, migrationsApplied: applied, demoSeeded: seed?.seeded ?? false },
    'database ready',
  );

  let stopWarnings: () => Promise<void> = async () => {};
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    // the warning pass writes through the pool: let a running pass end before the database closes
    await stopWarnings();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    await app.close();
    await database.close();
    throw error;
  }
  // the warning pass: now (in the background, so start-up is not held) and every Shanghai midnight
  stopWarnings = startWarningSchedule(database.db, app.log);
  app.log.info(
    `Fazhi 法治 ready on http://localhost:${config.PORT} in ${Math.round(performance.now() - startedAt)} ms`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof EmbeddedServerError) {
    process.stderr.write(`Fazhi 无法启动内置数据库：\n${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(
    `Fazhi failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
