import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { recordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { FORBIDDEN, NOT_FOUND as ACTION_NOT_FOUND } from '../actions/action-records.service.js';
import { actionForm, actionUpdateForm } from '../actions/actions.forms.js';
import { runsMeetings } from '../meetings/meeting-page.js';
import { meetingsPolicies } from '../meetings/meetings.policy.js';
import {
  error,
  listEndpoint,
  NOT_FOUND,
  PARAMETERS,
  recordEndpoint,
  refused,
} from './api-endpoints.js';
import { jsonObjectBody, writeAnswers, writeHandler, writeHeaders } from './api-writes.js';
import { actionQuery, actionSource, versionRequired } from './api.forms.js';
import { apiPolicies } from './api.policy.js';
import { actionDetailJson, actionJson } from './actions.json.js';
import type { Answer } from './idempotency.service.js';

const TAG = 'Actions';

const answers = {
  ...writeAnswers,
  ...refused,
  403: { ...error, description: 'You may not do this.' },
  404: { ...error, description: 'No such record in your partnership.' },
};

/** Answers a refused outcome: 404, 403, 409 for a stale version, else 400 with the fields. */
function refusal(errors: FieldErrors): Answer {
  if (errors[ACTION_NOT_FOUND]) return { status: 404, body: NOT_FOUND };
  if (errors[FORBIDDEN])
    return {
      status: 403,
      body: { error: 'Only the business unit or the action’s owner may update it' },
    };
  if (errors.form) return { status: 409, body: { error: errors.form } };
  return { status: 400, body: { error: 'The request is not valid', fields: errors } };
}

/** The one action log: read it, record actions on meeting items, and write updates. */
export function actionEndpoints(api: FastifyInstance, services: Services) {
  const { actions } = services;
  listEndpoint(api, '/api/v1/actions', {
    tag: TAG,
    summary: 'List actions',
    description: 'Every action of the partnership, soonest due first, 25 to a page.',
    query: actionQuery,
    described: {
      body: {
        type: 'string',
        format: 'uuid',
        description: 'Only actions from meetings of this body.',
      },
      agency: { ...PARAMETERS.agency, description: 'Only actions owned by people at this agency.' },
      owner: { type: 'string', format: 'uuid', description: 'Only actions this person owns.' },
      status: { type: 'string', description: 'Only actions with this status.' },
      overdue: { type: 'string', enum: ['yes'], description: 'yes: only overdue actions.' },
    },
    item: 'Action',
    load: (context, filter) => actions.list(context, filter),
    json: actionJson,
  });
  recordEndpoint(api, '/api/v1/actions/:id', {
    tag: TAG,
    summary: 'Get an action, with its dated updates',
    item: 'ActionDetail',
    load: (context, id) => actions.find(context, id),
    json: actionDetailJson,
  });

  const created = {
    201: { $ref: 'ActionDetail#', description: 'The action recorded.' },
    ...answers,
  };
  api.post(
    '/api/v1/actions',
    {
      schema: {
        tags: [TAG],
        summary: 'Record an action on a meeting item',
        headers: writeHeaders,
        body: { $ref: 'NewAction#' },
        response: created,
      },
      config: { policy: meetingsPolicies.run },
      preValidation: jsonObjectBody,
    },
    writeHandler(services.idempotency, (request) => create(services, request)),
  );

  api.post<{ Params: { id: string } }>(
    '/api/v1/actions/:id/updates',
    {
      schema: {
        tags: [TAG],
        summary: 'Write a dated update on an action, with its status now',
        params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } },
        headers: writeHeaders,
        body: { $ref: 'NewActionUpdate#' },
        response: {
          200: { $ref: 'ActionDetail#', description: 'The action, updated.' },
          ...answers,
          409: { ...error, description: 'Someone changed the action since the version you sent.' },
        },
      },
      config: { policy: apiPolicies.read },
      preValidation: jsonObjectBody,
    },
    writeHandler(services.idempotency, (request: FastifyRequest<{ Params: { id: string } }>) =>
      update(services, request),
    ),
  );
}

async function create(services: Services, request: FastifyRequest): Promise<Answer> {
  const source = parseForm(actionSource, request.body);
  const fields = parseForm(actionForm, request.body);
  if (!source.ok || !fields.ok)
    return refusal({
      ...(source.ok ? {} : source.errors),
      ...(fields.ok ? {} : fields.errors),
    });
  const context = tenantContext(request);
  const outcome = await services.actions.create(context, source.value, fields.value);
  if (!outcome.ok) return refusal(outcome.errors);
  const action = await services.actions.find(context, outcome.value.id);
  return { status: 201, body: actionDetailJson(action!) };
}

async function update(
  services: Services,
  request: FastifyRequest<{ Params: { id: string } }>,
): Promise<Answer> {
  const id = recordId(request.params.id);
  if (!id) return { status: 404, body: NOT_FOUND };
  const version = parseForm(versionRequired, request.body);
  const input = parseForm(actionUpdateForm, request.body);
  if (!version.ok || !input.ok)
    return refusal({
      ...(input.ok ? {} : input.errors),
      ...(version.ok ? {} : version.errors),
    });
  const context = tenantContext(request);
  const outcome = await services.actions.recordUpdate(context, id, input.value, {
    runsMeetings: runsMeetings(request),
  });
  if (!outcome.ok) return refusal(outcome.errors);
  return { status: 200, body: actionDetailJson((await services.actions.find(context, id))!) };
}
