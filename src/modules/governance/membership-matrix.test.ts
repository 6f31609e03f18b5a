import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { ukToday } from '../../platform/date-input.js';
import { Agent, text } from '../../testing/agent.js';
import { createTestApp } from '../../testing/app.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';
import { registryFixtures } from './registry-fixtures.js';

const { app, services, database } = await createTestApp();
const partnership = await createPartnership(services);
const admin = await createUser(database.app.db, services, partnership.id, {
  roles: ['administrator'],
  mfa: true,
});
const member = await createUser(database.app.db, services, partnership.id, { roles: ['member'] });
const make = registryFixtures(services, { partnershipId: partnership.id, userId: admin.userId });

const ids: Record<string, string> = {};
const adminAgent = new Agent(app);
const memberAgent = new Agent(app);

beforeAll(async () => {
  ids.council = await make.agency({ name: 'Northshire Council', isSafeguardingPartner: true });
  ids.police = await make.agency({ name: 'Northshire Police', isSafeguardingPartner: true });
  ids.voluntary = await make.agency({ name: 'Voluntary Sector Forum' });
  ids.partnership = await make.body({
    name: 'Safeguarding Children Partnership',
    bodyType: 'partnership',
  });
  ids.learning = await make.body({ name: 'Learning Group' });
  const person = (fullName: string, email: string, agencyId: string, jobTitle: string) =>
    make.person(agencyId, { fullName, email, jobTitle });
  ids.alex = await person('Alex Example', 'alex@council.example', ids.council, 'Director');
  ids.sam = await person('Sam Sample', 'sam@police.example', ids.police, 'Chief Superintendent');
  ids.lee = await person('Lee Observer', 'lee@council.example', ids.council, 'Lead Member');
  ids.robin = await person('Robin Former', 'robin@vcs.example', ids.voluntary, 'Chief Executive');
  ids.formula = await person(
    '=HYPERLINK("http://x.example")',
    'f@vcs.example',
    ids.voluntary,
    '+1 lead',
  );
  const seat = (personId: string, bodyId: string, agencyId: string, more = {}) =>
    make.membership(bodyId, personId, agencyId, more);
  await seat(ids.alex, ids.partnership, ids.council, { status: 'safeguarding_partner' });
  await seat(ids.sam, ids.partnership, ids.police, { status: 'safeguarding_partner' });
  await seat(ids.lee, ids.partnership, ids.council, {
    status: 'participant_observer',
    decisionMaking: false,
  });
  await seat(ids.robin, ids.learning, ids.voluntary, {
    startsOn: '2022-01-01',
    endsOn: '2023-12-31',
  });
  await seat(ids.formula, ids.learning, ids.voluntary);
  await adminAgent.signIn(admin);
  await memberAgent.signIn(member);
});

/** The matrix cell for an agency's row and a body's column. */
function cell(page: Awaited<ReturnType<Agent['get']>>, agency: string, body: string) {
  const headers = page
    .$('thead th')
    .toArray()
    .map((th) => page.$(th).text().trim());
  const column = headers.indexOf(body);
  const row = page.$('tbody tr').filter((_, tr) => page.$(tr).find('th').text().trim() === agency);
  return row.children().eq(column).text().replace(/\s+/g, ' ').trim();
}

