import { and, gt, gte, isNull, lte, or } from 'drizzle-orm';
import { membership } from '../../db/schema/index.js';

/** A membership counts on a day from its start date to its end date, both included. */
export function activeOn(date: string) {
  return and(
    lte(membership.startsOn, date),
    or(isNull(membership.endsOn), gte(membership.endsOn, date)),
  );
}

/** Current, past or future, for a membership on a given day. */
export function membershipState(
  row: { startsOn: string; endsOn: string | null },
  today: string,
): 'current' | 'ended' | 'future' {
  if (row.startsOn > today) return 'future';
  if (row.endsOn !== null && row.endsOn < today) return 'ended';
  return 'current';
}

/** Memberships still running after `date`: current ones and ones yet to start. */
export function continuingAfter(date: string) {
  return or(isNull(membership.endsOn), gt(membership.endsOn, date));
}

/** Adds each membership's state on `today`, for lists that show current and past seats. */
export function withState<T extends { membership: { startsOn: string; endsOn: string | null } }>(
  rows: T[],
  today: string,
) {
  return rows.map((row) => ({ ...row, state: membershipState(row.membership, today) }));
}

/** A membership or delegation can still be ended unless its last day is today or past. */
export const endable = (membership: { endsOn: string | null }, today: string) =>
  membership.endsOn === null || membership.endsOn > today;
