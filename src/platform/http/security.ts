import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { bearerToken } from './session-hook.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Security headers with a nonce-based CSP, and a CSRF check on every state-changing request. */
export async function registerSecurity(app: FastifyInstance, production: boolean) {
  registerNoStore(app);
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