describe('membership matrix', () => {
  it('shows agencies by bodies, with who represents whom and their status in words', async () => {
    const page = await memberAgent.get('/governance/matrix');
    expect(page.status).toBe(200);
    expect(text(page, 'caption')).toContain('Who represents each agency on each body');
    const region = page.$('.masa-table-scroll');
    expect(region.attr('tabindex')).toBe('0');
    expect(region.attr('role')).toBe('region');
    expect(region.attr('aria-label')).toContain('Who represents each agency');
    expect(page.$('thead th[scope="col"]').length).toBe(3);
    expect(page.$('tbody th[scope="row"]').first().text().trim()).toBe('Northshire Council');
    const councilOnPartnership = cell(
      page,
      'Northshire Council',
      'Safeguarding Children Partnership',
    );
    expect(councilOnPartnership).toContain('Alex Example Safeguarding partner');
    expect(councilOnPartnership).toContain(
      'Lee Observer Participant observer, no decision-making rights',
    );
    expect(cell(page, 'Northshire Police', 'Learning Group')).toBe('–No one');
    expect(text(page, 'table')).not.toContain('Robin Former');
    expect(page.$(`main a[href="/people/${ids.alex}"]`).length).toBe(1);
    expect(page.$(`main a[href="/agencies/${ids.council}"]`).length).toBe(1);
    expect(page.$(`main a[href="/bodies/${ids.learning}"]`).length).toBe(1);
    expect(page.$('main a[href="/governance/import"]').length).toBe(0);
  });

  it('shows the memberships of another day', async () => {
    const page = await memberAgent.get('/governance/matrix?on=01/06/2023');
    expect(page.status).toBe(200);
    expect(page.$('#on').val()).toBe('01/06/2023');
    expect(cell(page, 'Voluntary Sector Forum', 'Learning Group')).toContain(
      'Robin Former Relevant partner',
    );
    expect(text(page, 'table')).not.toContain('Alex Example');
  });

  it('lays out one body as the membership table of section 11, partners first', async () => {
    const page = await memberAgent.get(`/governance/matrix?body=${ids.partnership}`);
    expect(page.status).toBe(200);
    expect(text(page, 'h1')).toBe('Members of Safeguarding Children Partnership');
    expect(
      page
        .$('thead th')
        .toArray()
        .map((th) => page.$(th).text().trim()),
    ).toEqual(['Agency', 'Membership status', 'Designation', 'Name', 'Decision-making']);
    const rows = page
      .$('tbody tr')
      .toArray()
      .map((tr) =>
        page
          .$(tr)
          .children()
          .toArray()
          .map((td) => page.$(td).text().trim()),
      );
    expect(rows).toEqual([
      ['Northshire Council', 'Safeguarding partner', 'Director', 'Alex Example', 'Yes'],
      ['Northshire Police', 'Safeguarding partner', 'Chief Superintendent', 'Sam Sample', 'Yes'],
      ['Northshire Council', 'Participant observer', 'Lead Member', 'Lee Observer', 'No'],
    ]);
    expect(page.$(`#body option[value="${ids.partnership}"]`).attr('selected')).toBeDefined();
  });

  it('answers a date that is not real with the error summary, and an unknown body with 404', async () => {
    const page = await memberAgent.get('/governance/matrix?on=31/02/2026');
    expect(page.status).toBe(400);
    expect(text(page, '.govuk-error-summary')).toContain('Date must be a real date');
    expect(page.$('#on').val()).toBe('31/02/2026');
    const unknown = await memberAgent.get(`/governance/matrix?body=${crypto.randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect((await memberAgent.get('/governance/matrix?body=not-an-id')).status).toBe(404);
  });

  it('links the matrix from the overview, and the import only for administrators', async () => {
    const forMember = await memberAgent.get('/governance');
    expect(forMember.$('main a[href="/governance/matrix"]').length).toBe(1);
    expect(forMember.$('main a[href="/governance/import"]').length).toBe(0);
    const forAdmin = await adminAgent.get('/governance');
    expect(forAdmin.$('main a[href="/governance/import"]').length).toBe(1);
    expect(
      (await adminAgent.get('/governance/matrix')).$('main a[href="/governance/import"]').length,
    ).toBe(1);
  });
});

describe('membership CSV export', () => {
  it('has one row per current membership, with a dated file name and formulas neutralised', async () => {
    const csv = await memberAgent.get('/governance/matrix.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="membership-matrix-${ukToday(new Date())}.csv"`,
    );
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parse(csv.body, { bom: true }) as string[][];
    expect(header).toEqual([
      'agency',
      'body',
      'full_name',
      'job_title',
      'email',
      'status',
      'represents_agency',
      'decision_making',
      'starts_on',
      'ends_on',
    ]);
    expect(rows).toHaveLength(4);
    expect(rows).toContainEqual([
      'Northshire Council',
      'Safeguarding Children Partnership',
      'Lee Observer',
      'Lead Member',
      'lee@council.example',
      'Participant observer',
      'Northshire Council',
      'no',
      '2024-04-01',
      '',
    ]);
    const formula = rows.find((row) => row[4] === 'f@vcs.example')!;
    expect(formula[2]).toBe(`'=HYPERLINK("http://x.example")`);
    expect(formula[3]).toBe(`'+1 lead`);
    expect(csv.body).not.toContain('Robin Former');
  });

  it('exports the memberships of another day', async () => {
    const csv = await memberAgent.get('/governance/matrix.csv?on=2023-06-01');
    expect(csv.headers['content-disposition']).toContain('membership-matrix-2023-06-01.csv');
    const rows = parse(csv.body, { bom: true, from_line: 2 }) as string[][];
    expect(rows.map((row) => row[2])).toEqual(['Robin Former']);
    const bad = await memberAgent.get('/governance/matrix.csv?on=yesterday');
    expect(bad.status).toBe(303);
    expect(bad.location).toBe('/governance/matrix?on=yesterday');
  });
});

