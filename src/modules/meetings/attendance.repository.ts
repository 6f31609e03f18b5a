import { and, asc, eq, exists, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  agency,
  attendance,
  meeting,
  membership,
  person,
  quorumRequiredAgency,
} from '../../db/schema/index.js';

export type AttendanceRow = typeof attendance.$inferSelect;

/** Everything recorded for a meeting: members' attendance and guests, oldest first. */
export function attendanceOfMeeting(tx: Executor, meetingId: string) {
  return tx
    .select()
    .from(attendance)
    .where(and(eq(attendance.meetingId, meetingId), isNull(attendance.withdrawnAt)))
    .orderBy(asc(attendance.createdAt), asc(attendance.id));
}

/**
 * Serialises saves of one meeting's attendance: the second of two at once waits, then sees
 * the first one's versions and is told, instead of overwriting it.
 */
export async function lockAttendanceOf(tx: Executor, meetingId: string) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`attendance:${meetingId}`}, 0))`,
  );
}

export async function insertAttendance(tx: Executor, values: typeof attendance.$inferInsert) {
  const [row] = await tx.insert(attendance).values(values).returning();
  return row!;
}

/** Changes one row only if nobody has changed it since `expectedVersion`. */
export async function updateAttendance(
  tx: Executor,
  id: string,
  expectedVersion: number,
  values: Partial<typeof attendance.$inferInsert>,
) {
  const [row] = await tx
    .update(attendance)
    .set({ ...values, version: sql`${attendance.version} + 1` })
    .where(and(eq(attendance.id, id), eq(attendance.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export async function findGuest(tx: Executor, meetingId: string, id: string) {
  const [row] = await tx
    .select()
    .from(attendance)
    .where(
      and(
        eq(attendance.id, id),
        eq(attendance.meetingId, meetingId),
        isNotNull(attendance.guestName),
        isNull(attendance.withdrawnAt),
      ),
    );
  return row ?? null;
}

/**
 * Apologies from members whose agency their body's quorum needs, for several meetings in
 * one query (the dashboard lists up to ten). The quorum's agencies are a semi-join: joined
 * in, they made six tables whose join orders cost PostgreSQL ten times the query to plan.
 */
export function apologiesFromRequiredAgencies(tx: Executor, meetingIds: string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  const neededByQuorum = tx
    .select({ one: sql`1` })
    .from(quorumRequiredAgency)
    .innerJoin(meeting, eq(meeting.bodyId, quorumRequiredAgency.bodyId))
    .where(
      and(
        eq(meeting.id, attendance.meetingId),
        eq(quorumRequiredAgency.agencyId, membership.representsAgencyId),
      ),
    );
  return tx
    .select({
      meetingId: attendance.meetingId,
      personName: person.fullName,
      agencyId: agency.id,
      agencyName: agency.name,
    })
    .from(attendance)
    .innerJoin(membership, eq(membership.id, attendance.membershipId))
    .innerJoin(person, eq(person.id, membership.personId))
    .innerJoin(agency, eq(agency.id, membership.representsAgencyId))
    .where(
      and(
        inArray(attendance.meetingId, meetingIds),
        eq(attendance.status, 'apologies'),
        isNull(attendance.withdrawnAt),
        exists(neededByQuorum),
      ),
    )
    .orderBy(asc(person.fullName));
}
