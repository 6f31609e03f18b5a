import { and, asc, eq, gte, isNull, lt, lte, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { meeting } from '../../db/schema/index.js';

/** Scheduled meetings starting from `now`, soonest first. */
export function upcomingMeetings(tx: Executor, now: Date, limit: number) {
  return tx
    .select()
    .from(meeting)
    .where(and(eq(meeting.status, 'scheduled'), gte(meeting.startsAt, now)))
    .orderBy(asc(meeting.startsAt))
    .limit(limit);
}

/** Scheduled meetings from `now` to `until` whose agenda has not been published. */
export function unpublishedAgendas(tx: Executor, now: Date, until: Date, limit: number) {
  return tx
    .select()
    .from(meeting)
    .where(
      and(
        eq(meeting.status, 'scheduled'),
        gte(meeting.startsAt, now),
        lte(meeting.startsAt, until),
        isNull(meeting.agendaPublishedAt),
      ),
    )
    .orderBy(asc(meeting.startsAt))
    .limit(limit);
}

/** Meetings held before `now` whose minutes are not yet approved, oldest first. */
export function minutesAwaitingApproval(tx: Executor, now: Date, limit: number) {
  return tx
    .select()
    .from(meeting)
    .where(
      and(
        eq(meeting.status, 'scheduled'),
        lt(meeting.endsAt, now),
        ne(meeting.minutesStatus, 'approved'),
      ),
    )
    .orderBy(asc(meeting.startsAt))
    .limit(limit);
}
