import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../platform/forms.js';
import { Agent, text, type Page } from '../../testing/agent.js';
import { createTestApp } from '../../testing/app.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';
import { agencyForm, bodyForm, personForm } from '../governance/governance.forms.js';

const { app, services, database } = await createTestApp();
const north = await createPartnership(services);
const south = await createPartnership(services, 'Southvale Safeguarding Partnership');
const admin = await createUser(database.app.db, services, north.id, {
  roles: ['administrator'],
  mfa: true,
  displayName: 'Alex Morgan',
});
const member = await createUser(database.app.db, services, north.id, {
  roles: ['member'],
  displayName: 'Sam Okafor',
});

// A TOTP code is accepted once, so the administrator signs in once for the whole file.
const adminAgent = new Agent(app);
await adminAgent.signIn(admin);
const memberAgent = new Agent(app);
await memberAgent.signIn(member);

const NEW_REQUEST = '/arrangements/amendments/new';

const outboxTo = (recipient: string) =>
  database.owner.db
    .execute<{ subject: string; body_text: string }>(
      sql`select subject, body_text from mail_outbox where recipient = ${recipient} order by created_at`,
    )
    .then((result) => result.rows);
const requestsIn = (partnershipId: string) =>
  database.owner.db
    .execute<{ id: string; status: string; summary: string; version: number }>(
      sql`select id, status, summary, version from amendment_request where partnership_id = ${partnershipId} order by created_at`,
    )
    .then((result) => result.rows);

function parsed<T>(outcome: { ok: true; value: T } | { ok: false; errors: object }): T {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.value;
}

/** South's partnership body, chaired by a fictional person with a work email. */
async function giveSouthAChair() {
  const context = { partnershipId: south.id, userId: null };
  const { governance } = services;
  const agency = parsed(
    await governance.agencies.create(
      context,
      parsed(parseForm(agencyForm, { name: 'Southvale Council', agencyType: 'local_authority' })),
    ),
  );
  const chair = parsed(
    await governance.people.create(
      context,
      parsed(
        parseForm(personForm, {
          fullName: 'Robin Ashdown',
          jobTitle: 'Director of Children’s Services',
          agencyId: agency.id,
          email: 'chair@southvale.example',
        }),
      ),
    ),
  );
  parsed(
    await governance.bodies.create(
      context,
      parsed(
        parseForm(bodyForm, {
          name: 'Southvale Safeguarding Children Partnership',
          bodyType: 'partnership',
          cadence: 'bi_monthly',
          chairPersonId: chair.id,
        }),
      ),
    ),
  );
}

const request = (agent: Agent, fields: Record<string, string>) => agent.submit(NEW_REQUEST, fields);
const statusOf = (page: Page) => text(page, '.govuk-summary-list');

describe('requesting an amendment (section 26)', () => {
  it('stores a member’s request, writes to the administrators when there is no chair, and shows it as theirs', async () => {
    const form = await memberAgent.get(NEW_REQUEST);
    expect(form.status).toBe(200);
    const sent = await request(memberAgent, {
      summary: 'Add the youth justice board to the reporting arrangements',
      details:
        'Section 7 lists four reporting bodies.\nThe youth justice board now reports to us too.',
    });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe('/arrangements#your-requests');

    const [stored] = await requestsIn(north.id);
    expect(stored).toMatchObject({
      status: 'received',
      summary: 'Add the youth justice board to the reporting arrangements',
    });
    const mails = await outboxTo(admin.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(
      'Request to amend the arrangements of Northshire Safeguarding Children Partnership',
    );
    expect(mails[0]!.body_text).toContain('Sam Okafor has asked for a review');
    expect(mails[0]!.body_text).toContain('The youth justice board now reports to us too.');
    expect(mails[0]!.body_text).toContain('no chair recorded');
    const audit = await database.owner.db.execute(
      sql`select 1 from audit_event where action = 'amendment_request.received' and entity_id = ${stored!.id}`,
    );
    expect(audit.rows).toHaveLength(1);

    const mine = await memberAgent.get('/arrangements');
    expect(text(mine, '#your-requests + * tbody')).toContain(
      'Add the youth justice board to the reporting arrangements',
    );
    expect(text(mine, '#your-requests + * .govuk-tag')).toBe('Received');
    // Someone else's requests are not theirs.
    const adminPage = await adminAgent.get('/arrangements');
    expect(text(adminPage, 'main')).toContain('You have not asked for an amendment');
  });

  it('writes to the chair of the partnership’s main body when it has one', async () => {
    await giveSouthAChair();
    const southMember = await createUser(database.app.db, services, south.id, {
      roles: ['member'],
      displayName: 'Jordan Ellis',
    });
    const southAdmin = await createUser(database.app.db, services, south.id, {
      roles: ['administrator'],
      mfa: true,
    });
    const agent = new Agent(app);
    await agent.signIn(southMember);
    expect(
      (await request(agent, { summary: 'Review the quorum rule', details: 'Section 21.' })).status,
    ).toBe(303);
    const mails = await outboxTo('chair@southvale.example');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body_text).toContain('As chair, you notify the members');
    expect(await outboxTo(southAdmin.email)).toHaveLength(0);
  });

  it('checks the summary and details, storing nothing when they are wrong', async () => {
    const before = (await requestsIn(north.id)).length;
    const empty = await request(memberAgent, { summary: '', details: '' });
    expect(empty.status).toBe(400);
    expect(empty.$('.govuk-error-summary a[href="#summary"]').text()).toBe(
      'Enter a summary of the change you are asking for',
    );
    expect(empty.$('.govuk-error-summary a[href="#details"]').text()).toBe(
      'Enter the details of your request',
    );
    const long = await request(memberAgent, {
      summary: 'x'.repeat(201),
      details: 'y'.repeat(5001),
    });
    expect(long.$('.govuk-error-summary a[href="#summary"]').text()).toBe(
      'Summary must be 200 characters or fewer',
    );
    expect(long.$('.govuk-error-summary a[href="#details"]').text()).toBe(
      'Details must be 5000 characters or fewer',
    );
    expect(long.$('#summary').val()).toBe('x'.repeat(201));
    expect((await requestsIn(north.id)).length).toBe(before);
  });
});

