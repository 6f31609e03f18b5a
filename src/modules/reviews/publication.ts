import { addMonths, format, parseISO } from 'date-fns';
import { ukDate } from '../../platform/dates.js';
import type { IsoDate, WorkingCalendar } from '../../platform/working-days.js';

/**
 * The rules of a practice review's publication, pure: when it is due, and whether the
 * Panel and the Secretary of State had the final report long enough beforehand.
 */

/** Publication is due this many months after the decision to hold the review (Working Together). */
export function publicationTarget(decidedOn: IsoDate, months: number): IsoDate {
  return format(addMonths(parseISO(decidedOn), months), 'yyyy-MM-dd');
}

export type PublicationNotice =
  | { kind: 'no_report' }
  | { kind: 'before_report'; reportSentOn: IsoDate }
  | {
      kind: 'short_notice';
      reportSentOn: IsoDate;
      publishedOn: IsoDate;
      workingDays: number;
      expected: number;
    }
  | { kind: 'enough_notice' };

/**
 * How much notice the final report gave before publication: refused with no report or a
 * publication before it; short (allowed only with a reason) under the expected working days.
 */
export function publicationNotice(
  dates: { reportSentOn: IsoDate | null; publishedOn: IsoDate; expected: number },
  calendar: Pick<WorkingCalendar, 'workingDaysBetween'>,
): PublicationNotice {
  const { reportSentOn, publishedOn, expected } = dates;
  if (!reportSentOn) return { kind: 'no_report' };
  if (publishedOn < reportSentOn) return { kind: 'before_report', reportSentOn };
  const workingDays = calendar.workingDaysBetween(reportSentOn, publishedOn);
  return workingDays < expected
    ? { kind: 'short_notice', reportSentOn, publishedOn, workingDays, expected }
    : { kind: 'enough_notice' };
}

const day = (date: IsoDate) => ukDate(`${date}T12:00:00Z`);
const workingDays = (count: number) => `${count} working day${count === 1 ? '' : 's'}`;

/** Why a publication cannot be recorded at all, whatever reason is given; null if it can. */
export function publicationRefusal(notice: PublicationNotice): string | null {
  if (notice.kind === 'no_report')
    return 'Record the date the final report was sent to the Panel and the Secretary of State before recording its publication';
  if (notice.kind === 'before_report')
    return `The publication date must be on or after the date the final report was sent to the Panel (${day(notice.reportSentOn)})`;
  return null;
}

/** The warning a publication on short notice carries, on the form and on the case. */
export function shortNoticeWarning(
  notice: Extract<PublicationNotice, { kind: 'short_notice' }>,
): string {
  return `Publishing on ${day(notice.publishedOn)} is only ${workingDays(notice.workingDays)} after the report went to the Panel on ${day(notice.reportSentOn)}; at least ${notice.expected} are expected`;
}
