import { TEST_ENCRYPTION_KEYS } from '../src/testing/app.js';
/**
 * HTTP benchmark of MASA's main pages (see bench/README.md). `npm run bench [-- --quick]`.
 *
 * The app runs in this process, built as in production, on a throwaway embedded PostgreSQL;
 * autocannon runs in a child process (bench/load.ts). Figures are printed and written to
 * bench/results/; nothing here asserts on them.
 */
import { execFileSync, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import * as prettier from 'prettier';
import { buildApp } from '../src/app.js';
import { buildServices, type Services } from '../src/composition.js';
import { connect, inTenant, waitForIdlePool, type Database } from '../src/db/client.js';
import { loadDemoPartnership } from '../src/demo/demo-partnership.js';
import { systemClock } from '../src/platform/clock.js';
import { createUser, totpNow } from '../src/testing/fixtures.js';
import { startTestCluster, TEMPLATE_DATABASE, withDatabase } from '../src/testing/test-cluster.js';
import type { LoadJob, LoadMessage, LoadResult } from './load.js';
import { signIn } from './sign-in.js';

const BENCH_DATABASE = 'bench';
const AUDIT_EVENTS = 200;
const HOST = '127.0.0.1';
const MB = 1024 * 1024;
const RSS_SAMPLE_MS = 100;
const here = path.dirname(fileURLToPath(import.meta.url));

type Visitor = 'anyone' | 'member' | 'administrator';

interface Target {
  path: string;
  as: Visitor;
  /** Text the page must contain, checked once before the load, so a wrong page is not measured. */
  expect: string;
}

const TARGETS: Target[] = [
  { path: '/health', as: 'anyone', expect: '"status":"ok"' },
  { path: '/sign-in', as: 'anyone', expect: 'Sign in to MASA' },
  { path: '/', as: 'member', expect: 'Welcome, Bench Member' },
  { path: '/account', as: 'member', expect: '<h1 class="govuk-heading-l">Your account</h1>' },
  { path: '/admin/audit', as: 'administrator', expect: 'Events, newest first' },
  { path: '/bodies', as: 'member', expect: 'Bodies</caption>' },
  { path: '/bodies/{partnershipBody}', as: 'member', expect: 'id="quorum"' },
  { path: '/people?q=a', as: 'member', expect: 'People</caption>' },
  { path: '/governance/structure', as: 'member', expect: 'Governance structure' },
  { path: '/governance/matrix', as: 'member', expect: 'Membership matrix' },
  { path: '/api/v1/bodies', as: 'member', expect: '"items"' },
  { path: '/meetings', as: 'member', expect: 'Meetings</caption>' },
  { path: '/meetings/{partnershipMeeting}', as: 'member', expect: 'id="agenda"' },
  { path: '/actions', as: 'member', expect: 'Actions' },
  { path: '/dashboard', as: 'member', expect: 'id="next-meetings"' },
  { path: '/api/v1/meetings/{partnershipMeeting}', as: 'member', expect: '"quorum"' },
  { path: '/reviews', as: 'member', expect: 'Open cases' },
  { path: '/reviews/{reviewCase}', as: 'administrator', expect: 'id="deadlines"' },
  { path: '/api/v1/cases', as: 'member', expect: '"items"' },
];

/** Paths name records of the loaded data by placeholder, filled in once it is loaded. */
function resolveTargets(ids: {
  partnershipBody: string;
  partnershipMeeting: string;
  reviewCase: string;
}): Target[] {
  return TARGETS.map((target) => ({
    ...target,
    path: target.path
      .replace('{partnershipBody}', ids.partnershipBody)
      .replace('{partnershipMeeting}', ids.partnershipMeeting)
      .replace('{reviewCase}', ids.reviewCase),
  }));
}

interface Options {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  quick: boolean;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
    },
  });
  const positive = (name: string, value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1)
      throw new Error(`--${name} must be a whole number of at least 1`);
    return number;
  };
  return {
    quick: values.quick,
    connections: positive('connections', values.connections, 50),
    warmupSeconds: positive('warmup', values.warmup, 3),
    durationSeconds: positive('duration', values.duration, values.quick ? 3 : 10),
  };
}

// --- stopping: on a signal or a watchdog, the current step is abandoned and everything cleaned up

let stopReason: string | null = null;
let activeLoad: { kill(): void } | null = null;

function stop(reason: string) {
  if (stopReason) return;
  stopReason = reason;
  console.error(`\n${reason}: stopping and cleaning up`);
  activeLoad?.kill();
  // Cleanup that hangs must not keep the run alive.
  setTimeout(() => {
    console.error('cleanup did not finish in 30 s; exiting');
    process.exit(1);
  }, 30_000).unref();
}

