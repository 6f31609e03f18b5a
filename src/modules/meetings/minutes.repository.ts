import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { agendaItem, meeting } from '../../db/schema/index.js';

/**
 * The meeting row, locked until the transaction ends: saving minutes and approving them
 * take the same lock, so minutes cannot change while they are being approved.
 */
export async function lockMeeting(tx: Executor, id: string) {
  const [row] = await tx.select().from(meeting).where(eq(meeting.id, id)).for('update');
  return row ?? null;
}

/** Saves one item's minute if nobody has changed the item since `expectedVersion`. */
export async function saveItemMinute(
  tx: Executor,
  id: string,
  expectedVersion: number,
  minutes: string,
) {
  const [row] = await tx
    .update(agendaItem)
    .set({ minutes, version: sql`${agendaItem.version} + 1` })
    .where(and(eq(agendaItem.id, id), eq(agendaItem.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export async function markMinutesCirculated(tx: Executor, id: string, at: Date) {
  const [row] = await tx
    .update(meeting)
    .set({
      minutesStatus: 'circulated',
      minutesCirculatedAt: at,
      version: sql`${meeting.version} + 1`,
    })
    .where(eq(meeting.id, id))
    .returning();
  return row!;
}

/** Approves circulated minutes; null when they were not circulated (or approved meanwhile). */
export async function markMinutesApproved(
  tx: Executor,
  id: string,
  at: Date,
  approvingMeetingId: string,
) {
  const [row] = await tx
    .update(meeting)
    .set({
      minutesStatus: 'approved',
      minutesApprovedAt: at,
      minutesApprovedAtMeetingId: approvingMeetingId,
      version: sql`${meeting.version} + 1`,
    })
    .where(and(eq(meeting.id, id), eq(meeting.minutesStatus, 'circulated')))
    .returning();
  return row ?? null;
}
