import { describe, expect, it } from 'vitest';
import { createUser } from '../../testing/fixtures.js';
import { Agent } from '../../testing/agent.js';
import { FICTIONAL_CHILD, reviewTestBed } from './review-fixtures.js';

const bed = await reviewTestBed();
const { agent, outsiderAgent, services, context, notifiedCase, fixtures } = bed;

const notification = (values: Record<string, string | string[]> = {}) => ({
  reference: 'SI-2026-101',
  kind: 'serious_incident',
  'awareOn-day': '23',
  'awareOn-month': '11',
  'awareOn-year': '2026',
  criteria: ['abuse_or_neglect', 'death'],
  childName: 'Marigold Pennywhistle',
  'dateOfBirth-day': '2',
  'dateOfBirth-month': '3',
  'dateOfBirth-year': '2019',
  nhsNumber: '999 000 0026',
  address: '4 Thistle Close',
  ...values,
});

const auditCount = async (action: string) =>
  (await services.audit.page(context, { action })).events.length;

describe('recording a notification', () => {
  it('opens the case with its clock, puts the recorder on its team, and shows the child only to them', async () => {
    const agency = await fixtures.agency({ name: 'Northshire Police' });
    const page = await agent.submit('/reviews/new', notification({ agencyIds: [agency] }));
    expect(page.status).toBe(303);
    const casePage = await agent.get(page.location!);
    expect(casePage.status).toBe(200);
    expect(casePage.$('h1').text()).toContain('SI-2026-101');
    expect(casePage.$('h1').text()).toContain('Serious incident notification');
    expect(casePage.body).toContain('Marigold Pennywhistle');
    expect(casePage.body).toContain('Northshire Police');
    // Aware Monday 23 November 2026: 5 working days is Monday 30 November.
    expect(casePage.$('#deadlines').text()).toContain('30 November 2026');
    expect(casePage.$('.govuk-inset-text').text()).toContain('Notify');
    expect(casePage.$('.govuk-inset-text').text()).toContain('1 working day left');
  });

  it('refuses a notification date before the awareness date, and writes nothing', async () => {
    const before = await auditCount('reviews.case_opened');
    const page = await agent.submit(
      '/reviews/new',
      notification({
        reference: 'SI-2026-102',
        'panelNotifiedOn-day': '20',
        'panelNotifiedOn-month': '11',
        'panelNotifiedOn-year': '2026',
      }),
    );
    expect(page.status).toBe(400);
    expect(page.$('.govuk-error-summary').text()).toContain(
      'The date the Panel was notified must be on or after the date the local authority became aware',
    );
    expect(page.$('#childName').val()).toBe('Marigold Pennywhistle');
    expect(page.$('input[name="criteria"][value="death"]').attr('checked')).toBeDefined();
    expect(await auditCount('reviews.case_opened')).toBe(before);
    const list = await agent.get('/reviews');
    expect(list.body).not.toContain('SI-2026-102');
  });

  it('explains every other bad input', async () => {
    const cases: [Record<string, string | string[]>, string][] = [
      [{ reference: '' }, 'Enter the case reference'],
      [{ 'awareOn-day': '31', 'awareOn-month': '2' }, 'must be a real date'],
      [{ 'awareOn-year': '2027' }, 'must be today or in the past'],
      [{ criteria: [] }, 'Select the criteria the incident meets'],
      [{ childName: '' }, "Enter the child's name"],
      [{ nhsNumber: '999 000 0019' }, 'Enter a valid 10-digit NHS number'],
      [{ agencyIds: ['not-an-id'] }, 'Select agencies from the list'],
      [{ reference: 'SI-2026-101' }, 'A case with the reference SI-2026-101 already exists'],
    ];
    for (const [values, message] of cases) {
      const page = await agent.submit(
        '/reviews/new',
        notification({ reference: 'SI-2026-199', ...values }),
      );
      expect(page.status, message).toBe(400);
      expect(page.$('.govuk-error-summary').text()).toContain(message);
    }
  });

  it('keeps the timescales a case was opened with after the setting changes', async () => {
    const { id } = await notifiedCase({ awareOn: '2026-11-23' });
    const changed = await services.calendar.setTimescale(context, {
      key: 'notificationWorkingDays',
      value: 10,
      version: (await services.calendar.timescales(context)).version,
    });
    expect(changed.ok).toBe(true);
    const file = await services.reviews.cases.open(context, id);
    expect(file?.reviewCase.notificationWorkingDays).toBe(5);
    const later = await notifiedCase({ awareOn: '2026-11-23' });
    const laterFile = await services.reviews.cases.open(context, later.id);
    expect(laterFile?.facts.timescales.notificationWorkingDays).toBe(10);
  });
});

