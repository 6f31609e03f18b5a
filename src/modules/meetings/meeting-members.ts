import type { TenantContext } from '../../db/client.js';
import { membershipState } from '../governance/membership-dates.js';
import type { MeetingsDependencies } from './meeting-context.js';

export interface MemberToTell {
  personId: string;
  fullName: string;
  email: string;
}

/**
 * The people with a seat on the body on `day` (YYYY-MM-DD) who have not left, once each
 * even when they hold two seats: the people a meeting's news goes to.
 */
export async function membersOnDay(
  governance: MeetingsDependencies['governance'],
  context: TenantContext,
  bodyId: string,
  day: string,
): Promise<MemberToTell[]> {
  const found = await governance.bodies.roster(context, bodyId, day);
  if (!found) return [];
  const seated = new Set(
    found.memberships
      .filter((row) => membershipState(row.membership, day) === 'current')
      .map((row) => row.membership.personId),
  );
  const people = await governance.people.all(context);
  return people
    .filter((row) => seated.has(row.person.id))
    .map(({ person }) => ({ personId: person.id, fullName: person.fullName, email: person.email }));
}
