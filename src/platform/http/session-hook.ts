import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccountService } from '../../modules/account/account.service.js';
import type { SessionStore } from '../auth/sessions.js';
import type { Principal } from '../policy.js';

export const SESSION_COOKIE = 'masa_session';

export interface SessionCookieSettings {
  secure: boolean;
}

/** A browser-session cookie: closing the browser ends it; the server's timeouts end it sooner. */
export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  settings: SessionCookieSettings,
) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: settings.secure,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Step 1 of every request: who is this, in which partnership. */
export function registerSessionResolution(
  app: FastifyInstance,
  sessions: SessionStore,
  accounts: AccountService,
) {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/assets/') || request.url === '/health') return;
    if (bearerToken(request) !== null) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const active = await sessions.resolve(token);
    const principal = active ? accounts.principalOfSession(active) : null;
    if (!principal) {
      clearSessionCookie(reply);
      return;
    }
    request.principal = principal;
    request.sessionToken = token;
  });
}

/** The token of an `Authorization: Bearer` header on an API request; null otherwise. */
export function bearerToken(request: FastifyRequest): string | null {
  if (!request.url.startsWith('/api/')) return null;
  const match = /^Bearer +(\S+) *$/i.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

export type BearerAuthentication = (token: string) => Promise<Principal | null>;

/**
 * API clients send a personal token instead of the session cookie. A request that presents
 * one is that token's owner or nobody: a bad token never falls back to a cookie.
 */
export function registerBearerResolution(app: FastifyInstance, authenticate: BearerAuthentication) {
  app.addHook('onRequest', async (request) => {
    const token = bearerToken(request);
    if (token === null) return;
    request.principal = await authenticate(token);
    request.sessionToken = null;
  });
}
