import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ukToday } from '../../platform/date-input.js';
import { Agent, text } from '../../testing/agent.js';
import { createTestApp } from '../../testing/app.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';
import { sampleFiles, submitWithFile, type FileToSend } from '../../testing/multipart.js';

const { app, services, database } = await createTestApp();
const north = await createPartnership(services);
const south = await createPartnership(services, 'Southvale Safeguarding Partnership');
const admin = await createUser(database.app.db, services, north.id, {
  roles: ['administrator'],
  mfa: true,
});
const member = await createUser(database.app.db, services, north.id, { roles: ['member'] });

// A TOTP code is accepted once, so the administrator signs in once for the whole file.
const adminAgent = new Agent(app);
await adminAgent.signIn(admin);
const memberAgent = new Agent(app);
await memberAgent.signIn(member);

const NEW_VERSION = '/arrangements/versions/new';
const version = (fields: Partial<Record<string, string>> = {}) => ({
  versionNumber: 'V1.3',
  'issuedOn-day': '7',
  'issuedOn-month': '1',
  'issuedOn-year': '2019',
  author: 'Morgan Fairweather',
  reason: 'Statutory requirement, preparation of the partnership arrangements',
  ...fields,
});
const addVersion = (fields: Record<string, string>, file: FileToSend | undefined) =>
  submitWithFile(adminAgent, NEW_VERSION, fields, file);

const count = async (table: 'stored_file' | 'arrangements_version') =>
  Number(
    (
      await database.owner.db.execute<{ count: string }>(
        sql`select count(*) from ${sql.raw(table)}`,
      )
    ).rows[0]!.count,
  );
const counts = async () => ({
  files: await count('stored_file'),
  versions: await count('arrangements_version'),
});
const versionIdOf = async (partnershipId: string, versionNumber: string) =>
  (
    await database.owner.db.execute<{ id: string }>(
      sql`select id from arrangements_version where partnership_id = ${partnershipId} and version_number = ${versionNumber}`,
    )
  ).rows[0]!.id;

