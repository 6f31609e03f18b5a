import { describe, expect, it } from 'vitest';
import { text } from '../../testing/agent.js';
import { meetingTestBed } from './meeting-fixtures.js';

const { services, context, agent, fixtures, meeting } = await meetingTestBed();

const meetingFields = (bodyId: string, extra: Record<string, string> = {}) => ({
  bodyId,
  'day-day': '14',
  'day-month': '1',
  'day-year': '2027',
  startTime: '10:00',
  endTime: '12:30',
  location: 'Council House, Room 1',
  ...extra,
});

describe('scheduling a meeting', () => {
  it('schedules a meeting in UK time and shows it on its page and in the list', async () => {
    const body = await fixtures.body({ name: 'Safeguarding Partnership', bodyType: 'partnership' });
    const added = await agent.submit(
      '/meetings/new',
      meetingFields(body, { startTime: '2pm', endTime: '4:30pm' }),
    );
    expect(added.status).toBe(303);
    const page = await agent.get(added.location!);
    expect(text(page, 'h1')).toBe('Meeting on 14 January 2027');
    expect(text(page, '.govuk-summary-list')).toContain('14 January 2027, 2:00pm to 4:30pm');
    expect(text(page, '.govuk-summary-list')).toContain('Council House, Room 1');
    const list = await agent.get(`/meetings?body=${body}`);
    expect(text(list, 'table')).toContain('14 January 2027');
    expect(text(list, 'table')).toContain('Agenda not published');
  });

  it('refuses an end before the start, a missing date and unreadable times, keeping what was typed', async () => {
    const body = await fixtures.body();
    const before = (await services.meetings.list(context, { body })).total;
    const backwards = await agent.submit(
      '/meetings/new',
      meetingFields(body, { endTime: '09:00' }),
    );
    expect(backwards.status).toBe(400);
    expect(text(backwards, '.govuk-error-summary')).toContain(
      'The end time must be after the start time',
    );
    expect(backwards.$('#location').val()).toBe('Council House, Room 1');
    const blank = await agent.submit(
      '/meetings/new',
      meetingFields(body, {
        'day-day': '',
        'day-month': '',
        'day-year': '',
        startTime: 'noon',
        endTime: '',
      }),
    );
    const summary = text(blank, '.govuk-error-summary');
    expect(summary).toContain('Enter date of the meeting');
    expect(summary).toContain('Start time must be a real time');
    expect(summary).toContain('Enter the end time');
    expect((await services.meetings.list(context, { body })).total).toBe(before);
  });

  it('refuses a meeting on a closed body', async () => {
    const body = await fixtures.body({ name: 'Closed Group' });
    expect((await services.governance.bodies.close(context, body)).ok).toBe(true);
    const refused = await agent.submit('/meetings/new', meetingFields(body));
    expect(refused.status).toBe(400);
    expect(text(refused, '.govuk-error-summary')).toContain(
      'Closed Group is closed, so no meetings can be scheduled for it',
    );
    expect((await services.meetings.list(context, { body, when: 'all' })).total).toBe(0);
  });

  it('starts the next agenda with approval of the previous meeting’s minutes', async () => {
    const body = await fixtures.body();
    const first = await meeting(body, '2027-01-12');
    const second = await meeting(body, '2027-03-09');
    const found = await services.meetings.find(context, second);
    const approval = found!.items.find((item) => item.origin === 'minutes_approval');
    expect(approval?.title).toBe('Minutes of the meeting of 12 January 2027');
    expect(approval?.approvesMinutesOfMeetingId).toBe(first);
    const third = await meeting(body, '2027-05-11');
    const carriedAgain = (await services.meetings.find(context, third))!.items.filter(
      (item) => item.approvesMinutesOfMeetingId === first,
    );
    expect(carriedAgain).toHaveLength(0);
  });

  it('answers 404 for a meeting that does not exist or a malformed id', async () => {
    expect((await agent.get('/meetings/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await agent.get('/meetings/not-an-id')).status).toBe(404);
  });
});
