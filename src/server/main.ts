import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { startWarningSchedule } from './modules/workbench/warnings/warnings.schedule.ts';
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
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const applied = await migrate(database.db);
  const seed = config.SEED_DEMO ? await seedDemoCounty(database.db) : null;
  const app = await buildApp({ database, config, serveWeb: true });
  app.log.info(
    { database: database.location, migrationsApplied: applied, demoSeeded: seed?.seeded ?? false },
    'database ready',
  );

  let stopWarnings = () => {};
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    stopWarnings();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.PORT, host: config.HOST });
  // the warning pass: now (in the background, so start-up is not held) and every Shanghai midnight
  stopWarnings = startWarningSchedule(database.db, app.log);
  app.log.info(
    `Fazhi 法治 ready on http://localhost:${config.PORT} in ${Math.round(performance.now() - startedAt)} ms`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Fazhi failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
