import { describe, expect, it } from 'vitest';
import { Agent, text } from '../../testing/agent.js';
import { createTestApp } from '../../testing/app.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';
import { registryFixtures } from '../governance/registry-fixtures.js';

/** Thursday 26 November 2026, 09:00 UTC. */
const clock = { now: () => new Date('2026-11-26T09:00:00Z') };
const { app, services, database } = await createTestApp({ clock });
const north = await createPartnership(services);
const south = await createPartnership(services, 'Southvale Safeguarding Partnership');
const admin = await createUser(database.app.db, services, north.id, {
  roles: ['administrator'],
  mfa: true,
});
const member = await createUser(database.app.db, services, north.id, { roles: ['member'] });
const other = await createUser(database.app.db, services, north.id, { roles: ['member'] });
const officer = await createUser(database.app.db, services, north.id, {
  roles: ['business_officer'],
  mfa: true,
});
const context = { partnershipId: north.id, userId: admin.userId };
const registry = registryFixtures(services, context);
const agencyId = await registry.agency({ name: 'Northshire Council' });
const southRegistry = registryFixtures(services, { partnershipId: south.id, userId: null });
const southPerson = await southRegistry.person(
  await southRegistry.agency({ name: 'Southvale Council' }),
);

const agents = { admin: new Agent(app), member: new Agent(app), officer: new Agent(app) };
await agents.admin.signIn(admin, clock.now());
await agents.member.signIn(member, clock.now());
await agents.officer.signIn(officer, clock.now());

const base = `/admin/people/${member.userId}/person`;
const userOf = async (personId: string) =>
  (await services.governance.people.find(context, personId))!.person.userId;
const linkEvents = async () =>
  (
    await database.owner.pool.query(
      "select 1 from audit_event where partnership_id = $1 and action = 'person.account_linked'",
      [north.id],
    )
  ).rowCount;

describe("linking an account to its person from the administrators' people page", () => {
  it('chooses, confirms, then links, audited; "My actions" then knows them', async () => {
    const personId = await registry.person(agencyId, {
      fullName: 'Dana Whitlock',
      email: member.email,
    });
    const people = await agents.admin.get('/admin/people');
    expect(people.$(`a[href="${base}"]`)).toHaveLength(1);
    const form = await agents.admin.get(base);
    expect(form.$(`option[value="${personId}"]`).attr('selected')).toBeDefined();
    const confirm = await agents.admin.submit(base, { personId });
    expect(confirm.status).toBe(200);
    expect(text(confirm, 'h1')).toContain('Dana Whitlock?');
    expect(await userOf(personId)).toBeNull();
    const done = await agents.admin.submit(`${base}/confirm`, { personId }, base);
    expect(done.location).toBe('/admin/people');
    expect(await userOf(personId)).toBe(member.userId);
    expect(await linkEvents()).toBe(1);
    expect(text(await agents.member.get('/actions/mine'), 'main')).not.toContain('not linked');
    const after = await agents.admin.get('/admin/people');
    expect(after.$(`a[href="/people/${personId}"]`).text()).toBe('Dana Whitlock');
  });

  it('refuses a person already linked to another account, and links nothing', async () => {
    const personId = await registry.person(agencyId, { fullName: 'Ezra Quint' });
    await services.administration.linkToPerson(context, other.userId, personId);
    const before = await linkEvents();
    const otherBase = `/admin/people/${officer.userId}/person`;
    const page = await agents.admin.submit(`${otherBase}/confirm`, { personId }, otherBase);
    expect(page.status).toBe(400);
    expect(text(page, '.govuk-error-summary')).toContain(
      'Ezra Quint is already linked to another account',
    );
    expect(await userOf(personId)).toBe(other.userId);
    expect(await linkEvents()).toBe(before);
  });

  it('answers 404 for a person of another partnership, and for an account outside it', async () => {
    const otherBase = `/admin/people/${officer.userId}/person`;
    expect((await agents.admin.submit(otherBase, { personId: southPerson })).status).toBe(404);
    expect(
      (await agents.admin.submit(`${otherBase}/confirm`, { personId: southPerson }, otherBase))
        .status,
    ).toBe(404);
    const stranger = await createUser(database.app.db, services, south.id, { roles: ['member'] });
    expect((await agents.admin.get(`/admin/people/${stranger.userId}/person`)).status).toBe(404);
  });

  it('asks for a person when none is chosen or the choice is not one', async () => {
    const otherBase = `/admin/people/${officer.userId}/person`;
    const none = await agents.admin.submit(otherBase, { personId: '' });
    expect(none.status).toBe(400);
    expect(text(none, '.govuk-error-summary')).toContain('Select the person in the registry');
    const junk = await agents.admin.submit(otherBase, { personId: 'x' });
    expect(junk.status).toBe(400);
    expect(text(junk, '.govuk-error-summary')).toContain('Select a person from the list');
  });

  it('is for administrators alone', async () => {
    for (const agent of [agents.member, agents.officer]) {
      expect((await agent.get(base)).status).toBe(403);
    }
  });
});
