import { describe, expect, it } from 'vitest';
import { createUser } from '../../testing/fixtures.js';
import { FICTIONAL_CHILD, reviewTestBed } from '../reviews/review-fixtures.js';

const bed = await reviewTestBed();
const { app, services, database, partnership, context, outsider, outsiderAgent, notifiedCase } =
  bed;

const tokenOf = async (userId: string) =>
  (await services.apiTokens.create({ partnershipId: partnership.id, userId }, { name: 'Cases' }))
    .token;
const teamToken = await tokenOf(context.userId);
const outsiderToken = await tokenOf(outsider.userId);
const member = await createUser(database.app.db, services, partnership.id, { roles: ['member'] });
const memberToken = await tokenOf(member.userId);

const call = (url: string, bearer: string | null = teamToken) =>
  app.inject({ url, headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

const viewsOf = async (caseId: string) =>
  (await services.audit.page(context, { action: 'viewed', entityId: caseId })).events.length;

// Friday 27 November 2026: aware 16 November, so the notifications were due 23 November.
const late = await notifiedCase({ reference: 'API-2026-001', awareOn: '2026-11-16' });
const onTrack = await notifiedCase({
  reference: 'API-2026-002',
  awareOn: '2026-11-26',
  panelNotifiedOn: '2026-11-26',
  ofstedNotifiedOn: '2026-11-26',
  partnersNotifiedOn: '2026-11-27',
});
await services.reviews.rapidReviews.start(context, onTrack.id);
// The member is on this case's team, but has no second factor.
const added = await services.reviews.team.add(context, onTrack.id, member.userId, true);
if (!added?.ok) throw new Error('Fixture refused the team member');

describe('listing case reviews through the API', () => {
  it('gives every case’s reference, kind, stage and next deadline, most urgent first', async () => {
    const response = await call('/api/v1/cases?q=API-2026');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      items: [
        {
          id: late.id,
          reference: 'API-2026-001',
          kind: 'serious_incident',
          stage: 'notification',
          nextDeadline: {
            key: 'notify_panel',
            name: 'Notify the national Panel',
            dueOn: '2026-11-23',
            workingDaysLeft: -4,
            urgency: 'overdue',
          },
        },
        {
          id: onTrack.id,
          reference: 'API-2026-002',
          kind: 'serious_incident',
          stage: 'rapid_review',
          nextDeadline: {
            key: 'rapid_review',
            name: 'Send the rapid review to the Panel',
            dueOn: '2026-12-17',
            workingDaysLeft: 14,
            urgency: 'on_track',
          },
        },
      ],
      page: 1,
      pages: 1,
      total: 2,
    });
  });

  it('answers anyone in the partnership, by token or session, with no child’s details', async () => {
    for (const response of [
      await call('/api/v1/cases', outsiderToken),
      await call('/api/v1/cases', memberToken),
    ]) {
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('API-2026-001');
      expect(response.body).not.toContain(FICTIONAL_CHILD.childName);
    }
    const browser = await outsiderAgent.get('/api/v1/cases?stage=rapid_review&q=API');
    expect(browser.status).toBe(200);
    expect(JSON.parse(browser.body).items.map((item: { id: string }) => item.id)).toEqual([
      onTrack.id,
    ]);
    expect((await call('/api/v1/cases', null)).statusCode).toBe(401);
  });

  it('refuses a query it cannot read, naming the parameter', async () => {
    const response = await call('/api/v1/cases?stage=closed&show=some&page=0');
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual({
      stage:
        'stage must be one of notification, rapid_review, national_review, local_review, action_plan, learning',
      show: 'show must be open, closed or all',
      page: 'page must be a whole number from 1',
    });
    expect((await call('/api/v1/cases?show=open&show=all')).json().fields).toEqual({
      show: 'show must be given once',
    });
  });
});

describe('reading one case through the API', () => {
  it('gives its team the whole case with its children, and audits the read', async () => {
    const before = await viewsOf(late.id);
    const response = await call(`/api/v1/cases/${late.id}`);
    expect(response.statusCode).toBe(200);
    const found = response.json();
    expect(found).toMatchObject({
      id: late.id,
      reference: 'API-2026-001',
      stage: 'notification',
      awareOn: '2026-11-16',
      criteria: ['abuse_or_neglect', 'serious_harm'],
      panelNotifiedOn: null,
      closedAt: null,
      nextDeadline: { key: 'notify_panel', urgency: 'overdue' },
      agencies: [],
      team: [{ userId: context.userId, name: 'Alex Morgan' }],
    });
    expect(found.children).toEqual([
      {
        position: 1,
        name: FICTIONAL_CHILD.childName,
        dateOfBirth: FICTIONAL_CHILD.dateOfBirth,
        nhsNumber: FICTIONAL_CHILD.nhsNumber,
        address: FICTIONAL_CHILD.address,
      },
    ]);
    expect(found.deadlines.map((deadline: { key: string; met: string }) => deadline.met)).toEqual([
      'open',
      'open',
      'open',
    ]);
    expect(found.deadlines[0].basis).toContain('5 working days');
    expect(await viewsOf(late.id)).toBe(before + 1);
  });

  it('answers 404 to anyone outside the team, administrators included, and audits nothing', async () => {
    const before = await viewsOf(late.id);
    const byToken = await call(`/api/v1/cases/${late.id}`, outsiderToken);
    expect(byToken.statusCode).toBe(404);
    expect(byToken.json()).toEqual({ error: 'not found' });
    const bySession = await outsiderAgent.get(`/api/v1/cases/${late.id}`);
    expect(bySession.status).toBe(404);
    expect(bySession.body).toBe(byToken.body);
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id'])
      expect((await call(`/api/v1/cases/${id}`)).statusCode).toBe(404);
    expect(await viewsOf(late.id)).toBe(before);
  });

  it('answers 403 to an account without a second factor, even on the team', async () => {
    const before = await viewsOf(onTrack.id);
    const response = await call(`/api/v1/cases/${onTrack.id}`, memberToken);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ error: 'forbidden' });
    expect(response.body).not.toContain(FICTIONAL_CHILD.childName);
    expect(await viewsOf(onTrack.id)).toBe(before);
    expect((await call(`/api/v1/cases/${onTrack.id}`, null)).statusCode).toBe(401);
  });
});
