import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TenantContext } from '../../db/client.js';
import type { FieldErrors, Outcome } from '../../platform/forms.js';
import { notFound } from '../../platform/http/not-found.js';
import { recordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { listFilter, type ListFilter } from './governance.forms.js';
import { governancePolicies } from './governance.policy.js';

type Body = Record<string, unknown>;
type WithId = { Params: { id: string } };

/**
 * The pages every registry record has: a searchable list, a page of its own, add and change
 * forms, and a confirmation before closing. Each record type says what differs.
 */
export interface RecordPages<Input, Found> {
  path: string;
  noun: string;
  plural: string;
  views: { list: string; show: string; form: string };
  parse(body: Body): Outcome<Input>;
  list(context: TenantContext, filter: ListFilter): Promise<unknown>;
  find(context: TenantContext, id: string): Promise<Found | null>;
  create(context: TenantContext, input: Input): Promise<Outcome<{ id: string }>>;
  update(context: TenantContext, id: string, input: Input): Promise<Outcome<unknown>>;
  closeBlockers(context: TenantContext, id: string): Promise<string[]>;
  close(context: TenantContext, id: string): Promise<Outcome<unknown>>;
  /** Lists and choices the form needs (agencies to pick from, and so on). */
  formOptions(context: TenantContext, values: Body): Promise<Body>;
  /** A stored record as form values, for the change form. */
  valuesOf(found: Found): Body;
  nameOf(found: Found): string;
  versionOf(found: Found): number;
  isClosed(found: Found): boolean;
  /** What closing will also do, shown on the confirmation page. */
  closingEffects?(context: TenantContext, id: string): Promise<string[]>;
  /** Extra data for the record's own page. */
  showData?(context: TenantContext, found: Found): Promise<Body>;
  listData?(context: TenantContext): Promise<Body>;
}

const canManage = (request: FastifyRequest) =>
  request.principal?.roles.includes('administrator') ?? false;

export function registerRecordPages<Input, Found>(
  app: FastifyInstance,
  pages: RecordPages<Input, Found>,
) {
  const read = { config: { policy: governancePolicies.read } };
  const manage = { config: { policy: governancePolicies.manage } };
  const { path, noun } = pages;

  const load = async (request: FastifyRequest<WithId>) => {
    const id = recordId(request.params.id);
    return id ? pages.find(tenantContext(request), id) : null;
  };

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values: Body; errors?: FieldErrors; id?: string },
  ) =>
    reply.page(pages.views.form, {
      pageTitle: form.id ? `Change ${noun}` : `Add ${article(noun)} ${noun}`,
      action: form.id ? `${path}/${form.id}` : path,
      back: form.id ? `${path}/${form.id}` : path,
      values: form.values,
      errors: form.errors,
      ...(await pages.formOptions(tenantContext(request), form.values)),
    });

  app.get<{ Querystring: Body }>(path, read, async (request, reply) => {
    const filter = listFilter.parse(request.query ?? {});
    const context = tenantContext(request);
    return reply.page(pages.views.list, {
      pageTitle: capitalise(pages.plural),
      filter,
      result: await pages.list(context, filter),
      canManage: canManage(request),
      query: request.query,
      ...(await pages.listData?.(context)),
    });
  });

  app.get(`${path}/new`, manage, (request, reply) => renderForm(request, reply, { values: {} }));

  app.post<{ Body: Body }>(path, manage, async (request, reply) => {
    const form = pages.parse(request.body ?? {});
    const result = form.ok ? await pages.create(tenantContext(request), form.value) : form;
    if (!result.ok)
      return renderForm(request, reply.code(400), { values: request.body, errors: result.errors });
    return reply.flash(`${capitalise(noun)} added`).redirect(`${path}/${result.value.id}`, 303);
  });

  app.get<WithId>(`${path}/:id`, read, async (request, reply) => {
    const found = await load(request);
    if (!found) return notFound(reply);
    return reply.page(pages.views.show, {
      pageTitle: pages.nameOf(found),
      found,
      canManage: canManage(request),
      ...(await pages.showData?.(tenantContext(request), found)),
    });
  });

  app.get<WithId>(`${path}/:id/edit`, manage, async (request, reply) => {
    const found = await load(request);
    if (!found) return notFound(reply);
    return renderForm(request, reply, { values: pages.valuesOf(found), id: request.params.id });
  });

  app.post<WithId & { Body: Body }>(`${path}/:id`, manage, async (request, reply) => {
    const found = await load(request);
    if (!found) return notFound(reply);
    const form = pages.parse(request.body ?? {});
    const result = form.ok
      ? await pages.update(tenantContext(request), request.params.id, form.value)
      : form;
    if (!result.ok) {
      const stale = 'form' in result.errors;
      const current = stale ? await load(request) : null;
      // The form now carries the current version, so saving again applies over it knowingly.
      const version = current ? String(pages.versionOf(current)) : request.body?.version;
      return renderForm(request, reply.code(stale ? 409 : 400), {
        values: { ...request.body, version },
        errors: result.errors,
        id: request.params.id,
      });
    }
    return reply.flash(`${capitalise(noun)} updated`).redirect(`${path}/${request.params.id}`, 303);
  });

  const renderClose = async (
    request: FastifyRequest<WithId>,
    reply: FastifyReply,
    found: Found,
  ) => {
    const context = tenantContext(request);
    return reply.page('governance/views/close.njk', {
      pageTitle: `Close ${pages.nameOf(found)}`,
      noun,
      name: pages.nameOf(found),
      action: `${path}/${request.params.id}/close`,
      back: `${path}/${request.params.id}`,
      blockers: await pages.closeBlockers(context, request.params.id),
      effects: (await pages.closingEffects?.(context, request.params.id)) ?? [],
    });
  };

  app.get<WithId>(`${path}/:id/close`, manage, async (request, reply) => {
    const found = await load(request);
    if (!found || pages.isClosed(found)) return notFound(reply);
    return renderClose(request, reply, found);
  });

  app.post<WithId>(`${path}/:id/close`, manage, async (request, reply) => {
    const found = await load(request);
    if (!found || pages.isClosed(found)) return notFound(reply);
    const result = await pages.close(tenantContext(request), request.params.id);
    if (!result.ok) return renderClose(request, reply.code(409), found);
    return reply
      .flash(`${pages.nameOf(found)} is closed`)
      .redirect(`${path}/${request.params.id}`, 303);
  });
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const article = (noun: string) => (/^[aeiou]/.test(noun) ? 'an' : 'a');
