import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition.js';
import { agencyRoutes } from './agencies.routes.js';
import { bodyRoutes } from './bodies.routes.js';
import { governancePolicies } from './governance.policy.js';
import { membershipMatrixRoutes } from './membership-matrix.routes.js';
import { membershipRoutes } from './memberships.routes.js';
import { peopleRoutes } from './people.routes.js';
import { structureRoutes } from './structure.routes.js';
import { termsOfReferenceRoutes } from './terms-of-reference.routes.js';

export function governanceRoutes(app: FastifyInstance, services: Services) {
  app.get('/governance', { config: { policy: governancePolicies.read } }, (request, reply) =>
    reply.page('governance/views/overview.njk', {
      pageTitle: 'Governance',
      canManage: request.principal!.roles.includes('administrator'),
    }),
  );
  agencyRoutes(app, services);
  peopleRoutes(app, services);
  bodyRoutes(app, services);
  membershipRoutes(app, services);
  termsOfReferenceRoutes(app, services);
  structureRoutes(app, services);
  membershipMatrixRoutes(app, services);
}
