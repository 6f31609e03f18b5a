import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../testing/test-cluster.js';
import { runMigrations } from './migrate.js';

const name = `empty_${randomBytes(5).toString('hex')}`;
const maintenance = () =>
  new pg.Client({ connectionString: withDatabase(inject('ownerUrl'), 'postgres') });

afterAll(async () => {
  const client = maintenance();
  await client.connect();
  await client.query(`drop database if exists ${name} with (force)`);
  await client.end();
});

describe('migrations', () => {
  it('bring an empty database up to date when several instances start at once', async () => {
    const client = maintenance();
    await client.connect();
    await client.query(`create database ${name}`);
    await client.end();
    const url = withDatabase(inject('ownerUrl'), name);
    await Promise.all([runMigrations(url), runMigrations(url), runMigrations(url)]);
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const applied = await check.query<{ count: string; distinct: string }>(
      'select count(*), count(distinct hash) as distinct from drizzle.__drizzle_migrations',
    );
    const tables = await check.query(
      "select count(*) from information_schema.tables where table_schema = 'public' and table_name in ('partnership', 'audit_event')",
    );
    await check.end();
    expect(applied.rows[0]!.count).toBe(applied.rows[0]!.distinct);
    expect(Number(applied.rows[0]!.count)).toBeGreaterThanOrEqual(3);
    expect(Number(tables.rows[0]!.count)).toBe(2);
  });
});
