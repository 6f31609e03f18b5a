import type pg from 'pg';
import { inTenant, type Database, type TenantContext } from '../../db/client.js';
import { RequestTransaction, withRequestTransaction } from '../../db/request-transaction.js';
import type { Clock } from '../../platform/clock.js';
import {
  claimKey,
  deleteExpiredKeys,
  findKey,
  keepAnswer,
  type KeyOwner,
} from './idempotency.repository.js';

/** How long a key and its answer are kept: a client retries within minutes, not days. */
export const IDEMPOTENCY_KEY_HOURS = 24;

/** What a write answers: the status and the JSON body, as sent. */
export interface Answer {
  status: number;
  body: unknown;
}

export type KeyedOutcome =
  | ({ kind: 'answered' } & Answer)
  /** The same request was answered before: its answer, without doing the write again. */
  | ({ kind: 'replayed' } & Answer)
  /** The key came with another request before. */
  | { kind: 'mismatch' };

/**
 * Writes that a client may retry safely with an Idempotency-Key. The key is claimed, the
 * write made and its answer kept in one transaction (the request's, which every service
 * call inside joins through inTenant): a second request with the key waits on the first's
 * claim, then finds its answer. A write that is refused (not 2xx) wrote nothing, so neither
 * is its key kept: the client may correct the request and send it again with the same key.
 */
export function buildIdempotencyService({ db, clock }: { db: Database; clock: Clock }) {
  // The pool drizzle was made with: the request transaction takes connections from it.
  const pool = (db as unknown as { $client: pg.Pool }).$client;

  async function once(
    context: TenantContext,
    request: { key: string; hash: string },
    work: () => Promise<Answer>,
  ): Promise<KeyedOutcome> {
    if (!context.userId) throw new Error('An idempotency key belongs to a signed-in person');
    const owner: KeyOwner = {
      partnershipId: context.partnershipId,
      userId: context.userId,
      key: request.key,
    };
    const shared = new RequestTransaction(pool, context);
    let keep = false;
    try {
      return await withRequestTransaction(shared, async (): Promise<KeyedOutcome> => {
        const now = clock.now();
        const expiresAt = new Date(now.getTime() + IDEMPOTENCY_KEY_HOURS * 3_600_000);
        const claimed = await inTenant(db, context, (tx) =>
          claimKey(tx, owner, { hash: request.hash, now, expiresAt }),
        );
        if (!claimed) {
          const earlier = await inTenant(db, context, (tx) => findKey(tx, owner));
          if (!earlier || earlier.responseStatus === null)
            throw new Error('An idempotency key was held but had no answer');
          if (earlier.requestHash !== request.hash) return { kind: 'mismatch' };
          return { kind: 'replayed', status: earlier.responseStatus, body: earlier.responseBody };
        }
        const answer = await work();
        if (answer.status >= 200 && answer.status < 300) {
          await inTenant(db, context, (tx) => keepAnswer(tx, owner, answer));
          keep = true;
        }
        return { kind: 'answered', ...answer };
      });
    } finally {
      await shared.finish(keep);
    }
  }

  /** The housekeeping job: each partnership's expired keys, as the partnership with no person. */
  async function purgeExpired(partnershipIds: readonly string[]) {
    const now = clock.now();
    let deleted = 0;
    for (const partnershipId of partnershipIds)
      deleted += await inTenant(db, { partnershipId, userId: null }, (tx) =>
        deleteExpiredKeys(tx, partnershipId, now),
      );
    return { deleted };
  }

  return { once, purgeExpired };
}

export type IdempotencyService = ReturnType<typeof buildIdempotencyService>;
