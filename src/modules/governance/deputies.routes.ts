import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { dateInputValues } from '../../platform/date-input.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { notFound } from '../../platform/http/not-found.js';
import { recordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { deputyForm, parseDeputyForm } from './governance.forms.js';
import { governancePolicies } from './governance.policy.js';
import { selectItems } from './governance.vocabulary.js';
import { endable } from './membership-dates.js';
import type { MembershipFound as Found, WithId } from './memberships.routes.js';

type Body = Record<string, unknown>;

/** Deputies with delegated authority for a member (section 11): add one, end one. */
export function deputyRoutes(
  app: FastifyInstance,
  services: Services,
  load: (request: FastifyRequest<WithId>) => Promise<Found | null> | null,
) {
  const { memberships, people, today } = services.governance;
  const manage = { config: { policy: governancePolicies.manage } };
  type WithDeputy = { Params: { id: string; deputyId: string } };

  const renderForm = async (
    request: FastifyRequest<WithId>,
    reply: FastifyReply,
    found: Found,
    values: Body,
    errors?: FieldErrors,
  ) => {
    const colleagues = (await people.all(tenantContext(request))).filter(
      (row) =>
        row.person.agencyId === found.membership.representsAgencyId &&
        row.person.id !== found.membership.personId,
    );
    return reply.page('governance/views/deputy-form.njk', {
      pageTitle: `Add a deputy for ${found.personName}`,
      found,
      values,
      errors,
      personItems: selectItems(
        colleagues.map((row) => ({
          id: row.person.id,
          text: `${row.person.fullName}, ${row.person.jobTitle}`,
        })),
        values.personId,
        'Select a deputy',
      ),
    });
  };

  app.get<WithId>('/memberships/:id/deputies/new', manage, async (request, reply) => {
    const found = await load(request);
    if (!found) return notFound(reply);
    return renderForm(request, reply, found, dateInputValues('startsOn', today()));
  });

  app.post<WithId & { Body: Body }>('/memberships/:id/deputies', manage, async (request, reply) => {
    const found = await load(request);
    if (!found) return notFound(reply);
    const form = parseForm(deputyForm, parseDeputyForm(request.body));
    const result = form.ok
      ? await memberships.addDeputy(tenantContext(request), found.membership.id, form.value)
      : form;
    if (!result.ok) return renderForm(request, reply.code(400), found, request.body, result.errors);
    return reply
      .flash('Deputy added')
      .redirect(`/memberships/${found.membership.id}#deputies`, 303);
  });

  const loadDeputy = async (request: FastifyRequest<WithDeputy>) => {
    const found = await load(request);
    const deputyId = recordId(request.params.deputyId);
    const deputy = found?.deputies.find((row) => row.deputy.id === deputyId);
    return found && deputy && endable(deputy.deputy, today()) ? { found, deputy } : null;
  };

  app.get<WithDeputy>('/memberships/:id/deputies/:deputyId/end', manage, async (request, reply) => {
    const loaded = await loadDeputy(request);
    if (!loaded) return notFound(reply);
    return reply.page('governance/views/deputy-end.njk', {
      pageTitle: `End ${loaded.deputy.personName}'s delegation`,
      ...loaded,
    });
  });

  app.post<WithDeputy>(
    '/memberships/:id/deputies/:deputyId/end',
    manage,
    async (request, reply) => {
      const loaded = await loadDeputy(request);
      if (!loaded) return notFound(reply);
      const result = await memberships.endDelegation(
        tenantContext(request),
        loaded.found.membership.id,
        loaded.deputy.deputy.id,
      );
      if (!result.ok) return notFound(reply);
      return reply
        .flash(`${loaded.deputy.personName}'s delegation has ended`)
        .redirect(`/memberships/${loaded.found.membership.id}#deputies`, 303);
    },
  );
}
