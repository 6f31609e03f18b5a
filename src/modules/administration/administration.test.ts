import { describe, expect, it } from 'vitest';
import { inTenant } from '../../db/client.js';
import { Agent, text } from '../../testing/agent.js';
import { createTestApp } from '../../testing/app.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';

const { app, services, database } = await createTestApp();
const north = await createPartnership(services, 'Northshire Safeguarding Children Partnership');
const south = await createPartnership(services, 'Southvale Safeguarding Partnership');
const admin = await createUser(database.app.db, services, north.id, {
  roles: ['administrator'],
  mfa: true,
  displayName: 'Alex Morgan',
});
const colleague = await createUser(database.app.db, services, north.id, {
  roles: ['member'],
  displayName: 'Sam Okafor',
});
const southPerson = await createUser(database.app.db, services, south.id, { roles: ['member'] });
const southInvitation = await services.invitations.invite(
  { partnershipId: south.id, userId: null },
  { email: 'x@south.example', role: 'member' },
  'Southvale',
);
const southMail = (await services.mail.page({ partnershipId: south.id, userId: null }))
  .messages[0]!;

// One sign-in for the file: a TOTP code is accepted once, so signing in again within 30 seconds would be refused.
let adminAgent: Agent | undefined;
const signedIn = async () => {
  if (!adminAgent) {
    adminAgent = new Agent(app);
    await adminAgent.signIn(admin);
  }
  return adminAgent;
};

describe('people and roles', () => {
  it('lists the partnership’s people and changes a person’s roles, recorded in the audit trail', async () => {
    const agent = await signedIn();
    const people = await agent.get('/admin/people');
    expect(text(people, 'tbody')).toContain('Sam Okafor');
    expect(text(people, 'tbody')).not.toContain(southPerson.email);
    const changed = await agent.submit(`/admin/people/${colleague.userId}`, {
      roles: ['member', 'business_officer'],
    });
    expect(changed.location).toBe('/admin/people');
    expect(text(await agent.get('/admin/people'), 'tbody')).toContain('Member, Business officer');
    const audit = await agent.get('/admin/audit?action=member.roles_changed');
    expect(text(audit, 'tbody')).toContain('Alex Morgan changed the roles of Sam Okafor');
    expect(text(audit, 'tbody')).toContain('Roles: Member → Member, Business officer');
  });

  it('needs at least one role, and keeps the last administrator', async () => {
    const agent = await signedIn();
    const none = await agent.submit(`/admin/people/${colleague.userId}`, {});
    expect(none.status).toBe(400);
    expect(text(none, '.govuk-error-summary')).toContain('Select at least one role');
    const demote = await agent.submit(`/admin/people/${admin.userId}`, { roles: 'member' });
    expect(demote.status).toBe(400);
    expect(text(demote, '.govuk-error-summary')).toContain('at least one administrator');
    expect(demote.$('input[value="member"]').attr('checked')).toBeDefined();
    expect(demote.$('input[value="administrator"]').attr('checked')).toBeUndefined();
  });

  it('asks before removing access, then removes it', async () => {
    const leaver = await createUser(database.app.db, services, north.id, {
      roles: ['observer'],
      displayName: 'Jo Leaver',
    });
    const agent = await signedIn();
    const confirm = await agent.get(`/admin/people/${leaver.userId}/remove`);
    expect(text(confirm, 'h1')).toBe('Are you sure you want to remove access for Jo Leaver?');
    expect((await agent.submit(`/admin/people/${leaver.userId}/remove`, {})).location).toBe(
      '/admin/people',
    );
    const gone = new Agent(app);
    await gone.signIn(leaver);
    const refused = await gone.get('/');
    expect(refused.status).toBe(403);
    expect(text(refused, 'h1')).toBe('You do not have access to a partnership');
  });
});

