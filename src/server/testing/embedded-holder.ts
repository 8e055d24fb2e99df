/**
 * Test fixture: opens the embedded database under argv[2] as a Fazhi server would (adopting a
 * running server), prints the postmaster's pid and waits — so a test can kill -9 it like a crash.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../db/database.ts';
import { clusterDirOf } from '../db/embedded-server.ts';

const dataDir = process.argv[2]!;
const handle = await openDatabase({ dataDir, adopt: true });
const pid = readFileSync(join(clusterDirOf(dataDir), 'postmaster.pid'), 'utf8').split('\n')[0];
process.stdout.write(`ready ${pid}\n`);
process.once('SIGTERM', () => void handle.close().then(() => process.exit(0)));
setInterval(() => {}, 60_000);
