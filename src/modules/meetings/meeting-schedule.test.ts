import { describe, expect, it } from 'vitest';
import { text } from '../../testing/agent.js';
import { meetingTestBed } from './meeting-fixtures.js';

const { services, context, agent, fixtures, meeting } = await meetingTestBed();

const yearFields = (bodyId: string, extra: Record<string, string> = {}) => ({
  bodyId,
  'firstDay-day': '25',
  'firstDay-month': '12',
  'firstDay-year': '2026',
  startTime: '10:00',
  endTime: '12:00',
  location: 'Civic Centre, Room 4',
  intervalWeeks: '',
  ...extra,
});

const meetingsOf = async (body: string) =>
  (await services.meetings.list(context, { body, when: 'all' })).total;

const FORM = '/meetings/schedule-year';

describe('scheduling a year of meetings', () => {
  it('shows every date, explains the moved ones, then schedules them all', async () => {
    const body = await fixtures.body({ name: 'Learning Sub-group', cadence: 'monthly' });
    const form = await agent.get(`${FORM}?body=${body}`);
    expect(form.$('#bodyId option:selected').text()).toBe('Learning Sub-group (monthly)');

    const check = await agent.submit(FORM, yearFields(body));
    expect(check.status).toBe(200);
    expect(text(check, 'h1')).toBe('Check the meetings of Learning Sub-group');
    expect(text(check, '.govuk-summary-list')).toContain('Monthly, on the last Friday');
    const rows = check.$('#planned-meetings tbody tr');
    expect(rows).toHaveLength(12);
    expect(text(check, '#planned-meetings caption')).toBe('12 meetings');
    expect(check.$(rows[0]).text()).toContain('29 December 2026');
    expect(check.$(rows[0]).text()).toContain('Moved from 25 December 2026: Christmas Day');
    // The last Friday of March 2027 is Good Friday, and the Monday after is Easter Monday.
    expect(check.$(rows[3]).text()).toContain('30 March 2027');
    expect(check.$(rows[3]).text()).toContain('Moved from 26 March 2027: Good Friday');
    expect(check.$(rows[1]).text()).toContain('29 January 2027');
    expect(await meetingsOf(body)).toBe(0);
    const change = await agent.get(check.$('a:contains("Change these details")').attr('href')!);
    expect(change.$('#bodyId option:selected').val()).toBe(body);
    expect(change.$('#firstDay-day').val()).toBe('25');
    expect(change.$('#location').val()).toBe('Civic Centre, Room 4');

    const hidden = Object.fromEntries(
      check
        .$('form[action="/meetings/schedule-year/confirm"] input[type=hidden]')
        .toArray()
        .map((input) => [check.$(input).attr('name')!, check.$(input).val() as string]),
    );
    const confirmed = await agent.post('/meetings/schedule-year/confirm', hidden);
    expect(confirmed.status).toBe(303);
    expect(confirmed.location).toBe(`/meetings?body=${body}`);
    const list = await agent.get(confirmed.location!);
    expect(text(list, '.govuk-notification-banner')).toContain(
      '12 meetings of Learning Sub-group scheduled',
    );
    expect(text(list, 'table')).toContain('29 December 2026');
    expect(await meetingsOf(body)).toBe(12);

    // Upcoming meetings are listed soonest first.
    const { rows: scheduled } = await services.meetings.list(context, { body, when: 'upcoming' });
    const second = await services.meetings.find(context, scheduled[1]!.id);
    expect(second!.meeting.location).toBe('Civic Centre, Room 4');
    expect(second!.items.find((item) => item.origin === 'minutes_approval')?.title).toBe(
      'Minutes of the meeting of 29 December 2026',
    );
  });

  it('links to the year form from the meetings page', async () => {
    const body = await fixtures.body();
    const list = await agent.get(`/meetings?body=${body}`);
    expect(list.$(`a[href="${FORM}?body=${body}"]`).text().trim()).toBe(
      'Schedule a year of meetings',
    );
  });

  it('asks a custom-cadence body how many weeks apart, and meets that often', async () => {
    const body = await fixtures.body({ name: 'Child Death Forum', cadence: 'custom' });
    const missing = await agent.submit(
      FORM,
      yearFields(body, { 'firstDay-day': '12', 'firstDay-month': '1', 'firstDay-year': '2027' }),
    );
    expect(missing.status).toBe(400);
    expect(text(missing, '.govuk-error-summary')).toContain(
      'Enter how many weeks apart the meetings are: Child Death Forum has a custom cadence',
    );
    const check = await agent.submit(
      FORM,
      yearFields(body, {
        'firstDay-day': '12',
        'firstDay-month': '1',
        'firstDay-year': '2027',
        intervalWeeks: '6',
      }),
    );
    expect(text(check, '.govuk-summary-list')).toContain('Every 6 weeks');
    expect(check.$('#planned-meetings tbody tr')).toHaveLength(9);
    const done = await agent.submit(
      '/meetings/schedule-year/confirm',
      yearFields(body, {
        'firstDay-day': '12',
        'firstDay-month': '1',
        'firstDay-year': '2027',
        intervalWeeks: '6',
      }),
      FORM,
    );
    expect(done.status).toBe(303);
    expect(await meetingsOf(body)).toBe(9);
  });

  it('refuses weeks for a body that meets monthly, and weeks that are not a whole number from 1 to 52', async () => {
    const body = await fixtures.body({ name: 'Quality Group', cadence: 'monthly' });
    const given = await agent.submit(FORM, yearFields(body, { intervalWeeks: '4' }));
    expect(given.status).toBe(400);
    expect(text(given, '.govuk-error-summary')).toContain(
      'Leave the weeks between meetings blank: Quality Group meets monthly',
    );
    for (const weeks of ['0', '53', 'six', '2.5']) {
      const bad = await agent.submit(FORM, yearFields(body, { intervalWeeks: weeks }));
      expect(bad.status).toBe(400);
      expect(text(bad, '.govuk-error-summary')).toContain(
        'Weeks between meetings must be a whole number from 1 to 52',
      );
      expect(bad.$('#intervalWeeks').val()).toBe(weeks);
    }
    expect(await meetingsOf(body)).toBe(0);
  });

  it('refuses a closed body, an end before the start and dates that are not real or are past', async () => {
    const closed = await fixtures.body({ name: 'Old Group', cadence: 'monthly' });
    expect((await services.governance.bodies.close(context, closed)).ok).toBe(true);
    const refused = await agent.submit('/meetings/schedule-year/confirm', yearFields(closed), FORM);
    expect(refused.status).toBe(400);
    expect(text(refused, '.govuk-error-summary')).toContain(
      'Old Group is closed, so no meetings can be scheduled for it',
    );
    expect(await meetingsOf(closed)).toBe(0);

    const body = await fixtures.body({ cadence: 'quarterly' });
    const backwards = await agent.submit(FORM, yearFields(body, { endTime: '9am' }));
    expect(backwards.status).toBe(400);
    expect(text(backwards, '.govuk-error-summary')).toContain(
      'The end time must be after the start time',
    );
    expect(backwards.$('#location').val()).toBe('Civic Centre, Room 4');
    const unreal = await agent.submit(
      FORM,
      yearFields(body, { 'firstDay-day': '31', 'firstDay-month': '2', 'firstDay-year': '2027' }),
    );
    expect(text(unreal, '.govuk-error-summary')).toContain(
      'Date of the first meeting must be a real date',
    );
    expect(unreal.$('#firstDay-day').val()).toBe('31');
    const blank = await agent.submit(
      FORM,
      yearFields('', { 'firstDay-day': '', 'firstDay-month': '', 'firstDay-year': '' }),
    );
    expect(text(blank, '.govuk-error-summary')).toContain('Select the body that is meeting');
    expect(text(blank, '.govuk-error-summary')).toContain('Enter date of the first meeting');
    const past = await agent.submit(
      FORM,
      yearFields(body, { 'firstDay-day': '2', 'firstDay-month': '11', 'firstDay-year': '2026' }),
    );
    expect(text(past, '.govuk-error-summary')).toContain(
      'The first meeting must be today or in the future',
    );
    expect(await meetingsOf(body)).toBe(0);
  });

  it('refuses a year that clashes with meetings already scheduled, naming the days', async () => {
    const body = await fixtures.body({ name: 'Audit Group', cadence: 'bi_monthly' });
    await meeting(body, '2027-03-09', { startTime: '14:00', endTime: '15:00' });
    const fields = yearFields(body, {
      'firstDay-day': '12',
      'firstDay-month': '1',
      'firstDay-year': '2027',
    });
    const clash = await agent.submit(FORM, fields);
    expect(clash.status).toBe(400);
    expect(text(clash, '.govuk-error-summary')).toContain(
      'Audit Group already has a meeting on 9 March 2027. Change or cancel it first',
    );
    expect(await meetingsOf(body)).toBe(1);

    // A meeting scheduled between the check page and the confirmation is caught too.
    const other = await fixtures.body({ name: 'Practice Group', cadence: 'quarterly' });
    const otherFields = yearFields(other, {
      'firstDay-day': '12',
      'firstDay-month': '1',
      'firstDay-year': '2027',
    });
    expect((await agent.submit(FORM, otherFields)).status).toBe(200);
    await meeting(other, '2027-04-13');
    await meeting(other, '2027-07-13');
    const late = await agent.submit('/meetings/schedule-year/confirm', otherFields, FORM);
    expect(late.status).toBe(400);
    expect(text(late, '.govuk-error-summary')).toContain(
      'Practice Group already has a meeting on 13 April 2027 and 13 July 2027. Change or cancel them first',
    );
    expect(await meetingsOf(other)).toBe(2);
  });
});
