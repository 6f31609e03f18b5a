import type { IsoDate, WorkingCalendar } from '../../platform/working-days.js';
import type { Timescales } from '../calendar/timescales.js';

/**
 * Where a case stands and which statutory clocks run on it: pure, from the dates recorded,
 * the timescales the case was opened with, and the working calendar.
 */
export type CaseKind = 'serious_incident' | 'good_practice';
export type RapidReviewOutcome = 'national_review' | 'local_review' | 'no_review';

export interface CaseFacts {
  kind: CaseKind;
  awareOn: IsoDate;
  panelNotifiedOn: IsoDate | null;
  ofstedNotifiedOn: IsoDate | null;
  partnersNotifiedOn: IsoDate | null;
  closed: boolean;
  timescales: Timescales;
  /** Null until the rapid review is started, though its clock runs from the notification. */
  rapidReview: {
    outcome: RapidReviewOutcome | null;
    sentToPanelOn: IsoDate | null;
    panelResponseOn: IsoDate | null;
  } | null;
  practiceReview: {
    targetOn: IsoDate;
    /** The latest delay's revised date, which replaces the target. */
    revisedOn: IsoDate | null;
    finalReportSentOn: IsoDate | null;
    publishedOn: IsoDate | null;
    notPublishedReason: string | null;
  } | null;
}

export const STAGE_NAMES = {
  notification: 'Serious incident notification',
  rapid_review: 'Rapid review',
  national_review: 'National review',
  local_review: 'Local review',
  action_plan: 'Action plan',
  learning: 'Learning',
  closed: 'Closed',
} as const;
export type Stage = keyof typeof STAGE_NAMES;

export type DeadlineKey =
  | 'notify_panel'
  | 'notify_ofsted'
  | 'tell_partners'
  | 'rapid_review'
  | 'panel_response'
  | 'final_report'
  | 'publication';

export interface Deadline {
  key: DeadlineKey;
  name: string;
  dueOn: IsoDate;
  metOn: IsoDate | null;
  /** A statutory clock; the Panel's response is only expected. */
  statutory: boolean;
  basis: string;
}

export type Urgency = 'overdue' | 'due_soon' | 'on_track';
export const URGENCY_NAMES: Record<Urgency, string> = {
  overdue: 'Overdue',
  due_soon: 'Due within 3 working days',
  on_track: 'On track',
};
const DUE_SOON_WORKING_DAYS = 3;

export function stageOf(facts: CaseFacts): Stage {
  if (facts.closed) return 'closed';
  if (facts.kind === 'good_practice') return 'learning';
  // Until someone starts the rapid review the case page asks to start it: the case is still
  // at its notification, whatever the rapid review's clock says.
  const rapid = facts.rapidReview;
  if (!facts.panelNotifiedOn || !rapid) return 'notification';
  if (!rapid?.sentToPanelOn || !rapid.outcome) return 'rapid_review';
  if (rapid.outcome === 'national_review') return 'national_review';
  if (rapid.outcome === 'no_review') return 'learning';
  const review = facts.practiceReview;
  if (review && (review.publishedOn || review.notPublishedReason)) return 'action_plan';
  return 'local_review';
}

function days(count: number, unit = 'working days') {
  return `${count} ${count === 1 ? unit.replace(/s$/, '') : unit}`;
}

export function deadlinesOf(facts: CaseFacts, calendar: WorkingCalendar): Deadline[] {
  if (facts.kind !== 'serious_incident') return [];
  const { timescales: t } = facts;
  const notifyBy = calendar.addWorkingDays(facts.awareOn, t.notificationWorkingDays);
  const notifyBasis = `${days(t.notificationWorkingDays)} from the day the local authority became aware (GOV.UK guidance)`;
  const deadlines: Deadline[] = [
    {
      key: 'notify_panel',
      name: 'Notify the national Panel',
      dueOn: notifyBy,
      metOn: facts.panelNotifiedOn,
      statutory: true,
      basis: notifyBasis,
    },
    {
      key: 'notify_ofsted',
      name: 'Notify Ofsted and the DfE',
      dueOn: notifyBy,
      metOn: facts.ofstedNotifiedOn,
      statutory: true,
      basis: notifyBasis,
    },
    {
      key: 'tell_partners',
      name: 'Tell the safeguarding partners',
      dueOn: notifyBy,
      metOn: facts.partnersNotifiedOn,
      statutory: true,
      basis: notifyBasis,
    },
  ];
  if (facts.panelNotifiedOn)
    deadlines.push({
      key: 'rapid_review',
      name: 'Send the rapid review to the Panel',
      dueOn: calendar.addWorkingDays(facts.panelNotifiedOn, t.rapidReviewWorkingDays),
      metOn: facts.rapidReview?.sentToPanelOn ?? null,
      statutory: true,
      basis: `${days(t.rapidReviewWorkingDays)} from the notification (Working Together)`,
    });
  const sent = facts.rapidReview?.sentToPanelOn;
  if (sent)
    deadlines.push({
      key: 'panel_response',
      name: "The Panel's response",
      dueOn: calendar.addWorkingDays(sent, t.panelResponseWorkingDays),
      metOn: facts.rapidReview?.panelResponseOn ?? null,
      statutory: false,
      basis: `About ${days(t.panelResponseWorkingDays)} after the rapid review was sent (expected, not statutory)`,
    });
  const review = facts.practiceReview;
  if (review && !review.notPublishedReason) {
    const publishBy = review.revisedOn ?? review.targetOn;
    const revised = review.revisedOn ? ', revised after a recorded delay' : '';
    deadlines.push(
      {
        key: 'final_report',
        name: 'Send the final report to the Panel and the Secretary of State',
        dueOn: calendar.addWorkingDays(publishBy, -t.finalReportWorkingDays),
        metOn: review.finalReportSentOn,
        statutory: true,
        basis: `At least ${days(t.finalReportWorkingDays)} before publication (Working Together 2018)`,
      },
      {
        key: 'publication',
        name: 'Publish the practice review',
        dueOn: publishBy,
        metOn: review.publishedOn,
        statutory: true,
        basis: `${days(t.practiceReviewMonths, 'months')} from the decision to hold it (Working Together)${revised}`,
      },
    );
  }
  return deadlines;
}

export function urgencyOf(dueOn: IsoDate, today: IsoDate, calendar: WorkingCalendar): Urgency {
  if (today > dueOn) return 'overdue';
  return calendar.workingDaysBetween(today, dueOn) <= DUE_SOON_WORKING_DAYS
    ? 'due_soon'
    : 'on_track';
}

/** The earliest statutory deadline not yet met, with the working days left (negative when late). */
export function nextDeadline(facts: CaseFacts, calendar: WorkingCalendar, today: IsoDate) {
  if (facts.closed) return null;
  const open = deadlinesOf(facts, calendar)
    .filter((deadline) => deadline.statutory && !deadline.metOn)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const next = open[0];
  if (!next) return null;
  return {
    ...next,
    workingDaysLeft: calendar.workingDaysBetween(today, next.dueOn),
    urgency: urgencyOf(next.dueOn, today, calendar),
  };
}

/** Met on time, met late, or still open: for the yearly report's "deadlines met". */
export function deadlineMet(deadline: Deadline): 'on_time' | 'late' | 'open' {
  if (!deadline.metOn) return 'open';
  return deadline.metOn <= deadline.dueOn ? 'on_time' : 'late';
}
