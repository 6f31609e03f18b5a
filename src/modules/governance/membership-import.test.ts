import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { Agent, text, type Page } from '../../testing/agent.js';
import { createTestApp } from '../../testing/app.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';
import { IMPORT_COLUMNS, type ImportColumn } from './membership-csv.js';
import { registryFixtures } from './registry-fixtures.js';

const { app, services, database } = await createTestApp();
const partnership = await createPartnership(services);
const admin = await createUser(database.app.db, services, partnership.id, {
  roles: ['administrator'],
  mfa: true,
});
const member = await createUser(database.app.db, services, partnership.id, { roles: ['member'] });
const context = { partnershipId: partnership.id, userId: admin.userId };
const make = registryFixtures(services, context);
const ids: Record<string, string> = {};
const adminAgent = new Agent(app);

beforeAll(async () => {
  ids.council = await make.agency({ name: 'Northshire Council', isSafeguardingPartner: true });
  ids.police = await make.agency({ name: 'Northshire Police', isSafeguardingPartner: true });
  ids.oldAgency = await make.agency({ name: 'Old Agency' });
  await services.governance.agencies.close(context, ids.oldAgency);
  ids.partnership = await make.body({
    name: 'Safeguarding Children Partnership',
    bodyType: 'partnership',
  });
  ids.learning = await make.body({ name: 'Learning Group' });
  ids.oldGroup = await make.body({ name: 'Old Group' });
  await services.governance.bodies.close(context, ids.oldGroup);
  ids.existing = await make.person(ids.council, {
    fullName: 'Existing Person',
    email: 'existing@council.example',
  });
  await make.membership(ids.learning, ids.existing, ids.council);
  await adminAgent.signIn(admin);
});

const HEADER = IMPORT_COLUMNS.map((column) => column.name).join(',');

/** A good row, with the cells a case changes. */
function row(cells: Partial<Record<ImportColumn, string>> = {}, n = 1) {
  const values: Record<ImportColumn, string> = {
    full_name: `Pat Person ${n}`,
    job_title: 'Safeguarding lead',
    agency: 'Northshire Council',
    email: `pat${n}@council.example`,
    phone: '',
    body: 'Learning Group',
    status: 'Relevant partner',
    represents_agency: '',
    decision_making: 'yes',
    starts_on: '2026-04-01',
    ends_on: '',
    ...cells,
  };
  return IMPORT_COLUMNS.map((column) => values[column.name]).join(',');
}

const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const csvFile = (content: string | Buffer, name = 'members.csv', type = 'text/csv') =>
  new File([typeof content === 'string' ? content : new Uint8Array(content)], name, { type });

const upload = (file?: Blob, agent = adminAgent) =>
  agent.submitMultipart('/governance/import', file ? { file } : {}, '/governance/import');

async function counts() {
  const result = await database.owner.db.execute<{ people: number; memberships: number }>(sql`
    select (select count(*)::int from person where partnership_id = ${partnership.id}) as people,
           (select count(*)::int from membership where partnership_id = ${partnership.id}) as memberships`);
  return result.rows[0]!;
}

/** The problems table as [row number, reasons] pairs. */
const problems = (page: Page) =>
  page
    .$('#problems + .masa-table-scroll tbody tr')
    .toArray()
    .map((tr) => [
      page.$(tr).find('th').text().trim(),
      page.$(tr).find('td').text().replace(/\s+/g, ' ').trim(),
    ]);

/** Imports `file`, expects it refused with `message` and nothing written. */
async function expectRefused(file: Blob | undefined, message: string) {
  const before = await counts();
  const page = await upload(file);
  expect(page.status).toBe(400);
  expect(text(page, '.govuk-error-summary')).toContain(message);
  expect(await counts()).toEqual(before);
  return page;
}

