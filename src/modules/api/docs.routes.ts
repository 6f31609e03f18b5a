import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiPolicies } from './api.policy.js';
import { docsPage, type OpenApiDocument } from './docs-page.js';

const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** The OpenAPI document, and a page for people made from the same document. */
export function docsRoutes(api: FastifyInstance) {
  const options = { config: { policy: apiPolicies.read }, schema: { hide: true } };
  const document = () => api.swagger() as unknown as OpenApiDocument;

  api.get('/api/docs/openapi.json', options, () => document());

  api.get('/api/docs', options, (request, reply) =>
    reply.page('api/views/docs.njk', {
      pageTitle: 'MASA API',
      ...docsPage(document(), origin(request)),
    }),
  );
}
