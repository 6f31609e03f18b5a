import ical, { ICalEventStatus } from 'ical-generator';
import type { MeetingRow } from './meetings.repository.js';

/** A meeting as a calendar shows it: its body's name stands for the event's title. */
export type MeetingForCalendar = Pick<
  MeetingRow,
  'id' | 'startsAt' | 'endsAt' | 'location' | 'status' | 'cancelReason' | 'version'
> & { bodyName: string };

/** What the event says: nothing from papers or minutes, only where to find them. */
function descriptionOf(meeting: MeetingForCalendar, url: string) {
  const lines = [`Meeting of ${meeting.bodyName}.`];
  if (meeting.status === 'cancelled') lines.push(`Cancelled: ${meeting.cancelReason ?? ''}`);
  lines.push(`Agenda, papers and attendance: ${url}`);
  return lines.join('\n');
}

/**
 * An iCalendar (RFC 5545) document of meetings. Each event keeps its UID for life and its
 * SEQUENCE follows the meeting's version, so calendar programs update a changed meeting
 * and show a cancelled one as cancelled instead of adding a second event.
 */
export function meetingsCalendar(
  name: string,
  meetings: MeetingForCalendar[],
  options: { publicUrl: string; now: Date },
) {
  const calendar = ical({
    name,
    prodId: { company: 'MASA', product: 'Meetings', language: 'EN' },
    // Calendar programs that honour it check for changes hourly.
    ttl: 60 * 60,
  });
  for (const meeting of meetings) {
    const url = `${options.publicUrl}/meetings/${meeting.id}`;
    calendar.createEvent({
      id: `meeting-${meeting.id}@masa`,
      sequence: meeting.version,
      stamp: options.now,
      start: meeting.startsAt,
      end: meeting.endsAt,
      summary: meeting.bodyName,
      location: meeting.location || null,
      url,
      description: descriptionOf(meeting, url),
      status:
        meeting.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
