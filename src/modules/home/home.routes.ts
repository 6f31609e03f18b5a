import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { ROLE_NAMES } from '../../platform/policy.js';
import { homePolicies } from './home.policy.js';

/** How far ahead the home page looks for chairs' and terms of reference reviews. */
const REVIEW_HORIZON_DAYS = 60;

export function homeRoutes(app: FastifyInstance, services: Services) {
  app.get('/', { config: { policy: homePolicies.home } }, async (request, reply) => {
    const principal = request.principal!;
    return reply.page('home/views/home.njk', {
      pageTitle: 'Home',
      roleNames: principal.roles.map((role) => ROLE_NAMES[role]),
      isAdministrator: principal.roles.includes('administrator'),
      reviewsDue: await services.governance.bodies.reviewsDueWithin(
        tenantContext(request),
        REVIEW_HORIZON_DAYS,
      ),
      reviewHorizonDays: REVIEW_HORIZON_DAYS,
      yourActions: await services.actions.outstandingOfAccount(tenantContext(request)),
    });
  });
}
