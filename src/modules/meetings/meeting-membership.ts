import type { TenantContext } from '../../db/client.js';
import { ukDateAndTime } from '../../platform/dates.js';
import { membershipState } from '../governance/membership-dates.js';
import type { MeetingsDependencies } from './meeting-context.js';

type Governance = MeetingsDependencies['governance'];
type MeetingOfBody = { bodyId: string; startsAt: Date };

/** Who is asking: services cannot see roles, so routes say whether the person runs meetings. */
export interface MeetingViewer {
  userId: string | null;
  name: string;
  runsMeetings: boolean;
}

/** The UK calendar day of a meeting: who sits on its body is judged on that day. */
export const meetingDay = (meeting: MeetingOfBody) => ukDateAndTime(meeting.startsAt).day;

const seatedOn = (membership: { startsOn: string; endsOn: string | null }, day: string) =>
  membershipState(membership, day) === 'current';

/**
 * The signed-in person's record (linked to their account) and whether they hold a
 * membership of the meeting's body on the meeting's day.
 */
export async function viewerStanding(
  governance: Governance,
  context: TenantContext,
  viewer: MeetingViewer,
  meeting: MeetingOfBody,
) {
  const linked = viewer.userId ? await governance.people.ofAccount(context, viewer.userId) : null;
  if (!linked) return { person: null, member: false };
  const found = await governance.people.find(context, linked.person.id);
  const day = meetingDay(meeting);
  const member =
    found?.memberships.some(
      (row) => row.membership.bodyId === meeting.bodyId && seatedOn(row.membership, day),
    ) ?? false;
  return { person: linked.person, member };
}