describe("another partnership's records", () => {
  it('answers 404, not 403, so their existence is not revealed', async () => {
    const agent = await signedIn();
    for (const url of [
      `/admin/people/${southPerson.userId}`,
      `/admin/people/${southPerson.userId}/remove`,
      `/admin/invitations/${southInvitation.invitation.id}/withdraw`,
      `/admin/outbox/${southMail.id}`,
      '/admin/people/not-a-uuid',
    ]) {
      expect((await agent.get(url)).status, url).toBe(404);
    }
    const token = await agent.csrfTokenFrom('/admin/people');
    expect(
      (
        await agent.post(`/admin/people/${southPerson.userId}`, {
          _csrf: token,
          roles: 'administrator',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await agent.post(`/admin/invitations/${southInvitation.invitation.id}/withdraw`, {
          _csrf: token,
        })
      ).status,
    ).toBe(404);
    const stillPending = await services.invitations.find(
      { partnershipId: south.id, userId: null },
      southInvitation.invitation.id,
    );
    expect(stillPending?.state).toBe('pending');
  });
});

describe('audit trail pages', () => {
  it('filters events and exports them as CSV', async () => {
    const agent = await signedIn();
    await inTenant(database.app.db, { partnershipId: north.id, userId: admin.userId }, (tx) =>
      services.audit.record(
        tx,
        { partnershipId: north.id, userId: admin.userId },
        { action: 'test.formula', entityType: 'test', after: { note: '=HYPERLINK("x")' } },
      ),
    );
    const filtered = await agent.get(
      `/admin/audit?actor=${encodeURIComponent(admin.email)}&entityType=test`,
    );
    expect(filtered.status).toBe(200);
    expect(filtered.$('tbody tr')).toHaveLength(1);
    const csv = await agent.get('/admin/audit.csv?entityType=test');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('audit-trail.csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe(
      'seq,occurred_at,actor,action,entity_type,entity_id,request_id,before,after,hash,what_happened',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('test.formula');
    expect(csv.body).not.toContain('southvale');
  });

  it('explains a bad date filter instead of failing', async () => {
    const agent = await signedIn();
    const page = await agent.get('/admin/audit?from=2026-13-45&to=2026-01-01');
    expect(page.status).toBe(400);
    expect(text(page, '.govuk-error-summary')).toContain('From date must be a real date');
    const reversed = await agent.get('/admin/audit?from=2026-02-01&to=2026-01-01');
    expect(text(reversed, '.govuk-error-summary')).toContain(
      'To date must be the same as or after the from date',
    );
  });

  it('pages through events 50 at a time', async () => {
    await inTenant(database.app.db, { partnershipId: north.id, userId: null }, async (tx) => {
      for (let n = 0; n < 60; n++)
        await services.audit.record(
          tx,
          { partnershipId: north.id, userId: null },
          { action: 'test.bulk', entityType: 'bulk', entityId: String(n) },
        );
    });
    const agent = await signedIn();
    const first = await agent.get('/admin/audit?action=test.bulk');
    expect(first.$('tbody tr')).toHaveLength(50);
    const older = await agent.get(first.$('a[rel="next"]').attr('href')!);
    expect(older.$('tbody tr')).toHaveLength(10);
    expect(older.$('a[rel="next"]')).toHaveLength(0);
  });

  it('is not open to members', async () => {
    const agent = new Agent(app);
    await agent.signIn(colleague);
    expect((await agent.get('/admin/audit')).status).toBe(403);
    expect((await agent.get('/admin/audit.csv')).status).toBe(403);
    expect((await agent.get('/admin/outbox')).status).toBe(403);
  });
});

describe('mail outbox page', () => {
  it('shows held mail to administrators, with its text', async () => {
    const agent = await signedIn();
    await agent.submit(
      '/admin/invitations',
      { email: 'outbox.reader@vcs.example', role: 'observer' },
      '/admin/invitations/new',
    );
    const outbox = await agent.get('/admin/outbox');
    expect(text(outbox, '.govuk-inset-text')).toContain('No mail server is set up');
    expect(text(outbox, 'tbody')).toContain('outbox.reader@vcs.example');
    expect(text(outbox, 'tbody')).toContain('Not sent: no mail server');
  });

  it('pages through older emails and finds one by recipient or subject', async () => {
    const agent = await signedIn();
    const context = { partnershipId: north.id, userId: admin.userId };
    await inTenant(database.app.db, context, async (tx) => {
      for (let n = 1; n <= 60; n += 1)
        await services.mail.queue(tx, context, {
          to: `reader${n}@agency.example`,
          subject: `Reminder number ${n}`,
          text: 'Hello',
        });
    });
    const first = await agent.get('/admin/outbox');
    expect(first.$('tbody tr')).toHaveLength(50);
    const older = first.$('.govuk-pagination__next a').attr('href');
    expect(older).toBe('/admin/outbox?page=2');
    const second = await agent.get(older!);
    expect(second.$('tbody tr').length).toBeGreaterThan(10);
    expect(second.$('.govuk-pagination__prev a').attr('href')).toBe('/admin/outbox?page=1');
    const found = await agent.get('/admin/outbox?q=reader37%40');
    expect(found.$('tbody tr')).toHaveLength(1);
    expect(text(found, 'tbody')).toContain('Reminder number 37');
    const none = await agent.get('/admin/outbox?q=100%25_nobody');
    expect(text(none, 'main')).toContain('No emails match your search.');
  });
});
