import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { inTenant } from '../../db/client.js';
import { rapidReview } from '../../db/schema/index.js';
import { registryFixtures } from '../../modules/governance/registry-fixtures.js';
import { FICTIONAL_CHILD } from '../../modules/reviews/review-fixtures.js';
import { Agent, text, type Page } from '../../testing/agent.js';
import { createTestApp } from '../../testing/app.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';
import { sampleFiles, submitWithFile } from '../../testing/multipart.js';
import type { Role } from '../policy.js';
import { SESSION_COOKIE } from './session-hook.js';
import { PEOPLE, ROUTE_ACCESS, type Answer, type Person } from './route-access.table.js';

/** Friday 27 November 2026, 09:00 UTC: every date below is judged against it. */
const clock = { now: () => new Date('2026-11-27T09:00:00Z') };

/**
 * Which requests got past the guard: a preValidation hook added after the guard's runs only
 * when the guard let the request through, and notes the probe the request carries. That
 * tells the guard's refusals from a handler's own answers, which may look the same (the
 * recovery-codes page sends someone without a second factor to /account/mfa itself). Where
 * only the guard's decision matters, the probe also stops the request there, so the walk
 * neither renders hundreds of pages nor runs a handler with a made-up id.
 */
const PROBE = 'x-route-access-probe';
const STOP = 'x-route-access-stop';
const pastTheGuard = new Set<string>();
const { app, services, database } = await createTestApp({
  clock,
  // As deployed: pages are compiled once, not on every request, and the walk is ~1,800 of them.
  production: true,
  extraRoutes: (instance) => {
    instance.addHook('preValidation', async (request, reply) => {
      const probe = request.headers[PROBE];
      if (typeof probe !== 'string') return;
      pastTheGuard.add(probe);
      if (request.headers[STOP] === 'yes') return reply.code(204).send();
    });
  },
});

const partnership = await createPartnership(services);
const user = (roles: Role[], mfa: boolean) =>
  createUser(database.app.db, services, partnership.id, { roles, mfa });
const users = {
  observer: await user(['observer'], false),
  member: await user(['member'], false),
  independentScrutineer: await user(['independent_scrutineer'], false),
  businessOfficer: await user(['business_officer'], true),
  administrator: await user(['administrator'], true),
  caseTeamMember: await user(['member'], true),
};
const agents = { anonymous: new Agent(app) } as Record<Person, Agent>;
for (const [person, account] of Object.entries(users)) {
  const agent = new Agent(app);
  await agent.signIn(account, clock.now());
  agents[person as Person] = agent;
}

const saved = async (sent: Promise<Page>) => {
  const page = await sent;
  if (page.status !== 303)
    throw new Error(`Fixture refused (${page.status}): ${text(page, '.govuk-error-summary')}`);
};
const idOf = async (query: string, caseId: string) =>
  (await database.owner.pool.query<{ id: string }>(query, [caseId])).rows[0]!.id;
const dateFields = (name: string, iso: string) => {
  const [year, month, day] = iso.split('-');
  return { [`${name}-day`]: day!, [`${name}-month`]: month!, [`${name}-year`]: year! };
};

/**
 * A case notified by the case-team member alone, taken as far as every one of its pages has
 * something to show: a child, a rapid review decided on a local review (written directly, as
 * the practice-review tests do), a practice review with a milestone, a recommendation, a
 * learning point, and an information request with a returned document.
 */
