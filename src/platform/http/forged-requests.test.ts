import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Agent, text, type Page } from '../../testing/agent.js';
import { createTestApp, TEST_PUBLIC_URL } from '../../testing/app.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';
import { publicAccess } from '../policy.js';

/** Friday 27 November 2026, 09:00 UTC. */
const clock = { now: () => new Date('2026-11-27T09:00:00Z') };
const { app, services, database } = await createTestApp({ clock });
const partnership = await createPartnership(services);
const admin = await createUser(database.app.db, services, partnership.id, {
  roles: ['administrator'],
  mfa: true,
});
const adminAgent = new Agent(app);
await adminAgent.signIn(admin, clock.now());
const bearer = (
  await services.apiTokens.create(
    { partnershipId: partnership.id, userId: admin.userId },
    { name: 'Forged requests' },
  )
).token;

const FORM_NOT_SENT = 'Your form could not be sent';
const concrete = (url: string) => url.replace(/:[a-zA-Z]+/g, randomUUID()).replace('*', 'x');

/**
 * The API's writes read JSON that their schemas check before the CSRF check runs: each is
 * sent a well-formed body, so that only the missing token stands in the way.
 */
const JSON_BODIES: Record<string, object> = {
  'POST /api/v1/actions': {
    meetingId: randomUUID(),
    itemId: randomUUID(),
    title: 'Forged action',
    ownerPersonId: randomUUID(),
    dueOn: '2026-12-18',
  },
  'POST /api/v1/actions/:id/updates': { note: 'Forged update', status: 'in_progress', version: 1 },
};

/** Every change is audited; opening a case or a document writes who looked, which is no change. */
const changes = async () =>
  (
    await database.owner.pool.query<{ action: string; count: string }>(
      `select action, count(*) from audit_event where action <> 'viewed' group by action order by action`,
    )
  ).rows;
const agencyNamed = async (name: string) =>
  (
    await database.owner.pool.query(
      'select id from agency where partnership_id = $1 and name = $2',
      [partnership.id, name],
    )
  ).rows.length;

/** Refused with the CSRF page (or its JSON, from the API). */
function refusedAsForged(page: Page, url: string) {
  if (page.status !== 403) return false;
  if (url.startsWith('/api/'))
    return (JSON.parse(page.body) as { error?: string }).error === FORM_NOT_SENT;
  return text(page, 'h1') === FORM_NOT_SENT;
}

/** Sends a form, or the API's JSON, with `fields` and nothing else: no CSRF token unless given. */
function send(
  agent: Agent,
  route: { method: string; url: string },
  fields: Record<string, string>,
) {
  const url = concrete(route.url);
  const json = JSON_BODIES[`${route.method} ${route.url}`];
  return json
    ? agent.request({
        method: route.method as 'POST',
        url,
        payload: JSON.stringify(json),
        headers: { 'content-type': 'application/json' },
      })
    : agent.post(url, fields);
}

const stateChanging = app.registeredRoutes.filter(
  (route) => route.method !== 'GET' && route.method !== 'HEAD',
);

