import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../platform/working-days.js';
import {
  publicationNotice,
  publicationRefusal,
  publicationTarget,
  shortNoticeWarning,
  type PublicationNotice,
} from './publication.js';

const calendar = workingCalendar();
const notice = (reportSentOn: string | null, publishedOn: string, expected = 7) =>
  publicationNotice({ reportSentOn, publishedOn, expected }, calendar);

function shortNotice(found: PublicationNotice) {
  if (found.kind !== 'short_notice') throw new Error(`Expected short notice, got ${found.kind}`);
  return found;
}

describe('the publication target', () => {
  it('is the decision date plus the months, on the same day of the month', () => {
    expect(publicationTarget('2026-11-27', 6)).toBe('2027-05-27');
    expect(publicationTarget('2026-12-15', 12)).toBe('2027-12-15');
  });

  it('falls on the last day of a shorter month, leap years included', () => {
    expect(publicationTarget('2026-08-31', 6)).toBe('2027-02-28');
    expect(publicationTarget('2027-08-31', 6)).toBe('2028-02-29');
  });
});

describe('the notice the final report gives before publication', () => {
  it('refuses a publication when no final report was sent', () => {
    const found = notice(null, '2027-03-10');
    expect(found).toEqual({ kind: 'no_report' });
    expect(publicationRefusal(found)).toContain(
      'Record the date the final report was sent to the Panel and the Secretary of State',
    );
  });

  it('refuses a publication before the report was sent, naming the report date', () => {
    const found = notice('2027-03-10', '2027-03-09');
    expect(found.kind).toBe('before_report');
    expect(publicationRefusal(found)).toBe(
      'The publication date must be on or after the date the final report was sent to the Panel (10 March 2027)',
    );
  });

  it('accepts exactly the expected working days, and warns one day sooner', () => {
    // Sent Monday 1 March 2027: the seventh working day after is Wednesday 10 March.
    expect(notice('2027-03-01', '2027-03-10')).toEqual({ kind: 'enough_notice' });
    expect(notice('2027-03-01', '2027-04-30')).toEqual({ kind: 'enough_notice' });
    const short = shortNotice(notice('2027-03-01', '2027-03-09'));
    expect(short.workingDays).toBe(6);
    expect(publicationRefusal(short)).toBeNull();
    expect(shortNoticeWarning(short)).toBe(
      'Publishing on 9 March 2027 is only 6 working days after the report went to the Panel on 1 March 2027; at least 7 are expected',
    );
  });

  it('counts working days, not calendar days, across Easter', () => {
    // Sent Thursday 25 March 2027; Good Friday and Easter Monday are not working days.
    const short = shortNotice(notice('2027-03-25', '2027-04-06'));
    expect(short.workingDays).toBe(6);
    expect(notice('2027-03-25', '2027-04-07')).toEqual({ kind: 'enough_notice' });
  });

  it('warns of a publication on the day the report was sent, in the singular for one day', () => {
    expect(shortNotice(notice('2027-03-01', '2027-03-01')).workingDays).toBe(0);
    expect(shortNoticeWarning(shortNotice(notice('2027-03-01', '2027-03-02')))).toContain(
      'only 1 working day after',
    );
  });

  it("follows the case's own number of working days", () => {
    expect(notice('2027-03-01', '2027-03-04', 3)).toEqual({ kind: 'enough_notice' });
    expect(shortNotice(notice('2027-03-01', '2027-03-10', 10)).expected).toBe(10);
  });
});
