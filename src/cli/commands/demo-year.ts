import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/database.ts';
import { migrate } from '../../server/db/migrate.ts';
import { CountyYear, SCENARIO_YEAR } from '../../server/scenario/county-year.driver.ts';
import { DEMO_PASSWORD } from '../../server/seed/demo-county.ts';
import { seedDemoCounty } from '../../server/seed/seed.ts';
import type { CliCommand } from '../command.ts';

/**
 * A clock this process can move: the year's steps happen on their own days (the server reads the
 * time from JS Date only). Installed for the command's run and removed after it.
 */
function installClock() {
  const RealDate = Date;
  let offsetMs = 0;
  class ClockDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offsetMs);
      else super(...(args as [string]));
    }
    static override now() {
      return RealDate.now() + offsetMs;
    }
  }
  globalThis.Date = ClockDate as DateConstructor;
  return {
    set: (instant: Date) => {
      offsetMs = instant.getTime() - RealDate.now();
    },
    restore: () => {
      globalThis.Date = RealDate;
    },
  };
}

/** `fazhi demo-year`: loads a lived-through year of 博湖县 through the API (the issue 21 scenario). */
export const demoYearCommand: CliCommand = {
  name: 'demo-year',
  summary: `在演示县中载入${SCENARIO_YEAR}年全年的业务数据（计划、案件、考核、评查、监督、协调）`,
  async run() {
    const config = loadConfig();
    const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    const clock = installClock();
    try {
      await migrate(database.db);
      await seedDemoCounty(database.db);
      const loaded = await database.db
        .selectFrom('user_account')
        .select('id')
        .where('username', '=', 'year_liwd')
        .executeTakeFirst();
      if (loaded) {
        process.stdout.write(`${SCENARIO_YEAR}年的演示数据已经载入，未重复载入\n`);
        return 0;
      }
      const app = await buildApp({ database, config: { ...config, LOG_LEVEL: 'silent' } });
      await app.ready();
      let logins = 0;
      const year = new CountyYear({
        db: database.db,
        async request({ cookie, ...options }) {
          const response = await app.inject({ ...options, headers: cookie ? { cookie } : {} });
          const isJson = String(response.headers['content-type'] ?? '').includes('application/json');
          return {
            status: response.statusCode,
            json: isJson ? response.json() : response.body,
            headers: response.headers,
          };
        },
        async login(username, password = DEMO_PASSWORD) {
          logins += 1;
          const response = await app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username, password },
            remoteAddress: `127.2.${Math.floor(logins / 250)}.${logins % 250}`,
          });
          const cookie = response.cookies.find((entry) => entry.name === 'fazhi_session');
          if (response.statusCode !== 200 || !cookie)
            throw new Error(`登录 ${username} 失败：${response.body}`);
          return `fazhi_session=${cookie.value}`;
        },
        setNow: clock.set,
      });
      const startedAt = performance.now();
      await year.runAll();
      clock.restore();
      await app.close();
      process.stdout.write(
        `已载入${SCENARIO_YEAR}年全年演示数据：${year.ledger.cases.length} 件案件，` +
          `${year.ledger.reviewFiles.length} 卷评查案卷，${year.ledger.documentNumbers.length} 份编号文书，` +
          `用时 ${((performance.now() - startedAt) / 1000).toFixed(1)} 秒\n`,
      );
      return 0;
    } finally {
      clock.restore();
      await database.close();
    }
  },
};
