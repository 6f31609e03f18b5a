import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/database.js';
import { connect, waitForIdlePool } from './client.js';
import { isDatabaseUnavailable } from './connection-errors.js';

const database = await createTestDatabase();

describe('waitForIdlePool', () => {
  it('waits for a running query to finish', async () => {
    let finished = false;
    const query = database.app.pool.query('select pg_sleep(0.4)').then(() => (finished = true));
    expect(await waitForIdlePool(database.app.pool, { quietMs: 100 })).toBe(true);
    expect(finished).toBe(true);
    await query;
  });

  it('gives up, saying so, when the pool stays busy', async () => {
    const query = database.app.pool.query('select pg_sleep(1)');
    expect(await waitForIdlePool(database.app.pool, { quietMs: 100, timeoutMs: 300 })).toBe(false);
    await query;
  });
});

describe('a connection PostgreSQL drops', () => {
  it('fails the transaction using it, without stopping the process, and the pool connects anew', async () => {
    const handle = connect(database.appUrl, 2);
    try {
      const outcome = handle.db.transaction(async (tx) => {
        const { rows } = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
        // Checked out and between statements: the 'error' event reaches the client itself.
        await database.owner.pool.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await tx.execute(sql`select 1`);
      });
      const error = await outcome.catch((caught: unknown) => caught);
      expect(isDatabaseUnavailable(error)).toBe(true);
      const { rows } = await handle.pool.query<{ answer: number }>('select 1 as answer');
      expect(rows[0]!.answer).toBe(1);
    } finally {
      await handle.close();
    }
  });
});
