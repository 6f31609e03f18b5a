import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { publicAccess } from '../policy.js';

const root = process.cwd();
const govukDist = path.join(root, 'node_modules/govuk-frontend/dist/govuk');
const builtAssets = path.join(root, 'public/build');

/** Static files, served through declared public routes like every other route. */
export async function registerAssets(app: FastifyInstance, production: boolean) {
  await app.register(fastifyStatic, {
    root: builtAssets,
    serve: false,
    maxAge: production ? '1d' : 0,
  });
  app.get<{ Params: { '*': string } }>(
    '/assets/govuk/*',
    { config: { policy: publicAccess } },
    (request, reply) => reply.sendFile(request.params['*'], govukDist),
  );
  app.get<{ Params: { '*': string } }>(
    '/assets/*',
    { config: { policy: publicAccess } },
    (request, reply) => reply.sendFile(request.params['*']),
  );
}
