import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { restartDelay, superviseServer } from './embedded-supervisor.js';

describe('restartDelay', () => {
  it('restarts at once, then waits 1 s, 2 s, 4 s … doubling, never more than 30 s', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6, 7, 20].map(restartDelay);
    expect(delays).toEqual([0, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });
});

/** A server that is down until a restart succeeds; `failures` restarts fail first. */
function fakeServer(failures = 0) {
  const server = {
    running: true,
    restarts: [] as number[],
    isRunning: () => Promise.resolve(server.running),
    restart: () => {
      server.restarts.push(Date.now());
      if (server.restarts.length <= failures) return Promise.reject(new Error('pg_ctl exit 1'));
      server.running = true;
      return Promise.resolve();
    },
  };
  return server;
}

const log = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

describe('superviseServer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('leaves a running server alone, and restarts it within a second of its death, saying why', async () => {
    const server = fakeServer();
    const logger = log();
    const supervisor = superviseServer(server, logger);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(server.restarts).toEqual([]);
    server.running = false;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.restarts).toEqual([6_000]);
    expect(logger.warn).toHaveBeenCalledWith(
      { attempt: 1 },
      'embedded PostgreSQL has stopped: restarting it',
    );
    expect(logger.info).toHaveBeenCalledWith({ attempt: 1 }, 'embedded PostgreSQL restarted');
    await supervisor.stop();
  });

  it('backs off while restarts fail: 1 s, 2 s, 4 s between attempts', async () => {
    const server = fakeServer(3);
    const logger = log();
    const supervisor = superviseServer(server, logger);
    server.running = false;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(server.restarts).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.error).toHaveBeenCalledWith(
      { attempt: 3, retryInMs: 4_000, reason: 'pg_ctl exit 1' },
      'embedded PostgreSQL did not restart',
    );
    await supervisor.stop();
  });

  it('backs off a server that keeps dying, and forgets once it has stayed up 30 s', async () => {
    const server = fakeServer();
    const supervisor = superviseServer(server, log());
    const dieAndWait = async (ms: number) => {
      server.running = false;
      await vi.advanceTimersByTimeAsync(ms);
    };
    await dieAndWait(1_000); // restart 1 at once, at 1 s
    await dieAndWait(1_000); // restart 2 a second after the first, at 2 s
    await dieAndWait(3_000); // restart 3 two seconds after the second, at 4 s
    await vi.advanceTimersByTimeAsync(40_000);
    await dieAndWait(1_000); // up 30 s and more: at once again
    expect(server.restarts).toEqual([1_000, 2_000, 4_000, 46_000]);
    await supervisor.stop();
  });

  it('restarts nothing once stopped, and its timer keeps no process alive', async () => {
    const server = fakeServer();
    // The timers made while the supervisor starts, by a wrapper put back before the fake
    // timers are: a spy restored later would leave the fake setTimeout to the next test file.
    const made: NodeJS.Timeout[] = [];
    const fakeSetTimeout = globalThis.setTimeout;
    globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
      const timer = fakeSetTimeout(...args);
      made.push(timer);
      return timer;
    }) as typeof setTimeout;
    let supervisor: ReturnType<typeof superviseServer>;
    try {
      supervisor = superviseServer(server, log());
    } finally {
      globalThis.setTimeout = fakeSetTimeout;
    }
    expect(made).toHaveLength(1);
    expect(made[0]!.hasRef()).toBe(false);
    await supervisor.stop();
    server.running = false;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.restarts).toEqual([]);
  });
});
