import { inTenant, type TenantContext } from '../../db/client.js';
import { ukMoment } from '../../platform/dates.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import { staleEditMessage } from '../../platform/records.js';
import { carryToNextMeeting } from './agenda-start.js';
import { approvedRecordProblem } from './approved-record.js';
import { meetingCancelledMail, meetingChangedMail } from './meeting-change-mail.js';
import type { MeetingsDependencies } from './meeting-context.js';
import { membersOnDay, type MemberToTell } from './meeting-members.js';
import { meetingDay } from './meeting-membership.js';
import type { MeetingInput } from './meetings.forms.js';
import { findMeeting, updateMeeting, type MeetingRow } from './meetings.repository.js';

export type MeetingChangeInput = MeetingInput & { reason: string };
export interface MeetingCancelInput {
  reason: string;
  version?: number | undefined;
}

const CANCELLED = 'This meeting was cancelled, so it cannot be changed or cancelled again';

const sameTimes = (row: MeetingRow, values: Pick<MeetingRow, 'startsAt' | 'endsAt' | 'location'>) =>
  row.startsAt.getTime() === values.startsAt.getTime() &&
  row.endsAt.getTime() === values.endsAt.getTime() &&
  row.location === values.location;

/** Changing a meeting's time or place, or cancelling it, with every member told why. */
export function buildMeetingChanges(dependencies: MeetingsDependencies) {
  const { db, audit, mail, governance, publicUrl } = dependencies;

  const stale = (tx: Parameters<typeof staleEditMessage>[1], id: string) =>
    staleEditMessage(audit, tx, { entityType: 'meeting', entityId: id, noun: 'meeting' });

  /** The members on any of the days, once each. */
  async function membersOn(context: TenantContext, bodyId: string, days: string[]) {
    const people = new Map<string, MemberToTell>();
    for (const day of new Set(days))
      for (const member of await membersOnDay(governance, context, bodyId, day))
        people.set(member.personId, member);
    return [...people.values()];
  }

  async function change(
    context: TenantContext,
    id: string,
    input: MeetingChangeInput,
  ): Promise<Outcome<MeetingRow>> {
    const before = await inTenant(db, context, (tx) => findMeeting(tx, id));
    if (!before) return failure({ meeting: 'not found' });
    if (before.status === 'cancelled') return failure({ form: CANCELLED });
    const locked = approvedRecordProblem(before, 'the meeting');
    if (locked) return failure({ form: locked });
    const values = {
      startsAt: ukMoment(input.day, input.startTime),
      endsAt: ukMoment(input.day, input.endTime),
      location: input.location,
    };
    if (sameTimes(before, values))
      return failure({
        day: 'Change the date, the times or the location, or go back to the meeting',
      });
    const body = await governance.bodies.get(context, before.bodyId);
    // Both: those who expected the old date and those who will sit on the new one.
    const members = await membersOn(context, before.bodyId, [
      meetingDay(before),
      meetingDay({ ...before, ...values }),
    ]);
    const result = await inTenant(db, context, async (tx) => {
      const after = await updateMeeting(tx, id, input.version, values);
      if (!after) return failure({ form: await stale(tx, id) });
      const message = meetingChangedMail(
        { bodyName: body!.name, reason: input.reason, publicUrl },
        before,
        after,
      );
      for (const member of members) await mail.queue(tx, context, { to: member.email, ...message });
      await audit.record(tx, context, {
        action: 'meeting.changed',
        entityType: 'meeting',
        entityId: id,
        before: { startsAt: before.startsAt, endsAt: before.endsAt, location: before.location },
        after: { ...values, reason: input.reason, membersTold: members.length },
      });
      return success(after);
    });
    if (result.ok) mail.nudge();
    return result;
  }

  async function cancel(
    context: TenantContext,
    id: string,
    input: MeetingCancelInput,
  ): Promise<Outcome<MeetingRow>> {
    const before = await inTenant(db, context, (tx) => findMeeting(tx, id));
    if (!before) return failure({ meeting: 'not found' });
    if (before.status === 'cancelled') return failure({ form: CANCELLED });
    const locked = approvedRecordProblem(before, 'the meeting');
    if (locked) return failure({ form: locked });
    const body = await governance.bodies.get(context, before.bodyId);
    const members = await membersOn(context, before.bodyId, [meetingDay(before)]);
    const result = await inTenant(db, context, async (tx) => {
      const after = await updateMeeting(tx, id, input.version, {
        status: 'cancelled',
        cancelReason: input.reason,
      });
      if (!after) return failure({ form: await stale(tx, id) });
      // Its items are no longer on a live agenda, so the next meeting picks them up.
      const next = await carryToNextMeeting(tx, context, after.bodyId, after.startsAt);
      const message = meetingCancelledMail(
        { bodyName: body!.name, reason: input.reason, publicUrl, next },
        after,
      );
      for (const member of members) await mail.queue(tx, context, { to: member.email, ...message });
      await audit.record(tx, context, {
        action: 'meeting.cancelled',
        entityType: 'meeting',
        entityId: id,
        before: { status: before.status },
        after: {
          status: after.status,
          reason: input.reason,
          carriedToMeetingId: next?.id ?? null,
          membersTold: members.length,
        },
      });
      return success(after);
    });
    if (result.ok) mail.nudge();
    return result;
  }

  return { change, cancel };
}
