import { describe, expect, it } from 'vitest';
import { createUser } from '../../testing/fixtures.js';
import { actionTestBed } from '../actions/action-fixtures.js';

const bed = await actionTestBed();
const { app, services, context, fixtures, meetingItem, action, database, partnership } = bed;
const { token } = await services.apiTokens.create(context, { name: 'Tests' });

const call = (method: 'GET' | 'POST', url: string, payload?: object, bearer = token) =>
  app.inject({ method, url, payload, headers: { authorization: `Bearer ${bearer}` } });

const agency = await fixtures.agency({ name: 'Northshire Police' });
const owner = await fixtures.person(agency, { fullName: 'Robin Hale' });

describe('the action log through the API', () => {
  it('records an action on a meeting item and reads it back, overdue derived', async () => {
    const source = await meetingItem('2026-12-08');
    const created = await call('POST', '/api/v1/actions', {
      ...source,
      title: 'Share the neglect audit with schools',
      ownerPersonId: owner,
      dueOn: '2026-12-18',
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      title: 'Share the neglect audit with schools',
      owner: { id: owner, name: 'Robin Hale' },
      agency: { id: agency, name: 'Northshire Police' },
      dueOn: '2026-12-18',
      status: 'open',
      overdue: false,
      version: 1,
      source: { type: 'meeting_item', meetingId: source.meetingId },
    });
    const listed = await call('GET', `/api/v1/actions?owner=${owner}`);
    expect(listed.json().items.map((item: { id: string }) => item.id)).toContain(body.id);
  });

  it('records an action from a past meeting late, due before today and so already overdue', async () => {
    const source = await meetingItem('2026-11-16');
    const late = await call('POST', '/api/v1/actions', {
      ...source,
      title: 'Send the audit to the designated leads',
      ownerPersonId: owner,
      dueOn: '2026-11-20',
    });
    expect(late.statusCode).toBe(201);
    expect(late.json()).toMatchObject({ dueOn: '2026-11-20', overdue: true });
    const beforeMeeting = await call('POST', '/api/v1/actions', {
      ...source,
      title: 'Impossible',
      ownerPersonId: owner,
      dueOn: '2026-11-13',
    });
    expect(beforeMeeting.json().fields.dueOn).toBe(
      'The due date cannot be before the meeting on 16 November 2026',
    );
  });

  it('writes an update with the version and refuses a stale one with 409', async () => {
    const id = await action(await meetingItem(), { ownerPersonId: owner });
    const first = await call('POST', `/api/v1/actions/${id}/updates`, {
      note: 'Audit shared with twelve schools',
      status: 'in_progress',
      version: 1,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'in_progress', version: 2 });
    expect(first.json().updates[0]).toMatchObject({
      note: 'Audit shared with twelve schools',
      statusBefore: 'open',
      statusAfter: 'in_progress',
    });
    const stale = await call('POST', `/api/v1/actions/${id}/updates`, {
      note: 'Done',
      status: 'done',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatch(/changed/i);
    expect((await services.actions.find(context, id))!.action.status).toBe('in_progress');
  });

  it('refuses bad requests with the fields that are wrong, and records nothing', async () => {
    const source = await meetingItem();
    const before = (await services.actions.list(context, {})).total;
    const missing = await call('POST', '/api/v1/actions', { ...source, title: 'No owner' });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().fields)).toEqual(
      expect.arrayContaining(['ownerPersonId', 'dueOn']),
    );
    const badDate = await call('POST', '/api/v1/actions', {
      ...source,
      title: 'Bad date',
      ownerPersonId: owner,
      dueOn: '2026-02-31',
    });
    expect(badDate.json().fields.dueOn).toBe('Due date must be a real date');
    const noItem = await call('POST', '/api/v1/actions', {
      meetingId: source.meetingId,
      itemId: '00000000-0000-4000-8000-000000000000',
      title: 'Nowhere',
      ownerPersonId: owner,
      dueOn: '2026-12-18',
    });
    expect(noItem.statusCode).toBe(404);
    expect((await services.actions.list(context, {})).total).toBe(before);
    const id = await action(source, { ownerPersonId: owner });
    const noVersion = await call('POST', `/api/v1/actions/${id}/updates`, {
      note: 'Closed',
      status: 'closed',
    });
    expect(noVersion.statusCode).toBe(400);
    expect(Object.keys(noVersion.json().fields)).toEqual(
      expect.arrayContaining(['closingEvidence', 'version']),
    );
    const query = await call('GET', '/api/v1/actions?status=finished');
    expect(query.statusCode).toBe(400);
  });

  it('lets a member update only their own actions, and never record one', async () => {
    const member = await createUser(database.app.db, services, partnership.id, {
      roles: ['member'],
      mfa: false,
    });
    const memberContext = { partnershipId: partnership.id, userId: member.userId };
    const memberToken = (await services.apiTokens.create(memberContext, { name: 'Mine' })).token;
    const ownPerson = await fixtures.person(agency, { userId: member.userId });
    const source = await meetingItem();
    const own = await action(source, { ownerPersonId: ownPerson });
    const others = await action(source, { ownerPersonId: owner });
    const update = { note: 'Started', status: 'in_progress', version: 1 };
    expect(
      (await call('POST', `/api/v1/actions/${own}/updates`, update, memberToken)).statusCode,
    ).toBe(200);
    expect(
      (await call('POST', `/api/v1/actions/${others}/updates`, update, memberToken)).statusCode,
    ).toBe(403);
    const record = await call(
      'POST',
      '/api/v1/actions',
      { ...source, title: 'Mine', ownerPersonId: ownPerson, dueOn: '2026-12-18' },
      memberToken,
    );
    expect(record.statusCode).toBe(403);
  });

  it('answers 401 without a token and documents the endpoints', async () => {
    const anonymous = await app.inject({ method: 'POST', url: '/api/v1/actions', payload: {} });
    expect(anonymous.statusCode).toBe(401);
    const document = (await call('GET', '/api/docs/openapi.json')).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/actions',
        '/api/v1/actions/{id}',
        '/api/v1/actions/{id}/updates',
      ]),
    );
    expect(document.components.schemas.NewAction.required).toEqual(
      expect.arrayContaining(['meetingId', 'itemId', 'title', 'ownerPersonId', 'dueOn']),
    );
  });
});
