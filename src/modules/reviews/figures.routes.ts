import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { parseForm } from '../../platform/forms.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import {
  FIRST_REPORTING_YEAR,
  figuresCsv,
  reportingYear,
  reportingYearOf,
  type ReportingYear,
} from './figures.js';
import { figuresQuery } from './figures.forms.js';
import { reviewsPolicies } from './reviews.policy.js';

type Query = { Querystring: Record<string, unknown> };

/**
 * The yearly report's case-review figures. Counts only, never a reference or a child, so
 * anyone signed in may see them.
 */
export function caseFiguresRoutes(app: FastifyInstance, services: Services) {
  const read = { config: { policy: reviewsPolicies.list } };
  const { dashboard } = services.reviews;

  /** The year's case figures, and the completion of those cases' recommendations. */
  async function figuresOf(request: FastifyRequest, year: ReportingYear) {
    const context = tenantContext(request);
    const figures = await dashboard.figures(context, year);
    return {
      figures,
      recommendations: await services.reviews.recommendations.completionFigures(
        context,
        figures.caseIds,
      ),
    };
  }

  /** The reporting year asked for, or the page explaining what is wrong with it (400). */
  async function askedYear(request: FastifyRequest<Query>, reply: FastifyReply) {
    const current = reportingYearOf(services.calendar.today());
    const query = parseForm(figuresQuery(current), request.query);
    if (query.ok) return { year: reportingYear(query.value.year), current };
    await render(reply.code(400), current, { errors: query.errors, values: request.query });
    return null;
  }

  function render(reply: FastifyReply, current: number, shown: Record<string, unknown>) {
    const years = [];
    for (let year = current; year >= FIRST_REPORTING_YEAR; year -= 1)
      years.push(reportingYear(year));
    return reply.page('reviews/views/figures.njk', {
      pageTitle: 'Case review figures for the yearly report',
      years,
      ...shown,
    });
  }

  app.get<Query>('/reviews/figures', read, async (request, reply) => {
    const asked = await askedYear(request, reply);
    if (!asked) return reply;
    const { figures, recommendations } = await figuresOf(request, asked.year);
    return render(reply, asked.current, {
      figures,
      recommendations,
      values: { year: String(asked.year.year) },
    });
  });

  app.get<Query>('/reviews/figures.csv', read, async (request, reply) => {
    const asked = await askedYear(request, reply);
    if (!asked) return reply;
    const { figures, recommendations } = await figuresOf(request, asked.year);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="case-review-figures-${asked.year.year}.csv"`,
      )
      .send(`\uFEFF${figuresCsv(figures, recommendations)}`);
  });
}
