import { describe, expect, it } from 'vitest';
import { Agent, text } from '../../testing/agent.js';
import { createTestApp } from '../../testing/app.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';
import { registryFixtures } from '../governance/registry-fixtures.js';

/** Thursday 26 November 2026, 09:00 UTC. */
const clock = { now: () => new Date('2026-11-26T09:00:00Z') };
const { app, services, database } = await createTestApp({ clock });
const partnership = await createPartnership(services);
const admin = await createUser(database.app.db, services, partnership.id, {
  roles: ['administrator'],
  mfa: true,
});
const context = { partnershipId: partnership.id, userId: admin.userId };
const registry = registryFixtures(services, context);
const agencyId = await registry.agency({ name: 'Northshire Police' });
const adminAgent = new Agent(app);
await adminAgent.signIn(admin, clock.now());

const PASSWORD = 'a long and unusual passphrase 42';
const accept = async (email: string, personId?: string) => {
  const { token } = await services.invitations.invite(
    context,
    { email, role: 'member', personId },
    'Northshire',
  );
  const accepted = await services.invitations.accept(token, {
    displayName: 'New Member',
    password: PASSWORD,
    confirmPassword: PASSWORD,
  });
  if (!accepted.ok) throw new Error(JSON.stringify(accepted.errors));
  return accepted.value.userId;
};
const userOf = async (personId: string) =>
  (await services.governance.people.find(context, personId))!.person.userId;
const audited = async (action: string) =>
  (
    await database.owner.pool.query<{ after: Record<string, unknown> }>(
      'select after from audit_event where partnership_id = $1 and action = $2',
      [partnership.id, action],
    )
  ).rows;

describe('accepting an invitation links the account to its person in the registry', () => {
  it('links the person the invitation names, whatever their email', async () => {
    const personId = await registry.person(agencyId, { email: 'work.address@police.example' });
    const userId = await accept('home.address@example.org', personId);
    expect(await userOf(personId)).toBe(userId);
    expect((await audited('person.account_linked')).map((row) => row.after)).toContainEqual({
      userId,
    });
  });

  it('links the one person without an account who has the email, in any case', async () => {
    const personId = await registry.person(agencyId, { email: 'Priya.Shah@police.example' });
    const userId = await accept('priya.shah@police.example');
    expect(await userOf(personId)).toBe(userId);
    const member = new Agent(app);
    await member.signIn({
      email: 'priya.shah@police.example',
      password: PASSWORD,
      totpSecret: null,
    });
    expect(text(await member.get('/actions/mine'), 'main')).not.toContain('not linked');
  });

  it('links nobody when no one has the email', async () => {
    const userId = await accept('nobody.in.registry@example.org');
    expect(await services.governance.people.ofAccount(context, userId)).toBeNull();
  });

  it('links nobody when two people share the email, and tells the administrator who invited them', async () => {
    // The registry keeps one person per address today (person_email_key); this stands for a
    // shared mailbox, should that rule ever be relaxed: MASA must not guess between them.
    await database.owner.pool.query('drop index person_email_key');
    const first = await registry.person(agencyId, { email: 'team@school.example' });
    const second = await registry.person(agencyId, { email: 'TEAM@school.example' });
    const userId = await accept('team@school.example');
    expect(await userOf(first)).toBeNull();
    expect(await userOf(second)).toBeNull();
    expect(await audited('invitation.person_not_linked')).toHaveLength(1);
    const outbox = await adminAgent.get('/admin/outbox?q=Link');
    expect(text(outbox, 'main')).toContain(
      'Link team@school.example to their person in the registry',
    );
    const people = await adminAgent.get('/admin/people');
    const row = people
      .$('tbody tr')
      .filter((_, tr) => people.$(tr).text().includes('team@school.example'));
    expect(row.text()).toContain('Not linked');
    expect(row.find(`a[href="/admin/people/${userId}/person"]`)).toHaveLength(1);
  });

  it('refuses to name a person who already has an account, and writes no invitation', async () => {
    const personId = await registry.person(agencyId, { email: 'linked@police.example' });
    await accept('linked@police.example', personId);
    const before = await services.invitations.list(context);
    const page = await adminAgent.submit(
      '/admin/invitations',
      { email: 'someone.else@example.org', role: 'member', personId },
      '/admin/invitations/new',
    );
    expect(page.status).toBe(400);
    expect(text(page, '.govuk-error-summary')).toContain('already has an account');
    expect(await services.invitations.list(context)).toHaveLength(before.length);
    const bad = await adminAgent.submit(
      '/admin/invitations',
      { email: 'someone.else@example.org', role: 'member', personId: 'not-an-id' },
      '/admin/invitations/new',
    );
    expect(bad.status).toBe(400);
    expect(text(bad, '.govuk-error-summary')).toContain('Select a person from the list');
  });

  it('offers the people without an account on the invitation form', async () => {
    const personId = await registry.person(agencyId, { fullName: 'Olu Adeyemi' });
    const form = await adminAgent.get('/admin/invitations/new');
    expect(form.$(`select[name="personId"] option[value="${personId}"]`).text()).toContain(
      'Olu Adeyemi',
    );
  });
});
