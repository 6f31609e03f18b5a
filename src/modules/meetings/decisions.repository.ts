import { aliasedTable, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { body, decision, meeting } from '../../db/schema/index.js';

export type DecisionRow = typeof decision.$inferSelect;

const ratifyingBody = aliasedTable(body, 'ratifying_body');

export interface DecisionView {
  decision: DecisionRow;
  /** When the meeting the decision was made at started. */
  meetingStartsAt: Date;
  bodyId: string;
  bodyName: string;
  /** The body asked to ratify it, when it needs ratification. */
  ratifyingBodyName: string | null;
}

/** A decision with the meeting it was made at, that meeting's body, and who must ratify it. */
const decisionView = {
  decision,
  meetingStartsAt: meeting.startsAt,
  bodyId: body.id,
  bodyName: body.name,
  ratifyingBodyName: ratifyingBody.name,
};

function decisionsWhere(tx: Executor, where: SQL): Promise<DecisionView[]> {
  return tx
    .select(decisionView)
    .from(decision)
    .innerJoin(meeting, eq(meeting.id, decision.meetingId))
    .innerJoin(body, eq(body.id, meeting.bodyId))
    .leftJoin(ratifyingBody, eq(ratifyingBody.id, decision.ratifyingBodyId))
    .where(where)
    .orderBy(asc(meeting.startsAt), asc(decision.createdAt));
}

export const decisionsOfMeeting = (tx: Executor, meetingId: string) =>
  decisionsWhere(tx, eq(decision.meetingId, meetingId));

export const decisionsOnItem = (tx: Executor, agendaItemId: string) =>
  decisionsWhere(tx, eq(decision.agendaItemId, agendaItemId));

/** What ratifying bodies have said about any of these decisions, oldest meeting first. */
export const ratificationsOfAny = (tx: Executor, decisionIds: string[]) =>
  decisionIds.length === 0
    ? Promise.resolve([])
    : decisionsWhere(tx, inArray(decision.ratifiesDecisionId, decisionIds));

export const decisionsWithIds = (tx: Executor, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([]) : decisionsWhere(tx, inArray(decision.id, ids));

export async function findDecision(tx: Executor, id: string) {
  const [row] = await decisionsWhere(tx, eq(decision.id, id));
  return row ?? null;
}

export async function insertDecision(tx: Executor, values: typeof decision.$inferInsert) {
  const [row] = await tx.insert(decision).values(values).returning();
  return row!;
}