function checkpoint() {
  if (stopReason) throw new Error(stopReason);
}

// --- memory: the app runs in this process, so this process's RSS is the server's

class RssSampler {
  peak = 0;
  private windowPeak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.timer = setInterval(() => this.sample(), RSS_SAMPLE_MS);
    this.sample();
  }

  sample() {
    const rss = process.memoryUsage.rss();
    this.peak = Math.max(this.peak, rss);
    this.windowPeak = Math.max(this.windowPeak, rss);
    return rss;
  }

  startWindow() {
    this.windowPeak = 0;
    this.sample();
  }

  endWindow() {
    this.sample();
    return this.windowPeak;
  }

  stop() {
    clearInterval(this.timer);
  }
}

// --- load runs in a child process

function runLoad(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'load.ts'), {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let outcome: LoadMessage | null = null;
    const kill = () => child.kill('SIGKILL');
    activeLoad = { kill };
    const timer = setTimeout(
      () => {
        console.error(`the load generator did not report after ${job.durationSeconds + 30} s`);
        kill();
      },
      (job.durationSeconds + 30) * 1000,
    );
    child.once('message', (message: LoadMessage) => {
      outcome = message;
      child.disconnect();
    });
    child.once('error', kill);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      activeLoad = null;
      if (outcome?.ok) resolve(outcome.result);
      else
        reject(
          new Error(
            outcome?.error ??
              `the load generator stopped (${signal ?? `exit code ${code}`}) before it reported`,
          ),
        );
    });
    child.send(job);
  });
}

/**
 * autocannon drops its connections when its time is up, but the app still finishes the requests
 * it had started, so one run's tail must not overlap the next run or the shutdown.
 */
async function drain(pool: pg.Pool) {
  if (!(await waitForIdlePool(pool)))
    console.error('  the app was still busy 15 s after the load stopped');
}

// --- data

async function onMaintenanceDatabase(ownerUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: withDatabase(ownerUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** One id, asked as the owner (who sees every partnership). */
async function idOf(ownerUrl: string, query: string, value: string) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const result = await client.query<{ id: string }>(query, [value]);
    const id = result.rows[0]?.id;
    if (!id) throw new Error(`nothing found for ${query} with ${value}`);
    return id;
  } finally {
    await client.end();
  }
}

const AUDIT_SAMPLES = [
  { action: 'account.signed_in', entityType: 'account', after: null },
  { action: 'invitation.created', entityType: 'invitation', after: { roles: ['member'] } },
  { action: 'invitation.accepted', entityType: 'invitation', after: null },
  { action: 'account.password_changed', entityType: 'account', after: null },
  { action: 'invitation.revoked', entityType: 'invitation', after: { reason: 'sent in error' } },
  { action: 'viewed', entityType: 'case_review', after: null },
];

/** The demo partnership, a member, an administrator with MFA, and a page-filling audit trail. */
async function loadData(db: Database, services: Services, ownerUrl: string) {
  await loadDemoPartnership(db, services);
  const partnershipId = await idOf(
    ownerUrl,
    'select id from partnership where slug = $1',
    'northshire',
  );
  const partnershipBody = await idOf(
    ownerUrl,
    "select id from body where partnership_id = $1 and body_type = 'partnership' limit 1",
    partnershipId,
  );
  // The demo's last Partnership meeting: attendance, decisions, minutes and actions.
  const partnershipMeeting = await idOf(
    ownerUrl,
    'select id from meeting where body_id = $1 and starts_at < now() order by starts_at desc limit 1',
    partnershipBody,
  );
  const member = await createUser(db, services, partnershipId, {
    roles: ['member'],
    email: 'bench.member@northshire.example',
    displayName: 'Bench Member',
  });
  const administrator = await createUser(db, services, partnershipId, {
    roles: ['administrator'],
    mfa: true,
    email: 'bench.administrator@northshire.example',
    displayName: 'Bench Administrator',
  });
  const context = { partnershipId, userId: administrator.userId };
  await inTenant(db, context, async (tx) => {
    for (let i = 0; i < AUDIT_EVENTS; i += 1) {
      const sample = AUDIT_SAMPLES[i % AUDIT_SAMPLES.length]!;
      await services.audit.record(tx, context, {
        action: sample.action,
        entityType: sample.entityType,
        entityId: randomUUID(),
        after: sample.after ? { ...sample.after, n: i } : undefined,
      });
    }
  });
  // The demo's published review, which has every section; the bench administrator joins its team.
  const reviewCase = await idOf(
    ownerUrl,
    "select id from review_case where partnership_id = $1 and reference like 'SI-%-021'",
    partnershipId,
  );
  const joined = await services.reviews.team.add(context, reviewCase, administrator.userId, true);
  if (!joined?.ok) throw new Error('The bench administrator could not join the case team');
  return { member, administrator, partnershipBody, partnershipMeeting, reviewCase };
}

