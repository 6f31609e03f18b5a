import { describe, expect, it } from 'vitest';
import { meetingTestBed } from '../../modules/meetings/meeting-fixtures.js';
import { Agent, text } from '../../testing/agent.js';
import { createUser } from '../../testing/fixtures.js';

/**
 * The business officer and the independent scrutineer at work, through the pages: what the
 * one may change (and that it is stored, in their name), what the other may read and that
 * they change nothing. The clock is at 09:00 on Friday 27 November 2026.
 */
const bed = await meetingTestBed();
const { app, services, database, partnership, fixtures, clock } = bed;
const owner = database.owner.pool;

const officer = await createUser(database.app.db, services, partnership.id, {
  roles: ['business_officer'],
  mfa: true,
  displayName: 'Bea Officer',
});
const scrutineer = await createUser(database.app.db, services, partnership.id, {
  roles: ['independent_scrutineer'],
  displayName: 'Ivo Scrutineer',
});
const officerAgent = new Agent(app);
await officerAgent.signIn(officer, clock.now());
const scrutineerAgent = new Agent(app);
await scrutineerAgent.signIn(scrutineer, clock.now());

const police = await fixtures.agency({ name: 'Northshire Police' });
const priya = await fixtures.person(police, { fullName: 'Priya Shah' });
const board = await fixtures.body({ name: 'Safeguarding Partnership', bodyType: 'partnership' });

const rows = async (query: string, values: unknown[]) => (await owner.query(query, values)).rows;
/** Who the audit trail says made each change of this kind to this record. */
const actorsOf = async (action: string, entityId: string) =>
  (
    await rows(`select actor_user_id from audit_event where action = $1 and entity_id = $2`, [
      action,
      entityId,
    ])
  ).map((row) => row.actor_user_id as string);
const auditedChanges = async () =>
  Number((await rows(`select count(*) from audit_event where action <> 'viewed'`, []))[0]!.count);

/** What the business officer made, for the scrutineer to read. */
const made = { meetingId: '', itemId: '', actionId: '', caseId: '' };

describe('a business officer', () => {
  it('schedules a meeting, stored and audited in their name', async () => {
    const sent = await officerAgent.submit('/meetings/new', {
      bodyId: board,
      'day-day': '14',
      'day-month': '1',
      'day-year': '2027',
      startTime: '10:00',
      endTime: '12:30',
      location: 'Council House, Room 1',
    });
    expect(sent.status).toBe(303);
    made.meetingId = /^\/meetings\/([0-9a-f-]{36})$/.exec(sent.location!)![1]!;
    const [stored] = await rows(`select body_id, location, starts_at from meeting where id = $1`, [
      made.meetingId,
    ]);
    expect(stored).toEqual({
      body_id: board,
      location: 'Council House, Room 1',
      starts_at: new Date('2027-01-14T10:00:00Z'),
    });
    expect(await actorsOf('meeting.scheduled', made.meetingId)).toEqual([officer.userId]);
  });

  it('adds an item to its agenda', async () => {
    const sent = await officerAgent.submit(`/meetings/${made.meetingId}/agenda/new`, {
      title: 'Neglect audit findings',
      purpose: 'decision',
      presenter: 'Jo Bennett, Designated Nurse',
      durationMinutes: '25',
    });
    expect(sent.status).toBe(303);
    const items = await rows(`select id, title, purpose from agenda_item where meeting_id = $1`, [
      made.meetingId,
    ]);
    expect(items).toEqual([
      { id: expect.any(String), title: 'Neglect audit findings', purpose: 'decision' },
    ]);
    made.itemId = items[0]!.id as string;
  });

  it('records an action on the item, in the one action log, with its owner and due date', async () => {
    const sent = await officerAgent.submit(
      `/meetings/${made.meetingId}/items/${made.itemId}/actions/new`,
      {
        title: 'Circulate the audit findings to every agency',
        ownerPersonId: priya,
        'dueOn-day': '18',
        'dueOn-month': '2',
        'dueOn-year': '2027',
      },
    );
    expect(sent.status, text(sent, '.govuk-error-summary')).toBe(303);
    const [stored] = await rows(
      `select id, title, owner_person_id, due_on::text, status from action where agenda_item_id = $1`,
      [made.itemId],
    );
    expect(stored).toEqual({
      id: expect.any(String),
      title: 'Circulate the audit findings to every agency',
      owner_person_id: priya,
      due_on: '2027-02-18',
      status: 'open',
    });
    made.actionId = stored!.id as string;
    expect(await actorsOf('action.recorded', made.actionId)).toEqual([officer.userId]);
  });

  it('records a serious incident notification and is put on its case team', async () => {
    const sent = await officerAgent.submit('/reviews/new', {
      reference: 'SI-2026-201',
      kind: 'serious_incident',
      'awareOn-day': '23',
      'awareOn-month': '11',
      'awareOn-year': '2026',
      criteria: ['abuse_or_neglect', 'serious_harm'],
      childName: 'Marigold Pennywhistle',
      'dateOfBirth-day': '2',
      'dateOfBirth-month': '3',
      'dateOfBirth-year': '2019',
      nhsNumber: '999 000 0026',
      address: '4 Thistle Close',
    });
    expect(sent.status).toBe(303);
    made.caseId = /^\/reviews\/([0-9a-f-]{36})$/.exec(sent.location!)![1]!;
    const team = await rows(
      `select user_id from case_team_member where case_id = $1 and removed_at is null`,
      [made.caseId],
    );
    expect(team).toEqual([{ user_id: officer.userId }]);
    const casePage = await officerAgent.get(sent.location!);
    expect(casePage.status).toBe(200);
    expect(casePage.body).toContain('Marigold Pennywhistle');
  });
});

