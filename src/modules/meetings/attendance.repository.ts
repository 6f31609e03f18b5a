import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { attendance } from '../../db/schema/index.js';

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
 * Which of several meetings (the dashboard lists up to ten) have a member's apologies or
 * absence recorded: only those can have a quorum at risk, so only those are worked out.
 */
export async function meetingsWithApologies(tx: Executor, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  const rows = await tx
    .selectDistinct({ meetingId: attendance.meetingId })
    .from(attendance)
    .where(
      and(
        inArray(attendance.meetingId, meetingIds),
        inArray(attendance.status, ['apologies', 'absent']),
        isNotNull(attendance.membershipId),
        isNull(attendance.withdrawnAt),
      ),
    );
  return rows.map((row) => row.meetingId);
}
