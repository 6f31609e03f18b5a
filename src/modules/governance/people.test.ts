import { describe, expect, it } from 'vitest';
import { text } from '../../testing/agent.js';
import { registryTestBed } from './registry-fixtures.js';

const { services, context, agent, fixtures, admin } = await registryTestBed();
const { people } = services.governance;
const agency = await fixtures.agency({
  name: 'Northshire Hospitals Trust',
  agencyType: 'health_provider',
});

const personFields = (extra: Record<string, string> = {}) => ({
  fullName: 'Casey Lowe',
  jobTitle: 'Named Nurse',
  agencyId: agency,
  email: 'casey.lowe@hospitals.example',
  ...extra,
});

describe('people', () => {
  it('adds a person, finds them by search and agency, and links them to an account', async () => {
    const added = await agent.submit(
      '/people',
      { ...personFields(), userId: admin.userId },
      '/people/new',
    );
    expect(added.status).toBe(303);
    const page = await agent.get(added.location!);
    expect(text(page, '.govuk-summary-list')).toContain('Northshire Hospitals Trust');
    expect(text(page, '.govuk-summary-list')).toContain('Can sign in to MASA Yes');
    const found = await agent.get(`/people?q=named%20nurse&agency=${agency}`);
    expect(text(found, 'tbody')).toContain('Casey Lowe');
    const missed = await agent.get('/people?q=nobody-like-this');
    expect(text(missed, 'tbody')).toContain('Nobody matches your search');
  });

  it('refuses a duplicate work email, whatever its case, and an account already linked', async () => {
    const duplicate = await agent.submit(
      '/people',
      personFields({ fullName: 'Another Casey', email: 'CASEY.LOWE@hospitals.example' }),
      '/people/new',
    );
    expect(duplicate.status).toBe(400);
    expect(text(duplicate, '.govuk-error-summary')).toContain('already has this email address');
    expect(duplicate.$('#fullName').val()).toBe('Another Casey');
    const linked = await agent.submit(
      '/people',
      personFields({ email: 'other@hospitals.example', userId: admin.userId }),
      '/people/new',
    );
    expect(text(linked, '.govuk-error-summary')).toContain('already linked to Casey Lowe');
    expect((await people.list(context, { q: 'Casey' })).total).toBe(1);
  });

  it('checks the email, phone and agency', async () => {
    const page = await agent.submit(
      '/people',
      personFields({ email: 'not an email', phone: 'call me', agencyId: 'nope' }),
      '/people/new',
    );
    expect(page.status).toBe(400);
    const summary = text(page, '.govuk-error-summary');
    expect(summary).toContain('Enter an email address in the correct format');
    expect(summary).toContain('Enter a phone number');
    expect(summary).toContain('Select the agency they work for');
  });

  it('closes a person who leaves, ending their memberships and delegations, after confirming', async () => {
    const body = await fixtures.body({ name: 'Learning and Training Group' });
    const leaver = await fixtures.person(agency, { fullName: 'Dana Frost' });
    const colleague = await fixtures.person(agency, { fullName: 'Eli Moss' });
    const seat = await fixtures.membership(body, colleague, agency);
    const delegation = await services.governance.memberships.addDeputy(context, seat, {
      personId: leaver,
      startsOn: '2024-01-01',
      endsOn: null,
    });
    expect(delegation.ok).toBe(true);
    await fixtures.membership(body, leaver, agency);
    const confirm = await agent.get(`/people/${leaver}/close`);
    expect(text(confirm, '#close-effects')).toContain(
      'end their membership of Learning and Training Group',
    );
    const closed = await agent.submit(`/people/${leaver}/close`, {}, `/people/${leaver}/close`);
    expect(closed.status).toBe(303);
    const after = await people.find(context, leaver);
    const today = services.governance.today();
    expect(after?.person.closedAt).not.toBeNull();
    expect(after?.memberships.map((row) => row.membership.endsOn)).toEqual([today]);
    const seatAfter = await services.governance.memberships.find(context, seat);
    expect(seatAfter?.deputies[0]?.deputy.endsOn).toBe(today);
    expect((await agent.get(`/people/${leaver}/close`)).status).toBe(404);
  });
});
