import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { dateInputValues } from '../../platform/date-input.js';
import { ukDate } from '../../platform/dates.js';
import { parseForm } from '../../platform/forms.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { statisticsFilter, statisticsQuery } from './attendance-statistics.forms.js';
import { meetingsPolicies } from './meetings.policy.js';

type Query = { Querystring: Record<string, unknown> };

const UNITS = ['day', 'month', 'year'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What a date input shows: the boxes as typed, or the date the address or the default gave. */
function dateBoxes(name: string, query: Record<string, unknown>, folded: Record<string, unknown>) {
  if (UNITS.some((unit) => query[`${name}-${unit}`] !== undefined))
    return Object.fromEntries(
      UNITS.map((unit) => [`${name}-${unit}`, String(query[`${name}-${unit}`] ?? '')]),
    );
  const value = String(folded[name] ?? '');
  return dateInputValues(name, ISO_DATE.test(value) ? value : null);
}

/** Attendance per body and agency over a period, as a table and as CSV. */
export function attendanceStatisticsRoutes(app: FastifyInstance, services: Services) {
  const read = { config: { policy: meetingsPolicies.read } };
  const statistics = () => services.meetings.attendanceStatistics;

  const parse = (request: FastifyRequest<Query>) => {
    const folded = statisticsQuery(request.query ?? {}, statistics().today());
    return { folded, filter: parseForm(statisticsFilter, folded) };
  };

  async function bodyChoices(request: FastifyRequest, selected: unknown) {
    const bodies = await services.governance.bodies.all(tenantContext(request), {
      activeOnly: false,
    });
    return [{ value: '', text: 'All bodies' }].concat(
      bodies.map((body) => ({ value: body.id, text: body.name, selected: body.id === selected })),
    );
  }

  app.get<Query>('/meetings/attendance-statistics', read, async (request, reply: FastifyReply) => {
    const { folded, filter } = parse(request);
    const query = request.query ?? {};
    const shared = {
      pageTitle: 'Attendance statistics',
      values: { ...dateBoxes('from', query, folded), ...dateBoxes('to', query, folded) },
      bodyItems: await bodyChoices(request, query.body),
    };
    if (!filter.ok)
      return reply
        .code(400)
        .page('meetings/views/attendance-statistics.njk', { ...shared, errors: filter.errors });
    const { from, to, body } = filter.value;
    return reply.page('meetings/views/attendance-statistics.njk', {
      ...shared,
      rows: await statistics().statistics(tenantContext(request), filter.value),
      period: `${ukDate(from)} to ${ukDate(to)}`,
      csvHref: `/meetings/attendance-statistics.csv?${new URLSearchParams({ from, to, ...(body ? { body } : {}) })}`,
    });
  });

  app.get<Query>('/meetings/attendance-statistics.csv', read, async (request, reply) => {
    const { filter } = parse(request);
    if (!filter.ok) {
      const typed = Object.entries(request.query ?? {}).map(([name, value]) => [
        name,
        String(value),
      ]);
      return reply.redirect(`/meetings/attendance-statistics?${new URLSearchParams(typed)}`, 303);
    }
    const { from, to } = filter.value;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="attendance-${from}-to-${to}.csv"`)
      .send(`\uFEFF${await statistics().statisticsCsv(tenantContext(request), filter.value)}`);
  });
}
