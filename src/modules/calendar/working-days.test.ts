import { describe, expect, it } from 'vitest';
import { Agent, text, type Page } from '../../testing/agent.js';
import { createUser } from '../../testing/fixtures.js';
import { registryTestBed } from '../governance/registry-fixtures.js';
import { settableClock } from '../meetings/meeting-fixtures.js';

const clock = settableClock('2026-11-27T09:00:00Z');
const { app, services, context, database, partnership } = await registryTestBed({ clock });

/** Anyone signed in may count: a member, not an administrator, asks every question here. */
const member = await createUser(database.app.db, services, partnership.id, { roles: ['member'] });
const agent = new Agent(app);
await agent.signIn(member);

const PAGE = '/working-days';

function ask(day: string, month: string, year: string, add: string) {
  const query = new URLSearchParams({
    'from-day': day,
    'from-month': month,
    'from-year': year,
    add,
  });
  return agent.get(`${PAGE}?${query}`);
}

const namedDays = (page: Page) =>
  page
    .$('#named-days tbody tr')
    .map((_, row) => page.$(row).text().replace(/\s+/g, ' ').trim())
    .get();

describe('the page for counting working days', () => {
  it('is linked from the home page and starts as an empty form', async () => {
    const home = await agent.get('/');
    expect(home.$(`main a[href="${PAGE}"]`).text()).toBe('Count working days');
    const page = await agent.get(PAGE);
    expect(page.status).toBe(200);
    expect(text(page, 'h1')).toBe('Count working days');
    expect(page.$('form[method="get"][action="/working-days"]')).toHaveLength(1);
    expect(page.$('#from-day')).toHaveLength(1);
    expect(page.$('#from-day').val() ?? '').toBe('');
    expect(page.$('#working-days-answer')).toHaveLength(0);
    expect(page.$('.govuk-error-summary')).toHaveLength(0);
  });

  it('counts across Christmas 2026, naming the bank holidays and the substitute day it skips', async () => {
    const page = await ask('18', '12', '2026', '10');
    expect(page.status).toBe(200);
    expect(text(page, '#working-days-answer')).toBe(
      '10 working days after Friday 18 December 2026 is Wednesday 6 January 2027',
    );
    expect(text(page, '#weekend-days')).toBe('6 weekend days.');
    expect(namedDays(page)).toEqual([
      'Friday 25 December 2026 Christmas Day',
      'Monday 28 December 2026 Boxing Day (substitute day)',
      "Friday 1 January 2027 New Year's Day",
    ]);
    expect(page.$('#start-not-working')).toHaveLength(0);
    expect(page.$('#from-day').val()).toBe('18');
    expect(page.$('#add').val()).toBe('10');
  });

  it('names both substitute days of Christmas 2027, when Christmas and Boxing Day fall at the weekend', async () => {
    const page = await ask('24', '12', '2027', '1');
    expect(text(page, '#working-days-answer')).toBe(
      '1 working day after Friday 24 December 2027 is Wednesday 29 December 2027',
    );
    // Saturday 25 and Sunday 26 are weekend days; Monday and Tuesday stand in for them.
    expect(text(page, '#weekend-days')).toBe('2 weekend days.');
    expect(namedDays(page)).toEqual([
      'Monday 27 December 2027 Christmas Day (substitute day)',
      'Tuesday 28 December 2027 Boxing Day (substitute day)',
    ]);
    const back = await ask('29', '12', '2027', '-1');
    expect(namedDays(back)).toEqual(namedDays(page));
  });

  it('counts across Easter 2027, and back again with a negative number', async () => {
    const forward = await ask('25', '3', '2027', '1');
    expect(text(forward, '#working-days-answer')).toBe(
      '1 working day after Thursday 25 March 2027 is Tuesday 30 March 2027',
    );
    expect(namedDays(forward)).toEqual([
      'Friday 26 March 2027 Good Friday',
      'Monday 29 March 2027 Easter Monday',
    ]);
    expect(text(forward, '#weekend-days')).toBe('2 weekend days.');

    const back = await ask('30', '3', '2027', '-1');
    expect(text(back, '#working-days-answer')).toBe(
      '1 working day before Tuesday 30 March 2027 is Thursday 25 March 2027',
    );
    expect(namedDays(back)).toHaveLength(2);

    const christmas = await ask('6', '1', '2027', '-10');
    expect(text(christmas, '#working-days-answer')).toBe(
      '10 working days before Wednesday 6 January 2027 is Friday 18 December 2026',
    );
  });

  it('says so when the date counted from is not a working day, and when nothing is skipped', async () => {
    const page = await ask('25', '12', '2026', '1');
    expect(text(page, '#working-days-answer')).toBe(
      '1 working day after Friday 25 December 2026 is Tuesday 29 December 2026',
    );
    expect(text(page, '#start-not-working')).toBe(
      'Friday 25 December 2026 is not a working day (Christmas Day). The count starts from it all the same.',
    );
    // Boxing Day fell on the Saturday: the weekend, not the holiday, is what was skipped.
    expect(text(page, '#weekend-days')).toBe('2 weekend days.');
    expect(namedDays(page)).toEqual(['Monday 28 December 2026 Boxing Day (substitute day)']);

    const plain = await ask('1', '12', '2026', '2');
    expect(text(plain, '#working-days-answer')).toBe(
      '2 working days after Tuesday 1 December 2026 is Thursday 3 December 2026',
    );
    expect(text(plain, '#weekend-days')).toBe('No weekend days.');
    expect(text(plain, '#named-days')).toBe('No bank holidays or partnership non-working days.');
  });

  it('refuses a missing or impossible date and a number that is not whole or too large, keeping what was typed', async () => {
    const cases: [[string, string, string, string], string, string][] = [
      [['', '', '', '5'], 'from', 'Enter date to count from'],
      [['31', '2', '2027', '5'], 'from', 'Date to count from must be a real date'],
      [['18', '', '2026', '5'], 'from', 'Date to count from must include a month'],
      [['18', 'Dec', '2026', '5'], 'from', 'Date to count from must be a real date'],
      [['18', '12', '2026', ''], 'add', 'Enter the number of working days'],
      [
        ['18', '12', '2026', 'ten'],
        'add',
        'Number of working days must be a whole number, for example 10, or -7 to count back',
      ],
      [
        ['18', '12', '2026', '2.5'],
        'add',
        'Number of working days must be a whole number, for example 10, or -7 to count back',
      ],
      [['18', '12', '2026', '401'], 'add', 'Number of working days must be from -400 to 400'],
      [['18', '12', '2026', '-401'], 'add', 'Number of working days must be from -400 to 400'],
    ];
    for (const [[day, month, year, add], field, message] of cases) {
      const page = await ask(day, month, year, add);
      expect(page.status, message).toBe(400);
      expect(text(page, 'title')).toMatch(/^Error: Count working days/);
      expect(text(page, '.govuk-error-summary')).toContain(message);
      expect(page.$(`.govuk-error-summary a[href="#${field}"]`)).toHaveLength(1);
      expect(page.$('#from-day').val()).toBe(day);
      expect(page.$('#from-month').val()).toBe(month);
      expect(page.$('#add').val()).toBe(add);
      expect(page.$('#working-days-answer')).toHaveLength(0);
    }
    const both = await agent.get(`${PAGE}?add=`);
    expect(both.status).toBe(400);
    expect(both.$('.govuk-error-summary li')).toHaveLength(2);
  });

  it('accepts the widest counts allowed either way', async () => {
    expect((await ask('18', '12', '2026', '400')).status).toBe(200);
    expect((await ask('18', '12', '2026', '-400')).status).toBe(200);
    expect(text(await ask('18', '12', '2026', '+0'), '#working-days-answer')).toBe(
      '0 working days after Friday 18 December 2026 is Friday 18 December 2026',
    );
  });

  it('skips a day an administrator has added to the partnership’s calendar', async () => {
    const added = await services.calendar.addNonWorkingDay(context, {
      day: '2026-12-29',
      name: 'Office closure',
    });
    expect(added.ok).toBe(true);
    const page = await ask('18', '12', '2026', '10');
    expect(text(page, '#working-days-answer')).toBe(
      '10 working days after Friday 18 December 2026 is Thursday 7 January 2027',
    );
    expect(namedDays(page)).toContain('Tuesday 29 December 2026 Office closure');
  });

  it('sends a visitor who has not signed in to sign in first', async () => {
    const visitor = await new Agent(app).get(`${PAGE}?add=1`);
    expect(visitor.status).toBe(303);
    expect(visitor.location).toBe('/sign-in?returnTo=%2Fworking-days%3Fadd%3D1');
  });
});