describe('CSRF on every state-changing route', () => {
  it('finds the routes to try: every form and API write MASA has', () => {
    expect(stateChanging.length).toBeGreaterThan(90);
    expect(stateChanging.map((route) => `${route.method} ${route.url}`)).toEqual(
      expect.arrayContaining(['POST /sign-in', 'POST /invitations/:token', 'POST /api/v1/actions']),
    );
  });

  it('refuses each without a token, to an administrator with a second factor, and changes nothing', async () => {
    const before = await changes();
    const accepted: string[] = [];
    for (const route of stateChanging) {
      const page = await send(adminAgent, route, { name: 'Forged', summary: 'Forged' });
      if (!refusedAsForged(page, route.url))
        accepted.push(`${route.method} ${route.url}: ${page.status}`);
    }
    expect(accepted).toEqual([]);
    expect(await changes()).toEqual(before);
    // Signing out was refused too: the administrator is still signed in.
    expect((await adminAgent.get('/admin')).status).toBe(200);
  });

  it('refuses the public forms (signing in, accepting an invitation) without a token too', async () => {
    const visitor = new Agent(app);
    await visitor.get('/sign-in');
    const publicForms = stateChanging.filter((route) => route.policy === publicAccess);
    expect(publicForms.map((route) => route.url).sort()).toEqual([
      '/invitations/:token',
      '/sign-in',
    ]);
    for (const route of publicForms) {
      const page = await send(visitor, route, { email: 'someone@agency.example', password: 'x' });
      expect(refusedAsForged(page, route.url), route.url).toBe(true);
    }
  });

  it('exempts a call with an API token, which no browser adds on another site’s behalf', async () => {
    const page = await adminAgent.request({
      method: 'POST',
      url: `/api/v1/actions/${randomUUID()}/updates`,
      payload: JSON.stringify(JSON_BODIES['POST /api/v1/actions/:id/updates']),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    });
    // Past the CSRF check, to the handler, which finds no such action.
    expect(page.status).toBe(404);
    expect(JSON.parse(page.body)).toEqual({ error: 'not found' });
  });
});

describe('a form a browser says came from another site', () => {
  /** Adds an agency with a valid CSRF token, sending `headers` as the browser would. */
  async function addAgency(name: string, headers: Record<string, string>, agent = adminAgent) {
    const token = await agent.csrfTokenFrom('/agencies/new');
    const body = new URLSearchParams({ _csrf: token, name, agencyType: 'police' });
    return agent.request({
      method: 'POST',
      url: '/agencies',
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  }

  it('is refused, with its valid token, when its Origin is another site, and nothing is stored', async () => {
    for (const origin of [
      'https://evil.example',
      'http://masa.test.evil.example',
      'http://masa.test:8080',
      'https://masa.test',
      'null',
    ]) {
      const name = `Forged from ${origin}`;
      const page = await addAgency(name, { origin });
      expect(page.status, origin).toBe(403);
      expect(text(page, 'h1'), origin).toBe(FORM_NOT_SENT);
      expect(await agencyNamed(name), origin).toBe(0);
    }
  });

  it('is refused when the browser says Sec-Fetch-Site: cross-site, whatever the Origin says', async () => {
    const sent: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'cross-site', origin: TEST_PUBLIC_URL },
    ];
    for (const headers of sent) {
      const page = await addAgency('Forged across sites', headers);
      expect(page.status).toBe(403);
      expect(text(page, 'h1')).toBe(FORM_NOT_SENT);
    }
    expect(await agencyNamed('Forged across sites')).toBe(0);
  });

  it('is accepted from MASA’s own pages: its public address, or the host the browser sent it to', async () => {
    const fromPublicAddress = await addAgency('Sent from the public address', {
      origin: TEST_PUBLIC_URL,
      'sec-fetch-site': 'same-origin',
    });
    expect(fromPublicAddress.status).toBe(303);
    expect(await agencyNamed('Sent from the public address')).toBe(1);
    // As the browser tests reach it: at 127.0.0.1 and a port, not at PUBLIC_URL.
    const fromItsHost = await addAgency('Sent to its own host', {
      host: '127.0.0.1:3100',
      origin: 'http://127.0.0.1:3100',
      'sec-fetch-site': 'same-origin',
    });
    expect(fromItsHost.status).toBe(303);
    expect(await agencyNamed('Sent to its own host')).toBe(1);
    // Older browsers and programs send neither header: the token alone decides.
    expect((await addAgency('Sent without an Origin', {})).status).toBe(303);
  });

  it('leaves reads alone: a link from another site still opens the page', async () => {
    const page = await adminAgent.request({
      method: 'GET',
      url: '/agencies',
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(page.status).toBe(200);
  });

  it('leaves a call with an API token alone, whatever its Origin', async () => {
    const page = await adminAgent.request({
      method: 'POST',
      url: `/api/v1/actions/${randomUUID()}/updates`,
      payload: JSON.stringify(JSON_BODIES['POST /api/v1/actions/:id/updates']),
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${bearer}`,
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      },
    });
    expect(page.status).toBe(404);
  });
});
