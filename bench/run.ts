/**
 * `npm run bench [-- --quick]`: MASA's main pages under load on a large synthetic partnership,
 * then with 200 more partnerships beside it, against three baselines on the same server
 * (bench/README.md). Figures are printed and written to bench/results/; nothing asserts on them.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildFieldCipher } from '../src/platform/sealing/field-cipher.js';
import { TEST_ENCRYPTION_KEYS } from '../src/testing/app.js';
import { totpNow } from '../src/testing/fixtures.js';
import { freePort } from '../src/testing/free-port.js';
import { createBenchPeople, type BenchPeople } from './bench-people.js';
import { startBenchCluster, type BenchCluster } from './cluster.js';
import { processCpuMs, processTreeCpuMs, treeCpuBetween } from './cpu-time.js';
import type { LoadJob, LoadMessage, LoadResult } from './load.js';
import { BenchOptionError, ensurePortFree, readOptions, type BenchOptions } from './options.js';
import {
  choosePages,
  ONE_QUERY_BASELINE,
  resolvePath,
  SIGNED_IN_BASELINE,
  STATIC_BASELINE,
  type Page,
  type Visitor,
} from './pages.js';
import {
  gitCommit,
  machineFacts,
  markdownTable,
  mb,
  TARGETS,
  writeResults,
  type Measured,
} from './report.js';
import { ServerProcess } from './server-process.js';
import { signIn } from './sign-in.js';
import { measureStartTimes, type StartTimes } from './start-time.js';
import { loadSyntheticPartnerships, SHAPES, type LoadReport } from './synthetic/index.js';
import { claimWorkspace, defaultWorkspaceDir, WorkspaceBusyError } from './workspace.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const MANY_PARTNERSHIPS = 200;

// --- stopping: on a signal or a watchdog, the current step is abandoned and everything cleaned up

let stopReason: string | null = null;
let activeLoad: { kill(): void } | null = null;

function stop(reason: string) {
  if (stopReason) return;
  stopReason = reason;
  console.error(`\n${reason}: stopping and cleaning up`);
  activeLoad?.kill();
  setTimeout(() => {
    console.error('cleanup did not finish in 60 s; exiting');
    process.exit(1);
  }, 60_000).unref();
}

function checkpoint() {
  if (stopReason) throw new Error(stopReason);
}

// --- load runs in a child process, so autocannon shares neither the server's nor our event loop

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

/** The server finishes the requests autocannon abandoned; the next window must not see them. */
async function settle(origin: string) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await fetch(`${origin}/health`).then((response) => response.arrayBuffer());
}

// --- data

async function ownerQuery<T extends pg.QueryResultRow>(
  ownerUrl: string,
  text: string,
  values: unknown[],
) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const today = () => new Date().toISOString().slice(0, 10);

async function loadShape(
  cluster: BenchCluster,
  label: string,
  shape: (typeof SHAPES)[keyof typeof SHAPES],
  count: number,
  seed: number,
): Promise<LoadReport> {
  console.log(`Loading ${label}…`);
  const report = await loadSyntheticPartnerships({
    ownerUrl: cluster.ownerUrl,
    shape,
    count,
    seed,
    asOf: today(),
    cipher: buildFieldCipher(TEST_ENCRYPTION_KEYS),
    onProgress: (line) => console.log(`  ${line}`),
  });
  console.log(`Loaded ${label} in ${report.seconds.toFixed(1)} s.`);
  return report;
}

// --- visitors and pages

async function visitorHeaders(origin: string, people: BenchPeople) {
  const member = await signIn(origin, people.member);
  const administrator = await signIn(origin, people.administrator, () =>
    totpNow(people.administrator.totpSecret!),
  );
  const headers: Record<Visitor, Record<string, string>> = {
    anyone: { accept: 'text/html' },
    member: { accept: 'text/html', cookie: member.jar.header() },
    administrator: { accept: 'text/html', cookie: administrator.jar.header() },
    'api client': { accept: 'application/json', authorization: `Bearer ${people.apiToken}` },
  };
  return headers;
}

interface ReadyPage extends Page {
  url: string;
  responseBytes: number;
}

/** Each page once, before any load: it must answer 200 with its expected text. */
async function checkPages(
  origin: string,
  pages: Page[],
  values: Record<string, string | number>,
  headers: Record<Visitor, Record<string, string>>,
): Promise<ReadyPage[]> {
  const ready: ReadyPage[] = [];
  for (const page of pages) {
    const url = origin + resolvePath(page, values);
    const response = await fetch(url, { headers: headers[page.as], redirect: 'manual' });
    const body = await response.text();
    if (response.status !== 200 || !body.includes(page.expect))
      throw new Error(
        `${page.name} (${url}) as ${page.as} answered ${response.status} without "${page.expect}"`,
      );
    ready.push({ ...page, url, responseBytes: Buffer.byteLength(body) });
  }
  return ready;
}

