import { describe, expect, it } from 'vitest';
import { Agent, text, type Page } from '../../testing/agent.js';
import { createUser } from '../../testing/fixtures.js';
import { registryTestBed } from '../governance/registry-fixtures.js';
import { settableClock } from '../meetings/meeting-fixtures.js';
import { DEFAULT_TIMESCALES } from './timescales.js';

const clock = settableClock('2026-11-27T09:00:00Z');
const { app, services, context, agent, database, partnership } = await registryTestBed({ clock });

const PAGE = '/admin/timescales';
const NOTIFICATION = `${PAGE}/notification-working-days`;

const rows = (page: Page) =>
  page
    .$('#timescales tbody tr')
    .toArray()
    .map((row) =>
      page
        .$(row)
        .children()
        .toArray()
        .map((cell) => page.$(cell).text().replace(/\s+/g, ' ').trim()),
    );

const timescaleAudits = async () =>
  (await services.audit.page(context, { action: 'calendar.timescale_changed' })).events;

const versionOn = (page: Page) => String(page.$('input[name=version]').val());

describe('the statutory timescales page', () => {
  it('is linked from administration and the calendar, and lists each default with its basis', async () => {
    expect((await agent.get('/admin')).$(`main a[href="${PAGE}"]`).text()).toBe(
      'Statutory timescales',
    );
    expect((await agent.get('/admin/calendar')).$(`main a[href="${PAGE}"]`)).toHaveLength(1);
    const page = await agent.get(PAGE);
    expect(page.status).toBe(200);
    expect(text(page, 'h1')).toBe('Statutory timescales');
    expect(text(page, '#timescales caption')).toBe('Timescales for case reviews');
    expect(text(page, '#applies-to-new-cases')).toBe(
      'A change applies to cases opened after it. Cases keep the timescales they were opened with, so their deadlines do not move.',
    );
    const listed = page.$('#timescales tbody tr');
    expect(listed).toHaveLength(5);
    const [notification, rapidReview, , practiceReview, finalReport] = rows(page);
    expect(notification!.slice(0, 4)).toEqual([
      'Notify the national Panel, Ofsted and the safeguarding partners',
      '5 working days from the day the local authority became aware of the incident',
      '5 working days',
      'GOV.UK guidance "Report a serious child safeguarding incident"',
    ]);
    expect(rapidReview!.slice(1, 4)).toEqual([
      '15 working days from the notification to the Panel',
      '15 working days',
      'Working Together to Safeguard Children',
    ]);
    expect(practiceReview![1]).toBe('6 months from the decision to hold the review');
    expect(finalReport![1]).toBe('7 working days before publication, at least');
    expect(page.$(`#timescales a[href="${NOTIFICATION}"]`).text()).toBe(
      'Change notify the national panel, ofsted and the safeguarding partners',
    );
    expect(page.$('.govuk-tag')).toHaveLength(0);
  });
});

