import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Agent, text } from '../../testing/agent.js';
import { createTestApp } from '../../testing/app.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';

const clock = {
  at: new Date('2026-11-26T09:00:00Z'),
  now() {
    return this.at;
  },
};
const { app, services, database } = await createTestApp({ clock });
const partnership = await createPartnership(services);
const admin = await createUser(database.app.db, services, partnership.id, {
  roles: ['administrator'],
  mfa: true,
});
// One sign-in for the file: a TOTP code is accepted once, so signing in again within 30 seconds would be refused.
let adminAgent: Agent | undefined;
const signedInAdmin = async () => {
  clock.at = new Date();
  if (!adminAgent) {
    adminAgent = new Agent(app);
    await adminAgent.signIn(admin);
  }
  return adminAgent;
};

/** The link as the invited person receives it: read from the outbox as an administrator would. */
async function inviteAndReadLink(agent: Agent, email: string, role = 'member') {
  const sent = await agent.submit('/admin/invitations', { email, role }, '/admin/invitations/new');
  expect(sent.location).toBe('/admin/invitations');
  const outbox = await agent.get('/admin/outbox');
  const href = outbox
    .$('table a')
    .filter((_, a) => outbox.$(a).closest('tr').text().includes(email))
    .first()
    .attr('href')!;
  const message = await agent.get(href);
  const link = /http:\/\/masa\.test(\/invitations\/[\w-]+)/.exec(
    text(message, '#message-body'),
  )![1]!;
  return link;
}

describe('invitations', () => {
  it('invites by email through the outbox; the link creates an account with the role, once', async () => {
    const agent = await signedInAdmin();
    const list = await agent.get('/admin/invitations');
    expect(list.status).toBe(200);
    const link = await inviteAndReadLink(agent, 'new.colleague@health.example', 'business_officer');
    const listed = await agent.get('/admin/invitations');
    expect(text(listed, 'tbody')).toContain('new.colleague@health.example');
    expect(text(listed, 'tbody')).toContain('Waiting');

    const invitee = new Agent(app);
    const form = await invitee.get(link);
    expect(form.status).toBe(200);
    expect(text(form, 'main')).toContain('new.colleague@health.example');
    const weak = await invitee.submit(link, {
      displayName: 'Robin Lee',
      password: 'password1234',
      confirmPassword: 'password1234',
    });
    expect(weak.status).toBe(400);
    expect(text(weak, '.govuk-error-summary')).toContain('too common');
    expect(weak.$('#displayName').val()).toBe('Robin Lee');
    const created = await invitee.submit(link, {
      displayName: 'Robin Lee',
      password: 'meadow lantern orbit 9',
      confirmPassword: 'meadow lantern orbit 9',
    });
    expect(created.location).toBe('/');
    const home = await invitee.get('/');
    expect(text(home, 'h1')).toBe('Welcome, Robin Lee');
    expect(text(home, 'main')).toContain('business officer');

    const reused = await new Agent(app).get(link);
    expect(reused.status).toBe(410);
    expect(text(reused, 'h1')).toBe('This invitation has already been used');
    const reusedPost = await new Agent(app).submit(
      link,
      {
        displayName: 'X',
        password: 'meadow lantern orbit 9',
        confirmPassword: 'meadow lantern orbit 9',
      },
      '/sign-in',
    );
    expect(reusedPost.status).toBe(410);
  });

  it('refuses an expired invitation after 7 days', async () => {
    const agent = await signedInAdmin();
    const link = await inviteAndReadLink(agent, 'late.starter@school.example');
    clock.at = new Date(Date.now() + 7 * 24 * 3_600_000 + 60_000);
    const page = await new Agent(app).get(link);
    expect(page.status).toBe(410);
    expect(text(page, 'h1')).toBe('This invitation has expired');
    clock.at = new Date();
  });

  it('answers an unknown token and a withdrawn invitation with a clear page', async () => {
    expect(text(await new Agent(app).get('/invitations/not-a-real-token'), 'h1')).toBe(
      'This invitation link is not valid',
    );
    const agent = await signedInAdmin();
    const link = await inviteAndReadLink(agent, 'withdrawn@police.example');
    const list = await agent.get('/admin/invitations');
    const withdrawHref = list
      .$('a')
      .filter((_, a) => list.$(a).text().includes('withdrawn@police.example'))
      .attr('href')!;
    const confirm = await agent.get(withdrawHref);
    expect(text(confirm, 'h1')).toContain(
      'Are you sure you want to withdraw the invitation to withdrawn@police.example',
    );
    expect((await agent.submit(withdrawHref, {})).location).toBe('/admin/invitations');
    expect(text(await new Agent(app).get(link), 'h1')).toBe('This invitation has been withdrawn');
  });

  it('adds the partnership to an existing account when its password is given', async () => {
    const other = await createPartnership(services, 'Southvale Safeguarding Partnership');
    const existing = await createUser(database.app.db, services, other.id, { roles: ['member'] });
    const agent = await signedInAdmin();
    const link = await inviteAndReadLink(agent, existing.email, 'observer');
    const invitee = new Agent(app);
    expect((await invitee.get(link)).$('#displayName')).toHaveLength(0);
    const wrong = await invitee.submit(link, { password: 'not my password at all' });
    expect(text(wrong, '.govuk-error-summary')).toContain('Your password is not right');
    expect((await invitee.submit(link, { password: existing.password })).location).toBe('/');
    const account = await invitee.get('/account');
    expect(account.$('input[name="partnershipId"]')).toHaveLength(2);
    const switched = await invitee.submit(
      '/account/partnership',
      { partnershipId: other.id },
      '/account',
    );
    expect(switched.location).toBe('/');
    expect(text(await invitee.get('/'), '.govuk-generic-header')).toContain(
      'Southvale Safeguarding Partnership',
    );
    const refused = await invitee.submit(
      '/account/partnership',
      { partnershipId: '00000000-0000-4000-8000-000000000000' },
      '/account',
    );
    expect(refused.status).toBe(400);
    expect(refused.$('.govuk-error-summary a[href="#partnershipId"]').text()).toBe(
      'Select a partnership you belong to',
    );
  });

  it('checks the invitation form and writes nothing when it is wrong', async () => {
    const agent = await signedInAdmin();
    const count = async () =>
      Number(
        (await database.owner.db.execute<{ count: string }>(sql`select count(*) from invitation`))
          .rows[0]!.count,
      );
    const before = await count();
    const page = await agent.submit(
      '/admin/invitations',
      { email: 'not an email', role: 'emperor' },
      '/admin/invitations/new',
    );
    expect(page.status).toBe(400);
    expect(page.$('.govuk-error-summary a[href="#email"]').text()).toContain('correct format');
    expect(page.$('.govuk-error-summary a[href="#role"]').text()).toBe('Select a role');
    expect(page.$('#email').val()).toBe('not an email');
    expect(await count()).toBe(before);
  });

  it('is for administrators only', async () => {
    const member = await createUser(database.app.db, services, partnership.id, {
      roles: ['member'],
    });
    const agent = new Agent(app);
    await agent.signIn(member);
    expect((await agent.get('/admin/invitations/new')).status).toBe(403);
    const token = await agent.csrfTokenFrom('/account/password');
    expect(
      (
        await agent.post('/admin/invitations', {
          _csrf: token,
          email: 'x@y.example',
          role: 'administrator',
        })
      ).status,
    ).toBe(403);
  });
});
