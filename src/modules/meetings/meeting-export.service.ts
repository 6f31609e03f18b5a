import { inTenant, type TenantContext } from '../../db/client.js';
import { toCsv } from '../../platform/csv.js';
import { ukDate, ukTime } from '../../platform/dates.js';
import type { AttendanceService } from './attendance.service.js';
import type { MeetingsDependencies } from './meeting-context.js';
import { listFilter } from './meeting-records.service.js';
import type { MeetingFilter } from './meetings.forms.js';
import { meetingsForExport, type MeetingRow } from './meetings.repository.js';
import { MINUTES_STATUSES } from './meetings.vocabulary.js';

const CSV_HEADINGS = [
  'Date',
  'Time',
  'Body',
  'Title',
  'Location',
  'Status',
  'Quorate',
  'Agenda published',
  'Minutes',
];

/** "Safeguarding Partnership meeting of 14 January 2027": how a meeting is named in lists. */
export const meetingTitle = (bodyName: string, startsAt: Date) =>
  `${bodyName} meeting of ${ukDate(startsAt)}`;

/** The list's meetings as a spreadsheet, with the same filters as the page. */
export function buildMeetingExport(
  { db, clock }: MeetingsDependencies,
  quoracy: AttendanceService['quoracy'],
) {
  /**
   * Quorate or not, worked out as the meeting's page does. Only meetings already started can
   * have attendance, so later and cancelled ones are answered without reading anything.
   */
  async function quorateText(context: TenantContext, row: MeetingRow, now: Date) {
    if (row.status === 'cancelled') return 'not held';
    if (row.startsAt > now) return 'not yet held';
    const result = await quoracy(context, row.id);
    if (!result?.recorded) return 'attendance not recorded';
    return result.quorate ? 'yes' : 'no';
  }

  async function exportCsv(context: TenantContext, filter: MeetingFilter) {
    const now = clock.now();
    const rows = await inTenant(db, context, (tx) =>
      meetingsForExport(tx, listFilter(filter, now)),
    );
    const lines = [];
    for (const { meeting, bodyName } of rows)
      lines.push([
        ukDate(meeting.startsAt),
        `${ukTime(meeting.startsAt)} to ${ukTime(meeting.endsAt)}`,
        bodyName,
        meetingTitle(bodyName, meeting.startsAt),
        meeting.location,
        meeting.status === 'cancelled' ? 'Cancelled' : 'Scheduled',
        await quorateText(context, meeting, now),
        meeting.agendaPublishedAt ? ukDate(meeting.agendaPublishedAt) : 'no',
        MINUTES_STATUSES.names[meeting.minutesStatus as keyof typeof MINUTES_STATUSES.names],
      ]);
    return toCsv([CSV_HEADINGS, ...lines]);
  }

  return { exportCsv };
}
