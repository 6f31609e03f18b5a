import { TEST_ENCRYPTION_KEYS } from '../../src/testing/app.js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildApp, type App } from '../../src/app.js';
import { buildServices } from '../../src/composition.js';
import { connect, type DatabaseHandle } from '../../src/db/client.js';
import { systemClock } from '../../src/platform/clock.js';
import { createPartnership, createUser } from '../../src/testing/fixtures.js';
import {
  startTestCluster,
  TEMPLATE_DATABASE,
  withDatabase,
  type TestCluster,
} from '../../src/testing/test-cluster.js';
import {
  meetingsAdmins,
  PARTNERSHIP_NAME,
  people,
  registryAdmins,
  registryMembers,
  reviewsAdmins,
} from './fixtures.js';
import { seedMeetings } from './meetings-seed.js';
import { seedRegistry } from './registry-seed.js';

/** MASA for the browser tests: its own throwaway PostgreSQL, fixture people, real everything else. */
const port = Number(process.env.E2E_PORT ?? 3100);
const baseUrl = `http://127.0.0.1:${port}`;

let cluster: TestCluster | undefined;
let database: DatabaseHandle | undefined;
let app: App | undefined;

async function start() {
  // Without the compiled stylesheet every page is unstyled, and axe would judge contrast on that.
  const stylesheet = fileURLToPath(new URL('../../public/build/application.css', import.meta.url));
  if (!existsSync(stylesheet)) {
    throw new Error('public/build/application.css is missing: run `npm run build:assets` first');
  }

  cluster = await startTestCluster();
  const maintenance = new pg.Client({
    connectionString: withDatabase(cluster.ownerUrl, 'postgres'),
  });
  await maintenance.connect();
  try {
    await maintenance.query(`create database e2e template ${TEMPLATE_DATABASE}`);
  } finally {
    await maintenance.end();
  }

  database = connect(withDatabase(cluster.appUrl, 'e2e'));
  const services = buildServices({
    db: database.db,
    config: {
      sessionSecret: 'browser test session secret, long enough',
      encryptionKeys: TEST_ENCRYPTION_KEYS,
      sessionIdleMs: 30 * 60_000,
      sessionAbsoluteMs: 12 * 3_600_000,
      publicUrl: baseUrl,
      port,
      smtpUrl: undefined,
    },
    clock: systemClock,
  });

  const partnership = await createPartnership(services, PARTNERSHIP_NAME);
  const db = database.db;
  const add = (email: string, options: Parameters<typeof createUser>[3]) =>
    createUser(db, services, partnership.id, { email, ...options });
  const admins = [people.adminSigningIn, people.adminInviting, people.adminWithForms];
  const mfaAdmins = [
    ...admins,
    ...Object.values(registryAdmins),
    ...Object.values(meetingsAdmins),
    ...Object.values(reviewsAdmins),
  ];
  const accounts = new Map<string, string>();
  for (const admin of mfaAdmins) {
    const account = await add(admin.email, {
      roles: ['administrator'],
      totpSecret: admin.totpSecret,
      displayName: 'Alex Morgan',
    });
    accounts.set(admin.email, account.userId);
  }
  await add(people.adminEnrolling.email, { roles: ['administrator'], displayName: 'Priya Shah' });
  await add(people.member.email, { roles: ['member'], displayName: 'Sam Okafor' });
  await add(people.memberWithoutJavaScript.email, {
    roles: ['member'],
    displayName: 'Jordan Ellis',
  });
  for (const member of Object.values(registryMembers))
    await add(member.email, { roles: ['member'], displayName: member.displayName });
  const seeding = { partnershipId: partnership.id, userId: null };
  await seedRegistry(services, seeding);
  await seedMeetings(services, seeding, {
    actionOwnerAccountId: accounts.get(meetingsAdmins.actions.email)!,
  });
  // The hourly reminder job, run once: the seeded overdue action's reminder is in the outbox.
  await services.actions.sendReminders([partnership.id]);

  app = await buildApp({
    services,
    pool: database.pool,
    settings: {
      production: false,
      reloadTemplates: false,
      cookieSecret: 'browser test cookie secret, long enough',
      bodyLimit: 1_048_576,
      trustProxy: false,
      logLevel: 'warn',
    },
  });
  await app.listen({ port, host: '127.0.0.1' });
  console.log(`MASA browser-test server at ${baseUrl}`);
}

const startup = start();

/**
 * Closes whatever has started, newest first, and always stops PostgreSQL and removes its
 * temporary directory: the cluster runs in its own process, which would outlive this one.
 */
let stopping: Promise<void> | undefined;
async function stop(exitCode: number) {
  stopping ??= (async () => {
    await startup.catch(() => undefined);
    for (const close of [() => app?.close(), () => database?.close(), () => cluster?.stop()]) {
      try {
        await close();
      } catch (error) {
        console.error('browser-test server: while stopping:', error);
      }
    }
  })();
  await stopping;
  process.exit(exitCode);
}

process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));
startup.catch((error: unknown) => {
  console.error('browser-test server did not start:', error);
  void stop(1);
});
