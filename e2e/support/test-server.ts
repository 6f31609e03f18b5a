import pg from 'pg';
import { buildApp } from '../../src/app.js';
import { buildServices } from '../../src/composition.js';
import { connect } from '../../src/db/client.js';
import { systemClock } from '../../src/platform/clock.js';
import { createPartnership, createUser } from '../../src/testing/fixtures.js';
import {
  startTestCluster,
  TEMPLATE_DATABASE,
  withDatabase,
} from '../../src/testing/test-cluster.js';
import { PARTNERSHIP_NAME, people } from './fixtures.js';

/** MASA for the browser tests: its own throwaway PostgreSQL, fixture people, real everything else. */
const port = Number(process.env.E2E_PORT ?? 3100);
const baseUrl = `http://127.0.0.1:${port}`;

const cluster = await startTestCluster();
const maintenance = new pg.Client({ connectionString: withDatabase(cluster.ownerUrl, 'postgres') });
await maintenance.connect();
await maintenance.query(`create database e2e template ${TEMPLATE_DATABASE}`);
await maintenance.end();

const database = connect(withDatabase(cluster.appUrl, 'e2e'));
const services = buildServices({
  db: database.db,
  config: {
    sessionSecret: 'browser test session secret, long enough',
    sessionIdleMs: 30 * 60_000,
    sessionAbsoluteMs: 12 * 3_600_000,
    publicUrl: baseUrl,
    port,
    smtpUrl: undefined,
  },
  clock: systemClock,
});

const partnership = await createPartnership(services, PARTNERSHIP_NAME);
const add = (email: string, options: Parameters<typeof createUser>[3]) =>
  createUser(database.db, services, partnership.id, { email, ...options });
for (const admin of [people.adminSigningIn, people.adminInviting, people.adminWithForms]) {
  await add(admin.email, {
    roles: ['administrator'],
    totpSecret: admin.totpSecret,
    displayName: 'Alex Morgan',
  });
}
await add(people.adminEnrolling.email, { roles: ['administrator'], displayName: 'Priya Shah' });
await add(people.member.email, { roles: ['member'], displayName: 'Sam Okafor' });
await add(people.memberWithoutJavaScript.email, { roles: ['member'], displayName: 'Jordan Ellis' });

const app = await buildApp({
  services,
  pool: database.pool,
  settings: {
    production: false,
    cookieSecret: 'browser test cookie secret, long enough',
    bodyLimit: 1_048_576,
    trustProxy: false,
    sessionAbsoluteMs: 12 * 3_600_000,
    logLevel: 'warn',
  },
});
await app.listen({ port, host: '127.0.0.1' });
console.log(`MASA browser-test server at ${baseUrl}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await app.close();
  await database.close();
  await cluster.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
