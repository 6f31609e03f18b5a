import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../testing/database.js';
import { errorForLog } from './error-log.js';
import { loggerOptions } from './logging.js';

const database = await createTestDatabase();
const NAME = 'Ana Quintero-Lopez';
const EMAIL = 'ana.quintero@northshire.example';

/** What a logger made with MASA's options writes for this error. */
function logged(error: unknown) {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  pino(loggerOptions('info'), sink).error({ err: error }, 'request failed');
  return lines.join('\n');
}

describe('errors in the log', () => {
  it('keep a failed statement’s SQLSTATE and text but never the values it was sent', async () => {
    const failure = await database.app.db
      .execute(sql`select ${`${NAME}\u0000`}::text as name, ${EMAIL}::uuid as id`)
      .catch((error: unknown) => error);
    expect(String((failure as Error).message)).toContain(EMAIL);
    const line = logged(failure);
    expect(line).not.toContain(NAME);
    expect(line).not.toContain(EMAIL);
    expect(line).toContain('select $1::text as name');
    expect(JSON.parse(line).err.cause.code).toMatch(/^(22021|22P02)$/);
  });

  it('keep a unique violation’s constraint without the key it quotes', async () => {
    await database.owner.pool.query('create table seat (email text primary key)');
    await database.owner.pool.query('insert into seat values ($1)', [EMAIL]);
    const failure = await database.owner.pool
      .query('insert into seat values ($1)', [EMAIL])
      .catch((error: unknown) => error);
    expect(String((failure as { detail?: string }).detail)).toContain(EMAIL);
    const entry = errorForLog(failure);
    expect(entry).toMatchObject({ code: '23505', constraint: 'seat_pkey', table: 'seat' });
    expect(JSON.stringify(entry)).not.toContain(EMAIL);
  });

  it('keep the message and stack of an error that is not the database’s', () => {
    const entry = errorForLog(new TypeError('Cannot read properties of undefined'));
    expect(entry.type).toBe('TypeError');
    expect(entry.message).toBe('Cannot read properties of undefined');
    expect(entry.stack).toContain('error-log.test.ts');
    expect(errorForLog('a string thrown')).toEqual({ type: 'string', message: '', stack: '' });
  });
});