describe('membership import page', () => {
  it('explains the columns and gives a template', async () => {
    const page = await adminAgent.get('/governance/import');
    expect(page.status).toBe(200);
    expect(page.$('form').last().attr('enctype')).toBe('multipart/form-data');
    expect(page.$('input[type="file"]#file').attr('name')).toBe('file');
    expect(text(page, 'main')).toContain('represents_agency');
    const template = await adminAgent.get('/governance/import/template.csv');
    expect(template.headers['content-disposition']).toContain('membership-import-template.csv');
    expect(template.body.split('\n')[0]).toBe(HEADER);
  });

  it('sends a visitor who has not signed in to sign in', async () => {
    for (const url of ['/governance/import', '/governance/matrix', '/governance/matrix.csv']) {
      const page = await new Agent(app).get(url);
      expect(page.status).toBe(303);
      expect(page.location).toMatch(/^\/sign-in/);
    }
  });

  it('refuses someone who is not an administrator', async () => {
    const agent = new Agent(app);
    await agent.signIn(member);
    expect((await agent.get('/governance/import')).status).toBe(403);
    expect((await agent.get('/governance/import/template.csv')).status).toBe(403);
    const before = await counts();
    const posted = await agent.submitMultipart(
      '/governance/import',
      { file: csvFile(csv(HEADER, row({}, 900))) },
      '/governance/matrix',
    );
    expect(posted.status).toBe(403);
    expect(await counts()).toEqual(before);
  });
});

describe('a good import', () => {
  it('creates the people and memberships, with an audit event for each and a summary', async () => {
    const before = await counts();
    const file = csvFile(
      `\uFEFF${csv(
        'Full Name,Job Title,Agency,Email,Phone,Body,Status,Represents Agency,Decision-making,Starts On,Ends On',
        'Jo Newcomer,Head of Safeguarding,northshire council,Jo.Newcomer@council.example,01632 960 001,Safeguarding Children Partnership,SAFEGUARDING PARTNER,,yes,01/04/2026,',
        'Jo Newcomer,Head of Safeguarding,Northshire Council,jo.newcomer@council.example,,learning group,relevant_partner,Northshire Police,no,2026-04-01,31/03/2027',
        '"Lay, Kit",Lay member,Northshire Council,kit@lay.example,,Safeguarding Children Partnership,participant observer,,no,2026-04-01,',
        ',,,,,,,,,,',
        'Someone Else,Any title,Northshire Council,EXISTING@council.example,,Safeguarding Children Partnership,Co-opted,,Yes,2026-04-01,',
      )}`,
    );
    const page = await upload(file);
    expect(page.status).toBe(303);
    expect(page.location).toBe('/governance/matrix');
    const matrix = await adminAgent.get(page.location!);
    expect(text(matrix, '.govuk-notification-banner')).toContain(
      'Imported 2 people and 4 memberships',
    );
    expect(await counts()).toEqual({
      people: before.people + 2,
      memberships: before.memberships + 4,
    });

    const seats = await database.owner.db.execute<Record<string, string | boolean | null>>(sql`
      select p.full_name, p.email, p.phone, b.name as body, m.status, a.name as represents,
             m.decision_making, m.starts_on::text, m.ends_on::text
      from membership m join person p on p.id = m.person_id join body b on b.id = m.body_id
      join agency a on a.id = m.represents_agency_id
      where m.partnership_id = ${partnership.id} and m.starts_on = '2026-04-01'
      order by p.full_name, b.name`);
    expect(seats.rows).toEqual([
      {
        full_name: 'Existing Person',
        email: 'existing@council.example',
        phone: null,
        body: 'Safeguarding Children Partnership',
        status: 'co_opted',
        represents: 'Northshire Council',
        decision_making: true,
        starts_on: '2026-04-01',
        ends_on: null,
      },
      {
        full_name: 'Jo Newcomer',
        email: 'Jo.Newcomer@council.example',
        phone: '01632 960 001',
        body: 'Learning Group',
        status: 'relevant_partner',
        represents: 'Northshire Police',
        decision_making: false,
        starts_on: '2026-04-01',
        ends_on: '2027-03-31',
      },
      {
        full_name: 'Jo Newcomer',
        email: 'Jo.Newcomer@council.example',
        phone: '01632 960 001',
        body: 'Safeguarding Children Partnership',
        status: 'safeguarding_partner',
        represents: 'Northshire Council',
        decision_making: true,
        starts_on: '2026-04-01',
        ends_on: null,
      },
      {
        full_name: 'Lay, Kit',
        email: 'kit@lay.example',
        phone: null,
        body: 'Safeguarding Children Partnership',
        status: 'participant_observer',
        represents: 'Northshire Council',
        decision_making: false,
        starts_on: '2026-04-01',
        ends_on: null,
      },
    ]);

    const events = await database.owner.db.execute<{ action: string; n: number }>(sql`
      select action, count(*)::int as n from audit_event
      where partnership_id = ${partnership.id} and after->>'importedFrom' = 'members.csv'
      group by action order by action`);
    expect(events.rows).toEqual([
      { action: 'membership.created', n: 4 },
      { action: 'person.created', n: 2 },
    ]);
    const summary = await database.owner.db.execute<{ after: unknown; actor: string }>(sql`
      select after, actor_user_id as actor from audit_event
      where partnership_id = ${partnership.id} and action = 'membership.imported'`);
    expect(summary.rows).toEqual([
      { after: { fileName: 'members.csv', people: 2, memberships: 4 }, actor: admin.userId },
    ]);
  });
});

