import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition.js';
import { registerBearerResolution } from '../../platform/http/session-hook.js';
import { actionEndpoints } from './actions.routes.js';
import { ACTION_SCHEMAS } from './actions.schemas.js';
import { apiTokenRoutes } from './api-tokens.routes.js';
import { acceptJsonOnly } from './api-writes.js';
import { calendarEndpoints } from './calendar.routes.js';
import { caseEndpoints } from './cases.routes.js';
import { CASE_SCHEMAS } from './cases.schemas.js';
import { CALENDAR_SCHEMAS } from './calendar.schemas.js';
import { meetingEndpoints } from './meetings.routes.js';
import { MEETING_SCHEMAS } from './meetings.schemas.js';
import { docsRoutes } from './docs.routes.js';
import { openApiOptions } from './openapi.js';
import { registryEndpoints } from './registry.routes.js';
import { REGISTRY_SCHEMAS } from './registry.schemas.js';

/** Personal API tokens on the account page, and the JSON API with its documentation. */
export function apiRoutes(app: FastifyInstance, services: Services) {
  apiTokenRoutes(app, services);
  // Its own plugin context: the bearer hook, the OpenAPI collector and the schemas apply
  // to the API's routes only.
  app.register(async (api) => {
    registerBearerResolution(api, services.apiTokens.authenticate);
    api.addHook('onSend', async (_request, reply) => {
      if (reply.statusCode === 401) reply.header('www-authenticate', 'Bearer realm="MASA"');
    });
    await api.register(swagger, openApiOptions);
    acceptJsonOnly(api);
    // Fastify validates before the guard's preHandler runs, so a schema check would answer
    // 400 to callers who should get 401, and 400 for a malformed id that must be 404. The
    // schemas describe and serialise; zod parses in the handlers, after the guard.
    api.setValidatorCompiler(() => () => true);
    for (const schema of [
      ...REGISTRY_SCHEMAS,
      ...MEETING_SCHEMAS,
      ...ACTION_SCHEMAS,
      ...CALENDAR_SCHEMAS,
      ...CASE_SCHEMAS,
    ])
      api.addSchema(schema);
    registryEndpoints(api, services.governance);
    meetingEndpoints(api, services);
    actionEndpoints(api, services);
    calendarEndpoints(api, services);
    caseEndpoints(api, services);
    docsRoutes(api);
  });
}
