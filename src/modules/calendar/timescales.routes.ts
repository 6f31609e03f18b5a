import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { notFound } from '../../platform/http/not-found.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { typedValues } from '../../platform/http/typed-values.js';
import { versionToShow } from '../../platform/records.js';
import { calendarPolicies } from './calendar.policy.js';
import { timescaleForm } from './timescales.forms.js';
import {
  TIMESCALES,
  timescaleAmount,
  timescaleBySlug,
  timescaleSlug,
  type Timescale,
} from './timescales.js';

type Body = Record<string, unknown>;
type WithKey = { Params: { key: string } };

const PAGE = '/admin/timescales';

/** The statutory timescales new cases take: each with its default and basis, and a change form. */
export function timescaleRoutes(app: FastifyInstance, services: Services) {
  const manage = { config: { policy: calendarPolicies.manage } };
  const { calendar } = services;

  app.get(PAGE, manage, async (request, reply) => {
    const current = await calendar.timescales(tenantContext(request));
    return reply.page('calendar/views/timescales.njk', {
      pageTitle: 'Statutory timescales',
      timescales: TIMESCALES.map((timescale) => ({
        ...timescale,
        href: `${PAGE}/${timescaleSlug(timescale)}`,
        amount: timescaleAmount(timescale, current[timescale.key]),
        defaultAmount: timescaleAmount(timescale, timescale.defaultValue),
        changed: current[timescale.key] !== timescale.defaultValue,
      })),
    });
  });

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    timescale: Timescale,
    sent: { values?: Body; errors?: FieldErrors } = {},
  ) => {
    const current = await calendar.timescales(tenantContext(request));
    return reply.page('calendar/views/timescale-form.njk', {
      pageTitle: timescale.name,
      timescale,
      action: `${PAGE}/${timescaleSlug(timescale)}`,
      defaultAmount: timescaleAmount(timescale, timescale.defaultValue),
      values: sent.values ?? { value: String(current[timescale.key]) },
      version: versionToShow(sent, current.version),
      errors: sent.errors,
    });
  };

  app.get<WithKey>(`${PAGE}/:key`, manage, (request, reply) => {
    const timescale = timescaleBySlug(request.params.key);
    return timescale ? renderForm(request, reply, timescale) : notFound(reply);
  });

  app.post<WithKey & { Body: Body }>(`${PAGE}/:key`, manage, async (request, reply) => {
    const timescale = timescaleBySlug(request.params.key);
    if (!timescale) return notFound(reply);
    const form = parseForm(timescaleForm(timescale), request.body);
    const result = form.ok
      ? await calendar.setTimescale(tenantContext(request), { key: timescale.key, ...form.value })
      : form;
    if (!result.ok)
      return renderForm(request, reply.code('form' in result.errors ? 409 : 400), timescale, {
        values: typedValues(request.body),
        errors: result.errors,
      });
    return reply
      .flash(
        `${timescale.name}: changed to ${timescaleAmount(timescale, result.value.value)}, for cases opened from now on`,
      )
      .redirect(PAGE, 303);
  });
}
