import type { FastifyInstance } from 'fastify';
import type { GovernanceService } from '../governance/governance.service.js';
import { listEndpoint, recordEndpoint } from './api-endpoints.js';
import { agencyQuery, bodyQuery, personQuery } from './api.forms.js';
import {
  agencyJson,
  bodyDetailJson,
  bodyJson,
  personDetailJson,
  personJson,
} from './registry.json.js';

/** The read-only registry under /api/v1. */
export function registryEndpoints(api: FastifyInstance, governance: GovernanceService) {
  const { agencies, people, bodies } = governance;
  listEndpoint(api, '/api/v1/agencies', {
    tag: 'Registry',
    description: 'Open records only, in name order, 25 to a page.',
    summary: 'List agencies',
    query: agencyQuery,
    item: 'Agency',
    load: (context, filter) => agencies.list(context, filter),
    json: agencyJson,
  });
  recordEndpoint(api, '/api/v1/agencies/:id', {
    tag: 'Registry',
    summary: 'Get an agency',
    item: 'Agency',
    load: async (context, id) => (await agencies.find(context, id))?.agency ?? null,
    json: agencyJson,
  });
  listEndpoint(api, '/api/v1/people', {
    tag: 'Registry',
    description: 'Open records only, in name order, 25 to a page.',
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
    tag: 'Registry',
    summary: 'Get a person, with their memberships',
    item: 'PersonDetail',
    load: (context, id) => people.find(context, id),
    json: personDetailJson,
  });
  listEndpoint(api, '/api/v1/bodies', {
    tag: 'Registry',
    description: 'Open records only, in name order, 25 to a page.',
    summary: 'List bodies',
    query: bodyQuery,
    item: 'Body',
    load: (context, filter) => bodies.list(context, filter),
    json: bodyJson,
  });
  recordEndpoint(api, '/api/v1/bodies/:id', {
    tag: 'Registry',
    summary: 'Get a body, with its memberships, deputies and quorum rule',
    item: 'BodyDetail',
    load: (context, id) => bodies.find(context, id),
    json: bodyDetailJson,
  });
}
