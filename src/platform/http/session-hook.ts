import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AccountService } from '../../modules/account/account.service.js';
import type { SessionStore } from '../auth/sessions.js';

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
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const active = await sessions.resolve(token);
    const principal = active
      ? await accounts.loadPrincipal(active.userId, active.partnershipId, active.mfaPassed)
      : null;
    if (!principal) {
      clearSessionCookie(reply);
      return;
    }
    request.principal = principal;
    request.sessionToken = token;
  });
}
