import { describe, expect, it } from 'vitest';
import { Agent, text } from '../../testing/agent.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';
import { registryTestBed } from '../governance/registry-fixtures.js';
import { settableClock } from '../meetings/meeting-fixtures.js';

const clock = settableClock('2026-11-27T09:00:00Z');
const { app, services, database, partnership, context } = await registryTestBed({ clock });

const member = await createUser(database.app.db, services, partnership.id, { roles: ['member'] });
const memberContext = { partnershipId: partnership.id, userId: member.userId };
const { token } = await services.apiTokens.create(memberContext, { name: 'Deadlines' });

const URL = '/api/v1/working-days';
const call = (query: string, bearer: string | null = token) =>
  app.inject({
    url: `${URL}${query}`,
    headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
  });
const dateOf = async (from: string, add: number) =>
  (await call(`?from=${from}&add=${add}`)).json().date;

describe('counting working days through the API', () => {
  it('answers the date with a token, across Christmas 2026 and its substitute Boxing Day', async () => {
    const response = await call('?from=2026-12-18&add=10');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toEqual({ from: '2026-12-18', add: 10, date: '2027-01-06' });
    // Thursday 24 December: Christmas Day (Friday) and the substitute Monday are skipped.
    expect(await dateOf('2026-12-24', 1)).toBe('2026-12-29');
  });

  it('skips Good Friday and Easter Monday 2027, and counts back with a negative number', async () => {
    expect(await dateOf('2027-03-25', 1)).toBe('2027-03-30');
    expect(await dateOf('2027-03-30', -1)).toBe('2027-03-25');
    expect((await call('?from=2027-01-06&add=-10')).json()).toEqual({
      from: '2027-01-06',
      add: -10,
      date: '2026-12-18',
    });
    expect(await dateOf('2027-03-26', 0)).toBe('2027-03-26');
  });

  it('answers a signed-in browser session as well as a token', async () => {
    const browser = new Agent(app);
    expect((await browser.get(`${URL}?from=2026-12-18&add=10`)).status).toBe(401);
    await browser.signIn(member);
    const page = await browser.get(`${URL}?from=2026-12-18&add=10`);
    expect(page.status).toBe(200);
    expect(JSON.parse(page.body)).toEqual({ from: '2026-12-18', add: 10, date: '2027-01-06' });
  });

  it('answers 401 JSON without a token, or with a bad one', async () => {
    for (const bearer of [null, 'masa_made_up', `${token}x`]) {
      const response = await call('?from=2026-12-18&add=10', bearer);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ error: 'unauthorised' });
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });

  it('answers 400 JSON naming each bad parameter', async () => {
    const cases: [string, Record<string, string>][] = [
      [
        '',
        {
          from: 'from is required: a date as YYYY-MM-DD',
          add: 'add is required: a whole number from -400 to 400',
        },
      ],
      ['?from=&add=', { from: 'from is required: a date as YYYY-MM-DD' }],
      ['?from=2026-02-31&add=1', { from: 'from must be a real date' }],
      ['?from=18/12/2026&add=1', { from: 'from must be a date as YYYY-MM-DD' }],
      ['?from=2026-12-18&from=2026-12-19&add=1', { from: 'from must be given once' }],
      ['?from=2026-12-18&add=ten', { add: 'add must be a whole number from -400 to 400' }],
      ['?from=2026-12-18&add=2.5', { add: 'add must be a whole number from -400 to 400' }],
      ['?from=2026-12-18&add=401', { add: 'add must be a whole number from -400 to 400' }],
      ['?from=2026-12-18&add=-401', { add: 'add must be a whole number from -400 to 400' }],
      ['?from=2026-12-18&add=1&add=2', { add: 'add must be given once' }],
    ];
    for (const [query, fields] of cases) {
      const response = await call(query);
      expect(response.statusCode, query).toBe(400);
      const body = response.json();
      expect(body.error, query).toBe('The query is not valid');
      expect(body.fields, query).toMatchObject(fields);
      if (query === '' || query.includes('add=2.5'))
        expect(Object.keys(body.fields)).toEqual(Object.keys(fields));
    }
    expect((await call('?from=2026-12-18&add=400')).statusCode).toBe(200);
    expect((await call('?from=2026-12-18&add=-400')).statusCode).toBe(200);
  });

  it('counts the partnership’s own non-working days, and not another partnership’s', async () => {
    const southvale = await createPartnership(services, 'Southvale Safeguarding Partnership');
    const southMember = await createUser(database.app.db, services, southvale.id, {
      roles: ['member'],
    });
    const south = { partnershipId: southvale.id, userId: southMember.userId };
    const added = await services.calendar.addNonWorkingDay(south, {
      day: '2026-12-29',
      name: 'Southvale office closure',
    });
    expect(added.ok).toBe(true);
    expect(await dateOf('2026-12-24', 1)).toBe('2026-12-29');
    const southToken = (await services.apiTokens.create(south, { name: 'South' })).token;
    expect((await call('?from=2026-12-24&add=1', southToken)).json().date).toBe('2026-12-30');

    await services.calendar.addNonWorkingDay(context, { day: '2026-12-29', name: 'Closure' });
    expect(await dateOf('2026-12-18', 10)).toBe('2027-01-07');
  });

  it('is documented in the OpenAPI document and on the API page', async () => {
    const document = (
      await app.inject({
        url: '/api/docs/openapi.json',
        headers: { authorization: `Bearer ${token}` },
      })
    ).json();
    const operation = document.paths['/api/v1/working-days'].get;
    expect(operation.tags).toEqual(['Working days']);
    expect(document.tags.map((tag: { name: string }) => tag.name)).toContain('Working days');
    expect(
      operation.parameters.map((parameter: { name: string; required: boolean }) => [
        parameter.name,
        parameter.required,
      ]),
    ).toEqual([
      ['from', true],
      ['add', true],
    ]);
    expect(Object.keys(operation.responses).sort()).toEqual(['200', '400', '401']);
    expect(Object.keys(document.components.schemas)).toContain('WorkingDayCount');

    const browser = new Agent(app);
    await browser.signIn(member);
    const page = await browser.get('/api/docs');
    const section = text(page, 'section[aria-labelledby="get-api-v1-working-days"]');
    expect(section).toContain('Count working days from a date');
    expect(section).toContain('from (required) query string (date) The date to count from.');
    expect(section).toContain('add (required) query integer');
    expect(section).toContain('200 WorkingDayCount The date reached.');
  });
});
