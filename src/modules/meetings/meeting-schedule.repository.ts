import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { meeting } from '../../db/schema/index.js';

/** A body's meetings still scheduled (not cancelled) that start in [from, to). */
export function scheduledMeetingsOfBodyBetween(tx: Executor, bodyId: string, from: Date, to: Date) {
  return tx
    .select()
    .from(meeting)
    .where(
      and(
        eq(meeting.bodyId, bodyId),
        eq(meeting.status, 'scheduled'),
        gte(meeting.startsAt, from),
        lt(meeting.startsAt, to),
      ),
    )
    .orderBy(asc(meeting.startsAt));
}
