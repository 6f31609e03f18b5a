/**
 * The benchmark's own folder for its throwaway PostgreSQL and `npm start` runs: outside the
 * checkout, so a run never touches `./data/`, the database of `npm start`.
 * A run that was killed leaves its folder (and maybe a running PostgreSQL) behind; the next
 * run says so, stops that PostgreSQL and removes the folder before it starts.
 */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const OWNER_FILE = 'bench.pid';

export class WorkspaceBusyError extends Error {}

export function defaultWorkspaceDir() {
  return path.join(os.tmpdir(), 'masa-bench');
}

function processAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function readPid(file: string) {
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  const pid = Number(text.split('\n', 1)[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Every postmaster.pid under the folder (the cluster may sit one or two levels down). */
async function postmasterPidFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return entries
    .filter((entry) => path.basename(entry) === 'postmaster.pid')
    .map((entry) => path.join(dir, entry));
}

async function waitForExit(pid: number, timeoutMs: number) {
  const giveUpAt = Date.now() + timeoutMs;
  while (processAlive(pid) && Date.now() < giveUpAt)
    await new Promise((resolve) => setTimeout(resolve, 50));
  return !processAlive(pid);
}

/** Stops a PostgreSQL left running: a fast shutdown, then a kill if it does not go. */
async function stopLeftoverServer(pid: number, report: (line: string) => void) {
  report(`  stopping the PostgreSQL it left running (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  if (await waitForExit(pid, 10_000)) return;
  process.kill(pid, 'SIGKILL');
  await waitForExit(pid, 5_000);
}

/**
 * Takes the folder for this run. Another run still alive keeps it: that is refused, nothing
 * touched. A dead run's leftovers are stopped and removed, and said so.
 */
export async function claimWorkspace(dir: string, report: (line: string) => void) {
  if (existsSync(dir)) {
    const owner = await readPid(path.join(dir, OWNER_FILE));
    if (owner !== null && owner !== process.pid && processAlive(owner))
      throw new WorkspaceBusyError(
        `Another benchmark (pid ${owner}) is using ${dir}. Wait for it to finish or stop it first.`,
      );
    report(
      `A previous benchmark run${owner ? ` (pid ${owner})` : ''} left its database behind in ${dir}; cleaning up.`,
    );
    for (const file of await postmasterPidFiles(dir)) {
      const pid = await readPid(file);
      if (pid !== null && processAlive(pid)) await stopLeftoverServer(pid, report);
    }
    await fs.rm(dir, { recursive: true, force: true });
  }
  await fs.mkdir(dir, { recursive: true, mode: 0o755 });
  await fs.writeFile(path.join(dir, OWNER_FILE), `${process.pid}\n`);
  return {
    dir,
    release: () => fs.rm(dir, { recursive: true, force: true }),
  };
}
