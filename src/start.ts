import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { buildServices } from './composition.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { connect, waitForIdlePool, type Database } from './db/client.js';
import { openDatabase } from './db/runtime.js';
import { databaseIsEmpty, loadDemoPartnership } from './demo/demo-partnership.js';
import { allPartnershipIds } from './modules/partnerships/partnership-ids.js';
import { systemClock } from './platform/clock.js';
import { errorForLog } from './platform/http/error-log.js';
import { startJobs } from './platform/jobs.js';
import {
  buildFieldCipher,
  newEncryptionKey,
  parseEncryptionKeys,
} from './platform/sealing/field-cipher.js';
import { verifyEncryptionKeys } from './platform/sealing/key-check.js';
import { sealLegacyTotpSecrets } from './platform/sealing/totp-secrets.js';

const SHUTDOWN_GRACE_MS = 20_000;

interface StartOptions {
  extraRoutes?: (app: FastifyInstance, db: Database) => void;
}

/** Outside production a session secret is kept beside the embedded database, so sign-ins survive restarts. */
async function sessionSecret(config: Config, logger: pino.Logger) {
  if (config.sessionSecret) return config.sessionSecret;
  const file = path.join(config.dataDir, 'session-secret');
  if (existsSync(file)) return (await fs.readFile(file, 'utf8')).trim();
  const secret = randomBytes(32).toString('base64url');
  await fs.mkdir(config.dataDir, { recursive: true });
  await fs.writeFile(file, secret, { mode: 0o600 });
  logger.warn('SESSION_SECRET is not set: using a generated one kept in the data folder');
  return secret;
}

/**
 * Outside production a key is generated once and kept beside the embedded database; losing
 * that folder loses the data the key sealed, as it would the database itself.
 */
async function encryptionKeys(config: Config, logger: pino.Logger) {
  if (config.encryptionKeys) return config.encryptionKeys;
  const file = path.join(config.dataDir, 'encryption-keys');
  if (!existsSync(file)) {
    await fs.mkdir(config.dataDir, { recursive: true });
    await fs.writeFile(file, newEncryptionKey('local1'), { mode: 0o600 });
    logger.warn('MASA_ENCRYPTION_KEYS is not set: using a generated key kept in the data folder');
  }
  return parseEncryptionKeys(await fs.readFile(file, 'utf8'));
}

/**
 * Starts MASA from its configuration; `extraRoutes` lets a deployment add routes of its own
 * (the benchmark adds its baselines). Resolves once it listens; stops on SIGINT or SIGTERM.
 */
export async function startMasa(config: Config, { extraRoutes }: StartOptions = {}) {
  // Jobs log errors as requests do: without the values a database error quotes.
  const logger = pino({ level: config.logLevel, serializers: { err: errorForLog } });
  const database = await openDatabase(config);
  const supervisor = database.supervise(logger);
  const owner = connect(database.ownerUrl, 2);
  const keys = await encryptionKeys(config, logger);
  const cipher = buildFieldCipher(keys);
  await verifyEncryptionKeys(owner.db, cipher).catch(async (error: unknown) => {
    await owner.close();
    await database.stop();
    throw error;
  });
  await sealLegacyTotpSecrets(owner.db, cipher);
  // Services are built before the job queue starts, so mail nudges look the queue up late.
  const started: { jobs?: Awaited<ReturnType<typeof startJobs>> } = {};
  const services = buildServices({
    db: database.app.db,
    config: {
      ...config,
      sessionSecret: await sessionSecret(config, logger),
      encryptionKeys: keys,
    },
    clock: systemClock,
    nudgeMail: () => started.jobs?.nudgeMail(),
  });
  const demoCredentials =
    config.loadDemo && (await databaseIsEmpty(owner.db))
      ? await loadDemoPartnership(database.app.db, services)
      : null;
  const jobs = await startJobs({
    ownerUrl: database.ownerUrl,
    ownerDb: owner.db,
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
    purgeExpired: async () => {
      await services.sessions.purgeExpired();
      await services.throttle.purgeOlderThan(24 * 3_600_000);
      await services.idempotency.purgeExpired(await allPartnershipIds(owner.db));
    },
    sendActionReminders: async () =>
      services.actions.sendReminders(await allPartnershipIds(owner.db)),
    logger,
  });
  started.jobs = jobs;
  const app = await buildApp({
    services,
    pool: database.app.pool,
    settings: {
      production: config.production,
      cookieSecret: await sessionSecret(config, logger),
      bodyLimit: config.bodyLimit,
      trustProxy: config.trustProxy,
      logLevel: config.logLevel,
      publicUrl: config.publicUrl,
    },
    extraRoutes: extraRoutes && ((app) => extraRoutes(app, database.app.db)),
  });
  await app.listen({ port: config.port, host: config.host });
  const url = config.publicUrl ?? `http://localhost:${config.port}`;
  console.log(
    `\nMASA is running at ${url}${database.embedded ? ` (embedded PostgreSQL, data in ${path.relative(process.cwd(), config.dataDir) || '.'}/)` : ''}`,
  );
  if (demoCredentials) {
    console.log(
      '\nA demo partnership was created. Sign in as its administrator (shown once, keep it):',
    );
    console.log(`  email:    ${demoCredentials.email}`);
    console.log(`  password: ${demoCredentials.password}\n`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    await supervisor.stop();
    await app.close();
    // Handlers whose clients went away may still be running after close() resolves.
    await waitForIdlePool(database.app.pool, { quietMs: 200, timeoutMs: 10_000 });
    await jobs.stop();
    await owner.close();
    await database.stop();
    clearTimeout(force);
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** `npm start`, and the benchmark's server, which adds its baselines. */
export function runMasa(options: StartOptions = {}) {
  Promise.resolve()
    .then(() => startMasa(loadConfig(), options))
    .catch((error: unknown) => {
      if (error instanceof ConfigError) console.error(error.message);
      else console.error(error);
      process.exit(1);
    });
}
