import { and, asc, count, desc, eq, gt, gte, lt, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { meeting } from '../../db/schema/index.js';

export type MeetingRow = typeof meeting.$inferSelect;

export async function insertMeeting(tx: Executor, values: typeof meeting.$inferInsert) {
  const [row] = await tx.insert(meeting).values(values).returning();
  return row!;
}

export async function findMeeting(tx: Executor, id: string) {
  const [row] = await tx.select().from(meeting).where(eq(meeting.id, id));
  return row ?? null;
}

/** Applies a change only if nobody has changed the meeting since `expectedVersion`. */
export async function updateMeeting(
  tx: Executor,
  id: string,
  expectedVersion: number | undefined,
  values: Partial<typeof meeting.$inferInsert>,
) {
  const [row] = await tx
    .update(meeting)
    .set({ ...values, version: sql`${meeting.version} + 1` })
    .where(
      and(eq(meeting.id, id), expectedVersion ? eq(meeting.version, expectedVersion) : undefined),
    )
    .returning();
  return row ?? null;
}

export interface MeetingListFilter {
  bodyId?: string;
  /** upcoming: ends now or later, soonest first; past: ended, latest first. */
  when: 'upcoming' | 'past' | 'all';
  now: Date;
}

function listConditions({ bodyId, when, now }: MeetingListFilter) {
  return and(
    bodyId ? eq(meeting.bodyId, bodyId) : undefined,
    when === 'upcoming' ? gte(meeting.endsAt, now) : undefined,
    when === 'past' ? lt(meeting.endsAt, now) : undefined,
  );
}

export async function listMeetings(
  tx: Executor,
  filter: MeetingListFilter,
  limit: number,
  offset: number,
) {
  const where = listConditions(filter);
  const rows = await tx
    .select()
    .from(meeting)
    .where(where)
    .orderBy(filter.when === 'upcoming' ? asc(meeting.startsAt) : desc(meeting.startsAt))
    .limit(limit)
    .offset(offset);
  const [total] = await tx.select({ total: count() }).from(meeting).where(where);
  return { rows, total: total?.total ?? 0 };
}

/** The body's next meeting that has not been cancelled, starting after `after`. */
export async function nextMeetingOfBody(tx: Executor, bodyId: string, after: Date) {
  const [row] = await tx
    .select()
    .from(meeting)
    .where(
      and(eq(meeting.bodyId, bodyId), eq(meeting.status, 'scheduled'), gt(meeting.startsAt, after)),
    )
    .orderBy(asc(meeting.startsAt))
    .limit(1);
  return row ?? null;
}

/** The body's latest meeting that was held (not cancelled) and started before `before`. */
export async function previousMeetingOfBody(tx: Executor, bodyId: string, before: Date) {
  const [row] = await tx
    .select()
    .from(meeting)
    .where(
      and(
        eq(meeting.bodyId, bodyId),
        ne(meeting.status, 'cancelled'),
        lt(meeting.startsAt, before),
      ),
    )
    .orderBy(desc(meeting.startsAt))
    .limit(1);
  return row ?? null;
}