describe('arrangements versions', () => {
  it('adds a version with its document, shows it in the version-control table and gives the file back', async () => {
    const form = await adminAgent.get(NEW_VERSION);
    expect(form.status).toBe(200);
    expect(form.$('main form').attr('enctype')).toBe('multipart/form-data');
    const pdf = sampleFiles.pdf('Arrangements V1.3.pdf');
    const saved = await addVersion(version(), pdf);
    expect(saved.status).toBe(303);
    expect(saved.location).toBe('/arrangements');

    const page = await memberAgent.get('/arrangements');
    expect(page.status).toBe(200);
    const row = text(page, 'table:first tbody tr');
    expect(row).toContain('V1.3');
    expect(row).toContain('7 January 2019');
    expect(row).toContain('Morgan Fairweather');
    expect(row).toContain('Statutory requirement');
    const href = page.$('table:first tbody a').attr('href')!;
    const id = await versionIdOf(north.id, 'V1.3');
    expect(href).toBe(`/arrangements/versions/${id}/file`);

    const download = await memberAgent.get(href);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Arrangements V1.3.pdf"; filename*=UTF-8''Arrangements%20V1.3.pdf`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.body).toBe(pdf.content.toString('latin1'));

    const events = await database.owner.db.execute(
      sql`select 1 from audit_event where action = 'arrangements.version_added' and entity_id = ${id}`,
    );
    expect(events.rows).toHaveLength(1);
  });

  it('takes a Word document too', async () => {
    const saved = await addVersion(
      version({ versionNumber: 'V1.4', 'issuedOn-day': '17' }),
      sampleFiles.docx('Arrangements V1.4.docx'),
    );
    expect(saved.status).toBe(303);
    const download = await adminAgent.get(
      `/arrangements/versions/${await versionIdOf(north.id, 'V1.4')}/file`,
    );
    expect(download.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });

  it('refuses a version number already used, whatever its case, storing nothing', async () => {
    const before = await counts();
    const page = await addVersion(version({ versionNumber: 'v1.3' }), sampleFiles.pdf());
    expect(page.status).toBe(400);
    expect(page.$('.govuk-error-summary a[href="#versionNumber"]').text()).toBe(
      'Version v1.3 already exists: give this version a different number',
    );
    expect(page.$('#author').val()).toBe('Morgan Fairweather');
    expect(await counts()).toEqual(before);
  });

  it.each([
    [
      'no file',
      version({ versionNumber: 'V9' }),
      undefined,
      'file',
      'Select the arrangements document',
    ],
    [
      'a program renamed .pdf',
      version({ versionNumber: 'V9' }),
      sampleFiles.renamedProgram(),
      'file',
      'must be a PDF',
    ],
    ['a PNG image', version({ versionNumber: 'V9' }), sampleFiles.png(), 'file', 'must be a PDF'],
    [
      'a file over 10 MB',
      version({ versionNumber: 'V9' }),
      sampleFiles.oversizedPdf(),
      'file',
      'smaller than 10 MB',
    ],
    [
      'a date that is not real',
      version({ versionNumber: 'V9', 'issuedOn-day': '30', 'issuedOn-month': '2' }),
      sampleFiles.pdf(),
      'issuedOn',
      'must be a real date',
    ],
    [
      'a date in the future',
      version({ versionNumber: 'V9', 'issuedOn-year': '2199' }),
      sampleFiles.pdf(),
      'issuedOn',
      'today or in the past',
    ],
    [
      'a number that is not one',
      version({ versionNumber: 'draft!' }),
      sampleFiles.pdf(),
      'versionNumber',
      'like V2.1',
    ],
    [
      'no author',
      version({ versionNumber: 'V9', author: ' ' }),
      sampleFiles.pdf(),
      'author',
      'Enter who wrote',
    ],
  ])('refuses %s and stores nothing', async (_name, fields, file, field, message) => {
    const before = await counts();
    const page = await addVersion(fields, file);
    expect(page.status).toBe(400);
    expect(page.$(`.govuk-error-summary a[href="#${field}"]`).text()).toContain(message);
    expect(page.$('#reason').val()).toBe(fields.reason);
    expect(await counts()).toEqual(before);
  });
});

describe('yearly review date', () => {
  it('shows an overdue review in words, and a future one without', async () => {
    const empty = await memberAgent.get('/arrangements');
    expect(text(empty, '.govuk-summary-list')).toContain('Not set');

    const form = await adminAgent.get('/arrangements/review-date');
    // With no date yet, a year after the latest version is suggested.
    expect(form.$('#nextReviewDueOn-year').val()).toBe('2020');
    const past = await adminAgent.submit('/arrangements/review-date', {
      'nextReviewDueOn-day': '17',
      'nextReviewDueOn-month': '1',
      'nextReviewDueOn-year': '2020',
      version: '0',
    });
    expect(past.status).toBe(303);
    const overdue = await memberAgent.get('/arrangements');
    expect(text(overdue, '.govuk-summary-list')).toContain('17 January 2020 Overdue');
    expect(overdue.$('.govuk-summary-list .govuk-tag').text()).toBe('Overdue');

    const nextYear = String(Number(ukToday(new Date()).slice(0, 4)) + 1);
    const future = await adminAgent.submit('/arrangements/review-date', {
      'nextReviewDueOn-day': '12',
      'nextReviewDueOn-month': '7',
      'nextReviewDueOn-year': nextYear,
      version: '1',
    });
    expect(future.status).toBe(303);
    const upcoming = await memberAgent.get('/arrangements');
    expect(text(upcoming, '.govuk-summary-list')).toContain(`12 July ${nextYear}`);
    expect(upcoming.$('.govuk-summary-list .govuk-tag')).toHaveLength(0);
  });

  it('refuses a change made on a date someone has since changed, keeping what was typed', async () => {
    const stale = await adminAgent.submit('/arrangements/review-date', {
      'nextReviewDueOn-day': '1',
      'nextReviewDueOn-month': '9',
      'nextReviewDueOn-year': '2030',
      version: '1',
    });
    expect(stale.status).toBe(409);
    expect(text(stale, '.govuk-error-summary')).toContain('while you were editing it');
    expect(stale.$('#nextReviewDueOn-year').val()).toBe('2030');
    expect(stale.$('input[name="version"]').val()).toBe('2');
    const bad = await adminAgent.submit('/arrangements/review-date', {
      'nextReviewDueOn-day': '31',
      'nextReviewDueOn-month': '9',
      'nextReviewDueOn-year': '2030',
      version: '2',
    });
    expect(bad.status).toBe(400);
    expect(bad.$('.govuk-error-summary a[href="#nextReviewDueOn"]').text()).toBe(
      'Next review date must be a real date',
    );
    // Neither typed date was saved: the review date is still the one set before.
    const nextYear = String(Number(ukToday(new Date()).slice(0, 4)) + 1);
    const after = text(await memberAgent.get('/arrangements'), '.govuk-summary-list');
    expect(after).not.toContain('1 September 2030');
    expect(after).toContain(`12 July ${nextYear}`);
  });
});

describe('who may do what', () => {
  it("shows members the table and the request button, not the administrators' actions", async () => {
    const page = await memberAgent.get('/arrangements');
    expect(page.$('main a[href="/arrangements/amendments/new"]')).toHaveLength(1);
    expect(page.$('main a[href="/arrangements/versions/new"]')).toHaveLength(0);
    expect(page.$('main a[href="/arrangements/review-date"]')).toHaveLength(0);
    const adminPage = await adminAgent.get('/arrangements');
    expect(adminPage.$('main a[href="/arrangements/versions/new"]')).toHaveLength(1);
    expect(adminPage.$('main a[href="/arrangements/review-date"]').length).toBeGreaterThan(0);
    expect(text(await adminAgent.get('/governance'), 'main')).toContain(
      'Safeguarding arrangements',
    );
  });

  it("refuses members the administrators' pages", async () => {
    for (const url of [NEW_VERSION, '/arrangements/review-date', '/arrangements/amendments'])
      expect((await memberAgent.get(url)).status, url).toBe(403);
    const token = await memberAgent.csrfTokenFrom('/arrangements/amendments/new');
    const review = await memberAgent.post('/arrangements/review-date', {
      _csrf: token,
      'nextReviewDueOn-day': '1',
      'nextReviewDueOn-month': '1',
      'nextReviewDueOn-year': '2031',
      version: '2',
    });
    expect(review.status).toBe(403);
    const before = await counts();
    const upload = await submitWithFile(
      memberAgent,
      NEW_VERSION,
      version({ versionNumber: 'V7' }),
      sampleFiles.pdf(),
      {
        from: '/arrangements/amendments/new',
      },
    );
    expect(upload.status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it("answers 404 for another partnership's version file, an unknown one, or a malformed id", async () => {
    const southAdmin = await createUser(database.app.db, services, south.id, {
      roles: ['administrator'],
      mfa: true,
    });
    const southAgent = new Agent(app);
    await southAgent.signIn(southAdmin);
    expect(
      (
        await submitWithFile(
          southAgent,
          NEW_VERSION,
          version({ versionNumber: 'V2' }),
          sampleFiles.pdf(),
        )
      ).status,
    ).toBe(303);
    const southVersion = await versionIdOf(south.id, 'V2');
    expect((await southAgent.get(`/arrangements/versions/${southVersion}/file`)).status).toBe(200);
    for (const id of [southVersion, '00000000-0000-4000-8000-000000000000', 'not-an-id'])
      expect((await memberAgent.get(`/arrangements/versions/${id}/file`)).status, id).toBe(404);
    // South's V2 does not take the number from North.
    expect(text(await memberAgent.get('/arrangements'), 'table:first')).not.toContain('V2');
  });
});