describe('closed agencies and bodies in the matrix', () => {
  it('shows a closed agency or body on a day someone still sat for or on it, and not after', async () => {
    const context = { partnershipId: partnership.id, userId: admin.userId };
    const club = await make.agency({ name: 'Aardvark Youth Club' });
    const group = await make.body({ name: 'Aardvark Task Group' });
    // Employed by the council, so the club has no people of its own to close first.
    const worker = await make.person(ids.council!, {
      fullName: 'Jo Former',
      email: 'jo@council.example',
    });
    await make.membership(group, worker, club, { startsOn: '2022-01-01', endsOn: '2023-12-31' });
    expect((await services.governance.agencies.close(context, club)).ok).toBe(true);
    expect((await services.governance.bodies.close(context, group)).ok).toBe(true);
    const then = await memberAgent.get('/governance/matrix?on=01/06/2023');
    expect(cell(then, 'Aardvark Youth Club', 'Aardvark Task Group')).toContain('Jo Former');
    const now = await memberAgent.get('/governance/matrix');
    expect(text(now, 'table')).not.toContain('Aardvark');
  });
});

describe('membership matrix of a large partnership', () => {
  it('shows 25 agencies to a page, keeping the day in the pager, and any bad page as the nearest', async () => {
    // 3 open agencies so far; 24 more make 27: a first page of 25 and a second of 2.
    for (let index = 1; index <= 24; index += 1)
      await make.agency({ name: `Zeta Agency ${String(index).padStart(2, '0')}` });
    const rowNames = (page: Awaited<ReturnType<Agent['get']>>) =>
      page
        .$('tbody th[scope="row"]')
        .map((_index, th) => page.$(th).text().trim())
        .get();
    const first = await memberAgent.get('/governance/matrix?on=01/06/2025');
    expect(rowNames(first)).toHaveLength(25);
    expect(rowNames(first)[0]).toBe('Northshire Council');
    expect(text(first, 'caption')).toBe(
      'Who represents each agency on each body, on 1 June 2025, page 1 of 2 of the agencies',
    );
    const next = first.$('.govuk-pagination__next a').attr('href');
    expect(next).toBe('/governance/matrix?on=01%2F06%2F2025&page=2');
    const second = await memberAgent.get(next!);
    expect(second.status).toBe(200);
    expect(rowNames(second)).toEqual(['Zeta Agency 23', 'Zeta Agency 24']);
    expect(text(second, 'caption')).toContain('on 1 June 2025, page 2 of 2');
    expect(rowNames(await memberAgent.get('/governance/matrix?page=99'))).toEqual(rowNames(second));
    for (const bad of ['0', '-1', 'two', '1.5'])
      expect(rowNames(await memberAgent.get(`/governance/matrix?page=${bad}`))).toEqual(
        rowNames(first),
      );
  });
});
