import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Decision, Policy } from '../policy.js';

export interface RegisteredRoute {
  method: string;
  url: string;
  policy: Policy | undefined;
}

export class RouteWithoutPolicyError extends Error {}

/** JSON answers for API clients; the API's documentation page is a page like any other. */
const isApi = (request: FastifyRequest) =>
  request.url.startsWith('/api/') && request.url.split('?')[0] !== '/api/docs';

function refuse(
  decision: Exclude<Decision, 'allow'>,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (isApi(request)) {
    const status = decision === 'forbidden' ? 403 : 401;
    return reply.code(status).send({ error: status === 401 ? 'unauthorised' : 'forbidden' });
  }
  if (decision === 'sign-in') {
    const returnTo = request.method === 'GET' ? `?returnTo=${encodeURIComponent(request.url)}` : '';
    return reply.redirect(`/sign-in${returnTo}`, 303);
  }
  if (decision === 'enter-code') return reply.redirect('/sign-in/code', 303);
  if (decision === 'enrol-mfa') return reply.redirect('/account/mfa', 303);
  if (request.principal && !request.principal.partnershipId) {
    return reply.code(403).page('error.njk', {
      pageTitle: 'You do not have access to a partnership',
      paragraphs: [
        'Your account has no role in any partnership at the moment. Ask your partnership administrator to invite you again.',
      ],
    });
  }
  return reply.code(403).page('error.njk', {
    pageTitle: 'You cannot see this page',
    paragraphs: [
      'Your role in this partnership does not include this page. Ask your partnership administrator if you need it.',
    ],
  });
}

/**
 * Deny by default: every route must say who may reach it, and the app refuses to start
 * otherwise. The list of routes and their policies is kept for the route-policy test.
 */
export function registerGuard(app: FastifyInstance): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      routes.push({ method, url: route.url, policy: route.config?.policy });
    if (!route.config?.policy) {
      throw new RouteWithoutPolicyError(
        `Route ${methods.join(',')} ${route.url} declares no policy`,
      );
    }
  });

  // Before uploads are read (multipart files are read in a later preValidation hook), so a
  // visitor who may not use a route cannot make MASA read a large file first.
  app.addHook('preValidation', async (request, reply) => {
    if (request.is404) return;
    const policy = request.routeOptions.config.policy ?? null;
    const decision: Decision = policy ? policy.decide(request.principal) : 'forbidden';
    if (decision !== 'allow') return refuse(decision, request, reply);
  });
  return routes;
}
