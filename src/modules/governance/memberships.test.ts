import { describe, expect, it } from 'vitest';
import { text } from '../../testing/agent.js';
import { registryTestBed } from './registry-fixtures.js';

const { services, context, agent, fixtures } = await registryTestBed();
const { memberships } = services.governance;

const police = await fixtures.agency({ name: 'Northshire Police', isSafeguardingPartner: true });
const council = await fixtures.agency({ name: 'Northshire Council', isSafeguardingPartner: true });
const partnership = await fixtures.body({ name: 'The Partnership', bodyType: 'partnership' });
const commander = await fixtures.person(police, { fullName: 'Quinn Adler' });
const inspector = await fixtures.person(police, { fullName: 'Rae Bishop' });
const councillor = await fixtures.person(council, { fullName: 'Sol Carter' });

const date = (name: string, iso: string) => {
  const [year, month, day] = iso.split('-');
  return { [`${name}-day`]: day!, [`${name}-month`]: month!, [`${name}-year`]: year! };
};
const from = `/memberships/new?body=${partnership}`;

describe('memberships', () => {
  it('adds a member representing their own agency unless another is chosen', async () => {
    const added = await agent.submit(
      '/memberships',
      {
        bodyId: partnership,
        personId: commander,
        status: 'safeguarding_partner',
        decisionMaking: 'yes',
        ...date('startsOn', '2019-04-01'),
        inductionBooklet: 'yes',
      },
      from,
    );
    expect(added.status).toBe(303);
    const page = await agent.get(added.location!);
    expect(text(page, '.govuk-summary-list')).toContain('Represents Northshire Police');
    expect(text(page, '.govuk-summary-list')).toContain('Induction booklet: done');
    const body = await agent.get(`/bodies/${partnership}`);
    expect(text(body, '#memberships ~ div')).toContain('Quinn Adler');
  });

  it('refuses an end date before the start and an observer with decision-making rights', async () => {
    const page = await agent.submit(
      '/memberships',
      {
        bodyId: partnership,
        personId: councillor,
        status: 'participant_observer',
        decisionMaking: 'yes',
        ...date('startsOn', '2024-05-01'),
        ...date('endsOn', '2024-04-30'),
      },
      from,
    );
    expect(page.status).toBe(400);
    const summary = text(page, '.govuk-error-summary');
    expect(summary).toContain('End date must be the same as or after the start date');
    expect(summary).toContain('A participant observer cannot have decision-making rights');
    expect(page.$('#startsOn-day').val()).toBe('01');
    const rows = await memberships.all(context);
    expect(rows.filter((row) => row.membership.personId === councillor)).toHaveLength(0);
  });

  it('names a deputy from the same agency, refuses one from another, and ends a delegation', async () => {
    const seat = await fixtures.membership(partnership, commander, police, {
      status: 'safeguarding_partner',
    });
    const wrong = await agent.submit(
      `/memberships/${seat}/deputies`,
      { personId: councillor, ...date('startsOn', '2024-01-01') },
      `/memberships/${seat}/deputies/new`,
    );
    expect(wrong.status).toBe(400);
    expect(text(wrong, '.govuk-error-summary')).toContain(
      'Sol Carter works for Northshire Council: a deputy must belong to Northshire Police',
    );
    const backwards = await agent.submit(
      `/memberships/${seat}/deputies`,
      { personId: inspector, ...date('startsOn', '2024-02-01'), ...date('endsOn', '2024-01-01') },
      `/memberships/${seat}/deputies/new`,
    );
    expect(text(backwards, '.govuk-error-summary')).toContain(
      'End of delegation must be the same as or after its start',
    );
    const added = await agent.submit(
      `/memberships/${seat}/deputies`,
      { personId: inspector, ...date('startsOn', '2024-01-01') },
      `/memberships/${seat}/deputies/new`,
    );
    expect(added.status).toBe(303);
    const found = await memberships.find(context, seat);
    expect(found?.deputies.map((row) => row.personName)).toEqual(['Rae Bishop']);
    const deputyId = found!.deputies[0]!.deputy.id;
    const confirm = await agent.get(`/memberships/${seat}/deputies/${deputyId}/end`);
    expect(text(confirm, 'h1')).toContain("end Rae Bishop's delegation");
    await agent.submit(
      `/memberships/${seat}/deputies/${deputyId}/end`,
      {},
      `/memberships/${seat}/deputies/${deputyId}/end`,
    );
    expect((await memberships.find(context, seat))?.deputies[0]?.deputy.endsOn).toBe(
      services.governance.today(),
    );
  });

  it('ends a membership after confirming, and not twice', async () => {
    const seat = await fixtures.membership(partnership, councillor, council, {
      status: 'participant_observer',
      decisionMaking: false,
    });
    const confirm = await agent.get(`/memberships/${seat}/end`);
    expect(text(confirm, 'h1')).toContain("end Sol Carter's membership of The Partnership");
    const ended = await agent.submit(`/memberships/${seat}/end`, {}, `/memberships/${seat}/end`);
    expect(ended.location).toBe(`/bodies/${partnership}`);
    expect((await agent.get(`/memberships/${seat}/end`)).status).toBe(404);
    expect((await memberships.end(context, seat)).ok).toBe(false);
  });

  it("keeps a body's page to its current and future seats, and lists the ended ones on their own page", async () => {
    const board = await fixtures.body({ name: 'Learning Board', bodyType: 'sub_group' });
    await fixtures.membership(board, commander, police, {
      startsOn: '2019-01-01',
      endsOn: '2020-12-31',
    });
    await fixtures.membership(board, councillor, council, {
      startsOn: '2021-01-01',
      endsOn: '2022-06-30',
    });
    await fixtures.membership(board, inspector, police, { startsOn: '2024-01-01' });
    const page = await agent.get(`/bodies/${board}`);
    const members = text(page, '#memberships ~ div');
    expect(members).toContain('Rae Bishop');
    expect(members).not.toContain('Quinn Adler');
    expect(text(page, '#past-members')).toBe(
      '2 past memberships of Learning Board, ended before today',
    );
    const past = await agent.get(`/bodies/${board}/past-members`);
    expect(past.status).toBe(200);
    expect(text(past, 'h1')).toBe('Past members');
    const rows = text(past, 'tbody');
    expect(rows.indexOf('Sol Carter')).toBeLessThan(rows.indexOf('Quinn Adler'));
    expect(rows).not.toContain('Rae Bishop');
  });

  it('answers 404 for the past members of an unknown or malformed body', async () => {
    expect(
      (await agent.get('/bodies/00000000-0000-4000-8000-000000000000/past-members')).status,
    ).toBe(404);
    expect((await agent.get('/bodies/nonsense/past-members')).status).toBe(404);
  });

  it('answers 404 for unknown memberships and deputies', async () => {
    expect((await agent.get('/memberships/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await agent.get('/memberships/nonsense/deputies/new')).status).toBe(404);
  });
});
