import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  halfFromPlaywright,
  halfFromVitest,
  suiteSummary,
  type HalfResult,
} from './suite-report.js';

/**
 * Runs both halves of the suite, the browser half even when the unit half fails, and
 * reports both: a failure in one must never hide the other (issue 16).
 */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(127));
  });
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8'));
  } catch {
    return null;
  }
}

const reports = await fs.mkdtemp(path.join(os.tmpdir(), 'masa-suite-'));
const vitestReport = path.join(reports, 'vitest.json');
const browserReport = path.join(reports, 'playwright.json');
const bin = (name: string) => path.join('node_modules', '.bin', name);

const unitExit = await run(bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
const browserExit = await run(bin('playwright'), ['test'], {
  MASA_BROWSER_REPORT: browserReport,
});

const halves: HalfResult[] = [
  halfFromVitest('Unit and integration tests (Vitest)', await readJson(vitestReport), unitExit),
  halfFromPlaywright('Browser tests (Playwright)', await readJson(browserReport), browserExit),
];
await fs.rm(reports, { recursive: true, force: true });
const summary = suiteSummary(halves);
console.log(`\n${summary.lines.join('\n')}`);
process.exit(summary.exitCode);