describe('the independent scrutineer', () => {
  it('reads the registry, the meeting and its agenda, the action log and the arrangements', async () => {
    const body = await scrutineerAgent.get(`/bodies/${board}`);
    expect(body.status).toBe(200);
    expect(text(body, 'h1')).toBe('Safeguarding Partnership');

    const meeting = await scrutineerAgent.get(`/meetings/${made.meetingId}`);
    expect(meeting.status).toBe(200);
    expect(text(meeting, 'h1')).toBe('Meeting on 14 January 2027');
    expect(text(meeting, 'main')).toContain('Neglect audit findings');
    // Running the meeting is the business unit's: the officer has the tools, the scrutineer not.
    const officersView = await officerAgent.get(`/meetings/${made.meetingId}`);
    expect(officersView.$(`a[href^="/meetings/${made.meetingId}/edit"]`).length).toBeGreaterThan(0);
    expect(
      officersView.$(`a[href^="/meetings/${made.meetingId}/agenda/new"]`).length,
    ).toBeGreaterThan(0);
    expect(meeting.$(`a[href^="/meetings/${made.meetingId}/edit"]`)).toHaveLength(0);
    expect(meeting.$(`a[href^="/meetings/${made.meetingId}/agenda/new"]`)).toHaveLength(0);

    const actions = await scrutineerAgent.get('/actions');
    expect(actions.status).toBe(200);
    expect(text(actions, 'tbody')).toContain('Circulate the audit findings to every agency');
    const action = await scrutineerAgent.get(`/actions/${made.actionId}`);
    expect(action.status).toBe(200);
    const change = `a[href="/actions/${made.actionId}/change"]`;
    expect(action.$(change)).toHaveLength(0);
    expect((await officerAgent.get(`/actions/${made.actionId}`)).$(change)).toHaveLength(1);

    for (const url of ['/dashboard', '/governance', '/arrangements', '/meetings']) {
      expect((await scrutineerAgent.get(url)).status, url).toBe(200);
    }
  });

  it('sees a case’s reference and stage in the list, never the child, and cannot open it', async () => {
    const list = await scrutineerAgent.get('/reviews');
    expect(list.status).toBe(200);
    expect(text(list, 'tbody')).toContain('SI-2026-201');
    expect(list.body).not.toContain('Marigold Pennywhistle');
    // No second factor: sent to set one up first. Neither would it open for someone
    // outside the case team who had one (the route access table walks that).
    const casePage = await scrutineerAgent.get(`/reviews/${made.caseId}`);
    expect(casePage.status).toBe(303);
    expect(casePage.location).toBe('/account/mfa');
  });

  it('reads through the API with a token of their own, the case excepted', async () => {
    const token = (
      await services.apiTokens.create(
        { partnershipId: partnership.id, userId: scrutineer.userId },
        { name: 'Scrutiny' },
      )
    ).token;
    const call = (url: string) =>
      app.inject({ url, headers: { authorization: `Bearer ${token}` } });
    const actions = await call('/api/v1/actions');
    expect(actions.statusCode).toBe(200);
    expect(actions.json().items.map((item: { id: string }) => item.id)).toContain(made.actionId);
    expect((await call(`/api/v1/meetings/${made.meetingId}`)).statusCode).toBe(200);
    expect((await call(`/api/v1/cases/${made.caseId}`)).statusCode).toBe(403);
  });

  it('changes nothing: each of the business officer’s forms is refused, with a valid token', async () => {
    const before = await auditedChanges();
    const csrf = await scrutineerAgent.csrfTokenFrom('/account/password');
    const attempts: [string, Record<string, string>][] = [
      ['/meetings/new', { bodyId: board, 'day-day': '21', 'day-month': '1', 'day-year': '2027' }],
      [
        `/meetings/${made.meetingId}/agenda/new`,
        { title: 'Scrutineer’s item', purpose: 'information' },
      ],
      [
        `/meetings/${made.meetingId}/items/${made.itemId}/actions/new`,
        { title: 'Scrutineer’s action', ownerPersonId: priya },
      ],
      [`/actions/${made.actionId}/change`, { ownerPersonId: priya, 'dueOn-day': '1' }],
      ['/reviews/new', { reference: 'SI-2026-999', kind: 'serious_incident' }],
      ['/agencies', { name: 'Scrutineer’s agency', agencyType: 'other' }],
    ];
    for (const [url, fields] of attempts) {
      const page = await scrutineerAgent.post(url, { ...fields, _csrf: csrf });
      expect(page.status, url).toBe(403);
      expect(text(page, 'h1'), url).toBe('You cannot see this page');
    }
    // An action is updated by its owner, and the scrutineer owns none.
    const update = await scrutineerAgent.post(`/actions/${made.actionId}/update`, {
      _csrf: csrf,
      note: 'Done, says the scrutineer',
      status: 'done',
    });
    expect(update.status).toBe(403);
    expect(await auditedChanges()).toBe(before);
    expect(
      await rows(`select count(*)::int as n from meeting where body_id = $1`, [board]),
    ).toEqual([{ n: 1 }]);
  });
});