describe('changing a timescale', () => {
  it('saves a new value for new cases, records it, and says so', async () => {
    const form = await agent.get(NOTIFICATION);
    expect(form.status).toBe(200);
    expect(text(form, 'h1')).toBe(
      'Notify the national Panel, Ofsted and the safeguarding partners',
    );
    expect(form.$('#value').val()).toBe('5');
    expect(text(form, '.govuk-input__suffix')).toBe('working days');
    expect(text(form, '#value-hint')).toContain('The national default is 5 working days');
    expect(text(form, '#value-hint')).toContain('A whole number from 1 to 60');

    const saved = await agent.submit(NOTIFICATION, { value: '6', version: versionOn(form) });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(PAGE);
    const page = await agent.get(PAGE);
    expect(text(page, '.govuk-notification-banner')).toContain(
      'Notify the national Panel, Ofsted and the safeguarding partners: changed to 6 working days, for cases opened from now on',
    );
    expect(rows(page)[0]![1]).toBe(
      '6 working days from the day the local authority became aware of the incident Changed from the default',
    );
    expect(await services.calendar.timescales(context)).toEqual({
      ...DEFAULT_TIMESCALES,
      notificationWorkingDays: 6,
      version: 1,
    });
    const [event, ...others] = await timescaleAudits();
    expect(others).toHaveLength(0);
    expect(event).toMatchObject({
      entityType: 'partnership_setting',
      entityId: partnership.id,
      before: { notificationWorkingDays: 5 },
      after: { notificationWorkingDays: 6 },
    });

    const months = await agent.get(`${PAGE}/practice-review-months`);
    expect(text(months, '.govuk-input__suffix')).toBe('months');
    await agent.submit(`${PAGE}/practice-review-months`, {
      value: '1',
      version: versionOn(months),
    });
    expect(text(await agent.get(PAGE), '.govuk-notification-banner')).toContain(
      'Complete and publish a local child safeguarding practice review: changed to 1 month',
    );
    expect(await services.calendar.timescales(context)).toMatchObject({
      notificationWorkingDays: 6,
      practiceReviewMonths: 1,
      version: 2,
    });
    // The reminder setting shares the row and is untouched by timescale changes.
    expect((await services.calendar.settings(context)).actionReminderWorkingDays).toBe(5);
  });

  it('refuses a value outside the bounds or not a whole number, keeping what was typed', async () => {
    const before = await services.calendar.timescales(context);
    const audits = (await timescaleAudits()).length;
    const form = await agent.get(NOTIFICATION);
    for (const typed of ['0', '61', '1000', 'ten', '', '  ', '2.5', '-3']) {
      const refused = await agent.submit(NOTIFICATION, {
        value: typed,
        version: versionOn(form),
      });
      expect(refused.status, typed).toBe(400);
      expect(text(refused, '.govuk-error-summary')).toContain(
        'Enter a whole number of working days from 1 to 60',
      );
      expect(text(refused, '#value-error')).toContain('Enter a whole number of working days');
      expect(refused.$('#value').val() ?? '').toBe(typed);
    }
    const months = await agent.submit(`${PAGE}/practice-review-months`, {
      value: '37',
      version: String(before.version),
    });
    expect(text(months, '.govuk-error-summary')).toContain(
      'Enter a whole number of months from 1 to 36',
    );
    expect(await services.calendar.timescales(context)).toEqual(before);
    expect(await timescaleAudits()).toHaveLength(audits);
  });

  it('refuses a save over someone else’s change, naming who made it and keeping the typed value', async () => {
    const form = await agent.get(`${PAGE}/rapid-review-working-days`);
    const current = await services.calendar.timescales(context);
    await services.calendar.setReminderDays(context, {
      actionReminderWorkingDays: 4,
      version: current.version,
    });
    const after = await services.calendar.timescales(context);
    const audits = (await timescaleAudits()).length;
    const stale = await agent.submit(`${PAGE}/rapid-review-working-days`, {
      value: '20',
      version: versionOn(form),
    });
    expect(stale.status).toBe(409);
    expect(text(stale, '.govuk-error-summary')).toContain('Alex Morgan changed this setting on');
    expect(stale.$('#value').val()).toBe('20');
    expect(versionOn(stale)).toBe(String(after.version));
    expect(await services.calendar.timescales(context)).toEqual(after);
    expect(await timescaleAudits()).toHaveLength(audits);

    const again = await agent.submit(`${PAGE}/rapid-review-working-days`, {
      value: '20',
      version: versionOn(stale),
    });
    expect(again.status).toBe(303);
    expect((await services.calendar.timescales(context)).rapidReviewWorkingDays).toBe(20);
  });

  it('answers 404 for a timescale that does not exist', async () => {
    for (const key of ['nothing', 'notificationWorkingDays', 'action-reminder-working-days']) {
      expect((await agent.get(`${PAGE}/${key}`)).status, key).toBe(404);
      expect((await agent.submit(`${PAGE}/${key}`, { value: '5' }, PAGE)).status, key).toBe(404);
    }
  });
});

describe('who may change the timescales', () => {
  it('refuses anyone but an administrator', async () => {
    const before = await services.calendar.timescales(context);
    const officer = await createUser(database.app.db, services, partnership.id, {
      roles: ['business_officer'],
    });
    const officerAgent = new Agent(app);
    await officerAgent.signIn(officer);
    expect((await officerAgent.get(PAGE)).status).toBe(403);
    expect((await officerAgent.get(NOTIFICATION)).status).toBe(403);
    const token = await officerAgent.csrfTokenFrom('/working-days');
    const refused = await officerAgent.post(NOTIFICATION, {
      _csrf: token,
      value: '9',
      version: String(before.version),
    });
    expect(refused.status).toBe(403);
    expect(await services.calendar.timescales(context)).toEqual(before);
  });
});
