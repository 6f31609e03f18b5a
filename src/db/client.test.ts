import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/database.js';
import { waitForIdlePool } from './client.js';

const database = await createTestDatabase();

describe('waitForIdlePool', () => {
  it('waits for a running query to finish', async () => {
    const started = Date.now();
    const query = database.app.pool.query('select pg_sleep(0.4)');
    expect(await waitForIdlePool(database.app.pool, { quietMs: 100 })).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    await query;
  });

  it('gives up, saying so, when the pool stays busy', async () => {
    const query = database.app.pool.query('select pg_sleep(1)');
    expect(await waitForIdlePool(database.app.pool, { quietMs: 100, timeoutMs: 300 })).toBe(false);
    await query;
  });
});
