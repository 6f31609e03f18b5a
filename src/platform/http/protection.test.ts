import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Agent, text } from '../../testing/agent.js';
import { createTestApp, TEST_BODY_LIMIT } from '../../testing/app.js';
import { createPartnership, createUser, FIXTURE_PASSWORD } from '../../testing/fixtures.js';

const { app, services, database } = await createTestApp();
const partnership = await createPartnership(services);
const member = await createUser(database.app.db, services, partnership.id, { roles: ['member'] });
const sessions = async () =>
  Number(
    (await database.owner.db.execute<{ count: string }>(sql`select count(*) from session`)).rows[0]!
      .count,
  );

describe('CSRF protection', () => {
  it('refuses a form sent without a token, and changes nothing', async () => {
    const before = await sessions();
    const page = await new Agent(app).post('/sign-in', {
      email: member.email,
      password: FIXTURE_PASSWORD,
    });
    expect(page.status).toBe(403);
    expect(text(page, 'h1')).toBe('Your form could not be sent');
    expect(await sessions()).toBe(before);
  });

  it('refuses a forged token', async () => {
    const agent = new Agent(app);
    await agent.get('/sign-in');
    const page = await agent.post('/sign-in', {
      email: member.email,
      password: FIXTURE_PASSWORD,
      _csrf: 'forged-token',
    });
    expect(page.status).toBe(403);
  });

  it("refuses a token taken from another visitor's page", async () => {
    const token = await new Agent(app).csrfTokenFrom('/sign-in');
    const victim = new Agent(app);
    await victim.get('/sign-in');
    const page = await victim.post('/sign-in', {
      email: member.email,
      password: FIXTURE_PASSWORD,
      _csrf: token,
    });
    expect(page.status).toBe(403);
  });

  it('protects signed-in forms too', async () => {
    const agent = new Agent(app);
    await agent.signIn(member);
    const page = await agent.post('/account/password', {
      currentPassword: FIXTURE_PASSWORD,
      newPassword: 'x',
      confirmPassword: 'x',
    });
    expect(page.status).toBe(403);
  });
});

describe('malformed and oversized requests', () => {
  it('answers 413 with a clear page to a body over the limit', async () => {
    const agent = new Agent(app);
    const token = await agent.csrfTokenFrom('/sign-in');
    const page = await agent.post('/sign-in', {
      _csrf: token,
      email: 'a'.repeat(TEST_BODY_LIMIT + 10),
      password: 'x',
    });
    expect(page.status).toBe(413);
    expect(text(page, 'h1')).toBe('What you sent is too large');
  });

  it('answers 400 to malformed form encoding', async () => {
    const agent = new Agent(app);
    const token = await agent.csrfTokenFrom('/sign-in');
    const before = await sessions();
    const page = await agent.request({
      method: 'POST',
      url: '/sign-in',
      payload: `_csrf=${encodeURIComponent(token)}&email=${encodeURIComponent(member.email)}&password=%zz`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(page.status).toBe(400);
    expect(text(page, 'h1')).toBe('MASA could not understand the request');
    expect(await sessions()).toBe(before);
  });

  it('answers 415 to a body type MASA does not read', async () => {
    const page = await new Agent(app).request({
      method: 'POST',
      url: '/sign-in',
      payload: '<x/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(page.status).toBe(415);
    expect(text(page, 'h1')).toBe('The form was sent in a way MASA cannot read');
  });

  it('answers 400 to a JSON body that does not parse', async () => {
    const page = await new Agent(app).request({
      method: 'POST',
      url: '/sign-in',
      payload: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(page.status).toBe(400);
    expect(text(page, 'h1')).toBe('MASA could not understand the request');
  });

  it('shows a 404 page for an unknown address', async () => {
    const page = await new Agent(app).get('/no-such-page');
    expect(page.status).toBe(404);
    expect(text(page, 'h1')).toBe('Page not found');
  });
});

describe('security headers', () => {
  it('sends a strict nonce-based Content-Security-Policy and uses the nonce on the only script', async () => {
    const page = await new Agent(app).get('/sign-in');
    const csp = String(page.headers['content-security-policy']);
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    const scripts = page.$('script');
    expect(scripts).toHaveLength(1);
    expect(scripts.attr('src')).toBe('/assets/app.js');
    expect(scripts.attr('nonce')).toBe(nonce);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('tells browsers not to keep pages, but lets them cache assets', async () => {
    const agent = new Agent(app);
    await agent.signIn(member);
    expect((await agent.get('/account')).headers['cache-control']).toBe('no-store');
    expect((await agent.get('/sign-in')).headers['cache-control']).toBe('no-store');
    expect((await agent.get('/assets/application.css')).headers['cache-control']).not.toBe(
      'no-store',
    );
  });

  it('serves the stylesheet without the GDS Transport typeface', async () => {
    const css = await app.inject({ method: 'GET', url: '/assets/application.css' });
    expect(css.statusCode).toBe(200);
    expect(css.body).not.toContain('GDS Transport');
    expect(css.body).toContain('system-ui');
  });
});
