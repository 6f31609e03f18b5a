import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { startOfNextUkDay } from '../../platform/dates.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { notFound } from '../../platform/http/not-found.js';
import { recordId, withRecordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { AUDIT_EVENT_KINDS, eventKind } from '../../platform/audit/audit-wording.js';
import { ROLE_NAMES, ROLES, type Role } from '../../platform/policy.js';
import {
  auditFilterForm,
  linkPersonForm,
  outboxFilter,
  rolesForm,
} from './administration.forms.js';
import { administrationPolicies } from './administration.policy.js';

type Query = Record<string, string | undefined>;
type IdParams = { Params: { id: string } };

const roleNames = (roles: Role[]) => roles.map((role) => ROLE_NAMES[role]).join(', ');

/** The audit trail's "What happened" choices: every kind of event, in words. */
function kindChoices(chosen: unknown) {
  const known = AUDIT_EVENT_KINDS.some((choice) => choice.action === chosen);
  // A code from an older link, or one without words yet, stays chosen rather than lost.
  const extra =
    typeof chosen === 'string' && chosen && !known
      ? [{ action: chosen, kind: eventKind(chosen) }]
      : [];
  return [{ value: '', text: 'Any event', selected: !chosen }].concat(
    [...AUDIT_EVENT_KINDS, ...extra].map((choice) => ({
      value: choice.action,
      text: choice.kind,
      selected: choice.action === chosen,
    })),
  );
}

export function administrationRoutes(app: FastifyInstance, services: Services) {
  const { administration, audit, mail } = services;

  app.get('/admin', { config: { policy: administrationPolicies.overview } }, (_request, reply) =>
    reply.page('administration/views/overview.njk', { pageTitle: 'Administration' }),
  );

  app.get(
    '/admin/people',
    { config: { policy: administrationPolicies.people } },
    async (request, reply) => {
      const members = await administration.membersWithPeople(tenantContext(request));
      return reply.page('administration/views/people.njk', {
        pageTitle: 'People and roles',
        members: members.map((m) => ({ ...m, roleNames: roleNames(m.roles) })),
      });
    },
  );

  const renderRoles = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string | null,
    errors?: FieldErrors,
    chosen?: string[],
  ) => {
    const member = id ? await administration.member(tenantContext(request), id) : null;
    if (!member) return notFound(reply);
    const selected = chosen ?? member.roles;
    return reply.page('administration/views/member-roles.njk', {
      pageTitle: `Roles of ${member.displayName}`,
      member,
      errors,
      roleItems: ROLES.map((role) => ({
        value: role,
        text: ROLE_NAMES[role],
        checked: selected.includes(role),
      })),
    });
  };

  app.get<IdParams>(
    '/admin/people/:id',
    { config: { policy: administrationPolicies.people } },
    (request, reply) => renderRoles(request, reply, recordId(request.params.id)),
  );

  app.post<IdParams & { Body: Record<string, unknown> }>(
    '/admin/people/:id',
    { config: { policy: administrationPolicies.people } },
    async (request, reply) => {
      const id = recordId(request.params.id);
      const form = parseForm(rolesForm, request.body);
      const chosen = [request.body.roles ?? []].flat().map(String);
      if (!form.ok) return renderRoles(request, reply.code(400), id, form.errors, chosen);
      const result = id
        ? await administration.setRoles(tenantContext(request), id, form.value.roles)
        : null;
      if (!result || (!result.ok && result.errors.member)) return notFound(reply);
      if (!result.ok) return renderRoles(request, reply.code(400), id, result.errors, chosen);
      return reply.flash('Roles changed').redirect('/admin/people', 303);
    },
  );

  app.get<IdParams>(
    '/admin/people/:id/remove',
    { config: { policy: administrationPolicies.people } },
    async (request, reply) => {
      const member = await withRecordId(request.params.id, (id) =>
        administration.member(tenantContext(request), id),
      );
      if (!member) return notFound(reply);
      return reply.page('administration/views/remove-access.njk', {
        pageTitle: `Remove access for ${member.displayName}`,
        member,
      });
    },
  );

  app.post<IdParams>(
    '/admin/people/:id/remove',
    { config: { policy: administrationPolicies.people } },
    async (request, reply) => {
      const id = request.params.id;
      const result = await withRecordId(id, (memberId) =>
        administration.setRoles(tenantContext(request), memberId, []),
      );
      if (!result || (!result.ok && result.errors.member)) return notFound(reply);
      if (!result.ok)
        return reply
          .flash(result.errors.roles ?? 'Access could not be removed')
          .redirect(`/admin/people/${id}`, 303);
      return reply.flash('Access removed').redirect('/admin/people', 303);
    },
  );

  registerLinkToPerson(app, services);

  const auditFilter = (query: Query) => {
    const form = parseForm(auditFilterForm, query);
    if (!form.ok) return form;
    const f = form.value;
    return {
      ok: true as const,
      value: {
        action: f.action || undefined,
        entityType: f.entityType || undefined,
        actorEmail: f.actor || undefined,
        from: f.from,
        to: f.to ? startOfNextUkDay(f.to) : undefined,
        beforeSeq: f.before,
      },
    };
  };

  app.get<{ Querystring: Query }>(
    '/admin/audit',
    { config: { policy: administrationPolicies.auditTrail } },
    async (request, reply) => {
      const filter = auditFilter(request.query);
      const page = filter.ok
        ? await audit.page(tenantContext(request), filter.value)
        : { events: [], nextBeforeSeq: undefined };
      const query = new URLSearchParams(
        Object.entries(request.query).filter(([key, value]) => key !== 'before' && value) as [
          string,
          string,
        ][],
      );
      const olderQuery = new URLSearchParams(query);
      if (page.nextBeforeSeq) olderQuery.set('before', String(page.nextBeforeSeq));
      return reply.code(filter.ok ? 200 : 400).page('administration/views/audit.njk', {
        pageTitle: 'Audit trail',
        values: request.query,
        kindChoices: kindChoices(request.query.action),
        errors: filter.ok ? undefined : filter.errors,
        events: page.events,
        olderHref: page.nextBeforeSeq ? `/admin/audit?${olderQuery}` : null,
        exportHref: `/admin/audit.csv?${query}`,
      });
    },
  );

  app.get<{ Querystring: Query }>(
    '/admin/audit.csv',
    { config: { policy: administrationPolicies.auditTrail } },
    async (request, reply) => {
      const filter = auditFilter(request.query);
      if (!filter.ok)
        return reply.redirect(
          `/admin/audit?${new URLSearchParams(request.query as Record<string, string>)}`,
          303,
        );
      const csv = await audit.exportCsv(tenantContext(request), filter.value);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit-trail.csv"')
        .send(csv);
    },
  );

  app.get(
    '/admin/outbox',
    { config: { policy: administrationPolicies.outbox } },
    async (request, reply) => {
      const filter = outboxFilter.parse(request.query ?? {});
      const page = filter.page ?? 1;
      const { messages, hasOlder } = await mail.page(tenantContext(request), filter);
      const pageHref = (number: number) => {
        const query = new URLSearchParams({
          ...(filter.q ? { q: filter.q } : {}),
          page: String(number),
        });
        return `/admin/outbox?${query.toString()}`;
      };
      return reply.page('administration/views/outbox.njk', {
        pageTitle: 'Mail outbox',
        filter,
        messages,
        pagination: {
          previous: page > 1 ? { href: pageHref(page - 1), text: 'Newer emails' } : undefined,
          next: hasOlder ? { href: pageHref(page + 1), text: 'Older emails' } : undefined,
        },
        smtpConfigured: services.mailDelivery.configured,
      });
    },
  );

  app.get<IdParams>(
    '/admin/outbox/:id',
    { config: { policy: administrationPolicies.outbox } },
    async (request, reply) => {
      const message = await withRecordId(request.params.id, (id) =>
        mail.find(tenantContext(request), id),
      );
      if (!message) return notFound(reply);
      return reply.page('administration/views/outbox-message.njk', {
        pageTitle: message.subject,
        message,
      });
    },
  );
}

