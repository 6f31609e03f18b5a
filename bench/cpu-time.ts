/**
 * CPU time (user and system, every thread) used by the server and by PostgreSQL, read from
 * /proc (Linux), so that a measured window's CPU can be divided by its responses: which side
 * of a page's cost is MASA's own work and which the database's.
 */
import fs from 'node:fs/promises';

// /proc counts CPU time in ticks of USER_HZ, which Linux fixes at 100 a second.
const MS_PER_TICK = 10;

export interface ProcessStat {
  parentPid: number;
  cpuMs: number;
}

/** The parent and CPU time of one /proc/<pid>/stat line; null when it is not one. */
export function parseStat(line: string): ProcessStat | null {
  // The command name (field 2) is in parentheses and may itself hold spaces and parentheses.
  const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
  const [parentPid, userTicks, systemTicks] = [fields[1], fields[11], fields[12]].map(Number);
  if (![parentPid, userTicks, systemTicks].every((value) => Number.isInteger(value))) return null;
  return { parentPid: parentPid!, cpuMs: (userTicks! + systemTicks!) * MS_PER_TICK };
}

async function statOf(pid: number) {
  const line = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  return line === null ? null : parseStat(line);
}

/** CPU time a process has used so far; 0 when it has gone or /proc is not there. */
export async function processCpuMs(pid: number) {
  return (await statOf(pid))?.cpuMs ?? 0;
}

/**
 * CPU time used so far by a process and by each of its children still running, as
 * PostgreSQL's postmaster and its backends, by process id.
 */
export async function processTreeCpuMs(rootPid: number) {
  const pids = (await fs.readdir('/proc').catch(() => [])).filter((name) => /^\d+$/.test(name));
  const used = new Map<number, number>();
  for (const pid of pids.map(Number)) {
    const stat = await statOf(pid);
    if (stat && (pid === rootPid || stat.parentPid === rootPid)) used.set(pid, stat.cpuMs);
  }
  return used;
}

/**
 * The CPU a process tree used between two readings: what each process running at the end
 * used since the first (all of it, for one started since). A process that ended between
 * them takes its time with it; the server's pool keeps its backends for the whole run.
 */
export function treeCpuBetween(before: Map<number, number>, after: Map<number, number>) {
  let cpuMs = 0;
  for (const [pid, used] of after) cpuMs += used - (before.get(pid) ?? 0);
  return cpuMs;
}