const median = (numbers: number[]) =>
  [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

type CpuUsed = () => Promise<{ server: number; database: Map<number, number> }>;
type CpuReading = Awaited<ReturnType<CpuUsed>>;

/** The CPU the server and PostgreSQL used in a window, per response it completed. */
function perResponse(before: CpuReading, after: CpuReading, responses: number) {
  if (responses === 0) return null;
  const round = (ms: number) => Math.round((ms / responses) * 100) / 100;
  return {
    server: round(after.server - before.server),
    database: round(treeCpuBetween(before.database, after.database)),
  };
}

async function measure(
  server: ServerProcess,
  cpuUsed: CpuUsed,
  pages: ReadyPage[],
  headers: Record<Visitor, Record<string, string>>,
  options: BenchOptions,
): Promise<Measured[]> {
  const measured: Measured[] = [];
  for (const page of pages) {
    const job = { url: page.url, headers: headers[page.as], connections: options.connections };
    const label = `${page.name} as ${page.as}`;
    let warmup: LoadResult | null = null;
    if (options.warmupSeconds > 0) {
      console.log(`${label}: warming up ${options.warmupSeconds} s…`);
      warmup = await runLoad({ ...job, durationSeconds: options.warmupSeconds });
      await settle(server.origin);
      checkpoint();
    }
    console.log(`${label}: measuring ${options.durationSeconds} s…`);
    server.startWindow();
    const cpuBefore = await cpuUsed();
    const result = await runLoad({ ...job, durationSeconds: options.durationSeconds });
    const cpuAfter = await cpuUsed();
    const peakRss = await server.endWindow();
    await settle(server.origin);
    checkpoint();
    measured.push({
      name: page.name,
      path: page.url.replace(server.origin, ''),
      as: page.as,
      responseBytes: page.responseBytes,
      ...result,
      peakRssMb: mb(peakRss),
      cpuMsPerResponse: perResponse(cpuBefore, cpuAfter, result.responses),
      warmup: {
        responses: warmup?.responses ?? 0,
        errors: warmup?.errors ?? 0,
        non2xx: warmup?.non2xx ?? 0,
      },
    });
    if (result.errors || result.non2xx)
      console.log(
        `  note: errors ${result.errors} (timeouts ${result.timeouts}), non-2xx ${result.non2xx}, ` +
          `status codes ${JSON.stringify(result.statusCodes)}`,
      );
  }
  return measured;
}

// --- the run

type Cleanup = { name: string; run: () => Promise<unknown> };

async function runBench(options: BenchOptions, cleanups: Cleanup[]) {
  const chosen = choosePages(options);
  const startedAt = new Date();
  const machine = machineFacts();
  const workspace = await claimWorkspace(defaultWorkspaceDir(), (line) => console.log(line));
  cleanups.push({ name: 'bench folder', run: workspace.release });

  let startTimes: StartTimes | null = null;
  if (options.quick) console.log('Quick run: npm start times and the other pages are skipped.');
  else {
    console.log('Timing npm start to its first answered /health, first and later start…');
    startTimes = await measureStartTimes(workspace.dir);
    console.log(
      `  first start ${startTimes.firstStartSeconds.toFixed(1)} s, later start ${startTimes.laterStartSeconds.toFixed(1)} s`,
    );
  }
  checkpoint();

  console.log('Starting the benchmark PostgreSQL…');
  const cluster = await startBenchCluster(workspace.dir);
  cleanups.push({ name: 'PostgreSQL', run: () => cluster.stop() });
  const large = await loadShape(cluster, 'the large partnership', SHAPES.large, 1, options.seed);
  checkpoint();
  const { partnershipId, partnershipBodyId, busyMeetingId, caseId } = large.showcase;
  const people = await createBenchPeople(cluster.appUrl, partnershipId, caseId);
  const [agency] = await ownerQuery<{ id: string }>(
    cluster.ownerUrl,
    'select id from agency where partnership_id = $1 order by id limit 1',
    [partnershipId],
  );

  const server = await ServerProcess.start({
    port: options.port ?? (await freePort()),
    databaseUrl: cluster.appUrl,
    migrationDatabaseUrl: cluster.ownerUrl,
    encryptionKeys: TEST_ENCRYPTION_KEYS.map(
      ({ id, key }) => `${id}:${key.toString('base64')}`,
    ).join(','),
    sessionSecret: randomBytes(32).toString('base64url'),
    profileDir: options.profile ? path.join(here, 'profiles') : undefined,
  });
  cleanups.push({ name: 'MASA', run: () => server.stop() });
  console.log(`MASA (production settings) answers on ${server.origin}, pid ${server.pid}.`);
  const headers = await visitorHeaders(server.origin, people);
  const values: Record<string, string | number> = {
    body: partnershipBodyId,
    meeting: busyMeetingId,
    case: caseId,
    partnership: partnershipId,
    agency: agency!.id,
  };
  const mainPages = await checkPages(server.origin, chosen.main, values, headers);
  const otherPages = await checkPages(server.origin, chosen.other, values, headers);
  // The static baseline is the size of the main pages, or of the pages asked for without them.
  const sized = mainPages.length > 0 ? mainPages : otherPages;
  values.bytes = median(sized.map((page) => page.responseBytes));
  const baselines = await checkPages(
    server.origin,
    [STATIC_BASELINE, ONE_QUERY_BASELINE, SIGNED_IN_BASELINE],
    values,
    headers,
  );
  const rssBeforeLoad = await server.sample();
  checkpoint();

  console.log(
    `\nOne large partnership: ${mainPages.length + otherPages.length} pages and three baselines.`,
  );
  const postmaster = await cluster.postmasterPid();
  const cpuUsed: CpuUsed = async () => ({
    server: await processCpuMs(server.pid),
    database: await processTreeCpuMs(postmaster),
  });
  const single = await measure(
    server,
    cpuUsed,
    [...baselines, ...mainPages, ...otherPages],
    headers,
    options,
  );

  const many = await loadShape(
    cluster,
    `${MANY_PARTNERSHIPS} demo-sized partnerships`,
    SHAPES.demoSized,
    MANY_PARTNERSHIPS,
    options.seed + 1,
  );
  checkpoint();
  console.log(`\n${MANY_PARTNERSHIPS + 1} partnerships: the main pages and the baselines again.`);
  const crowded = await measure(server, cpuUsed, [...baselines, ...mainPages], headers, options);
  const peakRss = await server.peakRss();

  const oneQuery = (rows: Measured[]) =>
    rows.find((row) => row.path.startsWith('/bench/one-query'));
  const singleByPath = new Map(single.map((row) => [row.path, row]));
  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    settings: {
      ...options,
      server:
        'MASA in its own process (bench/masa-server.ts), NODE_ENV=production, log level warn, pool of 10',
      loadGenerator: 'autocannon in a child process; latency of 2xx responses only',
      memory: 'the server process RSS from /proc/<pid>/status, sampled every 100 ms; peak is VmHWM',
      cpu: 'user and system time from /proc/<pid>/stat of the server (all threads) and of the postmaster and its children, per response in the window',
    },
    targets: TARGETS,
    data: {
      seed: options.seed,
      large: { seconds: large.seconds, rows: large.rows },
      many: { partnerships: MANY_PARTNERSHIPS, seconds: many.seconds, rows: many.rows },
    },
    startTimes,
    machine,
    source: gitCommit(),
    memory: { rssBeforeLoadMb: mb(rssBeforeLoad), peakRssMb: mb(peakRss) },
    results: { onePartnership: single, manyPartnerships: crowded },
  };
  const file = await writeResults(path.join(here, 'results'), startedAt, report);

  console.log(`\n## One large partnership (loaded in ${large.seconds.toFixed(1)} s)\n`);
  console.log(markdownTable(single, oneQuery(single)));
  console.log(
    `\n## ${MANY_PARTNERSHIPS + 1} partnerships (${MANY_PARTNERSHIPS} loaded in ${many.seconds.toFixed(1)} s)\n`,
  );
  console.log(markdownTable(crowded, oneQuery(crowded), singleByPath));
  console.log(
    `\nTargets: p95 ≤ ${TARGETS.p95Ms} ms, p99 ≤ ${TARGETS.p99Ms} ms, no errors, ≥ ${TARGETS.throughputShareOfOneQuery * 100}% of the one-query ` +
      `baseline's requests/s, p50 with ${MANY_PARTNERSHIPS + 1} partnerships ≤ ${TARGETS.manyP50Ratio}× one; server peak RSS ${mb(peakRss)} MB ` +
      `(target ≤ ${TARGETS.rssMb}); large shape loaded in ${large.seconds.toFixed(0)} s (target ≤ ${TARGETS.largeLoadSeconds}).`,
  );
  if (startTimes)
    console.log(
      `npm start to first /health: ${startTimes.firstStartSeconds.toFixed(1)} s first start, ${startTimes.laterStartSeconds.toFixed(1)} s later start.`,
    );
  console.log(
    `${options.connections} connections; ${options.warmupSeconds} s warm-up (discarded), ${options.durationSeconds} s measured per page. ` +
      `Machine: ${machine.cpus} × ${machine.cpuModel}, load average ${machine.loadAverageAtStart.join(' ')} at start.`,
  );
  console.log(`Results written to ${path.relative(process.cwd(), file)}`);
}

async function main() {
  const options = readOptions(process.argv.slice(2));
  if (options.port !== null) await ensurePortFree(options.port);
  const cleanups: Cleanup[] = [];
  const watchdogSeconds = 1800;
  const watchdog = setTimeout(
    () => stop(`the run took longer than ${watchdogSeconds} s`),
    watchdogSeconds * 1000,
  );
  try {
    await runBench(options, cleanups);
  } finally {
    clearTimeout(watchdog);
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
      if (error instanceof BenchOptionError || error instanceof WorkspaceBusyError)
        console.error(error.message);
      else if (stopReason) console.error(`Benchmark stopped: ${stopReason}`);
      else console.error('Benchmark failed:', error);
      process.exitCode = 1;
    },
  )
  .finally(() => {
    setTimeout(() => {
      console.error('something still ran after cleanup; exiting anyway');
      process.exit(process.exitCode ?? 1);
    }, 10_000).unref();
  });
