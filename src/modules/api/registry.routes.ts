import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { TenantContext } from '../../db/client.js';
import { parseForm } from '../../platform/forms.js';
import { withRecordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import type { GovernanceService } from '../governance/governance.service.js';
import { BODY_TYPES } from '../governance/governance.vocabulary.js';
import { agencyQuery, bodyQuery, personQuery } from './api.forms.js';
import { apiPolicies } from './api.policy.js';
import {
  agencyJson,
  bodyDetailJson,
  bodyJson,
  personDetailJson,
  personJson,
} from './registry.json.js';
import { listPage } from './registry.schemas.js';

const NOT_FOUND = { error: 'not found' };

const error = { $ref: 'Error#' };
const refused = {
  401: { ...error, description: 'No token or session, or one that is not valid (any more).' },
};

/** What each query parameter means, for the OpenAPI document. */
const PARAMETERS: Record<string, object> = {
  q: { type: 'string', maxLength: 200, description: 'Words to look for in the name.' },
  agency: { type: 'string', format: 'uuid', description: 'Only people at this agency.' },
  type: { type: 'string', enum: [...BODY_TYPES.values], description: 'Only bodies of this type.' },
  page: { type: 'integer', minimum: 1, default: 1, description: 'Which page of 25.' },
};

/** The documented parameters are exactly the ones the query's schema reads. */
const querystring = (query: z.ZodObject, described: Record<string, object> = {}) => ({
  type: 'object',
  properties: Object.fromEntries(
    Object.keys(query.shape).map((key) => [key, { ...PARAMETERS[key]!, ...described[key] }]),
  ),
});

interface Page<Row> {
  rows: Row[];
  page: number;
  pages: number;
  total: number;
}

interface ListEndpoint<Q extends z.ZodObject, Row> {
  summary: string;
  query: Q;
  /** Where a parameter means more than PARAMETERS says, e.g. what `q` searches. */
  described?: Record<string, object>;
  item: string;
  load(context: TenantContext, filter: z.infer<Q>): Promise<Page<Row>>;
  json(row: Row): unknown;
}

interface RecordEndpoint<Found> {
  summary: string;
  item: string;
  load(context: TenantContext, id: string): Promise<Found | null>;
  json(found: Found): unknown;
}

function listEndpoint<Q extends z.ZodObject, Row>(
  api: FastifyInstance,
  url: string,
  spec: ListEndpoint<Q, Row>,
) {
  const schema = {
    tags: ['Registry'],
    summary: spec.summary,
    description: 'Open records only, in name order, 25 to a page.',
    querystring: querystring(spec.query, spec.described),
    response: {
      200: { ...listPage(spec.item), description: 'One page of the list.' },
      400: { ...error, description: 'A query parameter is not valid: fields says which.' },
      ...refused,
    },
  };
  api.get(url, { schema, config: { policy: apiPolicies.read } }, async (request, reply) => {
    const query = parseForm(spec.query, request.query);
    if (!query.ok)
      return reply.code(400).send({ error: 'The query is not valid', fields: query.errors });
    const { rows, page, pages, total } = await spec.load(tenantContext(request), query.value);
    return { items: rows.map((row) => spec.json(row)), page, pages, total };
  });
}

function recordEndpoint<Found>(api: FastifyInstance, url: string, spec: RecordEndpoint<Found>) {
  const schema = {
    tags: ['Registry'],
    summary: spec.summary,
    params: {
      type: 'object',
      properties: { id: { type: 'string', format: 'uuid', description: 'The record’s id.' } },
    },
    response: {
      200: { $ref: `${spec.item}#`, description: 'The record.' },
      ...refused,
      404: { ...error, description: 'No such record in your partnership.' },
    },
  };
  api.get<{ Params: { id: string } }>(
    url,
    { schema, config: { policy: apiPolicies.read } },
    async (request, reply) => {
      const found = await withRecordId(request.params.id, (id) =>
        spec.load(tenantContext(request), id),
      );
      if (!found) return reply.code(404).send(NOT_FOUND);
      return spec.json(found);
    },
  );
}

/** The read-only registry under /api/v1. */
export function registryEndpoints(api: FastifyInstance, governance: GovernanceService) {
  const { agencies, people, bodies } = governance;
  listEndpoint(api, '/api/v1/agencies', {
    summary: 'List agencies',
    query: agencyQuery,
    item: 'Agency',
    load: (context, filter) => agencies.list(context, filter),
    json: agencyJson,
  });
  recordEndpoint(api, '/api/v1/agencies/:id', {
    summary: 'Get an agency',
    item: 'Agency',
    load: async (context, id) => (await agencies.find(context, id))?.agency ?? null,
    json: agencyJson,
  });
  listEndpoint(api, '/api/v1/people', {
    summary: 'List people',
    query: personQuery,
    described: {
      q: { description: 'Words to look for in the name, email address or job title.' },
    },
    item: 'Person',
    load: (context, filter) => people.list(context, filter),
    json: personJson,
  });
  recordEndpoint(api, '/api/v1/people/:id', {
    summary: 'Get a person, with their memberships',
    item: 'PersonDetail',
    load: (context, id) => people.find(context, id),
    json: personDetailJson,
  });
  listEndpoint(api, '/api/v1/bodies', {
    summary: 'List bodies',
    query: bodyQuery,
    item: 'Body',
    load: (context, filter) => bodies.list(context, filter),
    json: bodyJson,
  });
  recordEndpoint(api, '/api/v1/bodies/:id', {
    summary: 'Get a body, with its memberships, deputies and quorum rule',
    item: 'BodyDetail',
    load: (context, id) => bodies.find(context, id),
    json: bodyDetailJson,
  });
}