async function caseWithEverything() {
  const team = { partnershipId: partnership.id, userId: users.caseTeamMember.userId };
  const agencyId = await registryFixtures(services, team).agency({ name: 'Northshire Police' });
  const notified = await services.reviews.cases.notify(team, {
    reference: 'SI-2026-ACCESS',
    kind: 'serious_incident',
    awareOn: '2026-11-23',
    criteria: ['abuse_or_neglect', 'serious_harm'],
    agencyIds: [],
    panelNotifiedOn: '2026-11-24',
    ofstedNotifiedOn: null,
    partnersNotifiedOn: null,
    ...FICTIONAL_CHILD,
  });
  if (!notified.ok) throw new Error(JSON.stringify(notified.errors));
  const id = notified.value.id;
  await inTenant(database.app.db, team, (tx) =>
    tx.insert(rapidReview).values({
      caseId: id,
      partnershipId: partnership.id,
      outcome: 'local_review',
      criteriaMet: ['reg11_a'],
      rationale: 'The fictional agencies did not share what they knew.',
      decidedOn: '2026-11-25',
      sentToPanelOn: '2026-11-26',
    }),
  );
  const agent = agents.caseTeamMember;
  const base = `/reviews/${id}`;
  await saved(
    agent.submit(`${base}/practice-review`, {
      ...dateFields('decidedOn', '2026-11-27'),
      methodology: 'systems review',
      reviewers: 'Dr Imogen Farthingale',
      termsOfReference: 'How did agencies share what they knew?',
    }),
  );
  await saved(
    agent.submit(`${base}/practice-review/milestones/new`, {
      title: 'Practitioner event',
      ...dateFields('dueOn', '2027-01-15'),
      status: 'planned',
    }),
  );
  await saved(
    agent.submit(`${base}/recommendations/new`, {
      text: 'Agencies share chronologies within five working days.',
      agencyIds: agencyId,
    }),
  );
  await saved(
    agent.submit(`${base}/learning/points/new`, { text: 'Chronologies were shared late.' }),
  );
  await saved(
    agent.submit(`${base}/rapid-review/requests/new`, {
      agencyId,
      askedFor: 'chronology',
      ...dateFields('requestedOn', '2026-11-27'),
    }),
  );
  const requestId = await idOf('select id from information_request where case_id = $1', id);
  await saved(
    submitWithFile(
      agent,
      `${base}/rapid-review/requests/${requestId}/documents/new`,
      { kind: 'chronology', ...dateFields('returnedOn', '2026-11-27') },
      sampleFiles.pdf('police-chronology.pdf'),
    ),
  );
  return {
    id,
    requestId,
    childId: await idOf('select id from case_child where case_id = $1', id),
    memberId: await idOf('select id from case_team_member where case_id = $1', id),
    milestoneId: await idOf('select id from review_milestone where case_id = $1', id),
    recommendationId: await idOf('select id from recommendation where case_id = $1', id),
    pointId: await idOf('select id from learning_point where case_id = $1', id),
    returnId: await idOf('select id from information_return where request_id = $1', requestId),
  } as Record<string, string>;
}

const theCase = await caseWithEverything();

/** A case's routes are walked with the case's real ids; any other id is a random one. */
const isCaseRoute = (url: string) => url.startsWith('/reviews/:id') || url === '/api/v1/cases/:id';
function concrete(url: string) {
  const real = isCaseRoute(url);
  return url
    .replace(/:([a-zA-Z]+)/g, (_, name: string) => {
      if (!real) return randomUUID();
      const id = theCase[name];
      if (!id) throw new Error(`The case fixture has no ${name} for ${url}`);
      return id;
    })
    .replace('*', 'application.css');
}

/** A CSRF token each, for the forms that go on to their handler. */
const tokens = { anonymous: '' } as Record<Person, string>;
for (const person of PEOPLE.filter((each) => each !== 'anonymous'))
  tokens[person] = await agents[person].csrfTokenFrom('/account/password');
const cookiesOf = (person: Person) =>
  Object.fromEntries(
    [SESSION_COOKIE, 'masa_csrf'].flatMap((name) => {
      const value = agents[person].cookie(name);
      return value ? [[name, value]] : [];
    }),
  );

const heading = (html: string) => /<h1[^>]*>\s*([^<]*?)\s*<\/h1>/.exec(html)?.[1];

