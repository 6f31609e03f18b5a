/**
 * Issue 16: MASA, with its embedded PostgreSQL, under writes, when the postmaster is killed.
 * The server runs as `npm start` runs it, in a process of its own, on a cluster of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServices } from '../composition.js';
import { insertAgendaItems } from '../modules/meetings/agenda.repository.js';
import { registryFixtures } from '../modules/governance/registry-fixtures.js';
import { systemClock } from '../platform/clock.js';
import { clockEnvironment } from '../testing/clock-environment.js';
import { TEST_ENCRYPTION_KEYS } from '../testing/app.js';
import { createPartnership, createUser } from '../testing/fixtures.js';
import { freePort } from '../testing/free-port.js';
import { connect, inTenant, type DatabaseHandle } from './client.js';
import { embeddedAppRole } from './embedded.js';
import { action } from './schema/index.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'masa-outage-'));
await fs.chmod(dataDir, 0o755); // PostgreSQL runs as `postgres` when the tests run as root
const [port, pgPort] = [await freePort(), await freePort()];
const origin = `http://127.0.0.1:${port}`;

function startServer() {
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      ...clockEnvironment(),
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      MASA_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      MASA_DEMO: 'false',
      SESSION_SECRET: 'a database outage test secret, long enough',
      MASA_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS.map(
        ({ id, key }) => `${id}:${key.toString('base64')}`,
      ).join(','),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  return { server, output: () => output };
}

const { server, output } = startServer();
const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
let database: DatabaseHandle | undefined;

afterAll(async () => {
  await database?.close();
  if (server.exitCode === null) server.kill('SIGTERM');
  await exited;
  await stopLeftoverPostmaster();
  await fs.rm(dataDir, { recursive: true, force: true });
}, 30_000);

const health = () =>
  fetch(`${origin}/health`, { signal: AbortSignal.timeout(6_000) }).then(
    (response) => response.status,
    () => 0,
  );

/** Asks `probe` every 50 ms until it says yes; false if `deadline` (epoch ms) passes first. */
async function pollUntil(deadline: number, probe: () => Promise<boolean>) {
  while (Date.now() < deadline) {
    if (await probe()) return true;
    await sleep(50);
  }
  return false;
}

async function waitUntilServing(child: ChildProcess) {
  const serving = await pollUntil(Date.now() + 120_000, async () => {
    if (child.exitCode !== null) throw new Error(`MASA stopped while starting:\n${output()}`);
    return (await health()) === 200;
  });
  if (!serving) throw new Error(`MASA did not answer /health:\n${output()}`);
}

async function postmasterPid() {
  const pidFile = await fs.readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8');
  return Number(pidFile.split('\n')[0]);
}

/** If the test failed with the server gone, its PostgreSQL must not outlive the test. */
async function stopLeftoverPostmaster() {
  const pid = await postmasterPid().catch(() => null);
  const command = pid ? await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '') : '';
  if (pid && command.includes(dataDir)) process.kill(pid, 'SIGQUIT');
}

/** What the writes need: a partnership, an administrator's API token, a meeting item, a person. */
async function arrange(db: DatabaseHandle['db']) {
  const services = buildServices({
    db,
    config: {
      sessionSecret: 'a database outage test secret, long enough',
      encryptionKeys: TEST_ENCRYPTION_KEYS,
      sessionIdleMs: 30 * 60_000,
      sessionAbsoluteMs: 12 * 3_600_000,
      publicUrl: origin,
      port,
      smtpUrl: undefined,
    },
    clock: systemClock,
  });
  const partnership = await createPartnership(services);
  const admin = await createUser(db, services, partnership.id, {
    roles: ['administrator'],
    mfa: true,
  });
  const context = { partnershipId: partnership.id, userId: admin.userId };
  const fixtures = registryFixtures(services, context);
  const ownerPersonId = await fixtures.person(await fixtures.agency());
  const bodyId = await fixtures.body();
  const meeting = await services.meetings.create(context, {
    bodyId,
    day: '2030-01-07',
    startTime: '10:00',
    endTime: '12:00',
    location: 'Council House, Room 1',
  });
  if (!meeting.ok) throw new Error('meeting refused');
  const [item] = await inTenant(db, context, (tx) =>
    insertAgendaItems(tx, [
      {
        partnershipId: partnership.id,
        meetingId: meeting.value.id,
        position: 1,
        title: 'Quality of practice',
        purpose: 'discussion',
        origin: 'added',
      },
    ]),
  );
  const { token } = await services.apiTokens.create(context, { name: 'Outage test' });
  const body = {
    meetingId: meeting.value.id,
    itemId: item!.id,
    ownerPersonId,
    dueOn: '2030-02-01',
  };
  return { context, token, body };
}

