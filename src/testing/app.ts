import type { FastifyInstance } from 'fastify';
import { buildApp, type App } from '../app.js';
import type { Database } from '../db/client.js';
import { buildServices, type Services } from '../composition.js';
import type { Clock } from '../platform/clock.js';
import { systemClock } from '../platform/clock.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export const TEST_BODY_LIMIT = 64 * 1024;
/** The address the test app believes people reach it at (mail links, the same-origin check). */
export const TEST_PUBLIC_URL = 'http://masa.test';
/** A fixed key for tests only; real keys come from MASA_ENCRYPTION_KEYS or the data folder. */
export const TEST_ENCRYPTION_KEYS = [{ id: 'test1', key: Buffer.alloc(32, 0x5a) }];

export interface TestApp {
  app: App;
  services: Services;
  database: TestDatabase;
}

/** The real app on this test file's own database, with CSRF and every other protection on. */
export async function createTestApp(
  options: {
    clock?: Clock;
    nudgeMail?: () => void;
    production?: boolean;
    /** Routes a deployment adds of its own, as `startMasa` takes them (the benchmark's). */
    extraRoutes?: (app: FastifyInstance, db: Database) => void;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const services = buildServices({
    db: database.app.db,
    config: {
      sessionSecret: 'test session secret that is long enough',
      encryptionKeys: TEST_ENCRYPTION_KEYS,
      sessionIdleMs: 30 * 60_000,
      sessionAbsoluteMs: 12 * 3_600_000,
      publicUrl: TEST_PUBLIC_URL,
      port: 3000,
      smtpUrl: undefined,
    },
    clock: options.clock ?? systemClock,
    nudgeMail: options.nudgeMail,
  });
  const app = await buildApp({
    services,
    pool: database.app.pool,
    settings: {
      production: options.production ?? false,
      reloadTemplates: false,
      cookieSecret: 'test cookie secret that is long enough',
      bodyLimit: TEST_BODY_LIMIT,
      trustProxy: false,
      logLevel: 'silent',
      publicUrl: TEST_PUBLIC_URL,
    },
    logger: false,
    extraRoutes: options.extraRoutes && ((app) => options.extraRoutes!(app, database.app.db)),
  });
  return { app, services, database };
}
