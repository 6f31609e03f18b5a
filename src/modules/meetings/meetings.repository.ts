import { and, asc, count, desc, eq, gt, gte, lt, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { agendaItem, body, meeting } from '../../db/schema/index.js';
import { escapeLike } from '../../platform/like.js';

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
  bodyId?: string | undefined;
  /** upcoming: ends now or later, soonest first; past: ended, latest first. */
  when: 'upcoming' | 'past' | 'all';
  now: Date;
  /** Part of the body's name, the location or a live agenda item's title. */
  text?: string | undefined;
  /** Starting at or after this moment. */
  from?: Date | undefined;
  /** Starting before this moment (the start of the day after the "to" date). */
  before?: Date | undefined;
}

/** Matches the meeting's body name, its location or the title of an item still on its agenda. */
function textMatches(text: string) {
  const pattern = `%${escapeLike(text)}%`;
  return or(
    sql`${meeting.location} ilike ${pattern}`,
    sql`exists (select 1 from ${body} where ${body.id} = ${meeting.bodyId} and ${body.name} ilike ${pattern})`,
    sql`exists (select 1 from ${agendaItem} where ${agendaItem.meetingId} = ${meeting.id}
          and ${agendaItem.withdrawnAt} is null and ${agendaItem.title} ilike ${pattern})`,
  );
}

function listConditions({ bodyId, when, now, text, from, before }: MeetingListFilter) {
  return and(
    bodyId ? eq(meeting.bodyId, bodyId) : undefined,
    when === 'upcoming' ? gte(meeting.endsAt, now) : undefined,
    when === 'past' ? lt(meeting.endsAt, now) : undefined,
    text ? textMatches(text) : undefined,
    from ? gte(meeting.startsAt, from) : undefined,
    before ? lt(meeting.startsAt, before) : undefined,
  );
}

const listOrder = (when: MeetingListFilter['when']) =>
  when === 'past' || when === 'all' ? desc(meeting.startsAt) : asc(meeting.startsAt);

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
    .orderBy(listOrder(filter.when))
    .limit(limit)
    .offset(offset);
  const [total] = await tx.select({ total: count() }).from(meeting).where(where);
  return { rows, total: total?.total ?? 0 };
}

/** Every meeting the filter finds, with its body's name, in the list's order: for the CSV. */
export function meetingsForExport(tx: Executor, filter: MeetingListFilter) {
  return tx
    .select({ meeting, bodyName: body.name })
    .from(meeting)
    .innerJoin(body, eq(body.id, meeting.bodyId))
    .where(listConditions(filter))
    .orderBy(listOrder(filter.when));
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
