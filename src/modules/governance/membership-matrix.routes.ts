import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../composition.js';
import { calendarDate } from '../../platform/date-input.js';
import { parseForm } from '../../platform/forms.js';
import { notFound } from '../../platform/http/not-found.js';
import { recordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { listFilter } from './governance.forms.js';
import { governancePolicies } from './governance.policy.js';
import { membershipImportRoutes } from './membership-import.routes.js';

type Query = Record<string, string | undefined>;

const matrixQuery = z.object({
  on: calendarDate('Date'),
  body: z.string().trim().optional(),
});
/** A page number that is not one shows the first page, as the other lists do. */
const matrixPage = listFilter.pick({ page: true });

/** "2026-11-27" as typed in the date box: 27/11/2026. */
const typedDate = (iso: string) => iso.split('-').reverse().join('/');

/** The day the matrix is for, from `?on=`, or today; and what was wrong with `?on=` if anything. */
function chosenDay(query: Query, today: string) {
  const form = parseForm(matrixQuery, query);
  if (!form.ok)
    return {
      on: today,
      typed: query.on ?? '',
      body: query.body?.trim(),
      errors: { on: form.errors.on ?? 'Enter a real date' },
    };
  const on = form.value.on ?? today;
  return {
    on,
    typed: form.value.on ? typedDate(on) : '',
    body: form.value.body,
    errors: undefined,
  };
}

/** The membership matrix of section 11, its CSV export, and the CSV import. */
export function membershipMatrixRoutes(app: FastifyInstance, services: Services) {
  const { matrix } = services.governance;

  async function renderBody(
    request: FastifyRequest,
    reply: FastifyReply,
    day: ReturnType<typeof chosenDay>,
  ) {
    const context = tenantContext(request);
    const id = recordId(day.body);
    const table = id ? await matrix.bodyTable(context, id, day.on) : null;
    if (!table) return notFound(reply);
    return reply.code(day.errors ? 400 : 200).page('governance/views/matrix.njk', {
      pageTitle: `Members of ${table.body.name}`,
      ...day,
      bodyTable: table,
      bodyItems: await bodyItems(request, table.body.id),
      csvHref: `/governance/matrix.csv?on=${day.on}`,
      canManage: request.principal!.roles.includes('administrator'),
    });
  }

  async function bodyItems(request: FastifyRequest, selected?: string) {
    const bodies = await matrix.bodyChoices(tenantContext(request));
    return [
      { value: '', text: 'All bodies (the matrix)' },
      ...bodies.map((body) => ({
        value: body.id,
        text: body.closedAt ? `${body.name} (closed)` : body.name,
        selected: body.id === selected,
      })),
    ];
  }

  app.get<{ Querystring: Query }>(
    '/governance/matrix',
    { config: { policy: governancePolicies.read } },
    async (request, reply) => {
      const day = chosenDay(request.query, matrix.today());
      if (day.body) return renderBody(request, reply, day);
      return reply.code(day.errors ? 400 : 200).page('governance/views/matrix.njk', {
        pageTitle: 'Membership matrix',
        ...day,
        grid: await matrix.matrix(
          tenantContext(request),
          day.on,
          matrixPage.parse(request.query).page,
        ),
        query: request.query,
        bodyItems: await bodyItems(request),
        csvHref: `/governance/matrix.csv?on=${day.on}`,
        canManage: request.principal!.roles.includes('administrator'),
      });
    },
  );

  app.get<{ Querystring: Query }>(
    '/governance/matrix.csv',
    { config: { policy: governancePolicies.read } },
    async (request, reply) => {
      const day = chosenDay(request.query, matrix.today());
      if (day.errors)
        return reply.redirect(`/governance/matrix?${new URLSearchParams({ on: day.typed })}`, 303);
      const csv = await matrix.exportCsv(tenantContext(request), day.on);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="membership-matrix-${day.on}.csv"`)
        .send(`\uFEFF${csv}`);
    },
  );

  membershipImportRoutes(app, services);
}
