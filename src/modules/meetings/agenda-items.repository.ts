import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { agendaItem, meeting } from '../../db/schema/index.js';

/** Applies a change only if nobody has changed the item since `expectedVersion`. */
export async function updateAgendaItem(
  tx: Executor,
  id: string,
  expectedVersion: number | undefined,
  values: Partial<typeof agendaItem.$inferInsert>,
) {
  const [row] = await tx
    .update(agendaItem)
    .set({ ...values, version: sql`${agendaItem.version} + 1` })
    .where(
      and(
        eq(agendaItem.id, id),
        expectedVersion ? eq(agendaItem.version, expectedVersion) : undefined,
      ),
    )
    .returning();
  return row ?? null;
}

/** Moves an item to a new place on its agenda; the order is not an edit of the item itself. */
export function placeAgendaItem(tx: Executor, id: string, position: number) {
  return tx.update(agendaItem).set({ position }).where(eq(agendaItem.id, id));
}

/**
 * Marks the agenda published. Not a change of the meeting's details, so its version stays
 * and nobody changing the time or place meanwhile is told their edit is stale.
 */
export async function markAgendaPublished(tx: Executor, meetingId: string, at: Date) {
  const [row] = await tx
    .update(meeting)
    .set({ agendaPublishedAt: at })
    .where(eq(meeting.id, meetingId))
    .returning({ id: meeting.id });
  return row ?? null;
}
