/**
 * Keeps the embedded PostgreSQL running: nothing else restarts it if its postmaster dies
 * (killed, out of memory). The postmaster is checked about once a second; when it is gone it
 * is started again at once, then, while restarts keep failing or the server keeps dying, after
 * waits of 1 s, 2 s, 4 s … at most 30 s. A server that stays up 30 s starts the count afresh.
 * See docs/decisions/0018-surviving-the-database.md.
 */
import type { Logger } from 'pino';

export interface SupervisedServer {
  isRunning(): Promise<boolean>;
  /** Starts the server again as it was started (pg_ctl start); rejects if it did not start. */
  restart(): Promise<void>;
}

export interface Supervisor {
  /** Stops watching, after any restart in progress has finished; safe to call more than once. */
  stop(): Promise<void>;
}

type SupervisorLog = Pick<Logger, 'info' | 'warn' | 'error'>;

const POLL_MS = 1_000;
const FIRST_WAIT_MS = 1_000;
const LONGEST_WAIT_MS = 30_000;

/** How long to wait before a restart, given the restarts already made in a row: 0, 1 s, 2 s, 4 s … 30 s. */
export function restartDelay(restartsInARow: number): number {
  if (restartsInARow <= 0) return 0;
  return Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (restartsInARow - 1));
}

export function superviseServer(
  server: SupervisedServer,
  log: SupervisorLog,
  { pollMs = POLL_MS, steadyMs = LONGEST_WAIT_MS } = {},
): Supervisor {
  let restartsInARow = 0;
  let lastRestartAt = 0;
  let failing = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let checking: Promise<void> = Promise.resolve();

  async function restart() {
    const attempt = restartsInARow + 1;
    if (!failing) log.warn({ attempt }, 'embedded PostgreSQL has stopped: restarting it');
    restartsInARow = attempt;
    lastRestartAt = Date.now();
    try {
      await server.restart();
      failing = false;
      log.info({ attempt }, 'embedded PostgreSQL restarted');
    } catch (error) {
      failing = true;
      const retryInMs = restartDelay(attempt);
      log.error(
        { attempt, retryInMs, reason: (error as Error).message },
        'embedded PostgreSQL did not restart',
      );
    }
  }

  /** Checks the server, restarting it when it is due; gives the time until the next check. */
  async function check(): Promise<number> {
    const running = await server.isRunning().catch(() => false);
    const sinceRestart = Date.now() - lastRestartAt;
    if (running) {
      if (restartsInARow > 0 && sinceRestart >= steadyMs) restartsInARow = 0;
      return pollMs;
    }
    const wait = restartDelay(restartsInARow) - sinceRestart;
    if (wait > 0) return Math.min(wait, pollMs);
    await restart();
    return pollMs;
  }

  const schedule = (ms: number) => {
    if (!stopped) timer = setTimeout(tick, ms).unref();
  };
  const tick = () => {
    checking = check()
      .catch(() => pollMs)
      .then(schedule);
  };

  schedule(pollMs);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await checking;
    },
  };
}
