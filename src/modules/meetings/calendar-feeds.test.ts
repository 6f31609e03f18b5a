import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { Agent, text, type Page } from '../../testing/agent.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';
import { registryFixtures } from '../governance/registry-fixtures.js';
import { meetingTestBed } from './meeting-fixtures.js';

const { app, services, context, agent, fixtures, meeting, database, partnership, clock, admin } =
  await meetingTestBed();

const FEED_URL = /^http:\/\/masa\.test(\/calendar\/[A-Za-z0-9_-]{43}\.ics)$/;

/** The feed's path from the page that shows its address once. */
function feedPath(page: Page) {
  const match = FEED_URL.exec(text(page, '#calendar-feed-url'));
  expect(match, `no feed address on the page: ${text(page, 'h1')}`).not.toBeNull();
  return match![1]!;
}

/** A calendar program: no session, no cookies. */
const fetchFeed = (path: string) => app.inject({ method: 'GET', url: path });

function eventsOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return calendar.getAllSubcomponents('vevent').map((event) => ({
    uid: event.getFirstPropertyValue('uid'),
    summary: event.getFirstPropertyValue('summary'),
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
    end: (event.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString(),
    status: event.getFirstPropertyValue('status'),
    sequence: event.getFirstPropertyValue('sequence'),
    location: event.getFirstPropertyValue('location'),
    url: event.getFirstPropertyValue('url'),
    description: String(event.getFirstPropertyValue('description')),
  }));
}

const auditCount = async (action: string) =>
  (await services.audit.page(context, { action })).events.length;

describe('a body’s calendar feed', () => {
  it('is made once, shown once, read by a calendar program without signing in, and regenerated', async () => {
    const body = await fixtures.body({ name: 'Safeguarding Partnership' });
    const old = await meeting(body, '2025-10-01');
    const held = await meeting(body, '2026-03-10');
    const next = await meeting(body, '2027-01-14', { startTime: '14:00', endTime: '16:30' });
    const called = await meeting(body, '2027-03-09');
    await services.meetings.changes.cancel(context, called, { reason: 'Snow' });

    const list = await agent.get(`/meetings?body=${body}`);
    expect(text(list, '#calendar-feeds')).toContain('Calendar feed for Safeguarding Partnership');
    const created = await agent.submit(
      `/meetings/calendar-feeds/bodies/${body}`,
      {},
      `/meetings?body=${body}`,
    );
    expect(created.status).toBe(200);
    expect(text(created, 'h1')).toContain('Calendar feed for Safeguarding Partnership created');
    const path = feedPath(created);
    expect(await auditCount('calendar_feed.created')).toBe(1);

    const again = await agent.get(`/meetings?body=${body}`);
    expect(again.body).not.toContain(path);
    expect(text(again, '#calendar-feeds')).toContain('was made on 27 November 2026');

    const feed = await fetchFeed(path);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const events = eventsOf(feed.body);
    expect(events.map((event) => event.uid)).toEqual([
      `meeting-${held}@masa`,
      `meeting-${next}@masa`,
      `meeting-${called}@masa`,
    ]);
    expect(events.some((event) => event.uid === `meeting-${old}@masa`)).toBe(false);
    const january = events[1]!;
    expect(january).toMatchObject({
      summary: 'Safeguarding Partnership',
      start: '2027-01-14T14:00:00.000Z',
      end: '2027-01-14T16:30:00.000Z',
      status: 'CONFIRMED',
      sequence: 1,
      location: 'Council House, Room 1',
      url: `http://masa.test/meetings/${next}`,
    });
    expect(january.description).toContain(`http://masa.test/meetings/${next}`);
    expect(events[2]).toMatchObject({ status: 'CANCELLED', sequence: 2 });
    expect(events[2]!.description).toContain('Cancelled: Snow');
    expect(feed.body).toMatch(/DTSTART:20270114T140000Z/);

    const twice = await agent.submit(
      `/meetings/calendar-feeds/bodies/${body}`,
      {},
      `/meetings?body=${body}`,
    );
    expect(twice.location).toBe(`/meetings/calendar-feeds/bodies/${body}/regenerate`);
    const confirm = await agent.get(twice.location!);
    expect(text(confirm, 'h1')).toBe(
      'Are you sure you want a new address for the calendar feed for Safeguarding Partnership?',
    );
    expect(text(confirm, 'main')).toContain('The old address stops working at once');
    const regenerated = await agent.submit(twice.location!, {});
    const newPath = feedPath(regenerated);
    expect(newPath).not.toBe(path);
    expect((await fetchFeed(path)).statusCode).toBe(404);
    expect((await fetchFeed(newPath)).statusCode).toBe(200);
    expect(await auditCount('calendar_feed.regenerated')).toBe(1);
  });

  it('answers 404 alike for a revoked, unknown or malformed address', async () => {
    const unknown = await fetchFeed(`/calendar/${'A'.repeat(43)}.ics`);
    const malformed = await fetchFeed('/calendar/not-a-token.ics');
    expect(unknown.statusCode).toBe(404);
    expect(malformed.statusCode).toBe(404);
    expect(unknown.body).toBe(malformed.body);
  });

  it('is made only by those who run meetings; members are told who to ask', async () => {
    const body = await fixtures.body({ name: 'Audit Group' });
    const member = await createUser(database.app.db, services, partnership.id, {
      roles: ['member'],
      mfa: false,
    });
    const memberAgent = new Agent(app);
    await memberAgent.signIn(member, clock.now());
    const page = await memberAgent.get(`/meetings?body=${body}`);
    expect(text(page, '#calendar-feeds')).toContain(
      'The business unit can give you a calendar address for the meetings of Audit Group',
    );
    expect(page.$(`form[action="/meetings/calendar-feeds/bodies/${body}"]`)).toHaveLength(0);
    const token = await memberAgent.csrfTokenFrom(`/meetings?body=${body}`);
    const refused = await memberAgent.post(`/meetings/calendar-feeds/bodies/${body}`, {
      _csrf: token,
    });
    expect(refused.status).toBe(403);
    expect(await services.meetings.calendarFeeds.activeFeed(context, { bodyId: body })).toBeNull();
  });

  it('keeps each partnership’s feeds and bodies to itself', async () => {
    const south = await createPartnership(services, 'Southshire Safeguarding Partnership');
    const southAdmin = await createUser(database.app.db, services, south.id, {
      roles: ['administrator'],
      mfa: true,
    });
    const southContext = { partnershipId: south.id, userId: southAdmin.userId };
    const southBody = await registryFixtures(services, southContext).body({ name: 'South Board' });
    await services.meetings.create(southContext, {
      bodyId: southBody,
      day: '2027-02-02',
      startTime: '10:00',
      endTime: '11:00',
      location: '',
    });
    const ours = await fixtures.body({ name: 'North Board' });
    await meeting(ours, '2027-02-03');
    const southFeed = await services.meetings.calendarFeeds.createBodyFeed(
      southContext,
      southBody,
      false,
    );
    expect(southFeed.ok).toBe(true);
    const path = new URL(southFeed.ok ? southFeed.value.url : '').pathname;
    const events = eventsOf((await fetchFeed(path)).body);
    expect(events.map((event) => event.summary)).toEqual(['South Board']);

    const notOurs = await agent.submit(
      `/meetings/calendar-feeds/bodies/${southBody}`,
      {},
      '/meetings',
    );
    expect(notOurs.status).toBe(404);
    expect(await auditCount('calendar_feed.created')).toBe(1);
  });
});

