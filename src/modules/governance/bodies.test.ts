import { describe, expect, it } from 'vitest';
import { text } from '../../testing/agent.js';
import { quorum } from './quorum.js';
import { registryTestBed } from './registry-fixtures.js';

const { services, context, agent, fixtures } = await registryTestBed();
const { bodies } = services.governance;

const bodyFields = (name: string, extra: Record<string, string> = {}) => ({
  name,
  bodyType: 'sub_group',
  cadence: 'quarterly',
  ...extra,
});

describe('bodies', () => {
  it('adds a body that reports to another, with chair dates, and shows both ends of the line', async () => {
    const partnership = await fixtures.body({
      name: 'Safeguarding Partnership',
      bodyType: 'partnership',
    });
    const agency = await fixtures.agency();
    const chair = await fixtures.person(agency, { fullName: 'Morgan Reyes' });
    const added = await agent.submit(
      '/bodies',
      bodyFields('Tackling Neglect Group', {
        bodyType: 'priority_group',
        reportsToId: partnership,
        chairPersonId: chair,
        'chairAppointedOn-day': '1',
        'chairAppointedOn-month': '4',
        'chairAppointedOn-year': '2025',
        'chairReviewDueOn-day': '1',
        'chairReviewDueOn-month': '4',
        'chairReviewDueOn-year': '2026',
      }),
      '/bodies/new',
    );
    expect(added.status).toBe(303);
    const page = await agent.get(added.location!);
    expect(text(page, '.govuk-summary-list')).toContain('Reports to Safeguarding Partnership');
    expect(text(page, '.govuk-summary-list')).toContain('Morgan Reyes');
    expect(text(page, '.govuk-summary-list')).toContain('Review overdue');
    const parent = await agent.get(`/bodies/${partnership}`);
    expect(text(parent, 'main')).toContain('Tackling Neglect Group');
  });

  it('refuses a reporting line that would make a cycle, and a body reporting to itself', async () => {
    const top = await fixtures.body({ name: 'Top' });
    const middle = await fixtures.body({ name: 'Middle', reportsToId: top });
    const bottom = await fixtures.body({ name: 'Bottom', reportsToId: middle });
    const edit = await agent.get(`/bodies/${top}/edit`);
    const version = edit.$('input[name="version"]').val() as string;
    const cycle = await agent.submit(
      `/bodies/${top}`,
      bodyFields('Top', { reportsToId: bottom, version }),
      `/bodies/${top}/edit`,
    );
    expect(cycle.status).toBe(400);
    expect(text(cycle, '.govuk-error-summary')).toContain(
      'Bottom already reports to this body, so this body cannot report to it',
    );
    const itself = await agent.submit(
      `/bodies/${top}`,
      bodyFields('Top', { reportsToId: top, version }),
      `/bodies/${top}/edit`,
    );
    expect(text(itself, '.govuk-error-summary')).toContain('A body cannot report to itself');
    expect((await bodies.find(context, top))?.body.reportsToId).toBeNull();
  });

  it('checks dates and the custom cadence', async () => {
    const page = await agent.submit(
      '/bodies',
      bodyFields('Dated', {
        cadence: 'custom',
        'chairAppointedOn-day': '31',
        'chairAppointedOn-month': '2',
        'chairAppointedOn-year': '2026',
      }),
      '/bodies/new',
    );
    expect(page.status).toBe(400);
    expect(text(page, '.govuk-error-summary')).toContain(
      'Date the chair was appointed must be a real date',
    );
    expect(page.$('#chairAppointedOn-day').val()).toBe('31');
    const noNote = await agent.submit(
      '/bodies',
      bodyFields('Dated', { cadence: 'custom' }),
      '/bodies/new',
    );
    expect(text(noNote, '.govuk-error-summary')).toContain('Describe how often it meets');
  });

  it('holds the quorum rule as data: partners by default, or chosen agencies and a head count', async () => {
    const council = await fixtures.agency({ name: 'Quorum Council', isSafeguardingPartner: true });
    const police = await fixtures.agency({ name: 'Quorum Police', isSafeguardingPartner: true });
    const school = await fixtures.agency({ name: 'Quorum School' });
    const body = await fixtures.body({ name: 'Quorum Group' });
    const byDefault = await bodies.quorumRule(context, body);
    expect(byDefault?.requiredAgencies.map((agency) => agency.name)).toEqual(
      expect.arrayContaining(['Quorum Council', 'Quorum Police']),
    );
    expect(byDefault?.requiredAgencies.map((agency) => agency.id)).not.toContain(school);

    const form = await agent.get(`/bodies/${body}/quorum`);
    const version = form.$('input[name="version"]').val() as string;
    const none = await agent.submit(
      `/bodies/${body}/quorum`,
      { quorumUsesPartners: 'no', version },
      `/bodies/${body}/quorum`,
    );
    expect(text(none, '.govuk-error-summary')).toContain(
      'Select at least one agency, or set a minimum head count',
    );
    const badCount = await agent.submit(
      `/bodies/${body}/quorum`,
      {
        quorumUsesPartners: 'no',
        requiredAgencyIds: [council],
        minimumHeadCount: 'three',
        version,
      },
      `/bodies/${body}/quorum`,
    );
    expect(text(badCount, '.govuk-error-summary')).toContain('whole number');
    const saved = await agent.submit(
      `/bodies/${body}/quorum`,
      {
        quorumUsesPartners: 'no',
        requiredAgencyIds: [council, school],
        minimumHeadCount: '3',
        version,
      },
      `/bodies/${body}/quorum`,
    );
    expect(saved.status).toBe(303);
    const rule = await bodies.quorumRule(context, body);
    expect(rule?.requiredAgencies.map((agency) => agency.name).sort()).toEqual([
      'Quorum Council',
      'Quorum School',
    ]);
    expect(rule?.minimumHeadCount).toBe(3);
    const date = '2026-01-15';
    const present = [council, school, police].map((agencyId) => ({
      kind: 'member' as const,
      agencyId,
      decisionMaking: true,
    }));
    expect(quorum(rule!, { date, present }).quorate).toBe(true);
    expect(quorum(rule!, { date, present: present.slice(0, 2) }).headCountShortfall).toBe(1);
    const history = await agent.get(`/bodies/${body}`);
    expect(text(history, '#history ~ div')).toContain('Body quorum rule changed');
  });

  it('will not close a body that others report to, and closing ends its memberships', async () => {
    const parent = await fixtures.body({ name: 'Closing Parent' });
    const child = await fixtures.body({ name: 'Closing Child', reportsToId: parent });
    const agency = await fixtures.agency();
    const person = await fixtures.person(agency);
    await fixtures.membership(child, person, agency);
    const blocked = await agent.get(`/bodies/${parent}/close`);
    expect(text(blocked, '#close-blockers')).toContain(
      '1 body still reports to it (Closing Child)',
    );
    const confirm = await agent.get(`/bodies/${child}/close`);
    expect(text(confirm, '#close-effects')).toContain('end its 1 membership today');
    await agent.submit(`/bodies/${child}/close`, {}, `/bodies/${child}/close`);
    const closed = await bodies.find(context, child);
    expect(closed?.body.closedAt).not.toBeNull();
    expect(closed?.memberships[0]?.membership.endsOn).toBe(services.governance.today());
    expect((await agent.get(`/bodies/${parent}/close`)).$('#close-blockers').length).toBe(0);
  });
});
