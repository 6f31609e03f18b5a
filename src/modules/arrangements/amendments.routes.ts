import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { versionToShow } from '../../platform/records.js';
import { notFound } from '../../platform/http/not-found.js';
import { recordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { typedValues } from '../../platform/http/typed-values.js';
import {
  AMENDMENT_STATUSES,
  STATUSES_SET_BY_HAND,
  statusName,
  statusTag,
  type AmendmentStatus,
} from './amendment-status.js';
import type { Names } from './amendments.service.js';
import { amendmentFilter, amendmentRequestForm, statusChangeForm } from './arrangements.forms.js';
import { arrangementsPolicies } from './arrangements.policy.js';

type Body = Record<string, unknown>;
type WithId = { Params: { id: string } };

const names = (request: FastifyRequest): Names => ({
  partnershipName: request.principal!.partnershipName ?? 'your partnership',
  actorName: request.principal!.displayName,
});

const statusItems = (selected?: unknown) =>
  Object.entries(AMENDMENT_STATUSES).map(([value, { name }]) => ({
    value,
    text: name,
    checked: value === selected,
  }));
/** The status form offers only what may be set by hand; the list's filter offers them all. */
const settableItems = (selected?: unknown) =>
  statusItems(selected).filter(({ value }) =>
    STATUSES_SET_BY_HAND.includes(value as AmendmentStatus),
  );

/** A page of the list with its filter kept. */
const listHref = (status: string | undefined, page: number) => {
  const query = new URLSearchParams();
  if (status) query.set('status', status);
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return `/arrangements/amendments${text ? `?${text}` : ''}`;
};

/** Members ask the chair to amend the arrangements; administrators record what became of it. */
export function amendmentRoutes(app: FastifyInstance, services: Services) {
  const { amendments } = services.arrangements;
  const requestPolicy = { config: { policy: arrangementsPolicies.request } };
  const manage = { config: { policy: arrangementsPolicies.manage } };

  const renderRequestForm = (reply: FastifyReply, values: Body = {}, errors?: FieldErrors) =>
    reply.page('arrangements/views/amendment-form.njk', {
      pageTitle: 'Request an amendment to the arrangements',
      values,
      errors,
    });

  app.get('/arrangements/amendments/new', requestPolicy, (_request, reply) =>
    renderRequestForm(reply),
  );

  app.post<{ Body: Body }>(
    '/arrangements/amendments/new',
    requestPolicy,
    async (request, reply) => {
      const form = parseForm(amendmentRequestForm, request.body);
      if (!form.ok)
        return renderRequestForm(reply.code(400), typedValues(request.body), form.errors);
      await amendments.request(tenantContext(request), form.value, names(request));
      return reply
        .flash('Your request has been sent to the chair of the partnership')
        .redirect('/arrangements#your-requests', 303);
    },
  );

  app.get<{ Querystring: Body }>('/arrangements/amendments', manage, async (request, reply) => {
    const filter = amendmentFilter.parse(request.query ?? {});
    const result = await amendments.list(tenantContext(request), filter);
    const page = Math.min(result.page, result.pages);
    return reply.page('arrangements/views/amendments.njk', {
      pageTitle: 'Amendment requests',
      filter,
      statusItems: [{ value: '', text: 'Any status', selected: !filter.status }].concat(
        statusItems(filter.status).map(({ value, text, checked }) => ({
          value,
          text,
          selected: checked,
        })),
      ),
      requests: result.rows.map((row) => ({
        ...row,
        statusName: statusName(row.request.status),
        statusTag: statusTag(row.request.status),
      })),
      total: result.total,
      pagination: {
        previous: page > 1 ? { href: listHref(filter.status, page - 1) } : undefined,
        next: page < result.pages ? { href: listHref(filter.status, page + 1) } : undefined,
      },
    });
  });

  const renderStatusForm = async (
    request: FastifyRequest<WithId>,
    reply: FastifyReply,
    form: { values?: Body; errors?: FieldErrors } = {},
  ) => {
    const id = recordId(request.params.id);
    const found = id ? await amendments.find(tenantContext(request), id) : null;
    if (!found) return notFound(reply);
    const current = found.request;
    const values = form.values ?? { status: current.status, statusNote: current.statusNote ?? '' };
    return reply.page('arrangements/views/amendment.njk', {
      pageTitle: `Amendment request: ${current.summary}`,
      found,
      detailsParagraphs: current.details.split(/\r?\n/).filter((line) => line.trim() !== ''),
      statusName: statusName(current.status),
      statusTag: statusTag(current.status),
      values,
      statusItems: settableItems(values.status),
      version: versionToShow(form, current.version),
      errors: form.errors,
    });
  };

  app.get<WithId>('/arrangements/amendments/:id', manage, (request, reply) =>
    renderStatusForm(request, reply),
  );

  app.post<WithId & { Body: Body }>(
    '/arrangements/amendments/:id',
    manage,
    async (request, reply) => {
      const id = recordId(request.params.id);
      if (!id) return notFound(reply);
      const form = parseForm(statusChangeForm, request.body);
      const result = form.ok
        ? await amendments.changeStatus(tenantContext(request), id, form.value, names(request))
        : form;
      if (!result.ok && result.errors.request) return notFound(reply);
      if (!result.ok)
        return renderStatusForm(request, reply.code('form' in result.errors ? 409 : 400), {
          values: typedValues(request.body),
          errors: result.errors,
        });
      return reply
        .flash('Status changed. The member who made the request has been emailed')
        .redirect(`/arrangements/amendments/${id}`, 303);
    },
  );
}
