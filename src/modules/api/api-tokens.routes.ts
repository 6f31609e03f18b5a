import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../composition.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { notFound } from '../../platform/http/not-found.js';
import { withRecordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { apiTokenForm, TOKEN_NAME_MAX } from './api.forms.js';
import { apiPolicies } from './api.policy.js';

type Body = Record<string, string | undefined>;
type IdParams = { Params: { id: string } };

/** Creating and revoking personal API tokens, from the account page. */
export function apiTokenRoutes(app: FastifyInstance, services: Services) {
  const { apiTokens } = services;
  const own = { config: { policy: apiPolicies.ownTokens } };

  const renderNewToken = (reply: FastifyReply, values: Body, errors?: FieldErrors) =>
    reply.page('api/views/new-token.njk', {
      pageTitle: 'Create an API token',
      values,
      errors,
      nameMax: TOKEN_NAME_MAX,
    });

  app.get('/account/api-tokens/new', own, (_request, reply) => renderNewToken(reply, {}));

  // The token is shown on the answer to this POST and nowhere else: a redirect would need
  // it kept somewhere until the next page. Pages are sent with Cache-Control: no-store.
  app.post<{ Body: Body }>('/account/api-tokens', own, async (request, reply) => {
    const form = parseForm(apiTokenForm, request.body);
    if (!form.ok) return renderNewToken(reply.code(400), request.body, form.errors);
    const created = await apiTokens.create(tenantContext(request), form.value);
    return reply.page('api/views/token-created.njk', {
      pageTitle: 'Your new API token',
      token: created.token,
      apiToken: created.apiToken,
    });
  });

  app.get<IdParams>('/account/api-tokens/:id/revoke', own, async (request, reply) => {
    const found = await withRecordId(request.params.id, (id) =>
      apiTokens.find(tenantContext(request), id),
    );
    if (!found || found.revokedAt) return notFound(reply);
    return reply.page('api/views/revoke-token.njk', {
      pageTitle: 'Revoke API token',
      apiToken: found,
    });
  });

  app.post<IdParams>('/account/api-tokens/:id/revoke', own, async (request, reply) => {
    const result = await withRecordId(request.params.id, (id) =>
      apiTokens.revoke(tenantContext(request), id),
    );
    if (!result?.ok) return notFound(reply);
    return reply
      .flash(`API token “${result.value.name}” revoked`)
      .redirect('/account#api-tokens', 303);
  });
}
