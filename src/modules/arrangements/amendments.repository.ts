import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { amendmentRequest, appUser } from '../../db/schema/index.js';
import type { AmendmentFilter } from './arrangements.forms.js';

export type AmendmentRow = typeof amendmentRequest.$inferSelect;

/** A request with who made it (absent once they no longer belong to the partnership). */
const withRequester = {
  request: amendmentRequest,
  requesterName: appUser.displayName,
  requesterEmail: appUser.email,
};

export async function insertAmendment(tx: Executor, values: typeof amendmentRequest.$inferInsert) {
  const [row] = await tx.insert(amendmentRequest).values(values).returning();
  return row!;
}

export async function findAmendment(tx: Executor, id: string) {
  const [row] = await tx
    .select(withRequester)
    .from(amendmentRequest)
    .leftJoin(appUser, eq(appUser.id, amendmentRequest.requestedBy))
    .where(eq(amendmentRequest.id, id));
  return row ?? null;
}

/** Newest first, one page, with the total for paging. */
export async function listAmendments(
  tx: Executor,
  filter: AmendmentFilter,
  limit: number,
  offset: number,
) {
  const where = filter.status ? eq(amendmentRequest.status, filter.status) : undefined;
  const rows = await tx
    .select(withRequester)
    .from(amendmentRequest)
    .leftJoin(appUser, eq(appUser.id, amendmentRequest.requestedBy))
    .where(where)
    .orderBy(desc(amendmentRequest.createdAt))
    .limit(limit)
    .offset(offset);
  const [total] = await tx.select({ total: count() }).from(amendmentRequest).where(where);
  return { rows, total: total?.total ?? 0 };
}

export function amendmentsRequestedBy(tx: Executor, userId: string, limit: number) {
  return tx
    .select()
    .from(amendmentRequest)
    .where(eq(amendmentRequest.requestedBy, userId))
    .orderBy(desc(amendmentRequest.createdAt))
    .limit(limit);
}

export async function countAmendments(tx: Executor, status: string) {
  const [row] = await tx
    .select({ total: count() })
    .from(amendmentRequest)
    .where(eq(amendmentRequest.status, status));
  return row?.total ?? 0;
}

/** The change, if the request is still at the version the form was shown with. */
export async function updateAmendment(
  tx: Executor,
  id: string,
  expectedVersion: number,
  values: { status: string; statusNote: string | null },
) {
  const [row] = await tx
    .update(amendmentRequest)
    .set({ ...values, version: sql`${amendmentRequest.version} + 1` })
    .where(and(eq(amendmentRequest.id, id), eq(amendmentRequest.version, expectedVersion)))
    .returning();
  return row ?? null;
}