// --- facts and output

function gitCommit() {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim().length > 0;
    return { commit, uncommittedChanges: dirty };
  } catch {
    return { commit: null, uncommittedChanges: null };
  }
}

function machineFacts() {
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

interface Measured extends LoadResult {
  path: string;
  as: Visitor;
  peakRssMb: number;
  warmup: { responses: number; errors: number; non2xx: number };
}

const mb = (bytes: number) => Math.round(bytes / MB);
const ms = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(1));

function markdownTable(rows: Measured[]) {
  const lines = [
    '| Page | Signed in as | Requests/s | p50 ms | p95 ms | p99 ms | Errors | Non-2xx | Peak RSS MB |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const row of rows) {
    lines.push(
      `| \`${row.path}\` | ${row.as} | ${Math.round(row.requestsPerSecond)} | ${ms(row.latencyMs?.p50)} | ${ms(row.latencyMs?.p95)} | ${ms(row.latencyMs?.p99)} | ${row.errors} | ${row.non2xx} | ${row.peakRssMb} |`,
    );
  }
  return lines.join('\n');
}

/** ISO 8601 basic format (no colons), safe as a file name everywhere. */
const fileStamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

// --- the run

async function main() {
  const options = readOptions();
  const startedAt = new Date();
  const machine = machineFacts();
  const cleanups: { name: string; run: () => Promise<unknown> }[] = [];
  const sampler = new RssSampler();
  cleanups.push({ name: 'memory sampler', run: async () => sampler.stop() });
  const expectedSeconds =
    TARGETS.length * (options.warmupSeconds + options.durationSeconds + 5) + 180;
  const watchdog = setTimeout(
    () => stop(`the run took longer than ${expectedSeconds} s`),
    expectedSeconds * 1000,
  );
  cleanups.push({ name: 'watchdog', run: async () => clearTimeout(watchdog) });

  try {
    console.log(
      `MASA benchmark: ${TARGETS.length} pages, ${options.connections} connections, ` +
        `${options.warmupSeconds} s warm-up then ${options.durationSeconds} s measured each.`,
    );
    console.log('Starting a throwaway embedded PostgreSQL…');
    const cluster = await startTestCluster();
    cleanups.push({ name: 'PostgreSQL', run: () => cluster.stop() });
    checkpoint();

    await onMaintenanceDatabase(
      cluster.ownerUrl,
      `create database ${BENCH_DATABASE} template ${TEMPLATE_DATABASE}`,
    );
    const database = connect(withDatabase(cluster.appUrl, BENCH_DATABASE));
    cleanups.push({
      name: 'database pool',
      run: async () => {
        await drain(database.pool);
        await database.close();
      },
    });
    const services = buildServices({
      db: database.db,
      config: {
        sessionSecret: randomUUID() + randomUUID(),
        encryptionKeys: TEST_ENCRYPTION_KEYS,
        sessionIdleMs: 30 * 60_000,
        sessionAbsoluteMs: 12 * 3_600_000,
        publicUrl: undefined,
        port: 0,
        smtpUrl: undefined,
      },
      clock: systemClock,
    });
    console.log(`Loading the demo partnership and ${AUDIT_EVENTS} audit events…`);
    const people = await loadData(
      database.db,
      services,
      withDatabase(cluster.ownerUrl, BENCH_DATABASE),
    );
    checkpoint();

    const app = await buildApp({
      services,
      pool: database.pool,
      settings: {
        production: true,
        cookieSecret: randomUUID() + randomUUID(),
        bodyLimit: 1_048_576,
        trustProxy: false,
        logLevel: 'warn',
      },
    });
    cleanups.push({ name: 'app', run: () => app.close() });
    await app.listen({ port: 0, host: HOST });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('the app has no TCP address');
    const origin = `http://${HOST}:${address.port}`;
    console.log(`App listening on ${origin} (production settings, log level warn).`);

    const member = await signIn(origin, people.member);
    const administrator = await signIn(origin, people.administrator, () =>
      totpNow(people.administrator.totpSecret!),
    );
    const cookies: Record<Visitor, string> = {
      anyone: '',
      member: member.jar.header(),
      administrator: administrator.jar.header(),
    };
    const targets = resolveTargets(people);
    for (const target of targets) {
      const response = await fetch(origin + target.path, {
        headers: { cookie: cookies[target.as], accept: 'text/html' },
        redirect: 'manual',
      });
      const body = await response.text();
      if (response.status !== 200 || !body.includes(target.expect))
        throw new Error(
          `${target.path} as ${target.as} answered ${response.status} without "${target.expect}"`,
        );
    }
    checkpoint();
    const idleRss = sampler.sample();
    console.log(`Signed in a member and an administrator; RSS before load ${mb(idleRss)} MB.\n`);

    const measured: Measured[] = [];
    for (const target of targets) {
      const job = {
        url: origin + target.path,
        headers: {
          accept: 'text/html',
          ...(cookies[target.as] ? { cookie: cookies[target.as] } : {}),
        },
        connections: options.connections,
      };
      console.log(`${target.path} as ${target.as}: warming up ${options.warmupSeconds} s…`);
      const warmup = await runLoad({ ...job, durationSeconds: options.warmupSeconds });
      await drain(database.pool);
      checkpoint();
      console.log(`${target.path} as ${target.as}: measuring ${options.durationSeconds} s…`);
      sampler.startWindow();
      const result = await runLoad({ ...job, durationSeconds: options.durationSeconds });
      await drain(database.pool);
      const peakRss = sampler.endWindow();
      checkpoint();
      measured.push({
        path: target.path,
        as: target.as,
        ...result,
        peakRssMb: mb(peakRss),
        warmup: { responses: warmup.responses, errors: warmup.errors, non2xx: warmup.non2xx },
      });
      if (result.errors || result.non2xx || warmup.errors || warmup.non2xx)
        console.log(
          `  note: errors ${result.errors} (timeouts ${result.timeouts}), non-2xx ${result.non2xx}, ` +
            `status codes ${JSON.stringify(result.statusCodes)}; in warm-up errors ${warmup.errors}, non-2xx ${warmup.non2xx}`,
        );
    }

    const finishedAt = new Date();
    const report = {
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      settings: {
        ...options,
        pages: TARGETS.map((target) => `${target.path} (${target.as})`),
        app: 'in the bench process, production settings, log level warn, pool of 10 connections',
        loadGenerator: 'autocannon in a child process; latency of 2xx responses only',
        memory: `RSS of the bench process (the app, the bench harness and no load generator), sampled every ${RSS_SAMPLE_MS} ms in-process; PostgreSQL runs in its own processes and is not counted`,
      },
      data: {
        partnerships: 1,
        people: 6,
        auditEvents: AUDIT_EVENTS,
      },
      machine,
      source: gitCommit(),
      memory: { rssBeforeLoadMb: mb(idleRss), peakRssMb: mb(sampler.peak) },
      results: measured,
    };
    const resultsDir = path.join(here, 'results');
    await fs.mkdir(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `${fileStamp(startedAt)}.json`);
    // Formatted as the project formats JSON, so a committed result passes `npm run lint`.
    const prettierConfig = (await prettier.resolveConfig(file)) ?? {};
    await fs.writeFile(
      file,
      await prettier.format(JSON.stringify(report), { ...prettierConfig, filepath: file }),
    );

    console.log(`\n${markdownTable(measured)}\n`);
    console.log(
      `${options.connections} connections; ${options.warmupSeconds} s warm-up (discarded), then ` +
        `${options.durationSeconds} s measured per page. Latency of 2xx responses only.`,
    );
    console.log(
      `Peak RSS: of this process, which runs the app (the load generator runs in a child process, ` +
        `PostgreSQL in its own), sampled every ${RSS_SAMPLE_MS} ms; ${mb(idleRss)} MB before load. ` +
        `Memory not yet given back by one page can still count in the next page's row.`,
    );
    console.log(
      `Machine: Node ${machine.node}, ${machine.platform}, ${machine.cpus} × ${machine.cpuModel}, ` +
        `${machine.totalMemoryMb} MB memory, load average ${machine.loadAverageAtStart.join(' ')} at start.`,
    );
    console.log(`Results written to ${path.relative(process.cwd(), file)}`);
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup.run();
      } catch (error) {
        console.error(`cleanup of ${cleanup.name} failed:`, error);
      }
    }
  }
}

process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

main()
  .then(
    () => {
      process.exitCode = 0;
    },
    (error: unknown) => {
      if (stopReason) console.error(`Benchmark stopped: ${stopReason}`);
      else console.error('Benchmark failed:', error);
      process.exitCode = 1;
    },
  )
  .finally(() => {
    // Everything has been closed; if some handle still keeps Node alive, do not wait for it.
    setTimeout(() => {
      console.error('something still ran after cleanup; exiting anyway');
      process.exit(process.exitCode ?? 1);
    }, 10_000).unref();
  });
