import { ukDate } from '../../platform/dates.js';

/**
 * When minutes may be written, circulated and approved. Minutes are drafted item by item,
 * circulated to the body's members, approved at the body's next meeting, then locked.
 */

interface ItemState {
  withdrawnAt: Date | null;
  proposalStatus: string | null;
  minutes: string;
}

interface MeetingState {
  startsAt: Date;
  status: string;
  minutesStatus: string;
}

/** The items a meeting minutes: withdrawn items and declined proposals were never discussed. */
export const minutedItems = <T extends ItemState>(items: T[]) =>
  items.filter((item) => !item.withdrawnAt && item.proposalStatus !== 'declined');

export const hasMinutes = (items: ItemState[]) =>
  minutedItems(items).some((item) => item.minutes.trim() !== '');

export const lockedMessage = (approvedAtMeetingOn: Date) =>
  `The minutes were approved at the meeting on ${ukDate(approvedAtMeetingOn)} and are locked`;

/**
 * Why a meeting's minutes cannot be changed, or null. `approvedAtMeetingOn` is the start of
 * the meeting that approved them, when they are approved.
 */
export function minutesEditProblem(meeting: MeetingState, approvedAtMeetingOn: Date | null) {
  if (meeting.minutesStatus === 'approved') return lockedMessage(approvedAtMeetingOn!);
  if (meeting.status === 'cancelled') return 'The meeting was cancelled, so it has no minutes';
  return null;
}

export function circulationProblem(
  meeting: MeetingState,
  approvedAtMeetingOn: Date | null,
  items: ItemState[],
) {
  const editProblem = minutesEditProblem(meeting, approvedAtMeetingOn);
  if (editProblem) return editProblem;
  if (!hasMinutes(items))
    return 'There is nothing to circulate: write the minutes of at least one item first';
  return null;
}

/** Why the minutes of `earlier` cannot be approved at `approving`, or null when they can. */
export function approvalProblem(
  earlier: MeetingState & { approvedAtMeetingOn: Date | null },
  approving: MeetingState,
  item: { withdrawnAt: Date | null },
) {
  const of = ukDate(earlier.startsAt);
  if (approving.status === 'cancelled')
    return 'This meeting was cancelled, so it cannot approve minutes';
  if (item.withdrawnAt) return 'This item was withdrawn from the agenda';
  if (approving.minutesStatus === 'approved')
    return 'The minutes of this meeting are approved, so its record cannot change: record a correction as an erratum at a later meeting';
  if (earlier.minutesStatus === 'approved')
    return `The minutes of ${of} were approved already, at the meeting on ${ukDate(earlier.approvedAtMeetingOn)}`;
  if (earlier.status === 'cancelled')
    return `The meeting of ${of} was cancelled, so it has no minutes to approve`;
  if (earlier.minutesStatus !== 'circulated')
    return `The minutes of ${of} have not been circulated yet: circulate them to the members before they are approved`;
  return null;
}

/** Why a meeting that is not quorate cannot approve minutes (section 21), in words. */
export function notQuorateProblem(quoracy: {
  missingAgencies: { name: string }[];
  headCountShortfall: number;
}) {
  const reasons = quoracy.missingAgencies.map((agency) => `${agency.name} is not represented`);
  if (quoracy.headCountShortfall > 0)
    reasons.push(
      `${quoracy.headCountShortfall} more decision-making ${quoracy.headCountShortfall === 1 ? 'member is' : 'members are'} needed`,
    );
  return `This meeting is not quorate, so it cannot approve minutes${reasons.length ? `: ${reasons.join('; ')}` : ''}`;
}

/** The minutes' stage as the export and the page word it. */
export function minutesStatusLine(
  meeting: MeetingState & { minutesCirculatedAt: Date | null },
  approvedAtMeetingOn: Date | null,
) {
  if (meeting.minutesStatus === 'approved')
    return `Approved at the meeting on ${ukDate(approvedAtMeetingOn)}`;
  if (meeting.minutesStatus === 'circulated')
    return `Draft minutes, circulated on ${ukDate(meeting.minutesCirculatedAt)}`;
  return 'Draft minutes';
}
