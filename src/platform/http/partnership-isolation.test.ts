import { describe, expect, it } from 'vitest';
import { inTenant } from '../../db/client.js';
import { actionTestBed } from '../../modules/actions/action-fixtures.js';
import { registryFixtures } from '../../modules/governance/registry-fixtures.js';
import { insertAgendaItems } from '../../modules/meetings/agenda.repository.js';
import { FICTIONAL_CHILD } from '../../modules/reviews/review-fixtures.js';
import type { NotificationInput } from '../../modules/reviews/reviews.forms.js';
import { Agent, text } from '../../testing/agent.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';

/**
 * Another partnership's case, action and meeting, asked for by someone signed in to their
 * own: the pages and the API answer 404, as for an id that names nothing, and a form sent to
 * one changes nothing. North is the partnership signed in to; South is the other. The clock
 * is at 09:00 on Friday 27 November 2026.
 */
const bed = await actionTestBed();
const { app, services, database, partnership: north, context, clock } = bed;
const northAdminAgent = bed.agent;

const notification = (reference: string): NotificationInput => ({
  reference,
  kind: 'serious_incident',
  awareOn: '2026-11-23',
  criteria: ['abuse_or_neglect', 'serious_harm'],
  agencyIds: [],
  panelNotifiedOn: null,
  ofstedNotifiedOn: null,
  partnersNotifiedOn: null,
  ...FICTIONAL_CHILD,
});
const unwrap = <T>(outcome: { ok: true; value: T } | { ok: false; errors: object } | null) => {
  if (!outcome?.ok) throw new Error(`Fixture refused: ${JSON.stringify(outcome)}`);
  return outcome.value;
};

/** A partnership's meeting with one item, and an action on it owned by `ownerPersonId`. */
async function meetingWithAction(
  tenant: { partnershipId: string; userId: string | null },
  ownerPersonId: string,
) {
  const bodyId = await registryFixtures(services, tenant).body({ name: 'Safeguarding Board' });
  const meetingId = unwrap(
    await services.meetings.create(tenant, {
      bodyId,
      day: '2026-12-10',
      startTime: '10:00',
      endTime: '12:00',
      location: 'Council House, Room 1',
    }),
  ).id;
  const [item] = await inTenant(database.app.db, tenant, (tx) =>
    insertAgendaItems(tx, [
      {
        partnershipId: tenant.partnershipId,
        meetingId,
        position: 1,
        title: 'Neglect audit findings',
        purpose: 'discussion',
        origin: 'added',
      },
    ]),
  );
  const actionId = unwrap(
    await services.actions.create(
      tenant,
      { meetingId, itemId: item!.id },
      { title: 'Share the neglect audit', dueOn: '2026-12-18', ownerPersonId },
    ),
  ).id;
  return { meetingId, itemId: item!.id, actionId };
}

// North: a member with a second factor, on the team of North's case and owner of an action.
const northMember = await createUser(database.app.db, services, north.id, {
  roles: ['member'],
  mfa: true,
});
const northTeam = { partnershipId: north.id, userId: northMember.userId };
const northAgency = await bed.fixtures.agency({ name: 'Northshire Police' });
const northPerson = await bed.fixtures.person(northAgency, { userId: northMember.userId });
const northCase = unwrap(await services.reviews.cases.notify(northTeam, notification('N-001')));
const northRecords = await meetingWithAction(context, northPerson);
const memberAgent = new Agent(app);
await memberAgent.signIn(northMember, clock.now());
const northToken = (await services.apiTokens.create(northTeam, { name: 'North' })).token;

// South: the same records, made by South's own administrator.
const south = await createPartnership(services, 'Southvale Safeguarding Partnership');
const southAdmin = await createUser(database.app.db, services, south.id, {
  roles: ['administrator'],
  mfa: true,
});
const southContext = { partnershipId: south.id, userId: southAdmin.userId };
const southFixtures = registryFixtures(services, southContext);
const southPerson = await southFixtures.person(
  await southFixtures.agency({ name: 'South Police' }),
);
const southCase = unwrap(await services.reviews.cases.notify(southContext, notification('S-001')));
const southRecords = await meetingWithAction(southContext, southPerson);

/** Everything of South's these requests could touch, to compare after them. */
async function southNow() {
  const query = async (sql: string) =>
    (await database.owner.pool.query(sql, [south.id])).rows as Record<string, unknown>[];
  return {
    cases: await query('select * from review_case where partnership_id = $1 order by id'),
    children: await query('select * from case_child where partnership_id = $1 order by id'),
    team: await query('select * from case_team_member where partnership_id = $1 order by id'),
    meetings: await query('select * from meeting where partnership_id = $1 order by id'),
    items: await query('select * from agenda_item where partnership_id = $1 order by id'),
    actions: await query('select * from action where partnership_id = $1 order by id'),
    updates: await query('select * from action_update where partnership_id = $1 order by id'),
    audit: await query('select seq from audit_event where partnership_id = $1 order by seq'),
  };
}

const NOT_FOUND = 'Page not found';

