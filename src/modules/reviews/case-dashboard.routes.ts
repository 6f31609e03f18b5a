import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { pageQuery } from '../../platform/http/view-filters.js';
import {
  CASE_SHOWING,
  caseListFilter,
  OPEN_STAGES,
  type CaseListFilter,
} from './case-dashboard.forms.js';
import { urgencyCountText } from './case-dashboard.service.js';
import { STAGE_NAMES, URGENCY_NAMES } from './case-progress.js';
import { caseFiguresRoutes } from './figures.routes.js';
import { reviewsPolicies } from './reviews.policy.js';
import { CASE_KINDS } from './reviews.forms.js';

type Query = { Querystring: Record<string, unknown> };

/** The same filters for the CSV link, without the page. */
function csvHref(filter: CaseListFilter) {
  const query = new URLSearchParams(pageQuery(filter, 1));
  query.delete('page');
  const text = query.toString();
  return `/reviews.csv${text ? `?${text}` : ''}`;
}

const choices = (names: Record<string, string>, values: readonly string[], chosen?: string) =>
  values.map((value) => ({ value, text: names[value], selected: value === chosen }));

/**
 * The case dashboard: every case by urgency, with only its reference, stage and clocks; and
 * the yearly report's figures.
 */
export function caseDashboardRoutes(app: FastifyInstance, services: Services) {
  const list = { config: { policy: reviewsPolicies.list } };
  const { dashboard } = services.reviews;

  app.get<Query>('/reviews', list, async (request, reply) => {
    const filter = caseListFilter.parse(request.query ?? {});
    const result = await dashboard.list(tenantContext(request), filter);
    return reply.page('reviews/views/cases.njk', {
      pageTitle: 'Case reviews',
      filter,
      query: request.query,
      result,
      countText: urgencyCountText(result.counts),
      caption: CASE_SHOWING.names[filter.show ?? 'open'],
      csvHref: csvHref(filter),
      stageChoices: [
        { value: '', text: 'Any stage' },
        ...choices(STAGE_NAMES, OPEN_STAGES, filter.stage),
      ],
      showChoices: choices(CASE_SHOWING.names, CASE_SHOWING.values, filter.show ?? 'open'),
      canNotify: reviewsPolicies.notify.decide(request.principal) === 'allow',
      stageNames: STAGE_NAMES,
      urgencyNames: URGENCY_NAMES,
      kindNames: CASE_KINDS.names,
    });
  });

  app.get<Query>('/reviews.csv', list, async (request, reply) => {
    const filter = caseListFilter.parse(request.query ?? {});
    const csv = await dashboard.exportCsv(tenantContext(request), filter);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="case-reviews.csv"')
      .send(`\uFEFF${csv}`);
  });

  caseFiguresRoutes(app, services);
}
