import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claimWorkspace, WorkspaceBusyError } from './workspace.js';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await fs.rm(folder, { recursive: true, force: true });
});

async function folder() {
  const dir = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'masa-bench-test-')), 'bench');
  folders.push(path.dirname(dir));
  return dir;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A real process standing in for a PostgreSQL that a killed run left running. */
function leftoverServer() {
  const child = spawn('sleep', ['60'], { stdio: 'ignore', detached: true });
  child.unref();
  return child.pid!;
}

describe('the benchmark folder', () => {
  it('is made, marked with this run, and removed on release', async () => {
    const dir = await folder();
    const lines: string[] = [];
    const workspace = await claimWorkspace(dir, (line) => lines.push(line));
    expect(await fs.readFile(path.join(dir, 'bench.pid'), 'utf8')).toBe(`${process.pid}\n`);
    expect(lines).toEqual([]);
    await workspace.release();
    expect(existsSync(dir)).toBe(false);
  });

  it("says a previous run left its database behind, stops that run's PostgreSQL and cleans up", async () => {
    const dir = await folder();
    const postgres = leftoverServer();
    await fs.mkdir(path.join(dir, 'database', 'postgres'), { recursive: true });
    await fs.writeFile(path.join(dir, 'database', 'postgres', 'postmaster.pid'), `${postgres}\n`);
    await fs.writeFile(path.join(dir, 'database', 'postgres', 'PG_VERSION'), '18\n');
    await fs.writeFile(path.join(dir, 'bench.pid'), '999999999\n');
    const lines: string[] = [];
    await claimWorkspace(dir, (line) => lines.push(line));
    expect(lines[0]).toBe(
      `A previous benchmark run (pid 999999999) left its database behind in ${dir}; cleaning up.`,
    );
    expect(lines[1]).toContain(`stopping the PostgreSQL it left running (pid ${postgres})`);
    expect(alive(postgres)).toBe(false);
    expect(existsSync(path.join(dir, 'database'))).toBe(false);
  });

  it('is refused, touching nothing, while another run that is still alive holds it', async () => {
    const dir = await folder();
    const other = leftoverServer();
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'bench.pid'), `${other}\n`);
    await fs.writeFile(path.join(dir, 'keep'), 'theirs');
    await expect(claimWorkspace(dir, () => undefined)).rejects.toThrow(WorkspaceBusyError);
    await expect(claimWorkspace(dir, () => undefined)).rejects.toThrow(
      `Another benchmark (pid ${other}) is using ${dir}`,
    );
    expect(await fs.readFile(path.join(dir, 'keep'), 'utf8')).toBe('theirs');
    process.kill(other, 'SIGKILL');
  });
});
