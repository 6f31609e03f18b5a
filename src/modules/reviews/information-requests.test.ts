import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/http/session-hook.js';
import { Agent, text } from '../../testing/agent.js';
import { sampleFiles, submitWithFile, type FileToSend } from '../../testing/multipart.js';
import { FICTIONAL_CHILD, reviewTestBed } from './review-fixtures.js';

const bed = await reviewTestBed();
const { agent, outsiderAgent, services, context, notifiedCase, fixtures, app, clock } = bed;
const owner = bed.database.owner.pool;

const count = async (table: 'information_request' | 'information_return' | 'stored_file') =>
  Number((await owner.query(`select count(*) from ${table}`)).rows[0].count);

const auditCount = async (action: string) =>
  (await services.audit.page(context, { action })).events.length;

const dateFields = (name: string, iso: string) => {
  const [year, month, day] = iso.split('-');
  return {
    [`${name}-day`]: String(Number(day)),
    [`${name}-month`]: String(Number(month)),
    [`${name}-year`]: year!,
  };
};

let agencies = 0;

/** A started rapid review, and an agency to ask. */
async function startedCase() {
  const found = await notifiedCase({ panelNotifiedOn: '2026-11-24' });
  const started = await services.reviews.rapidReviews.start(context, found.id);
  if (!started?.ok) throw new Error('Fixture refused to start the rapid review');
  agencies += 1;
  const agencyName = `Northshire Police ${agencies}`;
  const agencyId = await fixtures.agency({ name: agencyName });
  return { ...found, agencyId, agencyName };
}

const request = (agencyId: string, values: Record<string, string> = {}) => ({
  agencyId,
  askedFor: 'chronology',
  ...dateFields('requestedOn', '2026-11-27'),
  ...values,
});

const requestsOf = async (caseId: string) =>
  (
    await owner.query(
      `select id, asked_for, due_on::text, returned_on::text from information_request
        where case_id = $1 order by created_at`,
      [caseId],
    )
  ).rows;

/** A case with one request recorded through the form. */
async function caseWithRequest() {
  const found = await startedCase();
  const saved = await agent.submit(
    `/reviews/${found.id}/rapid-review/requests/new`,
    request(found.agencyId),
  );
  if (saved.status !== 303) throw new Error(`Request refused with ${saved.status}`);
  const [row] = await requestsOf(found.id);
  return { ...found, requestId: row.id as string };
}

const upload = (caseId: string, requestId: string, file: FileToSend | undefined, fields = {}) =>
  submitWithFile(
    agent,
    `/reviews/${caseId}/rapid-review/requests/${requestId}/documents/new`,
    { kind: 'chronology', ...dateFields('returnedOn', '2026-11-27'), ...fields },
    file,
  );

/** The bytes as served: the agent reads bodies as text, which would mangle them. */
const download = (from: Agent, url: string) =>
  app.inject({ method: 'GET', url, cookies: { [SESSION_COOKIE]: from.cookie(SESSION_COOKIE)! } });