describe('an observer', () => {
  it('is not offered the request form, cannot open it or send it, and nothing is stored', async () => {
    const observer = await createUser(database.app.db, services, north.id, {
      roles: ['observer'],
    });
    const agent = new Agent(app);
    await agent.signIn(observer);

    const overview = await agent.get('/arrangements');
    expect(overview.status).toBe(200);
    expect(overview.$(`a[href="${NEW_REQUEST}"]`)).toHaveLength(0);
    expect(overview.$('#your-requests')).toHaveLength(0);
    expect(text(overview, 'main')).toContain('As an observer you cannot send a request');
    // A member on the same page is offered it.
    expect((await memberAgent.get('/arrangements')).$(`a[href="${NEW_REQUEST}"]`)).toHaveLength(1);

    const form = await agent.get(NEW_REQUEST);
    expect(form.status).toBe(403);
    expect(text(form, 'h1')).toBe('You cannot see this page');

    const mails = async () =>
      (await database.owner.db.execute(sql`select 1 from mail_outbox`)).rows.length;
    const before = { requests: (await requestsIn(north.id)).length, mails: await mails() };
    const sent = await agent.post(NEW_REQUEST, {
      _csrf: await agent.csrfTokenFrom('/account/password'),
      summary: 'Let observers vote',
      details: 'Observers should have decision-making rights.',
    });
    expect(sent.status).toBe(403);
    expect(text(sent, 'h1')).toBe('You cannot see this page');
    expect({ requests: (await requestsIn(north.id)).length, mails: await mails() }).toEqual(before);
  });
});

