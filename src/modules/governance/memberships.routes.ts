import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import type { TenantContext } from '../../db/client.js';
import { dateInputValues } from '../../platform/date-input.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { notFound } from '../../platform/http/not-found.js';
import { recordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { membershipForm, parseMembershipForm } from './governance.forms.js';
import { governancePolicies } from './governance.policy.js';
import {
  INDUCTION_ITEMS,
  MEMBERSHIP_STATUSES,
  choiceItems,
  selectItems,
} from './governance.vocabulary.js';
import { deputyRoutes } from './deputies.routes.js';
import { endable, membershipState } from './membership-dates.js';

type Body = Record<string, unknown>;
export type WithId = { Params: { id: string } };
export type MembershipFound = NonNullable<
  Awaited<ReturnType<Services['governance']['memberships']['find']>>
>;
type Found = MembershipFound;

export function membershipRoutes(app: FastifyInstance, services: Services) {
  const { memberships, people, bodies, agencies, today } = services.governance;
  const read = { config: { policy: governancePolicies.read } };
  const manage = { config: { policy: governancePolicies.manage } };

  const load = (request: FastifyRequest<WithId>) => {
    const id = recordId(request.params.id);
    return id ? memberships.find(tenantContext(request), id) : null;
  };

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values: Body; errors?: FieldErrors; found?: Found },
  ) => {
    const context = tenantContext(request);
    const { values } = form;
    return reply.page('governance/views/membership-form.njk', {
      pageTitle: form.found ? 'Change membership' : 'Add a member to a body',
      action: form.found ? `/memberships/${form.found.membership.id}` : '/memberships',
      back: form.found
        ? `/memberships/${form.found.membership.id}`
        : values.bodyId
          ? `/bodies/${String(values.bodyId)}`
          : '/bodies',
      found: form.found,
      values,
      errors: form.errors,
      ...(await choices(context, values)),
    });
  };

  const choices = async (context: TenantContext, values: Body) => ({
    bodyItems: selectItems(
      (await bodies.all(context)).map((row) => ({ id: row.id, text: row.name })),
      values.bodyId,
      'Select a body',
    ),
    personItems: selectItems(
      (await people.all(context)).map((row) => ({
        id: row.person.id,
        text: `${row.person.fullName}, ${row.person.jobTitle}, ${row.agencyName}`,
      })),
      values.personId,
      'Select a person',
    ),
    agencyItems: selectItems(
      (await agencies.all(context)).map((row) => ({ id: row.id, text: row.name })),
      values.representsAgencyId,
      "The person's own agency",
    ),
    statusItems: choiceItems(MEMBERSHIP_STATUSES, values.status),
    inductionItems: INDUCTION_ITEMS.map((item) => ({
      name: item.field,
      value: 'yes',
      text: item.text,
      checked: Boolean(values[item.field]),
    })),
  });

  /** Without JavaScript the agency cannot follow the person: empty means their own agency. */
  const withAgency = async (context: TenantContext, body: Body) => {
    if (body.representsAgencyId || typeof body.personId !== 'string' || !recordId(body.personId))
      return body;
    const person = await people.find(context, body.personId);
    return person ? { ...body, representsAgencyId: person.person.agencyId } : body;
  };

  app.get<{ Querystring: { body?: string; person?: string } }>(
    '/memberships/new',
    manage,
    (request, reply) =>
      renderForm(request, reply, {
        values: {
          bodyId: recordId(request.query.body) ?? '',
          personId: recordId(request.query.person) ?? '',
          ...dateInputValues('startsOn', today()),
        },
      }),
  );

  app.post<{ Body: Body }>('/memberships', manage, async (request, reply) => {
    const context = tenantContext(request);
    const form = parseForm(
      membershipForm,
      await withAgency(context, parseMembershipForm(request.body)),
    );
    const result = form.ok ? await memberships.create(context, form.value) : form;
    if (!result.ok)
      return renderForm(request, reply.code(400), { values: request.body, errors: result.errors });
    return reply.flash('Member added').redirect(`/memberships/${result.value.id}`, 303);
  });

  app.get<WithId>('/memberships/:id', read, async (request, reply) => {
    const found = await load(request);
    if (!found) return notFound(reply);
    const day = today();
    return reply.page('governance/views/membership.njk', {
      pageTitle: `${found.personName} on ${found.bodyName}`,
      found,
      state: membershipState(found.membership, day),
      deputies: found.deputies.map((row) => ({
        ...row,
        state: membershipState(row.deputy, day),
        endable: endable(row.deputy, day),
      })),
      endable: endable(found.membership, day),
      statusNames: MEMBERSHIP_STATUSES.names,
      inductionItems: INDUCTION_ITEMS,
      canManage: request.principal!.roles.includes('administrator'),
    });
  });

  app.get<WithId>('/memberships/:id/edit', manage, async (request, reply) => {
    const found = await load(request);
    if (!found) return notFound(reply);
    const { membership } = found;
    return renderForm(request, reply, {
      found,
      values: {
        bodyId: membership.bodyId,
        personId: membership.personId,
        status: membership.status,
        representsAgencyId: membership.representsAgencyId,
        decisionMaking: membership.decisionMaking ? 'yes' : undefined,
        ...Object.fromEntries(INDUCTION_ITEMS.map((item) => [item.field, membership[item.field]])),
        ...dateInputValues('startsOn', membership.startsOn),
        ...dateInputValues('endsOn', membership.endsOn),
        ...dateInputValues('inductionCompletedOn', membership.inductionCompletedOn),
        version: String(membership.version),
      },
    });
  });

  app.post<WithId & { Body: Body }>('/memberships/:id', manage, async (request, reply) => {
    const found = await load(request);
    if (!found) return notFound(reply);
    const context = tenantContext(request);
    const body: Body = { ...request.body, bodyId: found.membership.bodyId };
    const form = parseForm(membershipForm, await withAgency(context, parseMembershipForm(body)));
    const result = form.ok
      ? await memberships.update(context, found.membership.id, form.value)
      : form;
    if (!result.ok) {
      const stale = 'form' in result.errors;
      const current = stale ? await load(request) : null;
      return renderForm(request, reply.code(stale ? 409 : 400), {
        found,
        values: { ...body, version: current ? String(current.membership.version) : body.version },
        errors: result.errors,
      });
    }
    return reply.flash('Membership updated').redirect(`/memberships/${found.membership.id}`, 303);
  });

  app.get<WithId>('/memberships/:id/end', manage, async (request, reply) => {
    const found = await load(request);
    if (!found || !endable(found.membership, today())) return notFound(reply);
    return reply.page('governance/views/membership-end.njk', {
      pageTitle: `End ${found.personName}'s membership`,
      found,
    });
  });

  app.post<WithId>('/memberships/:id/end', manage, async (request, reply) => {
    const found = await load(request);
    if (!found) return notFound(reply);
    const result = await memberships.end(tenantContext(request), found.membership.id);
    if (!result.ok) return notFound(reply);
    return reply
      .flash(`${found.personName}'s membership of ${found.bodyName} has ended`)
      .redirect(`/bodies/${found.membership.bodyId}`, 303);
  });

  deputyRoutes(app, services, load);
}