describe('asking agencies for information', () => {
  it('records a request due 5 working days on when no due date is typed, audited, and lists it as due', async () => {
    const { id, agencyId, agencyName } = await startedCase();
    const form = await agent.get(`/reviews/${id}/rapid-review/requests/new`);
    expect(form.$('#requestedOn-day').val()).toBe('27');
    // Friday 27 November 2026 plus 5 working days is Friday 4 December.
    expect(text(form, '#dueOn-hint')).toContain('4 December 2026');
    const before = await auditCount('reviews.information_requested');
    const saved = await agent.submit(`/reviews/${id}/rapid-review/requests/new`, request(agencyId));
    expect(saved.status).toBe(303);
    const [row] = await requestsOf(id);
    expect(row).toMatchObject({ due_on: '2026-12-04', asked_for: 'A chronology of involvement' });
    expect(await auditCount('reviews.information_requested')).toBe(before + 1);
    const page = await agent.get(`/reviews/${id}`);
    const line = text(page, '#information-requests tbody tr');
    expect(line).toContain(agencyName);
    expect(line).toContain('A chronology of involvement');
    expect(line).toContain('Due 4 December 2026');
  });

  it('refuses a due date before the request, and every other bad input, writing nothing', async () => {
    const { id, agencyId } = await startedCase();
    const before = await count('information_request');
    const cases: [Record<string, string>, string, string][] = [
      [
        dateFields('dueOn', '2026-11-26'),
        'dueOn',
        'The due date must be on or after the date of the request (27 November 2026)',
      ],
      [{ agencyId: '' }, 'agencyId', 'Select the agency asked'],
      [{ agencyId: crypto.randomUUID() }, 'agencyId', 'Select the agency asked'],
      [{ askedFor: '' }, 'askedFor', 'Select what the agency is asked for'],
      [{ askedFor: 'other' }, 'askedForOther', 'Enter what the agency is asked for'],
      [dateFields('requestedOn', '2026-11-30'), 'requestedOn', 'must be today or in the past'],
      [{ 'requestedOn-day': '31', 'requestedOn-month': '2' }, 'requestedOn', 'must be a real date'],
    ];
    for (const [values, field, message] of cases) {
      const page = await agent.submit(
        `/reviews/${id}/rapid-review/requests/new`,
        request(agencyId, values),
      );
      expect(page.status, message).toBe(400);
      expect(page.$('.govuk-error-summary').text(), message).toContain(message);
      expect(page.$('.govuk-error-summary a').attr('href'), message).toBe(`#${field}`);
    }
    expect(await count('information_request')).toBe(before);
  });

  it('stores what else was asked for as typed, and shows a request overdue once its day has passed', async () => {
    const { id, agencyId } = await startedCase();
    const saved = await agent.submit(
      `/reviews/${id}/rapid-review/requests/new`,
      request(agencyId, {
        askedFor: 'other',
        askedForOther: 'Health visiting records',
        ...dateFields('dueOn', '2026-11-30'),
      }),
    );
    expect(saved.status).toBe(303);
    const [row] = await requestsOf(id);
    const change = await agent.get(`/reviews/${id}/rapid-review/requests/${row.id}`);
    expect(change.$('input[name="askedFor"][value="other"]').attr('checked')).toBeDefined();
    expect(change.$('#askedForOther').val()).toBe('Health visiting records');
    clock.set('2026-12-01T09:00:00Z');
    try {
      // A fresh session: the file's own would idle out across the days the clock moved.
      const later = new Agent(app);
      await later.signIn(bed.admin, clock.now());
      const page = await later.get(`/reviews/${id}`);
      const line = text(page, '#information-requests tbody tr');
      expect(line).toContain('Overdue');
      expect(line).toContain('Was due 30 November 2026');
    } finally {
      clock.set('2026-11-27T09:00:00Z');
    }
  });

  it('changes a request, and names who changed it first on a stale edit, keeping what was typed', async () => {
    const { id, requestId, agencyId } = await caseWithRequest();
    const url = `/reviews/${id}/rapid-review/requests/${requestId}`;
    const saved = await agent.submit(
      url,
      request(agencyId, { version: '1', ...dateFields('dueOn', '2026-12-08') }),
    );
    expect(saved.status).toBe(303);
    const stale = await agent.submit(
      url,
      request(agencyId, { version: '1', ...dateFields('dueOn', '2026-12-10') }),
    );
    expect(stale.status).toBe(400);
    expect(stale.$('.govuk-error-summary').text()).toContain('changed this information request');
    expect(stale.$('#dueOn-day').val()).toBe('10');
    expect((await requestsOf(id))[0].due_on).toBe('2026-12-08');
    const returnedTooEarly = await agent.submit(
      url,
      request(agencyId, { ...dateFields('returnedOn', '2026-11-26') }),
    );
    expect(returnedTooEarly.status).toBe(400);
    expect(returnedTooEarly.$('.govuk-error-summary').text()).toContain(
      'The date it was returned must be on or after the date of the request',
    );
  });
});