/**
 * Linking an account to its person in the registry: choose the person, confirm, linked. A
 * person or account outside the partnership answers 404; a person who cannot be linked
 * (closed, linked to another account) re-shows the choice with the reason.
 */
function registerLinkToPerson(app: FastifyInstance, services: Services) {
  const { administration, governance } = services;
  const policy = { config: { policy: administrationPolicies.people } };
  type LinkRequest = FastifyRequest<IdParams & { Body: Record<string, unknown> }>;

  const renderChoice = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string | null,
    errors?: FieldErrors,
    chosen?: string,
  ) => {
    const context = tenantContext(request);
    const member = id ? await administration.member(context, id) : null;
    if (!member) return notFound(reply);
    const people = await governance.people.linkable(context);
    const selected =
      chosen ??
      people.find((row) => row.person.email.toLowerCase() === member.email.toLowerCase())?.person
        .id;
    return reply.page('administration/views/link-person.njk', {
      pageTitle: `Link ${member.displayName} to a person in the registry`,
      member,
      errors,
      personItems: [
        { value: '', text: 'Choose a person' },
        ...people.map((row) => ({
          value: row.person.id,
          text: `${row.person.fullName}, ${row.agencyName} (${row.person.email})`,
          selected: row.person.id === selected,
        })),
      ],
    });
  };

  /** Reads the choice and checks it; answers the page itself when it cannot go on. */
  const checked = async (
    request: LinkRequest,
    reply: FastifyReply,
    act: typeof administration.checkLink,
  ) => {
    const id = recordId(request.params.id);
    const form = parseForm(linkPersonForm, request.body);
    const chosen = typeof request.body.personId === 'string' ? request.body.personId : undefined;
    if (!id) return { answered: notFound(reply) };
    if (!form.ok)
      return { answered: await renderChoice(request, reply.code(400), id, form.errors, chosen) };
    const result = await act(tenantContext(request), id, form.value.personId);
    if (!result.ok && (result.errors.member || result.errors.person))
      return { answered: notFound(reply) };
    if (!result.ok)
      return {
        answered: await renderChoice(request, reply.code(400), id, result.errors, chosen),
      };
    return { id, personId: form.value.personId, fullName: result.value.fullName };
  };

  app.get<IdParams>('/admin/people/:id/person', policy, (request, reply) =>
    renderChoice(request, reply, recordId(request.params.id)),
  );

  app.post<IdParams & { Body: Record<string, unknown> }>(
    '/admin/people/:id/person',
    policy,
    async (request, reply) => {
      const outcome = await checked(request, reply, administration.checkLink);
      if ('answered' in outcome) return outcome.answered;
      const member = await administration.member(tenantContext(request), outcome.id);
      return reply.page('administration/views/link-person-confirm.njk', {
        pageTitle: `Link ${member!.displayName} to ${outcome.fullName}?`,
        member,
        personId: outcome.personId,
        fullName: outcome.fullName,
      });
    },
  );

  app.post<IdParams & { Body: Record<string, unknown> }>(
    '/admin/people/:id/person/confirm',
    policy,
    async (request, reply) => {
      const outcome = await checked(request, reply, administration.linkToPerson);
      if ('answered' in outcome) return outcome.answered;
      return reply
        .flash(`Account linked to ${outcome.fullName} in the registry`)
        .redirect('/admin/people', 303);
    },
  );
}
