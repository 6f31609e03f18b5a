import type { MeetingsDependencies } from './meeting-context.js';
import { buildBusinessUnitView } from './business-unit.service.js';
import { buildMeetingRecords } from './meeting-records.service.js';

/** Meetings of the partnership's bodies: schedules, agendas, attendance, decisions, minutes. */
export function buildMeetingsService(dependencies: MeetingsDependencies) {
  return {
    ...buildMeetingRecords(dependencies),
    businessUnit: buildBusinessUnitView(dependencies),
  };
}

export type MeetingsService = ReturnType<typeof buildMeetingsService>;
