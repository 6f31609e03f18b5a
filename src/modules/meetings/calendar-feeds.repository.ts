import { and, asc, eq, gte, inArray, isNull } from 'drizzle-orm';
import { setTransactionSettings, type Executor } from '../../db/client.js';
import { calendarFeed, meeting } from '../../db/schema/index.js';

export type CalendarFeedRow = typeof calendarFeed.$inferSelect;

/** Whose meetings a feed shows: one body's, or those of the bodies one person sits on. */
export type CalendarFeedOwner = { bodyId: string } | { personId: string };

const ownedBy = (owner: CalendarFeedOwner) =>
  'bodyId' in owner
    ? eq(calendarFeed.bodyId, owner.bodyId)
    : eq(calendarFeed.personId, owner.personId);

export async function insertCalendarFeed(tx: Executor, values: typeof calendarFeed.$inferInsert) {
  const [row] = await tx.insert(calendarFeed).values(values).returning();
  return row!;
}

/** The owner's feed that still works, if any. */
export async function activeCalendarFeedOf(tx: Executor, owner: CalendarFeedOwner) {
  const [row] = await tx
    .select()
    .from(calendarFeed)
    .where(and(ownedBy(owner), isNull(calendarFeed.revokedAt)))
    .limit(1);
  return row ?? null;
}

/** Stops the owner's working feeds; gives back the ids stopped. */
export async function revokeCalendarFeedsOf(tx: Executor, owner: CalendarFeedOwner, at: Date) {
  const rows = await tx
    .update(calendarFeed)
    .set({ revokedAt: at })
    .where(and(ownedBy(owner), isNull(calendarFeed.revokedAt)))
    .returning({ id: calendarFeed.id });
  return rows.map((row) => row.id);
}

/**
 * The feed whose token hashes to `tokenHash`, found before its partnership is known: RLS
 * admits the one row with the hash the transaction names (calendar_feed_by_token).
 */
export async function findCalendarFeedByHash(tx: Executor, tokenHash: string) {
  await setTransactionSettings(tx, { 'app.calendar_feed_token_hash': tokenHash });
  const [row] = await tx.select().from(calendarFeed).where(eq(calendarFeed.tokenHash, tokenHash));
  return row ?? null;
}

/** The meetings of some bodies starting on or after `since`, cancelled ones included. */
export function meetingsOfBodiesSince(tx: Executor, bodyIds: string[], since: Date) {
  if (bodyIds.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(meeting)
    .where(and(inArray(meeting.bodyId, bodyIds), gte(meeting.startsAt, since)))
    .orderBy(asc(meeting.startsAt));
}