describe('your own calendar feed', () => {
  it('needs an account linked to a person, then shows the meetings of the bodies they sit on', async () => {
    const unlinked = await agent.get('/meetings');
    expect(text(unlinked, '#calendar-feeds')).toContain(
      'Your account is not linked to a person in the registry',
    );
    const refused = await agent.submit('/meetings/calendar-feeds/mine', {}, '/meetings');
    expect(refused.status).toBe(303);
    expect(text(await agent.get(refused.location!), '.govuk-notification-banner')).toContain(
      'Your account is not linked to a person in the registry',
    );

    const agency = await fixtures.agency();
    const me = await fixtures.person(agency, { fullName: 'Alex Morgan', userId: admin.userId });
    const sitting = await fixtures.body({ name: 'Learning Group' });
    const left = await fixtures.body({ name: 'Old Forum' });
    const never = await fixtures.body({ name: 'Other Group' });
    await fixtures.membership(sitting, me, agency);
    await fixtures.membership(left, me, agency, { endsOn: '2027-01-31' });
    const learning = await meeting(sitting, '2027-01-20');
    const forumBefore = await meeting(left, '2027-01-21');
    await meeting(left, '2027-03-21');
    await meeting(never, '2027-01-22');

    const created = await agent.submit('/meetings/calendar-feeds/mine', {}, '/meetings');
    expect(text(created, 'h1')).toContain('Your calendar feed created');
    const events = eventsOf((await fetchFeed(feedPath(created))).body);
    expect(events.map((event) => event.uid)).toEqual([
      `meeting-${learning}@masa`,
      `meeting-${forumBefore}@masa`,
    ]);
    expect(events.map((event) => event.summary)).toEqual(['Learning Group', 'Old Forum']);

    const twice = await agent.submit('/meetings/calendar-feeds/mine', {}, '/meetings');
    expect(twice.location).toBe('/meetings/calendar-feeds/mine/regenerate');
    const regenerated = await agent.submit(twice.location!, {});
    expect(feedPath(regenerated)).not.toBe(feedPath(created));
    expect((await fetchFeed(feedPath(created))).statusCode).toBe(404);
  });
});

describe('one meeting as an .ics download', () => {
  it('downloads one event for a signed-in person, and nothing without signing in', async () => {
    const body = await fixtures.body({ name: 'Practice Review Group' });
    const id = await meeting(body, '2027-06-15', { startTime: '09:30', endTime: '11:00' });
    const download = await agent.get(`/meetings/${id}/calendar.ics`);
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toBe(
      'attachment; filename="meeting-2027-06-15.ics"',
    );
    // 09:30 in June is British Summer Time: 08:30 in UTC.
    expect(eventsOf(download.body)).toMatchObject([
      { summary: 'Practice Review Group', start: '2027-06-15T08:30:00.000Z', status: 'CONFIRMED' },
    ]);
    const anonymous = await fetchFeed(`/meetings/${id}/calendar.ics`);
    expect(anonymous.statusCode).toBe(303);
    expect(
      (await agent.get(`/meetings/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/calendar.ics`))
        .status,
    ).toBe(404);
  });
});
