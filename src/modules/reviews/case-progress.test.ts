import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../platform/working-days.js';
import { DEFAULT_TIMESCALES } from '../calendar/timescales.js';
import {
  deadlineMet,
  deadlinesOf,
  nextDeadline,
  stageOf,
  type CaseFacts,
} from './case-progress.js';

const calendar = workingCalendar();
const incident: CaseFacts = {
  kind: 'serious_incident',
  // Friday 18 December 2026: Christmas and the Boxing Day substitute fall in the clock.
  awareOn: '2026-12-18',
  panelNotifiedOn: null,
  ofstedNotifiedOn: null,
  partnersNotifiedOn: null,
  closed: false,
  timescales: DEFAULT_TIMESCALES,
  rapidReview: null,
  practiceReview: null,
};
const due = (facts: CaseFacts, key: string) =>
  deadlinesOf(facts, calendar).find((deadline) => deadline.key === key)?.dueOn;

describe('case progress', () => {
  it('counts 5 working days from awareness over Christmas and its substitute day', () => {
    // 21, 22, 23, 24 and (after Christmas Day and Monday's substitute for Boxing Day) 29 December.
    expect(due(incident, 'notify_panel')).toBe('2026-12-29');
    expect(stageOf(incident)).toBe('notification');
  });

  it('runs the rapid review clock from the notification, 15 working days', () => {
    const notified = { ...incident, panelNotifiedOn: '2026-12-22' };
    // 23, 24, 29, 30, 31 Dec, 4-8 Jan, 11-15 Jan: the fifteenth is 15 January 2027.
    expect(due(notified, 'rapid_review')).toBe('2027-01-15');
    // The clock runs from the notification, but the stage waits for the rapid review to start.
    expect(stageOf(notified)).toBe('notification');
    const started = { outcome: null, sentToPanelOn: null, panelResponseOn: null };
    expect(stageOf({ ...notified, rapidReview: started })).toBe('rapid_review');
  });

  it('uses the timescales the case was opened with', () => {
    const longer = {
      ...incident,
      timescales: { ...DEFAULT_TIMESCALES, notificationWorkingDays: 10 },
    };
    expect(due(longer, 'notify_panel')).toBe('2027-01-06');
  });

  it('names the next statutory deadline, its working days left and its urgency in words', () => {
    expect(nextDeadline(incident, calendar, '2026-12-21')).toMatchObject({
      key: 'notify_panel',
      workingDaysLeft: 4,
      urgency: 'on_track',
    });
    expect(nextDeadline(incident, calendar, '2026-12-22')).toMatchObject({ urgency: 'due_soon' });
    expect(nextDeadline(incident, calendar, '2026-12-30')).toMatchObject({
      urgency: 'overdue',
      workingDaysLeft: -1,
    });
  });

  it('moves through the stages to the action plan, with the final report due 7 working days before publication', () => {
    const published: CaseFacts = {
      ...incident,
      panelNotifiedOn: '2026-12-21',
      ofstedNotifiedOn: '2026-12-21',
      partnersNotifiedOn: '2026-12-21',
      rapidReview: { outcome: 'local_review', sentToPanelOn: '2027-01-08', panelResponseOn: null },
      practiceReview: {
        targetOn: '2027-07-08',
        revisedOn: null,
        finalReportSentOn: null,
        publishedOn: null,
        notPublishedReason: null,
      },
    };
    expect(stageOf(published)).toBe('local_review');
    expect(due(published, 'final_report')).toBe('2027-06-29');
    expect(nextDeadline(published, calendar, '2027-02-01')?.key).toBe('final_report');
    const delayed = {
      ...published,
      practiceReview: { ...published.practiceReview!, revisedOn: '2027-10-29' },
    };
    expect(due(delayed, 'publication')).toBe('2027-10-29');
    const done = {
      ...published,
      practiceReview: {
        ...published.practiceReview!,
        finalReportSentOn: '2027-06-20',
        publishedOn: '2027-07-01',
      },
    };
    expect(stageOf(done)).toBe('action_plan');
    expect(nextDeadline(done, calendar, '2027-07-02')).toBeNull();
  });

  it('says whether each deadline was met on time or late', () => {
    const late = { ...incident, panelNotifiedOn: '2027-01-04' };
    const notify = deadlinesOf(late, calendar).find((deadline) => deadline.key === 'notify_panel')!;
    expect(deadlineMet(notify)).toBe('late');
    const tellPartners = deadlinesOf(late, calendar).find(
      (deadline) => deadline.key === 'tell_partners',
    )!;
    expect(deadlineMet(tellPartners)).toBe('open');
  });

  it('gives good-practice cases no statutory clock, and closed cases no next deadline', () => {
    expect(deadlinesOf({ ...incident, kind: 'good_practice' }, calendar)).toEqual([]);
    expect(stageOf({ ...incident, kind: 'good_practice' })).toBe('learning');
    expect(nextDeadline({ ...incident, closed: true }, calendar, '2027-01-04')).toBeNull();
  });
});
