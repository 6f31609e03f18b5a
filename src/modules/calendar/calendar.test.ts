import { describe, expect, it } from 'vitest';
import { Agent, text } from '../../testing/agent.js';
import { createUser } from '../../testing/fixtures.js';
import { registryTestBed } from '../governance/registry-fixtures.js';
import { settableClock } from '../meetings/meeting-fixtures.js';

const clock = settableClock('2026-11-27T09:00:00Z');
const { app, services, context, agent, database, partnership } = await registryTestBed({ clock });

const PAGE = '/admin/calendar';
const dayFields = (day: string, month: string, year: string, name: string) => ({
  'day-day': day,
  'day-month': month,
  'day-year': year,
  name,
});
const extraDays = async () => (await services.calendar.overview(context)).extraDays;

describe('the working calendar page', () => {
  it('is linked from administration and lists this year’s and next year’s bank holidays', async () => {
    const admin = await agent.get('/admin');
    expect(admin.$(`main a[href="${PAGE}"]`).text()).toBe('Working calendar');
    const page = await agent.get(PAGE);
    expect(page.status).toBe(200);
    const captions = page.$('#bank-holidays ~ table caption').toArray();
    expect(captions.map((caption) => page.$(caption).text())).toEqual(['2026', '2027']);
    expect(text(page, 'main')).toContain('25 December 2026 Christmas Day');
    expect(text(page, 'main')).toContain('28 December 2026 Boxing Day (substitute day)');
    expect(text(page, 'main')).toContain('30 August 2027 Summer bank holiday');
  });
});

describe('the partnership’s own non-working days', () => {
  it('adds a day that working-day counts then skip, and removes it after asking', async () => {
    const added = await agent.submit(
      `${PAGE}/days`,
      dayFields('29', '12', '2026', 'Office closure'),
      PAGE,
    );
    expect(added.status).toBe(303);
    const page = await agent.get(PAGE);
    expect(text(page, '.govuk-notification-banner')).toContain(
      'Office closure added as a non-working day',
    );
    expect(text(page, 'main')).toContain('29 December 2026 Office closure');
    const working = await services.calendar.workingCalendar(context);
    expect(working.nonWorkingReason('2026-12-29')).toBe('Office closure');
    expect(working.addWorkingDays('2026-12-24', 1)).toBe('2026-12-30');

    const [day] = await extraDays();
    const confirm = await agent.get(`${PAGE}/days/${day!.id}/remove`);
    expect(text(confirm, 'h1')).toBe(
      'Are you sure you want to remove Office closure, 29 December 2026?',
    );
    const removed = await agent.submit(`${PAGE}/days/${day!.id}/remove`, {});
    expect(removed.status).toBe(303);
    expect(await extraDays()).toHaveLength(0);
    expect((await services.calendar.workingCalendar(context)).isWorkingDay('2026-12-29')).toBe(
      true,
    );
    const audit = await services.audit.page(context, { entityType: 'non_working_day' });
    expect(audit.events.map((event) => event.action).sort()).toEqual([
      'calendar.non_working_day_added',
      'calendar.non_working_day_removed',
    ]);
    expect((await agent.get(`${PAGE}/days/${day!.id}/remove`)).status).toBe(404);
    expect((await agent.submit(`${PAGE}/days/${day!.id}/remove`, {}, PAGE)).status).toBe(404);
  });

  it('refuses a weekend, a bank holiday, a duplicate, a date that is not real and blanks', async () => {
    await services.calendar.addNonWorkingDay(context, {
      day: '2027-04-06',
      name: 'Staff training day',
    });
    const cases: [Record<string, string>, string][] = [
      [
        dayFields('19', '12', '2026', 'Party'),
        '19 December 2026 is a Saturday, which is never a working day',
      ],
      [
        dayFields('1', '1', '2027', 'New year'),
        "1 January 2027 is already a bank holiday: New Year's Day",
      ],
      [
        dayFields('25', '12', '2027', 'Christmas'),
        '25 December 2027 is already a bank holiday: Christmas Day',
      ],
      [
        dayFields('6', '4', '2027', 'Again'),
        '6 April 2027 is already a non-working day: Staff training day',
      ],
      [dayFields('31', '2', '2027', 'Closure'), 'Date must be a real date'],
      [dayFields('', '', '', ''), 'Enter date'],
      [dayFields('7', '4', '2027', '  '), 'Enter what the day is, for example Office closure'],
    ];
    for (const [fields, message] of cases) {
      const refused = await agent.submit(`${PAGE}/days`, fields, PAGE);
      expect(refused.status).toBe(400);
      expect(text(refused, '.govuk-error-summary')).toContain(message);
      expect(refused.$('#day-day').val()).toBe(fields['day-day']);
    }
    expect((await extraDays()).map((day) => day.day)).toEqual(['2027-04-06']);
  });
});

