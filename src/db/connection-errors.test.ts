import { sql } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { freePort } from '../testing/free-port.js';
import { connect } from './client.js';
import { isDatabaseUnavailable } from './connection-errors.js';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });
const wrapped = (cause: Error) => new DrizzleQueryError('select 1', [], cause);

describe('isDatabaseUnavailable', () => {
  it.each([
    ['refused', withCode('ECONNREFUSED')],
    ['reset', withCode('ECONNRESET')],
    ['terminated by the administrator', withCode('57P01')],
    ['crash shutdown', withCode('57P02')],
    ['starting up', withCode('57P03', 'the database system is starting up')],
    ['a connection failure (class 08)', withCode('08006')],
    ['an ended connection', new Error('Connection terminated unexpectedly')],
    ['a connection timeout', new Error('Connection terminated due to connection timeout')],
    ['a wait for the pool', new Error('timeout exceeded when trying to connect')],
    [
      'a broken client',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    ['either of two addresses', new AggregateError([withCode('ECONNREFUSED')], 'connect')],
  ])('is true for %s, wrapped by drizzle or not', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(wrapped(error))).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505', 'duplicate key value')],
    ['a syntax error', withCode('42601')],
    ['a pool closed by MASA itself', new Error('Cannot use a pool after calling end on the pool')],
    ['an error without a cause', new Error('Failed query: select 1')],
  ])('is false for %s', (_name, error) => {
    expect(isDatabaseUnavailable(wrapped(error))).toBe(false);
  });

  it('is false for what is not an error, and ends on a cause chain that loops', () => {
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    const looped = new Error('outer');
    looped.cause = new Error('inner', { cause: looped });
    expect(isDatabaseUnavailable(looped)).toBe(false);
  });

  it('recognises what a query really throws when nothing listens on the port', async () => {
    const handle = connect(`postgres://masa_app:x@127.0.0.1:${await freePort()}/masa`, 1);
    try {
      const error = await handle.db.execute(sql`select 1`).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DrizzleQueryError);
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await handle.close();
    }
  });
});
