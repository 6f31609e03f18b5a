import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { parseStat, processCpuMs, processTreeCpuMs, treeCpuBetween } from './cpu-time.js';

const started: number[] = [];
afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/**
 * A shell whose child burns 400 ms of its own CPU time, says so, then both wait: a root and
 * its child. The child counts CPU, not the wall clock, so a busy machine changes nothing.
 */
async function shellWithBusyChild() {
  const burn =
    'while (process.cpuUsage().user + process.cpuUsage().system < 400000); ' +
    'console.log("burnt"); setTimeout(() => {}, 20000)';
  const shell = spawn('sh', ['-c', `"${process.execPath}" -e '${burn}' & wait`], {
    detached: true,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  started.push(shell.pid!);
  await new Promise<void>((resolve) =>
    shell.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('burnt')) resolve();
    }),
  );
  return shell.pid!;
}

describe('CPU time from /proc', () => {
  it('reads the parent and the CPU time of a stat line whose command holds spaces and parentheses', () => {
    const line =
      '4242 (node (bench) x) S 17 4242 17 0 -1 4194560 9000 0 0 0 1234 56 0 0 20 0 11 0 3385 0 0';
    expect(parseStat(line)).toEqual({ parentPid: 17, cpuMs: (1234 + 56) * 10 });
  });

  it('refuses what is not a stat line', () => {
    expect(parseStat('')).toBeNull();
    expect(parseStat('4242 (node) S 17')).toBeNull();
    expect(parseStat('not a stat line at all')).toBeNull();
  });

  it('counts a process and its children, not the root alone', async () => {
    const root = await shellWithBusyChild();
    const tree = await processTreeCpuMs(root);
    expect(tree.size).toBe(2);
    expect(tree.get(root)).toBeLessThan(200);
    // /proc counts in ticks of 10 ms: a tick may still be open when the child reports.
    expect(treeCpuBetween(new Map(), tree)).toBeGreaterThanOrEqual(390);
  });

  it('counts between two readings what each process still running used, never less than nothing', () => {
    const before = new Map([
      [10, 500],
      [11, 300],
      [12, 900],
    ]);
    // 11 worked 40 ms more, 12 ended (its time goes with it), 13 started and used 25 ms.
    const after = new Map([
      [10, 500],
      [11, 340],
      [13, 25],
    ]);
    expect(treeCpuBetween(before, after)).toBe(65);
  });

  it('gives nothing for a process that is not there', async () => {
    expect(await processCpuMs(2 ** 22 + 1)).toBe(0);
    expect((await processTreeCpuMs(2 ** 22 + 1)).size).toBe(0);
  });
});
