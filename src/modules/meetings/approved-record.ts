import { ukDate } from '../../platform/dates.js';

/**
 * Once a meeting's minutes are approved, its record (the meeting itself, attendance, guests,
 * agenda, papers, decisions and minutes) is what the body agreed happened: it is read-only.
 * A mistake found later is corrected by an erratum minuted at a later meeting, as councils
 * do, never by editing the approved record (decision 0021).
 */
interface MeetingState {
  minutesStatus: string;
  minutesApprovedAt: Date | null;
}

export const isApprovedRecord = (meeting: MeetingState) => meeting.minutesStatus === 'approved';

/** Why `what` ("its attendance", "the meeting") cannot change, or null while it can. */
export function approvedRecordProblem(meeting: MeetingState, what: string) {
  if (!isApprovedRecord(meeting)) return null;
  const on = meeting.minutesApprovedAt ? ` on ${ukDate(meeting.minutesApprovedAt)}` : '';
  return `The minutes of this meeting were approved${on}, so ${what} cannot change: record a correction as an erratum at a later meeting`;
}