describe('children', () => {
  it('refuses a fifth child with the reason, and adds nothing', async () => {
    const { id } = await notifiedCase();
    for (const name of ['Second Child', 'Third Child', 'Fourth Child']) {
      const added = await agent.submit(`/reviews/${id}/children/new`, { childName: name });
      expect(added.status).toBe(303);
    }
    const casePage = await agent.get(`/reviews/${id}`);
    expect(casePage.$('a[href$="/children/new"]').length).toBe(0);
    const fifth = await agent.post(`/reviews/${id}/children/new`, {
      childName: 'Fifth Child',
      _csrf: await agent.csrfTokenFrom(`/reviews/${id}/notification`),
    });
    expect(fifth.status).toBe(400);
    expect(fifth.$('.govuk-error-summary').text()).toContain('at most 4 children');
    const file = await services.reviews.cases.open(context, id);
    expect(file?.children.map((child) => child.name)).toEqual([
      FICTIONAL_CHILD.childName,
      'Second Child',
      'Third Child',
      'Fourth Child',
    ]);
  });

  it("changes a child's details, and says who changed them first on a stale edit", async () => {
    const { id } = await notifiedCase();
    const file = await services.reviews.cases.open(context, id);
    const child = file!.children[0]!;
    const url = `/reviews/${id}/children/${child.id}`;
    const form = await agent.get(url);
    expect(form.$('#childName').val()).toBe(FICTIONAL_CHILD.childName);
    const saved = await agent.submit(url, {
      childName: 'Renamed Child',
      version: String(child.version),
    });
    expect(saved.status).toBe(303);
    const stale = await agent.submit(url, {
      childName: 'Other Name',
      version: String(child.version),
    });
    expect(stale.status).toBe(400);
    expect(stale.$('.govuk-error-summary').text()).toContain('changed this');
    expect(stale.$('#childName').val()).toBe('Other Name');
  });
});

describe('the case team', () => {
  it('shows someone outside the team only the reference, stage and deadline, and 404 on every case page', async () => {
    const { id, reference } = await notifiedCase();
    const list = await outsiderAgent.get('/reviews');
    expect(list.status).toBe(200);
    expect(list.body).toContain(reference);
    expect(list.$(`a[href="/reviews/${id}"]`).length).toBe(0);
    expect(list.body).not.toContain(FICTIONAL_CHILD.childName);
    for (const url of [
      `/reviews/${id}`,
      `/reviews/${id}/notification`,
      `/reviews/${id}/children/new`,
    ]) {
      const page = await outsiderAgent.get(url);
      expect(page.status, url).toBe(404);
      expect(page.body).not.toContain(FICTIONAL_CHILD.childName);
    }
    const post = await outsiderAgent.post(`/reviews/${id}/children/new`, {
      childName: 'Intruder',
      _csrf: await outsiderAgent.csrfTokenFrom('/reviews/new'),
    });
    expect(post.status).toBe(404);
  });

  it('lets an administrator add themselves, audited, after which they can open the case', async () => {
    const { id } = await notifiedCase();
    const teamPage = await outsiderAgent.get(`/reviews/${id}/team`);
    expect(teamPage.status).toBe(200);
    expect(teamPage.body).not.toContain(FICTIONAL_CHILD.childName);
    const added = await outsiderAgent.submit(`/reviews/${id}/team`, {
      userId: bed.outsider.userId,
    });
    expect(added.status).toBe(303);
    const opened = await outsiderAgent.get(`/reviews/${id}`);
    expect(opened.status).toBe(200);
    expect(opened.body).toContain(FICTIONAL_CHILD.childName);
    const events = (await services.audit.page(context, { entityId: id })).events;
    expect(events.map((event) => event.action)).toContain('reviews.team_member_added');
    expect(events.filter((event) => event.action === 'viewed').length).toBeGreaterThan(0);
    // Removing them again: a confirmation first, then they are out.
    const member = (await services.reviews.team.teamPage(context, id, true))!.team.find(
      (each) => each.userId === bed.outsider.userId,
    )!;
    const confirm = await outsiderAgent.get(`/reviews/${id}/team/${member.id}/remove`);
    expect(confirm.$('h1').text()).toContain('Remove');
    const removed = await outsiderAgent.submit(`/reviews/${id}/team/${member.id}/remove`, {});
    expect(removed.location).toBe('/reviews');
    expect((await outsiderAgent.get(`/reviews/${id}`)).status).toBe(404);
  });

  it('refuses to remove the last member of a team', async () => {
    const { id } = await notifiedCase();
    const page = await services.reviews.team.teamPage(context, id, false);
    const result = await services.reviews.team.remove(context, id, page!.team[0]!.id, false);
    expect(result).toMatchObject({
      ok: false,
      errors: { form: expect.stringContaining('at least one person') },
    });
  });

  it('keeps a member of staff who is not an administrator off the team page', async () => {
    const { id } = await notifiedCase();
    const officer = await createUser(bed.database.app.db, services, bed.partnership.id, {
      roles: ['business_officer'],
      mfa: true,
    });
    const officerAgent = new Agent(bed.app);
    await officerAgent.signIn(officer, bed.clock.now());
    expect((await officerAgent.get(`/reviews/${id}/team`)).status).toBe(404);
  });

  it('sends someone without a second factor to set one up before any case page', async () => {
    const { id } = await notifiedCase();
    const member = await createUser(bed.database.app.db, services, bed.partnership.id, {
      roles: ['member'],
    });
    const memberAgent = new Agent(bed.app);
    await memberAgent.signIn(member, bed.clock.now());
    const page = await memberAgent.get(`/reviews/${id}`);
    expect(page.status).toBe(303);
    expect(page.location).toBe('/account/mfa');
    expect((await memberAgent.get('/reviews')).status).toBe(200);
  });
});

