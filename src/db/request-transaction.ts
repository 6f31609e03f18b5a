/**
 * One transaction for all of a page request's reads. A page calls several services, and each
 * opens its own tenant transaction (begin, settings, queries, commit). Every round trip to
 * PostgreSQL costs a system call on each side, which on a busy server is most of a page's
 * cost; sharing one transaction per request saves those, and so does answering a read the
 * request already made (the meeting, its body) from the first answer. Only GET requests share
 * (see platform/http/request-transaction.ts): what a form post writes keeps each service's
 * own transaction and its own rollback.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { TenantContext, Transaction } from './client.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The settings the policies read, set with `begin` in one round trip (hence literals, checked). */
function beginWithSettings(context: TenantContext) {
  const literal = (value: string | null) => {
    if (value !== null && !UUID.test(value)) throw new Error('A tenant id must be a UUID');
    return `'${value ?? ''}'`;
  };
  return (
    'begin; select ' +
    `set_config('app.partnership_id', ${literal(context.partnershipId)}, true), ` +
    `set_config('app.user_id', ${literal(context.userId ?? null)}, true)`
  );
}

type QueryConfig = { text: string; rowMode?: string };

/**
 * The connection as drizzle sees it: identical reads within the request are answered once;
 * anything else (a "viewed" event written) forgets what was read.
 */
function rememberingReads(client: pg.PoolClient) {
  const answers = new Map<string, Promise<pg.QueryResult>>();
  return {
    query(config: QueryConfig, values?: unknown[]) {
      if (!/^\s*select\b/i.test(config.text)) {
        answers.clear();
        return client.query(config, values);
      }
      const key = `${config.rowMode ?? ''}\u0000${config.text}\u0000${JSON.stringify(values ?? [])}`;
      let answer = answers.get(key);
      if (!answer) {
        answer = client.query(config, values);
        answers.set(key, answer);
        answer.catch(() => answers.delete(key));
      }
      return answer;
    },
  };
}

export class RequestTransaction {
  private opened: Promise<{ client: pg.PoolClient; tx: Transaction }> | null = null;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly lastWrites: ((tx: Transaction) => Promise<unknown>)[] = [];
  private finishing: Promise<void> | null = null;

  constructor(
    private readonly pool: pg.Pool,
    readonly context: TenantContext,
  ) {}

  /** Work for the same partnership and person, while the request has not finished. */
  accepts(context: TenantContext) {
    return (
      this.finishing === null &&
      context.partnershipId === this.context.partnershipId &&
      (context.userId ?? null) === (this.context.userId ?? null)
    );
  }

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const done = this.transaction().then(({ tx }) => work(tx));
    this.inFlight.add(done);
    const forget = () => this.inFlight.delete(done);
    done.then(forget, forget);
    return done;
  }

  /**
   * A write to make just before the commit: one that takes a lock other requests wait for
   * (the audit chain's), which is then held for the commit, not for the rest of the page.
   */
  writeLast(work: (tx: Transaction) => Promise<unknown>) {
    this.lastWrites.push(work);
  }

  private transaction() {
    this.opened ??= (async () => {
      const client = await this.pool.connect();
      try {
        await client.query(beginWithSettings(this.context));
      } catch (error) {
        client.release(error as Error);
        throw error;
      }
      // A plain drizzle over this one connection: the same query builder the services use.
      const tx = drizzle(rememberingReads(client) as unknown as pg.PoolClient);
      return { client, tx: tx as unknown as Transaction };
    })();
    return this.opened;
  }

  /**
   * Commits (or rolls back) once the work already started has settled; work started after
   * this gets a transaction of its own. Safe to call more than once.
   */
  finish(commit: boolean) {
    this.finishing ??= (async () => {
      while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
      if (commit && this.lastWrites.length > 0) this.transaction();
      if (!this.opened) return;
      const opened = await this.opened.catch(() => null);
      if (!opened) return;
      try {
        if (commit) for (const work of this.lastWrites) await work(opened.tx);
        await opened.client.query(commit ? 'commit' : 'rollback');
        opened.client.release();
      } catch (error) {
        await opened.client.query('rollback').catch(() => undefined);
        opened.client.release(error as Error);
        throw error;
      }
    })();
    return this.finishing;
  }
}

const current = new AsyncLocalStorage<RequestTransaction>();

export function requestTransaction() {
  return current.getStore();
}

export function withRequestTransaction<T>(transaction: RequestTransaction, work: () => T): T {
  return current.run(transaction, work);
}
