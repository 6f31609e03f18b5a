import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition.js';
import { ROLE_NAMES } from '../../platform/policy.js';
import { homePolicies } from './home.policy.js';

export function homeRoutes(app: FastifyInstance, _services: Services) {
  app.get('/', { config: { policy: homePolicies.home } }, (request, reply) => {
    const principal = request.principal!;
    return reply.page('home/views/home.njk', {
      pageTitle: 'Home',
      roleNames: principal.roles.map((role) => ROLE_NAMES[role]),
      isAdministrator: principal.roles.includes('administrator'),
    });
  });
}
