import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { Agent, text } from '../../testing/agent.js';
import { createUser } from '../../testing/fixtures.js';
import { agendaFixtures } from './agenda-fixtures.js';
import { cancelMeeting, quorumScene, recordAttendance } from './attendance-fixtures.js';
import { meetingTestBed } from './meeting-fixtures.js';

// The clock stands at 09:00 on 27 November 2026: October and November's meetings are past.
const bed = await meetingTestBed();
const { agent, fixtures, meeting, services, context, app, database, partnership } = bed;
const scene = await quorumScene(bed, { bodyName: 'Practice Review Group' });
const quorate = await meeting(scene.body, '2026-10-06', { location: 'Council House, Room 1' });
await recordAttendance(bed, quorate, [
  { membershipId: scene.policeSeat, status: 'present' },
  { membershipId: scene.councilSeat, status: 'present' },
]);
const notQuorate = await meeting(scene.body, '2026-11-10', { location: 'Police HQ' });
await recordAttendance(bed, notQuorate, [{ membershipId: scene.councilSeat, status: 'present' }]);
await agendaFixtures(services, context).agendaItem(notQuorate, 'Neglect strategy refresh');
const learning = await fixtures.body({ name: 'Learning and Training Group' });
const future = await meeting(learning, '2027-01-14', { location: '=Town Hall' });
const cancelled = await meeting(learning, '2026-09-01', { location: 'Town Hall annexe' });
await cancelMeeting(bed, cancelled);

const observer = await createUser(database.app.db, services, partnership.id, {
  roles: ['observer'],
});
const observerAgent = new Agent(app);
await observerAgent.signIn(observer, bed.clock.now());

/** The meetings the list shows, by the link each row's date carries. */
const listed = async (query: string) => {
  const page = await agent.get(`/meetings?${query}`);
  expect(page.status).toBe(200);
  return page
    .$('table a[href^="/meetings/"]')
    .map((_, link) => page.$(link).attr('href')!.replace('/meetings/', ''))
    .get();
};

const dates = (name: string, day: string, month: string, year: string) =>
  `${name}-day=${day}&${name}-month=${month}&${name}-year=${year}`;

describe('searching the meetings list', () => {
  it('finds meetings by the body chosen', async () => {
    expect(await listed(`body=${scene.body}&when=all`)).toEqual([notQuorate, quorate]);
  });

  it('finds text in the body name, the location or an agenda item title, as typed in any case', async () => {
    expect(await listed('when=all&q=NEGLECT+strategy')).toEqual([notQuorate]);
    expect(await listed('when=all&q=town+hall')).toEqual([future, cancelled]);
    expect(await listed('when=all&q=learning+and+training')).toEqual([future, cancelled]);
    // LIKE's wildcards are taken as typed, not as "anything".
    expect(await listed('when=all&q=%25')).toEqual([]);
  });

  it('finds meetings between two dates, both days included, whatever "Show" says', async () => {
    const found = await listed(
      `when=upcoming&${dates('from', '6', '10', '2026')}&${dates('to', '10', '11', '2026')}`,
    );
    expect(found).toEqual([notQuorate, quorate]);
    expect(await listed(`${dates('from', '1', '1', '2027')}`)).toEqual([future]);
    expect(await listed(`${dates('to', '1', '9', '2026')}`)).toEqual([cancelled]);
  });

  it('keeps the search in the pages of a long list and in the CSV link', async () => {
    const many = await fixtures.body({ name: 'Pagination Forum' });
    for (let week = 0; week < 26; week += 1)
      await meeting(many, new Date(Date.UTC(2027, 1, 1 + week * 7)).toISOString().slice(0, 10));
    const first = await agent.get(`/meetings?q=pagination&${dates('from', '1', '2', '2027')}`);
    const next = first.$('.govuk-pagination__next a').attr('href')!;
    expect(next).toContain('q=pagination');
    expect(next).toContain('from-year=2027');
    const second = await agent.get(next);
    expect(second.$('table tbody tr')).toHaveLength(1);
    expect(text(second, 'main')).toContain('26 results');
    const csvHref = first.$('a[href^="/meetings.csv"]').attr('href')!;
    expect(csvHref).toContain('q=pagination');
    expect(csvHref).not.toContain('page=');
  });

  it('refuses impossible dates and a "to" before the "from", keeping what was typed', async () => {
    const impossible = await agent.get(
      `/meetings?q=neglect&${dates('from', '31', '2', '2026')}&${dates('to', '', '3', '2026')}`,
    );
    expect(impossible.status).toBe(400);
    const summary = text(impossible, '.govuk-error-summary');
    expect(summary).toContain('From date must be a real date');
    expect(summary).toContain('To date must include a day');
    expect(impossible.$('#from-day').val()).toBe('31');
    expect(impossible.$('#to-month').val()).toBe('3');
    expect(impossible.$('#q').val()).toBe('neglect');
    expect(impossible.$('table tbody a')).toHaveLength(0);

    const backwards = await agent.get(
      `/meetings?${dates('from', '10', '11', '2026')}&${dates('to', '6', '10', '2026')}`,
    );
    expect(backwards.status).toBe(400);
    expect(text(backwards, '.govuk-error-summary')).toContain(
      'The to date must be the same as or after the from date',
    );
    expect(backwards.$('#to-day').val()).toBe('6');

    const csv = await agent.get(`/meetings.csv?${dates('from', '31', '2', '2026')}`);
    expect(csv.status).toBe(303);
    expect(csv.location).toBe(`/meetings?${dates('from', '31', '2', '2026')}`);
  });
});

describe('the meetings CSV', () => {
  it('lists the filtered meetings with quoracy, agenda and minutes in words, formula-safe', async () => {
    const csv = await observerAgent.get('/meetings.csv?when=all&q=group');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = parse(csv.body.replace(/^\uFEFF/, '')) as string[][];
    expect(rows).toEqual([
      [
        'Date',
        'Time',
        'Body',
        'Title',
        'Location',
        'Status',
        'Quorate',
        'Agenda published',
        'Minutes',
      ],
      [
        '14 January 2027',
        '10:00am to 12:00pm',
        'Learning and Training Group',
        'Learning and Training Group meeting of 14 January 2027',
        "'=Town Hall",
        'Scheduled',
        'not yet held',
        'no',
        'Draft',
      ],
      [
        '10 November 2026',
        '10:00am to 12:00pm',
        'Practice Review Group',
        'Practice Review Group meeting of 10 November 2026',
        'Police HQ',
        'Scheduled',
        'no',
        'no',
        'Draft',
      ],
      [
        '6 October 2026',
        '10:00am to 12:00pm',
        'Practice Review Group',
        'Practice Review Group meeting of 6 October 2026',
        'Council House, Room 1',
        'Scheduled',
        'yes',
        'no',
        'Draft',
      ],
      [
        '1 September 2026',
        '10:00am to 12:00pm',
        'Learning and Training Group',
        'Learning and Training Group meeting of 1 September 2026',
        'Town Hall annexe',
        'Cancelled',
        'not held',
        'no',
        'Draft',
      ],
    ]);
  });

  it('is for people signed in to the partnership only', async () => {
    const anonymous = await new Agent(app).get('/meetings.csv');
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toContain('/sign-in');
  });
});
