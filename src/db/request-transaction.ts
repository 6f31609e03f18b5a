/**
 * One transaction for all of a page request's reads. A page calls several services, and each
 * opens its own tenant transaction (begin, settings, queries, commit); sharing one per
 * request saves those round trips, which are most of a page's cost. Only GET requests share
 * (see platform/http/request-transaction.ts): what a form post writes keeps each service's
 * own transaction and its own rollback.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database, TenantContext, Transaction } from './client.js';

type Settings = (tx: Transaction, context: TenantContext) => Promise<void>;

class Rollback extends Error {}

export class RequestTransaction {
  private opened: Promise<Transaction> | null = null;
  private settled: Promise<void> = Promise.resolve();
  private decide: (commit: boolean) => void = () => undefined;
  private readonly inFlight = new Set<Promise<unknown>>();
  private finishing: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    readonly context: TenantContext,
    private readonly applySettings: Settings,
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
    const done = this.transaction().then(work);
    this.inFlight.add(done);
    const forget = () => this.inFlight.delete(done);
    done.then(forget, forget);
    return done;
  }

  private transaction() {
    this.opened ??= new Promise<Transaction>((resolveTransaction, rejectTransaction) => {
      const outcome = new Promise<boolean>((resolve) => (this.decide = resolve));
      this.settled = this.db
        .transaction(async (tx) => {
          await this.applySettings(tx, this.context);
          resolveTransaction(tx);
          if (!(await outcome)) throw new Rollback();
        })
        .catch((error: unknown) => {
          rejectTransaction(error);
          if (!(error instanceof Rollback)) throw error;
        });
    });
    return this.opened;
  }

  /**
   * Commits (or rolls back) once the work already started has settled; work started after
   * this gets a transaction of its own. Safe to call more than once.
   */
  finish(commit: boolean) {
    this.finishing ??= (async () => {
      while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
      if (!this.opened) return;
      this.decide(commit);
      await this.settled;
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
