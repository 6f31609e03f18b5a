/**
 * How long `npm start` takes to answer /health: on a first start (empty data folder: a new
 * PostgreSQL cluster, migrations, the demo partnership) and on a later start (the same folder).
 * It runs in the benchmark's own folder and ports, never `./data/`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../src/testing/free-port.js';

const GIVE_UP_MS = 300_000;

export interface StartTimes {
  firstStartSeconds: number;
  laterStartSeconds: number;
}

async function untilHealthy(origin: string, exited: () => boolean) {
  const giveUpAt = Date.now() + GIVE_UP_MS;
  while (Date.now() < giveUpAt) {
    if (exited()) throw new Error('npm start stopped before it answered /health');
    const healthy = await fetch(`${origin}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`npm start did not answer /health within ${GIVE_UP_MS / 1000} s`);
}

/** npm may exit before the server it ran has stopped its embedded PostgreSQL. */
async function untilPostgresStopped(dataDir: string) {
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  const giveUpAt = Date.now() + 30_000;
  while (existsSync(pidFile) && Date.now() < giveUpAt)
    await new Promise((resolve) => setTimeout(resolve, 100));
}

/** One `npm start` until /health answers, then a SIGTERM and a wait for it to stop cleanly. */
async function timeOneStart(dataDir: string) {
  const port = await freePort();
  const startedAt = performance.now();
  const child = spawn('npm', ['start'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      MASA_DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
    // Its own process group, so the signal reaches npm and the server it runs.
    detached: true,
  });
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await untilHealthy(`http://127.0.0.1:${port}`, () => child.exitCode !== null);
    return (performance.now() - startedAt) / 1000;
  } finally {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
    await exit;
    await untilPostgresStopped(dataDir);
  }
}

export async function measureStartTimes(workspaceDir: string): Promise<StartTimes> {
  const dataDir = path.join(workspaceDir, 'npm-start-data');
  const firstStartSeconds = await timeOneStart(dataDir);
  const laterStartSeconds = await timeOneStart(dataDir);
  return { firstStartSeconds, laterStartSeconds };
}