describe('another partnership’s records, asked for by address', () => {
  it('shows North’s own case, action and meeting to the North member', async () => {
    for (const url of [
      `/reviews/${northCase.id}`,
      `/actions/${northRecords.actionId}`,
      `/actions/${northRecords.actionId}/update`,
      `/meetings/${northRecords.meetingId}`,
    ])
      expect((await memberAgent.get(url)).status, url).toBe(200);
  });

  it('answers 404 for South’s case, action and meeting pages, as for an id that names nothing', async () => {
    const asMember = [
      `/reviews/${southCase.id}`,
      `/reviews/${southCase.id}/notification`,
      `/reviews/${southCase.id}/team`,
      `/actions/${southRecords.actionId}`,
      `/actions/${southRecords.actionId}/update`,
      `/meetings/${southRecords.meetingId}`,
      `/meetings/${southRecords.meetingId}/actions`,
      `/meetings/${southRecords.meetingId}/calendar.ics`,
      `/meetings/${southRecords.meetingId}/agenda/propose`,
    ];
    for (const url of asMember) {
      const page = await memberAgent.get(url);
      expect(page.status, url).toBe(404);
      expect(text(page, 'h1'), url).toBe(NOT_FOUND);
      expect(page.body, url).not.toContain('S-001');
      expect(page.body, url).not.toContain(FICTIONAL_CHILD.childName);
    }
    // North's administrator, who runs North's meetings and actions and manages case teams.
    for (const url of [
      `/reviews/${southCase.id}/team`,
      `/actions/${southRecords.actionId}/change`,
      `/meetings/${southRecords.meetingId}/edit`,
      `/meetings/${southRecords.meetingId}/attendance`,
      `/meetings/${southRecords.meetingId}/agenda/new`,
    ]) {
      const page = await northAdminAgent.get(url);
      expect(page.status, url).toBe(404);
      expect(text(page, 'h1'), url).toBe(NOT_FOUND);
    }
  });

  it('answers 404 JSON through the API to North’s token, which reads North’s own', async () => {
    const call = (url: string) =>
      app.inject({ url, headers: { authorization: `Bearer ${northToken}` } });
    for (const [kind, own, other] of [
      ['cases', northCase.id, southCase.id],
      ['actions', northRecords.actionId, southRecords.actionId],
      ['meetings', northRecords.meetingId, southRecords.meetingId],
    ] as const) {
      expect((await call(`/api/v1/${kind}/${own}`)).statusCode, kind).toBe(200);
      const response = await call(`/api/v1/${kind}/${other}`);
      expect(response.statusCode, kind).toBe(404);
      expect(response.json(), kind).toEqual({ error: 'not found' });
    }
  });
});

describe('another partnership’s records, sent a form', () => {
  it('answers 404 to each form, with a valid token and good values, and changes nothing of South’s', async () => {
    const before = await southNow();
    const dueDay = { 'dueOn-day': '15', 'dueOn-month': '1', 'dueOn-year': '2027' };
    const sent: [Agent, string, Record<string, string | string[]>][] = [
      [memberAgent, `/reviews/${southCase.id}/notification`, { criteria: 'abuse_or_neglect' }],
      [memberAgent, `/reviews/${southCase.id}/children/new`, { childName: 'Marlowe Thistle' }],
      [memberAgent, `/reviews/${southCase.id}/close`, { closeReason: 'Closed from North' }],
      [memberAgent, `/reviews/${southCase.id}/team`, { userId: northMember.userId }],
      [
        memberAgent,
        `/actions/${southRecords.actionId}/update`,
        { note: 'Done, from North', status: 'in_progress', version: '1' },
      ],
      [
        memberAgent,
        `/meetings/${southRecords.meetingId}/agenda/propose`,
        { title: 'North’s item', reason: 'Proposed from North' },
      ],
      [
        northAdminAgent,
        `/actions/${southRecords.actionId}/change`,
        { ownerPersonId: northPerson, ...dueDay, version: '1' },
      ],
      [
        northAdminAgent,
        `/meetings/${southRecords.meetingId}/cancel`,
        { reason: 'Cancelled from North' },
      ],
      [
        northAdminAgent,
        `/meetings/${southRecords.meetingId}/agenda/new`,
        { title: 'North’s item', purpose: 'information' },
      ],
      [
        northAdminAgent,
        `/meetings/${southRecords.meetingId}/items/${southRecords.itemId}/actions/new`,
        { title: 'North’s action', ownerPersonId: northPerson, ...dueDay },
      ],
      [northAdminAgent, `/reviews/${southCase.id}/team`, { userId: northMember.userId }],
    ];
    for (const [agent, url, fields] of sent) {
      const csrf = await agent.csrfTokenFrom('/account/password');
      const page = await agent.post(url, { ...fields, _csrf: csrf });
      expect(page.status, url).toBe(404);
      expect(text(page, 'h1'), url).toBe(NOT_FOUND);
    }
    const api = await app.inject({
      method: 'POST',
      url: `/api/v1/actions/${southRecords.actionId}/updates`,
      headers: { authorization: `Bearer ${northToken}` },
      payload: { note: 'Done, from North', status: 'in_progress', version: 1 },
    });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ error: 'not found' });
    expect(await southNow()).toEqual(before);

    // The same forms to North's own records are accepted: it was the partnership that counted.
    const own = [
      [
        memberAgent,
        `/actions/${northRecords.actionId}/update`,
        { note: 'Done, from North', status: 'in_progress', version: '1' },
      ],
      [
        northAdminAgent,
        `/meetings/${northRecords.meetingId}/agenda/new`,
        { title: 'North’s item', purpose: 'information' },
      ],
    ] as const;
    for (const [agent, url, fields] of own) {
      const page = await agent.submit(url, fields, '/account/password');
      expect(page.status, url).toBe(303);
    }
  });
});