/** What the guard answered, when it refused. */
function refusal(response: LightMyRequestResponse): string {
  const status = response.statusCode;
  const location = String(response.headers.location ?? '');
  if (status === 303 && (location === '/sign-in' || location.startsWith('/sign-in?')))
    return 'sign in';
  if (status === 303 && location === '/account/mfa') return 'enrol MFA';
  if (status === 303 && location === '/sign-in/code') return 'enter code';
  if (status === 401 && response.body === JSON.stringify({ error: 'unauthorised' }))
    return 'sign in';
  if (status === 403 && response.body === JSON.stringify({ error: 'forbidden' }))
    return 'forbidden';
  if (status === 403 && heading(response.body) === 'You cannot see this page') return 'forbidden';
  return `refused with ${status} ${location}`;
}

/**
 * One request as `person`. Only a case's routes, walked with its real ids, go on to their
 * handler, to show whether the case is there for this person: a page goes as a GET, and a
 * form with a valid CSRF token and nothing filled in, which must find nothing (404) where the
 * row says the case is hidden, so nothing changes.
 */
async function answer(person: Person, method: string, url: string, expected: Answer) {
  const probe = randomUUID();
  const isForm = method !== 'GET';
  const handled = isCaseRoute(url) && (!isForm || expected === 'not found');
  const response = await app.inject({
    method: method as 'GET' | 'POST',
    url: concrete(url),
    cookies: cookiesOf(person),
    headers: {
      [PROBE]: probe,
      ...(handled ? {} : { [STOP]: 'yes' }),
      ...(isForm ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    payload: isForm ? (handled ? `_csrf=${encodeURIComponent(tokens[person])}` : '') : undefined,
  });
  if (!pastTheGuard.has(probe)) return refusal(response);
  if (!handled) return 'allowed';
  if (response.statusCode >= 500) return `server error ${response.statusCode}`;
  return response.statusCode === 404 ? 'not found' : 'allowed';
}

const routes = app.registeredRoutes;
const rowOf = (route: { method: string; url: string }) => `${route.method} ${route.url}`;

/** Every change is audited; opening a case or a document writes who looked, which is no change. */
const changes = async () =>
  (
    await database.owner.pool.query<{ action: string; count: string }>(
      `select action, count(*) from audit_event
        where action <> 'viewed' and action not like '%\\_downloaded' and action not like '%\\_exported'
        group by action order by action`,
    )
  ).rows;

const before = await changes();

describe('the route access table', () => {
  it('has a row for every route, and no row for a route that is gone', () => {
    const registered = routes.filter((route) => route.method !== 'HEAD').map(rowOf);
    expect(registered.length).toBeGreaterThan(200);
    const rows = Object.keys(ROUTE_ACCESS);
    expect(registered.filter((route) => !rows.includes(route))).toEqual([]);
    expect(rows.filter((row) => !registered.includes(row))).toEqual([]);
  });

  it('answers HEAD as GET: every HEAD route has its GET route’s policy', () => {
    const heads = routes.filter((route) => route.method === 'HEAD');
    expect(heads.length).toBeGreaterThan(100);
    for (const head of heads) {
      const get = routes.find((route) => route.method === 'GET' && route.url === head.url);
      expect(get?.policy, head.url).toBe(head.policy);
    }
  });
});

// The people walk side by side; each walks every route in turn.
describe.concurrent('every route, as each person', () => {
  const walked = routes.filter((route) => route.method !== 'HEAD' && ROUTE_ACCESS[rowOf(route)]);
  it.each(PEOPLE)('gives %s the answer in the table', { timeout: 60_000 }, async (person) => {
    const mismatches: string[] = [];
    for (const route of walked) {
      const expected = ROUTE_ACCESS[rowOf(route)]![person];
      const got = await answer(person, route.method, route.url, expected);
      if (got !== expected) mismatches.push(`${rowOf(route)}: expected ${expected}, got ${got}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('after the walk', () => {
  it('nothing has changed', async () => {
    expect(before.length).toBeGreaterThan(5);
    expect(await changes()).toEqual(before);
  });
});