describe('when action owners are reminded', () => {
  it('shows five working days until changed, saves a new number and records it', async () => {
    const page = await agent.get(PAGE);
    expect(page.$('#actionReminderWorkingDays').val()).toBe('5');
    const saved = await agent.submit(
      `${PAGE}/reminders`,
      { actionReminderWorkingDays: '3', version: String(page.$('input[name=version]').val()) },
      PAGE,
    );
    expect(saved.status).toBe(303);
    const after = await agent.get(saved.location!);
    expect(text(after, '.govuk-notification-banner')).toContain(
      'Action owners will be reminded 3 working days before the due date',
    );
    expect(after.$('#actionReminderWorkingDays').val()).toBe('3');
    expect(await services.calendar.settings(context)).toEqual({
      actionReminderWorkingDays: 3,
      version: 1,
    });
    const audit = await services.audit.page(context, { action: 'calendar.settings_changed' });
    expect(audit.events).toHaveLength(1);
  });

  it('refuses numbers outside 1 to 20, and a save over someone else’s, keeping what was typed', async () => {
    const first = await services.calendar.settings(context);
    await services.calendar.setReminderDays(context, {
      actionReminderWorkingDays: 4,
      version: first.version,
    });
    const before = await services.calendar.settings(context);
    for (const typed of ['0', '21', 'ten', '', '2.5', '-1']) {
      const refused = await agent.submit(
        `${PAGE}/reminders`,
        { actionReminderWorkingDays: typed, version: String(before.version) },
        PAGE,
      );
      expect(refused.status).toBe(400);
      expect(text(refused, '.govuk-error-summary')).toContain(
        'Enter a whole number of working days from 1 to 20',
      );
      expect(refused.$('#actionReminderWorkingDays').val()).toBe(typed);
    }
    expect(await services.calendar.settings(context)).toEqual(before);

    const stale = await agent.submit(
      `${PAGE}/reminders`,
      { actionReminderWorkingDays: '8', version: String(before.version - 1) },
      PAGE,
    );
    expect(stale.status).toBe(400);
    expect(text(stale, '.govuk-error-summary')).toContain('Alex Morgan changed this setting on');
    expect(stale.$('#actionReminderWorkingDays').val()).toBe('8');
    expect(stale.$('input[name=version]').val()).toBe(String(before.version));
    expect(await services.calendar.settings(context)).toEqual(before);
  });
});

describe('who may change the calendar', () => {
  it('refuses a business officer', async () => {
    const officer = await createUser(database.app.db, services, partnership.id, {
      roles: ['business_officer'],
      mfa: false,
    });
    const officerAgent = new Agent(app);
    await officerAgent.signIn(officer, clock.now());
    expect((await officerAgent.get(PAGE)).status).toBe(403);
    const token = await officerAgent.csrfTokenFrom('/meetings');
    const refused = await officerAgent.post(`${PAGE}/days`, {
      _csrf: token,
      ...dayFields('8', '4', '2027', 'Closure'),
    });
    expect(refused.status).toBe(403);
    expect((await extraDays()).map((day) => day.day)).not.toContain('2027-04-08');
  });
});
