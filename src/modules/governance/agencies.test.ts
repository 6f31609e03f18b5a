import { describe, expect, it } from 'vitest';
import { Agent, text } from '../../testing/agent.js';
import { createTestApp } from '../../testing/app.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';
import { registryFixtures } from './registry-fixtures.js';

const { app, services, database } = await createTestApp();
const north = await createPartnership(services);
const south = await createPartnership(services, 'Southvale Safeguarding Partnership');
const admin = await createUser(database.app.db, services, north.id, {
  roles: ['administrator'],
  mfa: true,
  displayName: 'Alex Morgan',
});
const member = await createUser(database.app.db, services, north.id, { roles: ['member'] });
const context = { partnershipId: north.id, userId: admin.userId };
const { agencies, people } = services.governance;
const fixtures = registryFixtures(services, context);

const adminAgent = new Agent(app);
await adminAgent.signIn(admin);
const memberAgent = new Agent(app);
await memberAgent.signIn(member);

const police = { name: 'Northshire Police', agencyType: 'police', isSafeguardingPartner: 'yes' };

describe('agencies', () => {
  it('adds an agency, lists it, and shows its page with its history', async () => {
    const added = await adminAgent.submit('/agencies', police, '/agencies/new');
    expect(added.status).toBe(303);
    const page = await adminAgent.get(added.location!);
    expect(text(page, 'h1')).toBe('Northshire Police');
    expect(text(page, '.govuk-summary-list')).toContain('Statutory safeguarding partner Yes');
    expect(text(page, '#history ~ div')).toContain('Agency created');
    const list = await memberAgent.get('/agencies?q=shire%20pol');
    expect(text(list, 'tbody')).toContain('Northshire Police');
    expect(text(list, 'tbody')).toContain('Safeguarding partner');
  });

  it('refuses a duplicate name, keeping what was typed, and writes nothing', async () => {
    const duplicate = await adminAgent.submit(
      '/agencies',
      { ...police, name: 'northshire police' },
      '/agencies/new',
    );
    expect(duplicate.status).toBe(400);
    expect(text(duplicate, '.govuk-error-summary')).toContain('already exists');
    expect(duplicate.$('#name').val()).toBe('northshire police');
    const all = await agencies.all(context);
    expect(all.filter((row) => row.name.toLowerCase() === 'northshire police')).toHaveLength(1);
  });

  it('says what is missing', async () => {
    const empty = await adminAgent.submit('/agencies', {}, '/agencies/new');
    expect(empty.status).toBe(400);
    expect(text(empty, '.govuk-error-summary')).toContain('Enter the name of the agency');
    expect(text(empty, '.govuk-error-summary')).toContain('Select the type of agency');
  });

  it('refuses a stale edit and names who changed it, keeping the typed values', async () => {
    const created = await agencies.create(context, {
      name: 'Northshire Probation',
      agencyType: 'probation',
      isSafeguardingPartner: false,
      isRelevantAgency: true,
    });
    if (!created.ok) throw new Error('setup');
    const id = created.value.id;
    const editForm = await adminAgent.get(`/agencies/${id}/edit`);
    const version = editForm.$('input[name="version"]').val() as string;
    await agencies.update(context, id, {
      name: 'Probation Service Northshire',
      agencyType: 'probation',
      isSafeguardingPartner: false,
      isRelevantAgency: true,
      version: Number(version),
    });
    const stale = await adminAgent.submit(
      `/agencies/${id}`,
      { name: 'My typed name', agencyType: 'probation', version },
      `/agencies/${id}/edit`,
    );
    expect(stale.status).toBe(409);
    expect(text(stale, '#stale-edit')).toContain('Alex Morgan changed this agency');
    expect(stale.$('#name').val()).toBe('My typed name');
    expect((await agencies.find(context, id))?.agency.name).toBe('Probation Service Northshire');
  });

  it('will not close an agency with active people or members, saying what to do first', async () => {
    const agencyId = await fixtures.agency({
      name: 'Northshire Council',
      agencyType: 'local_authority',
      isSafeguardingPartner: true,
    });
    const personId = await fixtures.person(agencyId, { fullName: 'Robin Hale' });
    await fixtures.membership(await fixtures.body({ name: 'The Partnership' }), personId, agencyId);
    const confirm = await adminAgent.get(`/agencies/${agencyId}/close`);
    expect(text(confirm, 'h1')).toContain('You cannot close Northshire Council yet');
    expect(text(confirm, '#close-blockers')).toContain('1 membership still represents this agency');
    expect(text(confirm, '#close-blockers')).toContain('1 person at this agency is still active');
    const refused = await adminAgent.submit(
      `/agencies/${agencyId}/close`,
      {},
      `/agencies/${agencyId}`,
    );
    expect(refused.status).toBe(409);
    expect((await agencies.find(context, agencyId))?.agency.closedAt).toBeNull();

    await people.close(context, personId);
    const ready = await adminAgent.get(`/agencies/${agencyId}/close`);
    expect(text(ready, 'h1')).toContain('Are you sure you want to close Northshire Council?');
    const closed = await adminAgent.submit(
      `/agencies/${agencyId}/close`,
      {},
      `/agencies/${agencyId}/close`,
    );
    expect(closed.status).toBe(303);
    expect((await agencies.find(context, agencyId))?.agency.closedAt).not.toBeNull();
  });

  it('lets members read but not change, and hides other partnerships', async () => {
    expect((await memberAgent.get('/agencies/new')).status).toBe(403);
    const southAgency = await agencies.create(
      { partnershipId: south.id, userId: null },
      {
        name: 'Southvale Police',
        agencyType: 'police',
        isSafeguardingPartner: true,
        isRelevantAgency: false,
      },
    );
    if (!southAgency.ok) throw new Error('setup');
    expect((await adminAgent.get(`/agencies/${southAgency.value.id}`)).status).toBe(404);
    expect((await adminAgent.get('/agencies/not-an-id')).status).toBe(404);
    expect(text(await adminAgent.get('/agencies?show=all'), 'tbody')).not.toContain('Southvale');
  });
});
