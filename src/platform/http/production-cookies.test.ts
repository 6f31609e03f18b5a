import { describe, expect, it } from 'vitest';
import { Agent } from '../../testing/agent.js';
import { createTestApp } from '../../testing/app.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';

const { app, services, database } = await createTestApp({ production: true });

describe('in production', () => {
  it('marks the session and CSRF cookies Secure, keeps the session cookie to the browser session, and sends HSTS', async () => {
    const partnership = await createPartnership(services);
    const member = await createUser(database.app.db, services, partnership.id, {
      roles: ['member'],
    });
    const agent = new Agent(app);
    const signIn = await agent.get('/sign-in');
    expect(String(signIn.headers['strict-transport-security'])).toContain('max-age=31536000');
    expect(String(signIn.headers['content-security-policy'])).toContain(
      'upgrade-insecure-requests',
    );
    const signedIn = await agent.signIn(member);
    const cookies = [signedIn.headers['set-cookie']].flat().map(String);
    const session = cookies.find((cookie) => cookie.startsWith('masa_session='));
    expect(session).toMatch(/; Secure/);
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session, 'a browser-session cookie, gone when the browser closes').not.toMatch(
      /Max-Age|Expires/,
    );
    expect(String(signIn.headers['set-cookie'])).toMatch(/masa_csrf=.*Secure/);
  });
});
