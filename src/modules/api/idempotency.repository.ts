import { and, eq, lte } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { idempotencyKey } from '../../db/schema/index.js';

export interface KeyOwner {
  partnershipId: string;
  userId: string;
  key: string;
}

const ownedBy = (owner: KeyOwner) =>
  and(
    eq(idempotencyKey.partnershipId, owner.partnershipId),
    eq(idempotencyKey.userId, owner.userId),
    eq(idempotencyKey.key, owner.key),
  );

/**
 * Takes the key for this request, or a key that has expired (a purge not yet run). Returns
 * false when the key is held: a request that is still running makes this wait, on the
 * primary key, until it has committed (the key is then kept) or rolled back (it is ours).
 */
export async function claimKey(
  tx: Executor,
  owner: KeyOwner,
  request: { hash: string; now: Date; expiresAt: Date },
) {
  const rows = await tx
    .insert(idempotencyKey)
    .values({
      ...owner,
      requestHash: request.hash,
      createdAt: request.now,
      expiresAt: request.expiresAt,
    })
    .onConflictDoUpdate({
      target: [idempotencyKey.partnershipId, idempotencyKey.userId, idempotencyKey.key],
      set: {
        requestHash: request.hash,
        responseStatus: null,
        responseBody: null,
        createdAt: request.now,
        expiresAt: request.expiresAt,
      },
      setWhere: lte(idempotencyKey.expiresAt, request.now),
    })
    .returning({ key: idempotencyKey.key });
  return rows.length === 1;
}

export async function findKey(tx: Executor, owner: KeyOwner) {
  const [row] = await tx
    .select({
      requestHash: idempotencyKey.requestHash,
      responseStatus: idempotencyKey.responseStatus,
      responseBody: idempotencyKey.responseBody,
    })
    .from(idempotencyKey)
    .where(ownedBy(owner));
  return row ?? null;
}

export async function keepAnswer(
  tx: Executor,
  owner: KeyOwner,
  answer: { status: number; body: unknown },
) {
  await tx
    .update(idempotencyKey)
    .set({ responseStatus: answer.status, responseBody: answer.body })
    .where(ownedBy(owner));
}

/** Deletes the partnership's keys that expired by `now`; returns how many. */
export async function deleteExpiredKeys(tx: Executor, partnershipId: string, now: Date) {
  const rows = await tx
    .delete(idempotencyKey)
    .where(and(eq(idempotencyKey.partnershipId, partnershipId), lte(idempotencyKey.expiresAt, now)))
    .returning({ key: idempotencyKey.key });
  return rows.length;
}