describe('documents agencies return', () => {
  it('refuses a file that is not a PDF, Word or OpenDocument document, and stores nothing', async () => {
    const { id, requestId } = await caseWithRequest();
    const before = {
      returns: await count('information_return'),
      files: await count('stored_file'),
    };
    const cases: [FileToSend | undefined, string][] = [
      [sampleFiles.png(), 'must be a PDF, Word (.docx) or OpenDocument (.odt) file'],
      [sampleFiles.renamedProgram(), 'must be a PDF, Word (.docx) or OpenDocument (.odt) file'],
      [undefined, 'Select the document'],
    ];
    for (const [file, message] of cases) {
      const page = await upload(id, requestId, file);
      expect(page.status, message).toBe(400);
      expect(page.$('.govuk-error-summary').text(), message).toContain(message);
    }
    const noKind = await upload(id, requestId, sampleFiles.pdf(), { kind: '' });
    expect(noKind.status).toBe(400);
    expect(noKind.$('.govuk-error-summary').text()).toContain('Select what the document is');
    expect(await count('information_return')).toBe(before.returns);
    expect(await count('stored_file')).toBe(before.files);
    expect((await requestsOf(id))[0].returned_on).toBeNull();
  });

  it('stores a returned chronology sealed and named by the reference, marks the request returned, and gives it back to the team', async () => {
    const { id, requestId, reference, agencyName } = await caseWithRequest();
    const file = sampleFiles.pdf(`${FICTIONAL_CHILD.childName} chronology.pdf`);
    const before = await auditCount('reviews.information_returned');
    const saved = await upload(id, requestId, file);
    expect(saved.status).toBe(303);
    expect((await requestsOf(id))[0].returned_on).toBe('2026-11-27');
    expect(await auditCount('reviews.information_returned')).toBe(before + 1);

    const { rows } = await owner.query(
      `select f.file_name, f.content from information_return r join stored_file f on f.id = r.file_id
        where r.request_id = $1`,
      [requestId],
    );
    expect(rows[0].file_name).toBe(`${reference}-chronology-${agencyName.replace(/ /g, '-')}.pdf`);
    expect(rows[0].file_name).not.toContain('Zebedee');
    expect(Buffer.from(rows[0].content).includes(file.content)).toBe(false);

    const page = await agent.get(`/reviews/${id}`);
    const line = text(page, '#information-requests tbody tr');
    expect(line).toContain('Returned on 27 November 2026');
    const link = page.$('#information-requests a[href*="/rapid-review/documents/"]').attr('href')!;
    const response = await download(agent, link);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(file.content)).toBe(true);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(
      `filename="${reference}-chronology-${agencyName.replace(/ /g, '-')}.pdf"`,
    );
    expect(response.headers['content-disposition']).not.toContain('Zebedee');
    expect(await auditCount('reviews.information_return_downloaded')).toBeGreaterThan(0);

    const audit = await owner.query(
      `select after::text from audit_event where action like 'reviews.%'`,
    );
    expect(JSON.stringify(audit.rows)).not.toContain(FICTIONAL_CHILD.childName);
    expect(await download(outsiderAgent, link)).toMatchObject({ statusCode: 404 });
  });

  it('answers 404 to someone outside the case team on every request page, post and download', async () => {
    const { id, requestId, agencyId } = await caseWithRequest();
    await upload(id, requestId, sampleFiles.docx('summary.docx'), { kind: 'summary' });
    const { rows } = await owner.query('select id from information_return where request_id = $1', [
      requestId,
    ]);
    const base = `/reviews/${id}/rapid-review`;
    for (const url of [
      `${base}/requests/new`,
      `${base}/requests/${requestId}`,
      `${base}/requests/${requestId}/documents/new`,
      `${base}/documents/${rows[0].id}`,
    ]) {
      const page = await outsiderAgent.get(url);
      expect(page.status, url).toBe(404);
    }
    const token = await outsiderAgent.csrfTokenFrom('/reviews/new');
    const before = await count('information_request');
    for (const url of [`${base}/requests/new`, `${base}/requests/${requestId}`]) {
      const post = await outsiderAgent.post(url, { _csrf: token, ...request(agencyId) });
      expect(post.status, url).toBe(404);
    }
    expect(await count('information_request')).toBe(before);
    const intruder = await submitWithFile(
      outsiderAgent,
      `${base}/requests/${requestId}/documents/new`,
      { kind: 'other' },
      sampleFiles.pdf(),
      { from: '/reviews/new' },
    );
    expect(intruder.status).toBe(404);
    const returns = await owner.query('select id from information_return where request_id = $1', [
      requestId,
    ]);
    expect(returns.rows.length).toBe(1);
  });
});
