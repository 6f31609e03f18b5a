import type { MeetingsDependencies } from './meeting-context.js';
import { buildAgendaService } from './agenda.service.js';
import { buildAttendanceStatistics } from './attendance-statistics.service.js';
import { buildAttendance } from './attendance.service.js';
import { buildBusinessUnitView } from './business-unit.service.js';
import { buildDecisions } from './decisions.service.js';
import { buildDecisionsRegister } from './decisions-register/decisions-register.service.js';
import { buildCalendarFeeds } from './calendar-feeds.service.js';
import { buildMeetingChanges } from './meeting-changes.service.js';
import { buildMeetingExport } from './meeting-export.service.js';
import { buildMeetingRecords } from './meeting-records.service.js';
import { buildYearScheduling } from './meeting-schedule.service.js';
import { buildMinutesApproval } from './minutes-approval.service.js';
import { buildMinutesExport } from './minutes-export.service.js';
import { buildMinutesService } from './minutes.service.js';

/** Meetings of the partnership's bodies: schedules, agendas, attendance, decisions, minutes. */
export function buildMeetingsService(dependencies: MeetingsDependencies) {
  const attendance = buildAttendance(dependencies);
  return {
    ...buildMeetingRecords(dependencies),
    ...buildMeetingExport(dependencies, attendance.quoracy),
    businessUnit: buildBusinessUnitView(dependencies),
    yearOfMeetings: buildYearScheduling(dependencies),
    changes: buildMeetingChanges(dependencies),
    calendarFeeds: buildCalendarFeeds(dependencies),
    agenda: buildAgendaService(dependencies),
    attendance,
    decisions: buildDecisions(dependencies, attendance),
    decisionsRegister: buildDecisionsRegister(dependencies),
    attendanceStatistics: buildAttendanceStatistics(dependencies),
    minutes: {
      ...buildMinutesService(dependencies),
      ...buildMinutesApproval(dependencies, attendance.quoracy),
      ...buildMinutesExport(dependencies),
    },
  };
}

export type MeetingsService = ReturnType<typeof buildMeetingsService>;
