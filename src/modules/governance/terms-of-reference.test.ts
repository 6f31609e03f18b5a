import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../platform/forms.js';
import { Agent, text } from '../../testing/agent.js';
import { createTestApp } from '../../testing/app.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';
import { sampleFiles, submitWithFile, type FileToSend } from '../../testing/multipart.js';
import { bodyForm } from './governance.forms.js';

const { app, services, database } = await createTestApp();
const north = await createPartnership(services);
const south = await createPartnership(services, 'Southvale Safeguarding Partnership');
const admin = await createUser(database.app.db, services, north.id, {
  roles: ['administrator'],
  mfa: true,
});
const member = await createUser(database.app.db, services, north.id, { roles: ['member'] });

async function createBody(partnershipId: string, name: string) {
  const input = parseForm(bodyForm, { name, bodyType: 'sub_group', cadence: 'quarterly' });
  if (!input.ok) throw new Error(JSON.stringify(input.errors));
  const created = await services.governance.bodies.create(
    { partnershipId, userId: null },
    input.value,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return created.value.id;
}

const learning = await createBody(north.id, 'Learning and Development Sub-group');
const southBody = await createBody(south.id, 'Southvale Quality Assurance Sub-group');

// A TOTP code is accepted once, so the administrator signs in once for the whole file.
const adminAgent = new Agent(app);
await adminAgent.signIn(admin);
const memberAgent = new Agent(app);
await memberAgent.signIn(member);

const formPath = (id: string) => `/bodies/${id}/terms-of-reference`;
const reviewDate = (day: string, month: string, year: string) => ({
  'reviewDueOn-day': day,
  'reviewDueOn-month': month,
  'reviewDueOn-year': year,
});
const upload = (
  file: FileToSend | undefined,
  fields = reviewDate('1', '4', '2027'),
  id = learning,
) => submitWithFile(adminAgent, formPath(id), fields, file);

const storedFiles = async () =>
  Number(
    (await database.owner.db.execute<{ count: string }>(sql`select count(*) from stored_file`))
      .rows[0]!.count,
  );
const bodyRow = async (id: string) =>
  (
    await database.owner.db.execute<{
      terms_of_reference_file_id: string | null;
      terms_of_reference_review_due_on: string | null;
      version: number;
    }>(
      sql`select terms_of_reference_file_id, terms_of_reference_review_due_on::text, version from body where id = ${id}`,
    )
  ).rows[0]!;

describe('terms of reference', () => {
  it('stores a PDF with its review date, records it, and gives it back as a download', async () => {
    const form = await adminAgent.get(formPath(learning));
    expect(form.status).toBe(200);
    expect(form.$('main form').attr('enctype')).toBe('multipart/form-data');
    expect(form.$('input[type="file"][name="file"]')).toHaveLength(1);

    const pdf = sampleFiles.pdf('Learning ToR (final).pdf');
    const saved = await upload(pdf);
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/bodies/${learning}`);
    const row = await bodyRow(learning);
    expect(row.terms_of_reference_review_due_on).toBe('2027-04-01');
    expect(row.terms_of_reference_file_id).not.toBeNull();

    const events = await database.owner.db.execute<{ action: string; after: { fileName: string } }>(
      sql`select action, after from audit_event where entity_id = ${learning} and action = 'body.terms_of_reference_uploaded'`,
    );
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0]!.after.fileName).toBe('Learning ToR (final).pdf');

    // Any signed-in person of the partnership may read them.
    const download = await memberAgent.get(`${formPath(learning)}/file`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Learning ToR (final).pdf"; filename*=UTF-8''Learning%20ToR%20%28final%29.pdf`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.from(download.body, 'latin1').equals(pdf.content)).toBe(true);

    const again = await adminAgent.get(formPath(learning));
    expect(text(again, '.govuk-summary-list')).toContain('Learning ToR (final).pdf');
    expect(again.$('#reviewDueOn-year').val()).toBe('2027');
  });

  it('replaces them with a Word document, named in UTF-8 when the name is not plain ASCII', async () => {
    const before = await storedFiles();
    const saved = await upload(
      sampleFiles.docx('Référence v2.docx'),
      reviewDate('30', '9', '2027'),
    );
    expect(saved.status).toBe(303);
    expect(await storedFiles()).toBe(before + 1);
    const download = await adminAgent.get(`${formPath(learning)}/file`);
    expect(download.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Reference v2.docx"; filename*=UTF-8''R%C3%A9f%C3%A9rence%20v2.docx`,
    );
    expect((await bodyRow(learning)).terms_of_reference_review_due_on).toBe('2027-09-30');
  });

  it.each([
    ['no file', undefined, 'Select the terms of reference'],
    ['a program renamed .pdf', sampleFiles.renamedProgram(), 'must be a PDF, Word (.docx)'],
    ['a PNG image', sampleFiles.png(), 'must be a PDF, Word (.docx)'],
    [
      'a Word file’s first bytes followed by nothing',
      sampleFiles.fakeDocx(),
      'The selected file is not a Word document that can be opened',
    ],
    [
      'a web page behind a PDF’s first line',
      sampleFiles.fakePdf(),
      'The selected file is not a PDF that can be opened',
    ],
    ['a file over 10 MB', sampleFiles.oversizedPdf(), 'must be smaller than 10 MB'],
  ])('refuses %s and changes nothing', async (_name, file, message) => {
    const before = { files: await storedFiles(), body: await bodyRow(learning) };
    const page = await upload(file, reviewDate('1', '12', '2027'));
    expect(page.status).toBe(400);
    expect(page.$('.govuk-error-summary a[href="#file"]').text()).toContain(message);
    expect(text(page, '#file-error')).toContain(message);
    expect(page.$('#reviewDueOn-day').val()).toBe('1');
    expect(page.$('#reviewDueOn-month').val()).toBe('12');
    expect(await storedFiles()).toBe(before.files);
    expect(await bodyRow(learning)).toEqual(before.body);
  });

  it('refuses a date that is not real, or missing, even with a good file', async () => {
    const before = { files: await storedFiles(), body: await bodyRow(learning) };
    const bad = await upload(sampleFiles.pdf(), reviewDate('31', '2', '2027'));
    expect(bad.status).toBe(400);
    expect(bad.$('.govuk-error-summary a[href="#reviewDueOn"]').text()).toBe(
      'Review date must be a real date',
    );
    expect(bad.$('#reviewDueOn-day').val()).toBe('31');
    const missing = await upload(sampleFiles.pdf(), reviewDate('', '', ''));
    expect(missing.$('.govuk-error-summary a[href="#reviewDueOn"]').text()).toBe(
      'Enter review date',
    );
    const both = await upload(undefined, reviewDate('1', '', '2027'));
    expect(both.$('.govuk-error-summary li')).toHaveLength(2);
    expect(await storedFiles()).toBe(before.files);
    expect(await bodyRow(learning)).toEqual(before.body);
  });

  it('refuses an upload made on a version someone has since changed, storing nothing', async () => {
    const before = { files: await storedFiles(), body: await bodyRow(learning) };
    const token = await adminAgent.csrfTokenFrom(formPath(learning));
    const { multipartBody } = await import('../../testing/multipart.js');
    const body = multipartBody(
      { _csrf: token, version: String(before.body.version - 1), ...reviewDate('1', '1', '2028') },
      { field: 'file', value: sampleFiles.pdf() },
    );
    const page = await adminAgent.request({
      method: 'POST',
      url: formPath(learning),
      payload: body.payload,
      headers: { 'content-type': body.contentType },
    });
    expect(page.status).toBe(409);
    expect(text(page, '.govuk-error-summary')).toContain('while you were editing it');
    expect(page.$('#reviewDueOn-year').val()).toBe('2028');
    expect(page.$('input[name="version"]').val()).toBe(String(before.body.version));
    expect(await storedFiles()).toBe(before.files);
    expect(await bodyRow(learning)).toEqual(before.body);
  });

  it('refuses a version beyond PostgreSQL’s integers with the form again, storing nothing', async () => {
    const before = { files: await storedFiles(), body: await bodyRow(learning) };
    const token = await adminAgent.csrfTokenFrom(formPath(learning));
    const { multipartBody } = await import('../../testing/multipart.js');
    const body = multipartBody(
      { _csrf: token, version: '999999999999', ...reviewDate('1', '1', '2028') },
      { field: 'file', value: sampleFiles.pdf() },
    );
    const page = await adminAgent.request({
      method: 'POST',
      url: formPath(learning),
      payload: body.payload,
      headers: { 'content-type': body.contentType },
    });
    expect(page.status).toBe(400);
    expect(text(page, '.govuk-error-summary')).toContain('The form was out of date or changed');
    expect(await storedFiles()).toBe(before.files);
    expect(await bodyRow(learning)).toEqual(before.body);
  });

  it('lets members download but not upload', async () => {
    expect((await memberAgent.get(formPath(learning))).status).toBe(403);
    const token = await memberAgent.csrfTokenFrom('/account/password');
    const { multipartBody } = await import('../../testing/multipart.js');
    const body = multipartBody(
      { _csrf: token, ...reviewDate('1', '1', '2028') },
      { field: 'file', value: sampleFiles.pdf() },
    );
    const refused = await memberAgent.request({
      method: 'POST',
      url: formPath(learning),
      payload: body.payload,
      headers: { 'content-type': body.contentType },
    });
    expect(refused.status).toBe(403);
  });

  it("answers 404 for another partnership's body, an unknown one, or a malformed id", async () => {
    for (const id of [southBody, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      expect((await adminAgent.get(formPath(id))).status).toBe(404);
      expect((await adminAgent.get(`${formPath(id)}/file`)).status).toBe(404);
    }
    const before = await storedFiles();
    const posted = await submitWithFile(
      adminAgent,
      formPath(southBody),
      reviewDate('1', '1', '2028'),
      sampleFiles.pdf(),
      { from: formPath(learning) },
    );
    expect(posted.status).toBe(404);
    expect(await storedFiles()).toBe(before);
  });

  it('has no file to download before any is uploaded', async () => {
    const fresh = await createBody(north.id, 'Child Exploitation Priority Group');
    expect((await memberAgent.get(`${formPath(fresh)}/file`)).status).toBe(404);
    expect(text(await adminAgent.get(formPath(fresh)), 'main')).toContain(
      'has no terms of reference yet',
    );
  });
});
