import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { TenantContext } from '../../db/client.js';
import { parseForm } from '../../platform/forms.js';
import { withRecordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { BODY_TYPES } from '../governance/governance.vocabulary.js';
import { apiPolicies } from './api.policy.js';
import { listPage } from './registry.schemas.js';

/** The API's list and single-record endpoints, documented from the same definitions. */
export const NOT_FOUND = { error: 'not found' };

export const error = { $ref: 'Error#' };
export const refused = {
  401: { ...error, description: 'No token or session, or one that is not valid (any more).' },
};

/** What each query parameter means, for the OpenAPI document. */
export const PARAMETERS: Record<string, object> = {
  q: { type: 'string', maxLength: 200, description: 'Words to look for in the name.' },
  agency: { type: 'string', format: 'uuid', description: 'Only people at this agency.' },
  type: { type: 'string', enum: [...BODY_TYPES.values], description: 'Only bodies of this type.' },
  page: { type: 'integer', minimum: 1, default: 1, description: 'Which page of 25.' },
};

/** The documented parameters are exactly the ones the query's schema reads. */
export const querystring = (query: z.ZodObject, described: Record<string, object> = {}) => ({
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

export interface ListEndpoint<Q extends z.ZodObject, Row> {
  /** The OpenAPI tag the endpoint is listed under. */
  tag: string;
  summary: string;
  query: Q;
  description?: string;
  /** Where a parameter means more than PARAMETERS says, e.g. what `q` searches. */
  described?: Record<string, object>;
  item: string;
  load(context: TenantContext, filter: z.infer<Q>): Promise<Page<Row>>;
  json(row: Row): unknown;
}

export interface RecordEndpoint<Found> {
  tag: string;
  summary: string;
  item: string;
  load(context: TenantContext, id: string): Promise<Found | null>;
  json(found: Found): unknown;
}

export function listEndpoint<Q extends z.ZodObject, Row>(
  api: FastifyInstance,
  url: string,
  spec: ListEndpoint<Q, Row>,
) {
  const schema = {
    tags: [spec.tag],
    summary: spec.summary,
    description: spec.description ?? '25 to a page.',
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

export function recordEndpoint<Found>(
  api: FastifyInstance,
  url: string,
  spec: RecordEndpoint<Found>,
) {
  const schema = {
    tags: [spec.tag],
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
