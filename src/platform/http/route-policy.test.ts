import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/app.js';
import { publicAccess } from '../policy.js';

const { app } = await createTestApp();

/** The only routes anyone may reach without signing in. */
const PUBLIC_ROUTES = new Set([
  'GET /sign-in',
  'HEAD /sign-in',
  'POST /sign-in',
  'GET /invitations/:token',
  'HEAD /invitations/:token',
  'POST /invitations/:token',
  'GET /health',
  'HEAD /health',
  // Calendar programs cannot sign in: the unguessable token in the address is the credential.
  'GET /calendar/:token.ics',
  'HEAD /calendar/:token.ics',
  'GET /assets/*',
  'HEAD /assets/*',
  'GET /assets/govuk/*',
  'HEAD /assets/govuk/*',
]);

const concrete = (url: string) => url.replace(/:[a-zA-Z]+/g, randomUUID()).replace('*', 'x');

describe('every route declares its policy', () => {
  it('has a policy on every registered route', () => {
    expect(app.registeredRoutes.length).toBeGreaterThan(20);
    const without = app.registeredRoutes
      .filter((route) => !route.policy)
      .map((r) => `${r.method} ${r.url}`);
    expect(without).toEqual([]);
  });

  it('makes public only sign-in, invitation acceptance, health, calendar feeds and static assets', () => {
    const publicRoutes = app.registeredRoutes
      .filter((route) => route.policy === publicAccess)
      .map((r) => `${r.method} ${r.url}`);
    expect(new Set(publicRoutes)).toEqual(PUBLIC_ROUTES);
  });

  it('refuses every other route to a visitor who has not signed in', async () => {
    const guarded = app.registeredRoutes.filter(
      (route) => route.policy !== publicAccess && route.method !== 'HEAD',
    );
    for (const route of guarded) {
      const response = await app.inject({
        method: route.method as 'GET' | 'POST',
        url: concrete(route.url),
        payload: route.method === 'POST' ? {} : undefined,
      });
      const refused =
        response.statusCode === 401 ||
        (response.statusCode === 303 && String(response.headers.location).startsWith('/sign-in'));
      expect(refused, `${route.method} ${route.url} answered ${response.statusCode}`).toBe(true);
    }
  });

  it('refuses to start when a route declares no policy', async () => {
    const { buildApp } = await import('../../app.js');
    expect(buildApp).toBeTypeOf('function');
    const Fastify = (await import('fastify')).default;
    const { registerGuard, RouteWithoutPolicyError } = await import('./guard.js');
    const bare = Fastify();
    registerGuard(bare);
    expect(() => bare.get('/forgotten', () => 'oops')).toThrow(RouteWithoutPolicyError);
  });
});
