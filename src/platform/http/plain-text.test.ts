import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { recordAttendance } from '../../modules/meetings/attendance-fixtures.js';
import { reviewTestBed } from '../../modules/reviews/review-fixtures.js';
import { SESSION_COOKIE } from './session-hook.js';

/**
 * Names with apostrophes, ampersands and quotes reach every output as the characters people
 * typed: pages escape them once (Nunjucks' autoescape), and Word, CSV and email, which are
 * plain text, never escape them at all. Text escaped twice shows "Children&#39;s Trust".
 */
const bed = await reviewTestBed();
const { agent, app, services, context, fixtures, meeting, notifiedCase } = bed;

const names = {
  trust: "Northshire Children's Trust",
  health: '"A & B" Health',
  chair: "Siobhán O'Neill",
  deputy: 'Tom "TJ" Jones',
  nurse: "Kim O'Hara",
  body: 'Children\'s "Safe & Well" Group',
  guest: "Ros D'Arcy & Co",
  reason: 'The chair\'s "urgent" absence & no deputy',
};

const trust = await fixtures.agency({ name: names.trust });
const health = await fixtures.agency({ name: names.health });
const chair = await fixtures.person(trust, { fullName: names.chair });
const deputy = await fixtures.person(trust, { fullName: names.deputy });
const nurse = await fixtures.person(health, { fullName: names.nurse });
const body = await fixtures.body({ name: names.body, chairPersonId: chair });
const seat = await fixtures.membership(body, chair, trust);
await fixtures.membership(body, nurse, health);
const delegated = await services.governance.memberships.addDeputy(context, seat, {
  personId: deputy,
  startsOn: '2026-12-01',
  endsOn: '2027-03-31',
});
if (!delegated.ok) throw new Error(`Fixture refused the deputy: ${JSON.stringify(delegated)}`);
const deputyId = (await services.governance.memberships.find(context, seat))!.deputies[0]!.deputy
  .id;
const meetingId = await meeting(body, '2027-01-14', { location: "St Mary's Hall & Annexe" });
await recordAttendance(bed, meetingId, [{ membershipId: seat, status: 'deputy', deputyId }]);
const guest = await services.meetings.attendance.addGuest(context, meetingId, {
  guestName: names.guest,
  guestRole: 'Children\'s advocate, "Voices" & Co',
  version: undefined,
});
if (!guest.ok) throw new Error('Fixture refused the guest');
const reviewed = await notifiedCase({
  panelNotifiedOn: '2026-11-24',
  agencyIds: [trust, health],
});
const started = await services.reviews.rapidReviews.start(context, reviewed.id);
if (!started?.ok) throw new Error('Fixture refused the rapid review');

/** Entity text a reader would see if something escaped already-escaped text. */
const ENTITY = /&(#\d+|#x[0-9a-f]+|amp|quot|apos|lt|gt);/i;

const download = (url: string) =>
  app.inject({ method: 'GET', url, cookies: { [SESSION_COOKIE]: agent.cookie(SESSION_COOKIE)! } });

describe('names with apostrophes, ampersands and quotes', () => {
  it.each([
    ['the agency page', `/agencies/${trust}`, [names.trust, names.chair]],
    ['the person page', `/people/${chair}`, [names.chair, names.trust]],
    ['the body page', `/bodies/${body}`, [names.body, names.chair, names.nurse]],
    ['the membership page', `/memberships/${seat}`, [names.chair, names.trust, names.body]],
    ['the agencies list', '/agencies', [names.trust, names.health]],
    ['the bodies list', '/bodies', [names.body]],
    ['the structure chart', '/governance/structure', [names.body]],
    ['the membership matrix', '/governance/matrix', [names.trust, names.body]],
    ['the meetings list', '/meetings', [names.body]],
    ['the meeting page', `/meetings/${meetingId}`, [names.body, names.deputy, names.guest]],
    ['the attendance page', `/meetings/${meetingId}/attendance`, [names.chair, names.guest]],
    ['the case page', `/reviews/${reviewed.id}`, [names.trust, names.health]],
    ['the case team page', `/reviews/${reviewed.id}/team`, []],
    ['the dashboard', '/dashboard', [names.body]],
    ['the attendance statistics', '/meetings/attendance-statistics', [names.body]],
  ])('shows them as typed on %s', async (_page, url, expected) => {
    const page = await agent.get(url);
    expect(page.status, url).toBe(200);
    const visible = page.$('body').text();
    for (const name of expected) expect(visible, url).toContain(name);
    expect(visible.match(ENTITY)?.[0], url).toBeUndefined();
    // Attributes (aria-labels, titles, values) are read out: they hold plain text too.
    const attributes = page
      .$('[aria-label], [title], [alt]')
      .map((_index, element) =>
        ['aria-label', 'title', 'alt'].map((name) => page.$(element).attr(name) ?? ''),
      )
      .get()
      .join('\n');
    expect(attributes.match(ENTITY)?.[0], url).toBeUndefined();
  });

  it('keeps them plain in the CSV exports', async () => {
    // CSV doubles a quote inside a quoted field: that is the format, not escaping.
    const quoted = (name: string) => (/[",]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name);
    const exports: [string, string[]][] = [
      ['/governance/matrix.csv', [names.trust, quoted(names.health), quoted(names.body)]],
      ['/meetings.csv', [quoted(names.body)]],
    ];
    for (const [url, expected] of exports) {
      const csv = await download(url);
      expect(csv.statusCode, url).toBe(200);
      for (const value of expected) expect(csv.body, url).toContain(value);
      expect(csv.body.match(ENTITY)?.[0], url).toBeUndefined();
    }
  });

  it('keeps them plain in the Word report', async () => {
    const docx = await download(`/reviews/${reviewed.id}/rapid-review/report.docx`);
    expect(docx.statusCode).toBe(200);
    const { value } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    expect(value).toContain(names.trust);
    expect(value).toContain(names.health);
    expect(value.match(ENTITY)?.[0]).toBeUndefined();
  });

  it('keeps them plain in the emails, and shows them as typed in the outbox', async () => {
    const { meeting: current } = (await services.meetings.find(context, meetingId))!;
    const cancelled = await agent.submit(`/meetings/${meetingId}/cancel`, {
      reason: names.reason,
      version: String(current.version),
    });
    expect(cancelled.status, cancelled.$('.govuk-error-summary').text()).toBe(303);
    const mails = (await services.mail.page(context)).messages.filter((mail) =>
      mail.subject.includes(names.body),
    );
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) {
      expect(mail.subject).toContain(`Meeting cancelled: ${names.body}`);
      expect(mail.bodyText).toContain(names.reason);
      expect(`${mail.subject}\n${mail.bodyText}`.match(ENTITY)?.[0]).toBeUndefined();
    }
    const outbox = await agent.get(`/admin/outbox/${mails[0]!.id}`);
    if (outbox.status === 200) expect(outbox.$('body').text().match(ENTITY)?.[0]).toBeUndefined();
    const list = await agent.get('/admin/outbox');
    expect(list.$('body').text()).toContain(names.body);
    expect(list.$('body').text().match(ENTITY)?.[0]).toBeUndefined();
  });
});
