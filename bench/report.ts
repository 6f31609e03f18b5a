/** The benchmark's figures against the issue's targets, as a Markdown table and a JSON file. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as prettier from 'prettier';
import type { LoadResult } from './load.js';
import type { Visitor } from './pages.js';

export const TARGETS = {
  p95Ms: 60,
  p99Ms: 150,
  throughputShareOfOneQuery: 0.3,
  manyP50Ratio: 1.2,
  rssMb: 400,
  largeLoadSeconds: 180,
};

const MB = 1024 * 1024;
export const mb = (bytes: number) => Math.round(bytes / MB);

export interface Measured extends LoadResult {
  name: string;
  path: string;
  as: Visitor;
  responseBytes: number;
  peakRssMb: number;
  /** CPU time per response in the window: the server's (all its threads) and PostgreSQL's. */
  cpuMsPerResponse: { server: number; database: number } | null;
  warmup: { responses: number; errors: number; non2xx: number };
}

const fixed = (value: number | undefined, digits = 1) =>
  value === undefined ? '–' : value.toFixed(digits);

const mark = (met: boolean) => (met ? 'yes' : '**no**');

export function shareOfOneQuery(row: Measured, oneQuery: Measured | undefined) {
  return oneQuery ? row.requestsPerSecond / oneQuery.requestsPerSecond : undefined;
}

/** One row per page; the targets columns say whether each was met. */
export function markdownTable(
  rows: Measured[],
  oneQuery: Measured | undefined,
  single?: Map<string, Measured>,
) {
  const lines = [
    `| Page | Requests/s | × one-query | p50 ms | p95 ms | p99 ms | Errors | Non-2xx | Peak RSS MB | CPU ms/response: server | PostgreSQL |${single ? ' p50 × one partnership |' : ''} Targets met |`,
    `|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|${single ? '--:|' : ''}---|`,
  ];
  for (const row of rows) {
    const share = shareOfOneQuery(row, oneQuery);
    const before = single?.get(row.path);
    const ratio =
      before?.latencyMs && row.latencyMs ? row.latencyMs.p50 / before.latencyMs.p50 : undefined;
    const met =
      (row.latencyMs?.p95 ?? Infinity) <= TARGETS.p95Ms &&
      (row.latencyMs?.p99 ?? Infinity) <= TARGETS.p99Ms &&
      row.errors === 0 &&
      row.non2xx === 0 &&
      (share ?? 0) >= TARGETS.throughputShareOfOneQuery &&
      (!single || (ratio ?? Infinity) <= TARGETS.manyP50Ratio);
    lines.push(
      `| ${row.name} \`${row.path.slice(0, 48)}\` | ${Math.round(row.requestsPerSecond)} | ${fixed(share, 2)} | ${fixed(row.latencyMs?.p50)} | ${fixed(row.latencyMs?.p95)} | ${fixed(row.latencyMs?.p99)} | ${row.errors} | ${row.non2xx} | ${row.peakRssMb} | ${fixed(row.cpuMsPerResponse?.server)} | ${fixed(row.cpuMsPerResponse?.database)} |${single ? ` ${fixed(ratio, 2)} |` : ''} ${row.path.startsWith('/bench/') ? '(baseline)' : mark(met)} |`,
    );
  }
  return lines.join('\n');
}

export function gitCommit() {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim().length > 0;
    return { commit, uncommittedChanges: dirty };
  } catch {
    return { commit: null, uncommittedChanges: null };
  }
}

export function machineFacts() {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    availableParallelism: os.availableParallelism(),
    totalMemoryMb: Math.round(os.totalmem() / MB),
    loadAverageAtStart: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

/** ISO 8601 basic format (no colons), safe as a file name everywhere. */
export const fileStamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/** Formatted as the project formats JSON, so a committed result passes `npm run lint`. */
export async function writeResults(dir: string, startedAt: Date, report: object) {
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${fileStamp(startedAt)}.json`);
  const config = (await prettier.resolveConfig(file)) ?? {};
  await fs.writeFile(
    file,
    await prettier.format(JSON.stringify(report), { ...config, filepath: file }),
  );
  return file;
}