/** Writers posting actions until told to stop; every 201 and every refusal is kept. */
function writeInALoop(setup: Awaited<ReturnType<typeof arrange>>, writers = 3) {
  const saved: string[] = [];
  const refused: { status: number; body: string }[] = [];
  let stopped = false;
  let count = 0;
  const writeOne = async () => {
    count += 1;
    const response = await fetch(`${origin}/api/v1/actions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${setup.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...setup.body, title: `Outage test action ${count}` }),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    if (response.status === 201) saved.push((JSON.parse(text) as { id: string }).id);
    else refused.push({ status: response.status, body: text });
  };
  const loop = async () => {
    while (!stopped) await writeOne().catch(() => refused.push({ status: 0, body: 'no answer' }));
  };
  const loops = Promise.all(Array.from({ length: writers }, loop));
  return {
    saved,
    refused,
    stop: async () => {
      stopped = true;
      await loops;
    },
  };
}

/** A page that needs the database: a session cookie is looked up before anything else. */
const page = () =>
  fetch(`${origin}/`, {
    headers: { cookie: 'masa_session=any' },
    signal: AbortSignal.timeout(6_000),
  }).then(
    async (response) => ({
      status: response.status,
      text: await response.text(),
      retryAfter: response.headers.get('retry-after'),
    }),
    () => ({ status: 0, text: '', retryAfter: null }),
  );

describe('when the embedded PostgreSQL dies under writes', () => {
  it('stays up, answers 503, restarts PostgreSQL, recovers, and keeps every saved write', async () => {
    await waitUntilServing(server);
    const secrets = await embeddedAppRole.passwordFrom(dataDir);
    database = connect(`postgres://masa_app:${secrets.appPassword}@127.0.0.1:${pgPort}/masa`, 2);
    const setup = await arrange(database.db);
    const writes = writeInALoop(setup);
    const savedAtLeast = (count: number) => () => Promise.resolve(writes.saved.length >= count);
    expect(await pollUntil(Date.now() + 30_000, savedAtLeast(10))).toBe(true);

    process.kill(await postmasterPid(), 'SIGKILL');
    const killedAt = Date.now();
    let pageText = '';
    let retryAfter: string | null = null;
    const [healthDown, pageDown] = await Promise.all([
      pollUntil(killedAt + 5_000, async () => (await health()) === 503),
      pollUntil(killedAt + 5_000, async () => {
        const answer = await page();
        pageText = answer.text;
        retryAfter = answer.retryAfter;
        return answer.status === 503;
      }),
    ]);
    expect(server.exitCode).toBeNull();
    expect(healthDown).toBe(true);
    expect(pageDown).toBe(true);
    expect(pageText).toContain('MASA cannot reach its database just now');
    expect(retryAfter).toBe('10');

    expect(await pollUntil(killedAt + 10_000, async () => (await health()) === 200)).toBe(true);
    expect(await pollUntil(Date.now() + 30_000, savedAtLeast(writes.saved.length + 5))).toBe(true);
    await writes.stop();

    expect(server.exitCode).toBeNull();
    expect(output()).toContain('embedded PostgreSQL has stopped: restarting it');
    expect(writes.refused.length).toBeGreaterThan(0);
    for (const refusal of writes.refused) {
      expect(refusal).toEqual({
        status: 503,
        body: expect.stringContaining('MASA cannot reach its database just now'),
      });
    }
    const kept = await inTenant(database.db, setup.context, (tx) =>
      tx.select({ id: action.id }).from(action).where(inArray(action.id, writes.saved)),
    );
    expect(kept.map((row) => row.id).sort()).toEqual([...writes.saved].sort());

    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});