describe('recording what became of a request', () => {
  it('lists requests with status tags and a filter', async () => {
    const list = await adminAgent.get('/arrangements/amendments');
    expect(list.status).toBe(200);
    expect(text(list, 'tbody')).toContain('Add the youth justice board');
    expect(text(list, 'tbody')).toContain('Sam Okafor');
    expect(text(list, 'tbody .govuk-tag')).toBe('Received');
    expect(text(list, 'tbody')).not.toContain('Review the quorum rule');
    const scheduled = await adminAgent.get('/arrangements/amendments?status=scheduled');
    expect(scheduled.$('tbody tr')).toHaveLength(0);
    expect(text(scheduled, 'main')).toContain('No requests with this status');
    const nonsense = await adminAgent.get('/arrangements/amendments?status=lost&page=-3');
    expect(nonsense.status).toBe(200);
    expect(nonsense.$('tbody tr')).toHaveLength(1);
  });

  it('changes the status with a note, audits it and tells the member', async () => {
    const [stored] = await requestsIn(north.id);
    const path = `/arrangements/amendments/${stored!.id}`;
    const page = await adminAgent.get(path);
    expect(page.status).toBe(200);
    expect(statusOf(page)).toContain('Received');
    const saved = await adminAgent.submit(path, {
      status: 'scheduled',
      statusNote: 'On the agenda of the partnership meeting in March',
      version: String(stored!.version),
    });
    expect(saved.status).toBe(303);
    expect(statusOf(await adminAgent.get(path))).toContain('Scheduled');

    const mails = await outboxTo(member.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Your request to amend the arrangements: scheduled');
    expect(mails[0]!.body_text).toContain('is now scheduled');
    expect(mails[0]!.body_text).toContain('On the agenda of the partnership meeting in March');
    const audit = await database.owner.db.execute<{ before: unknown; after: unknown }>(
      sql`select before, after from audit_event where action = 'amendment_request.status_changed' and entity_id = ${stored!.id}`,
    );
    expect(audit.rows).toEqual([
      {
        before: { status: 'received', statusNote: null },
        after: {
          status: 'scheduled',
          statusNote: 'On the agenda of the partnership meeting in March',
        },
      },
    ]);
    const mine = await memberAgent.get('/arrangements');
    expect(text(mine, '#your-requests + * .govuk-tag')).toBe('Scheduled');
    expect(text(mine, '#your-requests + * tbody')).toContain('partnership meeting in March');
  });

  it('refuses a change made on a version someone has since changed, keeping what was typed', async () => {
    const [stored] = await requestsIn(north.id);
    const path = `/arrangements/amendments/${stored!.id}`;
    const stale = await adminAgent.submit(path, {
      status: 'declined',
      statusNote: 'Covered by the March review',
      version: String(stored!.version - 1),
    });
    expect(stale.status).toBe(409);
    expect(text(stale, '.govuk-error-summary')).toContain('Alex Morgan changed this request');
    expect(stale.$('#statusNote').val()).toBe('Covered by the March review');
    expect(stale.$('input[name="status"][value="declined"]').attr('checked')).toBeDefined();
    expect(stale.$('input[name="version"]').val()).toBe(String(stored!.version));
    expect((await requestsIn(north.id))[0]!.status).toBe('scheduled');
    expect(await outboxTo(member.email)).toHaveLength(1);
  });

  it('never lets anyone mark a request ratified by hand: the form does not offer it, and a POST is refused with nothing written', async () => {
    const [stored] = await requestsIn(north.id);
    const path = `/arrangements/amendments/${stored!.id}`;
    const page = await adminAgent.get(path);
    expect(page.$('input[name="status"]').length).toBeGreaterThan(0);
    expect(page.$('input[name="status"][value="ratified"]')).toHaveLength(0);
    const mailsBefore = (await outboxTo(member.email)).length;
    const auditBefore = await database.owner.db.execute(
      sql`select count(*)::int as count from audit_event where entity_id = ${stored!.id}`,
    );
    const forced = await adminAgent.submit(path, {
      status: 'ratified',
      statusNote: 'Ratified at the March meeting',
      version: String(stored!.version),
    });
    expect(forced.status).toBe(400);
    expect(text(forced, '.govuk-error-summary')).toContain(
      'A request is ratified only by a ratified decision of the partnership',
    );
    expect(forced.$('#statusNote').val()).toBe('Ratified at the March meeting');
    const [after] = await requestsIn(north.id);
    expect(after).toEqual(stored);
    expect(await outboxTo(member.email)).toHaveLength(mailsBefore);
    const auditAfter = await database.owner.db.execute(
      sql`select count(*)::int as count from audit_event where entity_id = ${stored!.id}`,
    );
    expect(auditAfter.rows).toEqual(auditBefore.rows);
  });

  it('needs a note to decline, then declines', async () => {
    const [stored] = await requestsIn(north.id);
    const path = `/arrangements/amendments/${stored!.id}`;
    const bare = await adminAgent.submit(path, {
      status: 'declined',
      statusNote: '  ',
      version: String(stored!.version),
    });
    expect(bare.status).toBe(400);
    expect(bare.$('.govuk-error-summary a[href="#statusNote"]').text()).toContain(
      'Enter why the request was declined',
    );
    expect((await requestsIn(north.id))[0]!.status).toBe('scheduled');
    const declined = await adminAgent.submit(path, {
      status: 'declined',
      statusNote: 'The youth justice board reports through the community safety partnership',
      version: String(stored!.version),
    });
    expect(declined.status).toBe(303);
    expect((await requestsIn(north.id))[0]!.status).toBe('declined');
    const mails = await outboxTo(member.email);
    expect(mails.at(-1)!.subject).toBe('Your request to amend the arrangements: declined');
    const unchanged = await adminAgent.submit(path, {
      status: 'declined',
      statusNote: 'The youth justice board reports through the community safety partnership',
      version: String(stored!.version + 1),
    });
    expect(unchanged.status).toBe(400);
    expect(text(unchanged, '.govuk-error-summary')).toContain('Select a different status');
  });

  it('refuses members, and answers 404 for another partnership’s request or a bad id', async () => {
    const [stored] = await requestsIn(north.id);
    const [southRequest] = await requestsIn(south.id);
    expect((await memberAgent.get(`/arrangements/amendments/${stored!.id}`)).status).toBe(403);
    const token = await memberAgent.csrfTokenFrom(NEW_REQUEST);
    const refused = await memberAgent.post(`/arrangements/amendments/${stored!.id}`, {
      _csrf: token,
      status: 'ratified',
      statusNote: '',
      version: '9',
    });
    expect(refused.status).toBe(403);
    for (const id of [southRequest!.id, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      expect((await adminAgent.get(`/arrangements/amendments/${id}`)).status, id).toBe(404);
      const posted = await adminAgent.submit(
        `/arrangements/amendments/${id}`,
        { status: 'ratified', statusNote: 'x', version: '1' },
        '/arrangements/amendments',
      );
      expect(posted.status, id).toBe(404);
    }
    expect((await requestsIn(south.id))[0]!.status).toBe('received');
  });
});