describe('a file with problems imports nothing', () => {
  it('names the one bad row among good ones', async () => {
    const page = await expectRefused(
      csvFile(
        csv(
          HEADER,
          row({}, 10),
          row({}, 11),
          row({ agency: 'Northshire Counsil' }, 12),
          row({}, 13),
        ),
      ),
      '1 row has a problem, so nothing was imported',
    );
    expect(problems(page)).toEqual([
      [
        '4',
        'agency “Northshire Counsil” is not in the register: check the spelling against the list of agencies',
      ],
    ]);
    expect(page.$('.govuk-error-summary a').attr('href')).toBe('#problems');
  });

  const rowCases: [string, Partial<Record<ImportColumn, string>>, string][] = [
    [
      'a date that is not real',
      { starts_on: '31/02/2026' },
      'starts_on “31/02/2026” is not a real date',
    ],
    [
      'a date in another format',
      { ends_on: 'next April' },
      'ends_on “next April” is not a real date',
    ],
    [
      'an end date before the start date',
      { ends_on: '2026-03-31' },
      'ends_on (2026-03-31) is before starts_on (2026-04-01)',
    ],
    [
      'an unknown agency',
      { agency: 'Nowhere Trust' },
      'agency “Nowhere Trust” is not in the register',
    ],
    [
      'a closed agency',
      { represents_agency: 'old agency' },
      'represents_agency “Old Agency” is closed in the register, so it cannot be used',
    ],
    [
      'an unknown body',
      { body: 'Imaginary Board' },
      'body “Imaginary Board” is not in the register',
    ],
    ['a closed body', { body: 'Old Group' }, 'body “Old Group” is closed in the register'],
    [
      'an unknown status',
      { status: 'Chair' },
      'status “Chair” is not a membership status: use one of Safeguarding partner, Relevant partner',
    ],
    [
      'an observer with decision-making rights',
      { status: 'Participant observer' },
      'A participant observer cannot have decision-making rights',
    ],
    [
      'decision_making that is not yes or no',
      { decision_making: 'maybe' },
      'decision_making must be yes or no, not “maybe”',
    ],
    [
      'a bad email address',
      { email: 'pat at council' },
      'email “pat at council” is not a valid email address',
    ],
    ['a blank name', { full_name: '' }, 'full_name is blank'],
    [
      'a membership already held',
      { email: 'existing@council.example', full_name: 'Existing Person' },
      'Existing Person is already a member of Learning Group since 1 April 2024',
    ],
  ];

  it.each(rowCases)('names the row with %s', async (_case, cells, message) => {
    const page = await expectRefused(
      csvFile(csv(HEADER, row({}, 20), row(cells, 21))),
      '1 row has a problem',
    );
    expect(problems(page).map(([n]) => n)).toEqual(['3']);
    expect(problems(page)[0]![1]).toContain(message);
  });

  it('names a duplicate row, and one person given two names', async () => {
    const page = await expectRefused(
      csvFile(
        csv(
          HEADER,
          row({}, 30),
          row({ body: 'Safeguarding Children Partnership' }, 31),
          row({ email: 'PAT30@council.example' }, 30),
          row({ email: 'pat31@council.example', full_name: 'Patricia Other' }, 32),
        ),
      ),
      '2 rows have problems',
    );
    expect(problems(page)).toEqual([
      ['4', 'Duplicate of row 2: the same email and body'],
      [
        '5',
        'pat31@council.example has a different full_name on row 3: give the same details on every row for one person',
      ],
    ]);
  });

  const fileCases: [string, () => Blob | undefined, string][] = [
    ['no file selected', () => undefined, 'Select a CSV file to import'],
    [
      'an empty file part, as browsers send with no file chosen',
      () => csvFile('', ''),
      'Select a CSV file to import',
    ],
    ['an empty file', () => csvFile(''), 'The selected file is empty'],
    ['a header only', () => csvFile(csv(HEADER)), 'The file has a header row but no memberships'],
    [
      'missing columns',
      () =>
        csvFile(
          csv(
            'full_name,job_title,agency,email,decision_making,starts_on',
            'A,B,C,d@e.example,yes,2026-04-01',
          ),
        ),
      'The file is missing the columns body, status',
    ],
    [
      'semicolons',
      () => csvFile(csv(HEADER.replaceAll(',', ';'))),
      'Separate the columns with commas, not semicolons',
    ],
    [
      'a quote that is not closed',
      () => csvFile(csv(HEADER, row(), '"Open quote,x')),
      'could not be read as CSV at row 3',
    ],
    [
      'a PDF renamed .csv',
      () => csvFile(Buffer.from('%PDF-1.4\n% fake\n%%EOF\n'), 'members.csv', 'application/pdf'),
      'The selected file must be a CSV file (.csv): this one is a PDF, renamed .csv',
    ],
    [
      'a binary file',
      () => csvFile(Buffer.from([0x41, 0x00, 0x42, 0x0a]), 'members.csv', 'text/csv'),
      'this one is not text',
    ],
    [
      'another type of file',
      () => csvFile(csv(HEADER, row()), 'members.xlsx', 'application/vnd.ms-excel'),
      'The selected file must be a CSV file (.csv)',
    ],
    [
      'text that is not UTF-8',
      () =>
        csvFile(
          Buffer.concat([
            Buffer.from(`${HEADER}\r\nO`),
            Buffer.from([0x92]),
            Buffer.from('Brien\r\n'),
          ]),
        ),
      'saved as UTF-8',
    ],
    [
      'a file over 2 MB',
      () => csvFile(`${HEADER}\r\n${'x'.repeat(2 * 1024 * 1024)}`),
      'The selected file must be 2 MB or smaller',
    ],
  ];

  it.each(fileCases)('says what is wrong with %s', async (_case, file, message) => {
    const page = await expectRefused(file(), message);
    expect(page.$('.govuk-error-summary a').attr('href')).toBe('#file');
    expect(text(page, '.govuk-error-message')).toContain(message);
  });

  it('refuses more than 5,000 rows', async () => {
    const rows = Array.from({ length: 5001 }, (_, n) => row({}, 1000 + n));
    await expectRefused(
      csvFile(csv(HEADER, ...rows)),
      'The file has 5,001 rows of memberships: import 5,000 or fewer at a time',
    );
  });
});
