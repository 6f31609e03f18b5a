import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { TenantContext } from '../../db/client.js';
import type { Services } from '../../composition.js';
import { withRecordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { CASE_SHOWING, OPEN_STAGES } from '../reviews/case-dashboard.forms.js';
import { deadlinesOf, nextDeadline, stageOf } from '../reviews/case-progress.js';
import { error, listEndpoint, NOT_FOUND, refused } from './api-endpoints.js';
import { optional, page, search } from './api.forms.js';
import { apiPolicies } from './api.policy.js';
import { caseDetailJson, caseJson, type CaseRecord } from './cases.json.js';

const TAG = 'Case reviews';

const once = (name: string, message: string) => (issue: { input?: unknown }) =>
  Array.isArray(issue.input) ? `${name} must be given once` : message;

export const caseQuery = z.object({
  q: search,
  stage: optional(
    z.enum(OPEN_STAGES, { error: once('stage', `stage must be one of ${OPEN_STAGES.join(', ')}`) }),
  ),
  show: optional(
    z.enum(CASE_SHOWING.values, { error: once('show', 'show must be open, closed or all') }),
  ),
  page,
});

/** The case its team opened (the read is audited by `open`), with today's clocks. */
async function caseRecord(
  services: Services,
  context: TenantContext,
  id: string,
): Promise<CaseRecord | null> {
  const opened = await services.reviews.cases.open(context, id);
  if (!opened) return null;
  const calendar = await services.calendar.workingCalendar(context);
  return {
    opened,
    stage: stageOf(opened.facts),
    deadlines: deadlinesOf(opened.facts, calendar),
    next: nextDeadline(opened.facts, calendar, services.calendar.today()),
  };
}

/**
 * Case reviews: their references and clocks for anyone in the partnership; a whole case,
 * children included, for its case team only.
 */
export function caseEndpoints(api: FastifyInstance, services: Services) {
  listEndpoint(api, '/api/v1/cases', {
    tag: TAG,
    summary: 'List case reviews',
    description:
      'Open cases (unless show says otherwise), most urgent first: overdue, then due within ' +
      '3 working days, then on track, each by due date; 50 to a page. Only the reference, ' +
      'kind, stage and next statutory deadline of each.',
    query: caseQuery,
    described: {
      q: { type: 'string', maxLength: 200, description: 'Part of a case reference.' },
      stage: { type: 'string', enum: [...OPEN_STAGES], description: 'Only cases at this stage.' },
      show: {
        type: 'string',
        enum: [...CASE_SHOWING.values],
        default: 'open',
        description: 'open, closed or all cases.',
      },
      page: { type: 'integer', minimum: 1, default: 1, description: 'Which page of 50.' },
    },
    item: 'Case',
    load: (context, filter) => services.reviews.dashboard.list(context, filter),
    json: caseJson,
  });

  api.get<{ Params: { id: string } }>(
    '/api/v1/cases/:id',
    {
      schema: {
        tags: [TAG],
        summary: 'Get a case, with its children, for its case team',
        description:
          'Only for someone on the case team, with a second factor enrolled. Every read is ' +
          'written to the audit trail.',
        params: {
          type: 'object',
          properties: { id: { type: 'string', format: 'uuid', description: 'The case’s id.' } },
        },
        response: {
          200: { $ref: 'CaseDetail#', description: 'The case.' },
          ...refused,
          403: { ...error, description: 'Your account has no second factor enrolled.' },
          404: {
            ...error,
            description: 'No such case in your partnership, or you are not on its case team.',
          },
        },
      },
      config: { policy: apiPolicies.openCase },
    },
    async (request, reply) => {
      const found = await withRecordId(request.params.id, (id) =>
        caseRecord(services, tenantContext(request), id),
      );
      if (!found) return reply.code(404).send(NOT_FOUND);
      return caseDetailJson(found);
    },
  );
}
