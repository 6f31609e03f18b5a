import { vocabulary } from '../../platform/vocabulary.js';
import type { IsoDate, WorkingCalendar } from '../../platform/working-days.js';

export const ACTION_STATUSES = vocabulary({
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  closed: 'Closed with evidence',
  cancelled: 'Cancelled',
});

export type ActionStatus = (typeof ACTION_STATUSES.values)[number];

/** Statuses of an action still to be done: only these can be overdue or reminded. */
export const OUTSTANDING_STATUSES: readonly ActionStatus[] = ['open', 'in_progress'];

/** Tag colours; the tag's words carry the status, the colour only repeats it. */
export const STATUS_TAG_CLASSES: Record<ActionStatus, string> = {
  open: 'govuk-tag--blue',
  in_progress: 'govuk-tag--yellow',
  done: 'govuk-tag--green',
  closed: 'govuk-tag--grey',
  cancelled: 'govuk-tag--grey',
};

export const isOutstanding = (status: string) =>
  (OUTSTANDING_STATUSES as readonly string[]).includes(status);

/** Overdue is derived, never stored: still to be done and due before today (UK). */
export function isOverdue(action: { status: string; dueOn: IsoDate }, today: IsoDate) {
  return isOutstanding(action.status) && action.dueOn < today;
}

/**
 * The latest due date whose "due soon" reminder is due today. The rule is "remind when
 * today >= addWorkingDays(dueOn, -N)"; since stepping back N working days never decreases
 * as the due date moves later, that holds exactly for due dates up to N working days after
 * today, so one comparison in SQL finds every action to remind.
 */
export function latestDueDateToRemind(
  calendar: WorkingCalendar,
  today: IsoDate,
  workingDays: number,
): IsoDate {
  return calendar.addWorkingDays(today, workingDays);
}