describe('closing a case', () => {
  it('asks for the reason after a confirmation, stops its clocks and takes it off the open list', async () => {
    const { id, reference } = await notifiedCase();
    const confirm = await agent.get(`/reviews/${id}/close`);
    expect(confirm.$('h1').text()).toContain('Close this case?');
    const blank = await agent.submit(`/reviews/${id}/close`, { closeReason: ' ' });
    expect(blank.status).toBe(400);
    expect(blank.$('.govuk-error-summary').text()).toContain('Enter why the case is being closed');
    expect((await agent.get('/reviews')).body).toContain(reference);
    const closed = await agent.submit(`/reviews/${id}/close`, {
      closeReason: 'Referred to another partnership, which leads the review',
    });
    expect(closed.status).toBe(303);
    const casePage = await agent.get(`/reviews/${id}`);
    expect(casePage.$('h1').text()).toContain('Closed');
    expect(casePage.body).toContain('Referred to another partnership');
    expect(casePage.$('a[href$="/close"]').length).toBe(0);
    expect((await agent.get('/reviews')).body).not.toContain(reference);
    const again = await agent.submit(`/reviews/${id}/close`, { closeReason: 'Twice' });
    expect(again.status).toBe(400);
    expect(again.$('.govuk-error-summary').text()).toContain('already closed');
    const events = (await services.audit.page(context, { entityId: id })).events;
    const closing = events.find((event) => event.action === 'reviews.case_closed');
    expect(closing).toBeDefined();
    expect(JSON.stringify(closing!.after)).not.toContain('Referred');
  });

  it('is refused to anyone outside the case team', async () => {
    const { id } = await notifiedCase();
    expect((await outsiderAgent.get(`/reviews/${id}/close`)).status).toBe(404);
    const post = await outsiderAgent.post(`/reviews/${id}/close`, {
      closeReason: 'No',
      _csrf: await outsiderAgent.csrfTokenFrom('/reviews/new'),
    });
    expect(post.status).toBe(404);
  });
});

describe('sealed children', () => {
  it('stores no child detail in plain text, and audits no child detail', async () => {
    const { id } = await notifiedCase();
    const { rows } = await bed.database.owner.pool.query(
      `select name_sealed, date_of_birth_sealed, nhs_number_sealed, address_sealed from case_child where case_id = $1`,
      [id],
    );
    const stored = JSON.stringify(rows);
    for (const detail of Object.values(FICTIONAL_CHILD)) expect(stored).not.toContain(detail);
    expect(rows[0].name_sealed).toMatch(/^f1\.test1\./);
    const audit = await bed.database.owner.pool.query(
      `select before::text, after::text from audit_event`,
    );
    expect(JSON.stringify(audit.rows)).not.toContain(FICTIONAL_CHILD.childName);
  });

  it('leaves no child detail in plain text in any table of the database', async () => {
    await notifiedCase();
    const { rows: tables } = await bed.database.owner.pool.query<{ name: string }>(
      `select table_name as name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    expect(tables.length).toBeGreaterThan(30);
    for (const { name } of tables) {
      const { rows } = await bed.database.owner.pool.query(
        `select count(*)::int as found from "${name}" t where t::text ilike $1 or t::text ilike $2`,
        [`%${FICTIONAL_CHILD.childName}%`, `%${FICTIONAL_CHILD.address}%`],
      );
      expect(rows[0].found, name).toBe(0);
    }
  });

  it('hides every child from a query run as someone outside the team, whatever it asks', async () => {
    const { id } = await notifiedCase();
    const outsiderContext = { partnershipId: bed.partnership.id, userId: bed.outsider.userId };
    const { inTenant } = await import('../../db/client.js');
    const { caseChild } = await import('../../db/schema/index.js');
    const seen = await inTenant(bed.database.app.db, outsiderContext, (tx) =>
      tx.select().from(caseChild),
    );
    expect(seen.filter((row) => row.caseId === id)).toEqual([]);
  });
});
