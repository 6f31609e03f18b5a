import { ukDate, ukTime } from '../../platform/dates.js';

interface MeetingTimes {
  id: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
}

/** "14 January 2027, 10:00am to 12:00pm, Council House" */
export function meetingWhenAndWhere(meeting: Omit<MeetingTimes, 'id'>) {
  const when = `${ukDate(meeting.startsAt)}, ${ukTime(meeting.startsAt)} to ${ukTime(meeting.endsAt)}`;
  return meeting.location ? `${when}, ${meeting.location}` : `${when}, location not recorded`;
}

const link = (publicUrl: string, id: string) => `${publicUrl}/meetings/${id}`;

/** To each member: the meeting has moved or changed place, with the old and new details. */
export function meetingChangedMail(
  input: { bodyName: string; reason: string; publicUrl: string },
  before: MeetingTimes,
  after: MeetingTimes,
) {
  return {
    subject: `Meeting changed: ${input.bodyName}, ${ukDate(before.startsAt)}`,
    text: [
      `The meeting of ${input.bodyName} has changed.`,
      '',
      `Was: ${meetingWhenAndWhere(before)}`,
      `Now: ${meetingWhenAndWhere(after)}`,
      '',
      'Reason:',
      input.reason,
      '',
      `The meeting: ${link(input.publicUrl, after.id)}`,
    ].join('\n'),
  };
}

/** To each member: the meeting will not take place, and where its carried items went. */
export function meetingCancelledMail(
  input: { bodyName: string; reason: string; publicUrl: string; next: { startsAt: Date } | null },
  meeting: MeetingTimes,
) {
  return {
    subject: `Meeting cancelled: ${input.bodyName}, ${ukDate(meeting.startsAt)}`,
    text: [
      `The meeting of ${input.bodyName} on ${meetingWhenAndWhere(meeting)} is cancelled.`,
      '',
      'Reason:',
      input.reason,
      '',
      input.next
        ? `Approval of minutes and decisions waiting for ratification move to the next meeting, on ${ukDate(input.next.startsAt)}.`
        : 'Approval of minutes and decisions waiting for ratification will go on the next meeting when it is scheduled.',
      '',
      `The meeting: ${link(input.publicUrl, meeting.id)}`,
    ].join('\n'),
  };
}
