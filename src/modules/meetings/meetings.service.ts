import type { MeetingsDependencies } from './meeting-context.js';
import { buildAttendance } from './attendance.service.js';
import { buildBusinessUnitView } from './business-unit.service.js';
import { buildMeetingRecords } from './meeting-records.service.js';
import { buildYearScheduling } from './meeting-schedule.service.js';
import { buildMinutesApproval } from './minutes-approval.service.js';
import { buildMinutesExport } from './minutes-export.service.js';
import { buildMinutesService } from './minutes.service.js';

/** Meetings of the partnership's bodies: schedules, agendas, attendance, decisions, minutes. */
export function buildMeetingsService(dependencies: MeetingsDependencies) {
  return {
    ...buildMeetingRecords(dependencies),
    businessUnit: buildBusinessUnitView(dependencies),
    attendance: buildAttendance(dependencies),
    yearOfMeetings: buildYearScheduling(dependencies),
    minutes: {
      ...buildMinutesService(dependencies),
      ...buildMinutesApproval(dependencies),
      ...buildMinutesExport(dependencies),
    },
  };
}

export type MeetingsService = ReturnType<typeof buildMeetingsService>;
