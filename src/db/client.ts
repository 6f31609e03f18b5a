import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { requestTransaction } from './request-transaction.js';
import * as schema from './schema/index.js';

export type Database = NodePgDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Transaction;

/** Who a unit of work runs as: row-level security confines it to this partnership. */
export interface TenantContext {
  partnershipId: string;
  userId: string | null;
  requestId?: string;
}

export interface DatabaseHandle {
  db: Database;
  pool: pg.Pool;
  close(): Promise<void>;
}

/**
 * How long a query waits for a connection, new or from the pool, before it fails: when the
 * server does not answer, a page fails (503) after this rather than hanging.
 */
export const CONNECT_TIMEOUT_MS = 5_000;

export function connect(url: string, max = 10): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    application_name: 'masa',
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // A connection the server drops emits 'error', idle in the pool or checked out (inside a
  // transaction); without a listener Node treats that event as fatal and stops the process.
  // The query that was using it fails on its own; the pool discards it and connects anew.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = drizzle(pool, { schema });
  let closing: Promise<void> | undefined;
  return { db, pool, close: () => (closing ??= pool.end()) };
}

/** Sets the per-transaction settings that the RLS policies read. */
export async function setTransactionSettings(
  tx: Executor,
  settings: Record<string, string | null>,
) {
  // One statement for all settings: each round trip counts on every request.
  const calls = Object.entries(settings).map(
    ([name, value]) => sql`set_config(${name}, ${value ?? ''}, true)`,
  );
  if (calls.length > 0) await tx.execute(sql`select ${sql.join(calls, sql`, `)}`);
}

const applyTenantSettings = (tx: Executor, context: TenantContext) =>
  setTransactionSettings(tx, {
    'app.partnership_id': context.partnershipId,
    'app.user_id': context.userId,
  });

/**
 * Runs `work` in one transaction confined to the context's partnership: the page request's
 * shared one when there is one for this context (db/request-transaction.ts), else its own.
 */
export function inTenant<T>(
  db: Database,
  context: TenantContext,
  work: (tx: Transaction) => Promise<T>,
) {
  const shared = requestTransaction();
  if (shared?.accepts(context)) return shared.run(work);
  return db.transaction(async (tx) => {
    await applyTenantSettings(tx, context);
    return work(tx);
  });
}

/**
 * Runs a write last in the page request's shared transaction, just before it commits, or
 * now in a transaction of its own when there is no shared one: for writes that take a lock
 * other requests wait for, such as a "viewed" event on the audit chain.
 */
export async function inTenantLast(
  db: Database,
  context: TenantContext,
  work: (tx: Transaction) => Promise<unknown>,
): Promise<void> {
  const shared = requestTransaction();
  if (shared?.accepts(context)) shared.writeLast(work);
  else await inTenant(db, context, work);
}

/**
 * Waits until no query has run on the pool for `quietMs`: a server that has stopped
 * accepting requests may still be finishing handlers whose clients went away.
 * Returns false if the pool was still busy after `timeoutMs`.
 */
export async function waitForIdlePool(pool: pg.Pool, { quietMs = 500, timeoutMs = 15_000 } = {}) {
  const giveUpAt = Date.now() + timeoutMs;
  let quietSince = Date.now();
  while (Date.now() < giveUpAt) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const busy = pool.waitingCount > 0 || pool.idleCount < pool.totalCount;
    if (busy) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return true;
  }
  return false;
}
