import {
  aliasedTable,
  and,
  asc,
  eq,
  inArray,
  isNull,
  max,
  min,
  ne,
  notExists,
  sql,
} from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { agendaItem, decision, meeting, standingItem } from '../../db/schema/index.js';

export type AgendaItemRow = typeof agendaItem.$inferSelect;
export type StandingItemRow = typeof standingItem.$inferSelect;

export function standingItemsOf(tx: Executor, bodyId: string) {
  return tx
    .select()
    .from(standingItem)
    .where(and(eq(standingItem.bodyId, bodyId), isNull(standingItem.closedAt)))
    .orderBy(asc(standingItem.position), asc(standingItem.createdAt));
}

/** The meeting's agenda in order, withdrawn items included (the page shows them struck out). */
export function itemsOfMeeting(tx: Executor, meetingId: string) {
  return tx
    .select()
    .from(agendaItem)
    .where(eq(agendaItem.meetingId, meetingId))
    .orderBy(asc(agendaItem.position), asc(agendaItem.createdAt));
}

export async function findAgendaItem(tx: Executor, id: string) {
  const [row] = await tx.select().from(agendaItem).where(eq(agendaItem.id, id));
  return row ?? null;
}

export async function insertAgendaItems(tx: Executor, values: (typeof agendaItem.$inferInsert)[]) {
  if (values.length === 0) return [];
  return tx.insert(agendaItem).values(values).returning();
}

/** The first and last positions used on a meeting's agenda. */
export async function positionsOf(tx: Executor, meetingId: string) {
  const [row] = await tx
    .select({ first: min(agendaItem.position), last: max(agendaItem.position) })
    .from(agendaItem)
    .where(eq(agendaItem.meetingId, meetingId));
  return { first: row?.first ?? 0, last: row?.last ?? 0 };
}

const itemMeeting = aliasedTable(meeting, 'item_meeting');

/**
 * Decisions waiting for `bodyId` to ratify them: not yet ratified or refused, and not on the
 * agenda of a meeting still to decide them (a deferral puts them back in the queue).
 */
export function decisionsAwaitingRatification(tx: Executor, bodyId: string) {
  const outcome = aliasedTable(decision, 'outcome');
  const heard = aliasedTable(decision, 'heard');
  return tx
    .select()
    .from(decision)
    .where(
      and(
        eq(decision.needsRatification, true),
        eq(decision.ratifyingBodyId, bodyId),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(outcome)
            .where(
              and(
                eq(outcome.ratifiesDecisionId, decision.id),
                inArray(outcome.ratificationOutcome, ['ratified', 'not_ratified']),
              ),
            ),
        ),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(agendaItem)
            .innerJoin(itemMeeting, eq(itemMeeting.id, agendaItem.meetingId))
            .where(
              and(
                eq(agendaItem.ratifiesDecisionId, decision.id),
                isNull(agendaItem.withdrawnAt),
                eq(itemMeeting.status, 'scheduled'),
                notExists(
                  tx
                    .select({ one: sql`1` })
                    .from(heard)
                    .where(
                      and(
                        eq(heard.agendaItemId, agendaItem.id),
                        eq(heard.ratifiesDecisionId, decision.id),
                      ),
                    ),
                ),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(decision.createdAt));
}

/** Whether the minutes of `meetingId` are already on a live agenda for approval. */
export async function minutesApprovalListed(tx: Executor, meetingId: string) {
  const [row] = await tx
    .select({ listed: sql<boolean>`true` })
    .from(agendaItem)
    .innerJoin(itemMeeting, eq(itemMeeting.id, agendaItem.meetingId))
    .where(
      and(
        eq(agendaItem.approvesMinutesOfMeetingId, meetingId),
        isNull(agendaItem.withdrawnAt),
        ne(itemMeeting.status, 'cancelled'),
      ),
    )
    .limit(1);
  return Boolean(row);
}
