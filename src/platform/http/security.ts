import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { registerSameOriginCheck, UNSAFE_METHODS } from './same-origin.js';
import { bearerToken } from './session-hook.js';

/**
 * Security headers with a nonce-based CSP, and on every state-changing request a check that
 * the browser sent it from MASA's own pages (`publicUrl`, or the request's own host) and a
 * CSRF token.
 */
export async function registerSecurity(
  app: FastifyInstance,
  production: boolean,
  publicUrl?: string,
) {
  registerNoStore(app);
  registerSameOriginCheck(app, publicUrl);
  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'masa_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: production, signed: true },
  });
  app.addHook('preHandler', (request, reply, done) => {
    // A bearer token is sent by a program, never added by a browser on another site's
    // behalf, so a request carrying one cannot be forged the way a cookie's can.
    if (!UNSAFE_METHODS.has(request.method) || request.is404 || bearerToken(request) !== null)
      return done();
    app.csrfProtection(request, reply, done);
  });
}

/** Pages may hold safeguarding data: no browser or proxy keeps a copy (the back button on a shared computer). */
export function registerNoStore(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/assets/')) reply.header('cache-control', 'no-store');
  });
}
