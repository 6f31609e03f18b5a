import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../../composition.js';
import { dateInputValues } from '../../../platform/date-input.js';
import { parseForm } from '../../../platform/forms.js';
import { tenantContext } from '../../../platform/http/tenant-context.js';
import { meetingsPolicies } from '../meetings.policy.js';
import { registerFilter, registerQuery, type RegisterFilter } from './decisions-register.forms.js';
import { REGISTER_STATUSES, REGISTER_STATUS_TAGS } from './register-status.js';

type Query = { Querystring: Record<string, unknown> };

const UNITS = ['day', 'month', 'year'];

/** What a date input shows: the boxes as typed, or the ISO date the address gave. */
function dateBoxes(name: string, query: Record<string, unknown>) {
  if (UNITS.some((unit) => query[`${name}-${unit}`] !== undefined))
    return Object.fromEntries(
      UNITS.map((unit) => [`${name}-${unit}`, String(query[`${name}-${unit}`] ?? '')]),
    );
  const value = String(query[name] ?? '');
  return dateInputValues(name, /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);
}

/** The filters as an address query, for the CSV link (dates as ISO dates). */
function csvQuery(filter: RegisterFilter) {
  const query = new URLSearchParams();
  for (const key of ['body', 'status', 'from', 'to'] as const)
    if (filter[key]) query.set(key, filter[key]);
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The decisions register: every decision and recommendation, filtered, as a page and CSV. */
export function decisionsRegisterRoutes(app: FastifyInstance, services: Services) {
  const read = { config: { policy: meetingsPolicies.read } };
  const register = () => services.meetings.decisionsRegister;
  const parse = (request: FastifyRequest<Query>) =>
    parseForm(registerFilter, registerQuery(request.query ?? {}));

  async function choices(request: FastifyRequest<Query>) {
    const query = request.query ?? {};
    const bodies = await services.governance.bodies.all(tenantContext(request), {
      activeOnly: false,
    });
    return {
      bodyChoices: [{ value: '', text: 'Any body', selected: false }].concat(
        bodies.map((body) => ({
          value: body.id,
          text: body.name,
          selected: body.id === query.body,
        })),
      ),
      statusChoices: [{ value: '', text: 'Any status', selected: false }].concat(
        REGISTER_STATUSES.values.map((value) => ({
          value,
          text: REGISTER_STATUSES.names[value],
          selected: value === query.status,
        })),
      ),
      values: { ...dateBoxes('from', query), ...dateBoxes('to', query) },
    };
  }

  app.get<Query>('/meetings/decisions', read, async (request, reply) => {
    const filter = parse(request);
    const shared = {
      pageTitle: 'Decisions register',
      query: request.query,
      statusNames: REGISTER_STATUSES.names,
      statusTags: REGISTER_STATUS_TAGS,
      ...(await choices(request)),
    };
    if (!filter.ok)
      return reply.code(400).page('meetings/decisions-register/views/register.njk', {
        ...shared,
        errors: filter.errors,
      });
    return reply.page('meetings/decisions-register/views/register.njk', {
      ...shared,
      result: await register().page(tenantContext(request), filter.value),
      csvHref: `/meetings/decisions.csv${csvQuery(filter.value)}`,
    });
  });

  app.get<Query>('/meetings/decisions.csv', read, async (request, reply) => {
    const filter = parse(request);
    if (!filter.ok) {
      const typed = Object.entries(request.query ?? {}).map(([name, value]) => [
        name,
        String(value),
      ]);
      return reply.redirect(`/meetings/decisions?${new URLSearchParams(typed)}`, 303);
    }
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="decisions.csv"')
      .send(`\uFEFF${await register().exportCsv(tenantContext(request), filter.value)}`);
  });
}
