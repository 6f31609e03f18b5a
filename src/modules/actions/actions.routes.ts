import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition.js';
import { notFound } from '../../platform/http/not-found.js';
import { recordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { runsMeetings } from '../meetings/meeting-page.js';
import { actionRecordRoutes } from './action-record.routes.js';
import { filterChoices, statusChoices } from './action-choices.js';
import { ACTION_STATUSES, STATUS_TAG_CLASSES } from './action-status.js';
import { actionFilter } from './actions.forms.js';
import { actionsPolicies } from './actions.policy.js';
import { sourcedActionRoutes } from './sourced-action.routes.js';

type Query = { Querystring: Record<string, unknown> };

/** What every action list shows its rows with. */
const tagging = { statusNames: ACTION_STATUSES.names, statusTags: STATUS_TAG_CLASSES };

/** The same filters as a query string, for the CSV link. */
function filterQuery(filter: Record<string, unknown>) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter))
    if (key !== 'page' && typeof value === 'string') query.set(key, value);
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The one action log: all actions, the signed-in person's, a meeting's, and as CSV. */
export function actionsRoutes(app: FastifyInstance, services: Services) {
  const read = { config: { policy: actionsPolicies.read } };
  const { actions } = services;

  app.get<Query>('/actions', read, async (request, reply) => {
    const filter = actionFilter.parse(request.query ?? {});
    const context = tenantContext(request);
    return reply.page('actions/views/actions.njk', {
      pageTitle: 'Actions',
      filter,
      query: request.query,
      result: await actions.list(context, filter),
      csvHref: `/actions.csv${filterQuery(filter)}`,
      canRun: runsMeetings(request),
      ...(await filterChoices(services, context, filter)),
      ...tagging,
    });
  });

  app.get<Query>('/actions.csv', read, async (request, reply) => {
    const filter = actionFilter.parse(request.query ?? {});
    const csv = await actions.exportCsv(tenantContext(request), filter);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="actions.csv"')
      .send(`\uFEFF${csv}`);
  });

  app.get<Query>('/actions/mine', read, async (request, reply) => {
    const filter = actionFilter.pick({ status: true, page: true }).parse(request.query ?? {});
    return reply.page('actions/views/mine.njk', {
      pageTitle: 'Your actions',
      filter,
      query: request.query,
      mine: await actions.mine(tenantContext(request), filter),
      statusChoices: statusChoices(filter.status, 'Any status'),
      ...tagging,
    });
  });

  app.get<Query & { Params: { id: string } }>(
    '/meetings/:id/actions',
    read,
    async (request, reply) => {
      const id = recordId(request.params.id);
      const context = tenantContext(request);
      const found = id ? await services.meetings.find(context, id) : null;
      if (!id || !found) return notFound(reply);
      const { page } = actionFilter.pick({ page: true }).parse(request.query ?? {});
      return reply.page('actions/views/meeting-actions.njk', {
        pageTitle: `Actions from the ${found.body.name} meeting`,
        found,
        query: request.query,
        result: await actions.ofMeeting(context, id, page),
        canRun: runsMeetings(request),
        ...tagging,
      });
    },
  );

  actionRecordRoutes(app, services);
  sourcedActionRoutes(app, services);
}
