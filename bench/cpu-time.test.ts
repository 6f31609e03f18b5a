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

/** A shell whose child burns 400 ms of CPU, then both wait: a root and its running child. */
async function shellWithBusyChild() {
  const burn = 'const t = Date.now(); while (Date.now() - t < 400); setTimeout(() => {}, 20000)';
  const shell = spawn('sh', ['-c', `"${process.execPath}" -e '${burn}' & wait`], {
    detached: true,
    stdio: 'ignore',
  });
  started.push(shell.pid!);
  await new Promise((resolve) => setTimeout(resolve, 1500));
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
    expect(treeCpuBetween(new Map(), tree)).toBeGreaterThanOrEqual(300);
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
