import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { connect, type DatabaseHandle } from '../db/client.js';
import { TEMPLATE_DATABASE, withDatabase } from './test-cluster.js';

export interface TestDatabase {
  /** Connected as the application role, bound by row-level security. */
  app: DatabaseHandle;
  /** Connected as the owner (superuser here), for arranging and inspecting what RLS hides. */
  owner: DatabaseHandle;
  ownerUrl: string;
  appUrl: string;
}

async function onMaintenance<T>(work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: withDatabase(inject('ownerUrl'), 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database of this test file's own, cloned from the migrated template, dropped after the file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await onMaintenance((client) =>
    client.query(`create database ${name} template ${TEMPLATE_DATABASE}`),
  );
  const ownerUrl = withDatabase(inject('ownerUrl'), name);
  const appUrl = withDatabase(inject('appUrl'), name);
  const database = { app: connect(appUrl, 5), owner: connect(ownerUrl, 2), ownerUrl, appUrl };
  afterAll(async () => {
    await database.app.close();
    await database.owner.close();
    await onMaintenance((client) => client.query(`drop database if exists ${name} with (force)`));
  });
  return database;
}
