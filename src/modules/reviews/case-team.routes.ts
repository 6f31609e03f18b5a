import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { notFound } from '../../platform/http/not-found.js';
import { withRecordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { casePath, type WithCaseId } from './case-routing.js';
import { teamMemberForm } from './reviews.forms.js';
import { reviewsPolicies } from './reviews.policy.js';

type Body = Record<string, unknown>;
type WithMember = { Params: { id: string; memberId: string } };

const isAdministrator = (request: FastifyRequest) =>
  request.principal?.roles.includes('administrator') ?? false;

/** The case team: its members, or an administrator, add and remove people; all audited. */
export function caseTeamRoutes(app: FastifyInstance, services: Services) {
  const open = { config: { policy: reviewsPolicies.open } };
  const { team } = services.reviews;

  const load = (request: FastifyRequest<WithCaseId>) =>
    withRecordId(request.params.id, (id) =>
      team.teamPage(tenantContext(request), id, isAdministrator(request)),
    );

  const render = async (
    request: FastifyRequest<WithCaseId>,
    reply: FastifyReply,
    sent: { errors?: FieldErrors } = {},
  ) => {
    const page = await load(request);
    if (!page) return notFound(reply);
    return reply.page('reviews/views/team.njk', {
      pageTitle: `Case team: ${page.reviewCase.reference}`,
      ...page,
      errors: sent.errors,
    });
  };

  app.get<WithCaseId>('/reviews/:id/team', open, (request, reply) => render(request, reply));

  app.post<WithCaseId & { Body: Body }>('/reviews/:id/team', open, async (request, reply) => {
    const form = parseForm(teamMemberForm, request.body);
    const result = await withRecordId(request.params.id, async (id) =>
      form.ok
        ? team.add(tenantContext(request), id, form.value.userId, isAdministrator(request))
        : (await load(request)) && form,
    );
    if (!result) return notFound(reply);
    if (!result.ok) return render(request, reply.code(400), { errors: result.errors });
    return reply
      .flash(`${result.value.displayName} added to the case team`)
      .redirect(casePath(request.params.id, '/team'), 303);
  });

  const memberOf = async (request: FastifyRequest<WithMember>) => {
    const page = await load(request);
    const member = page?.team.find((each) => each.id === request.params.memberId);
    return page && member ? { page, member } : null;
  };

  app.get<WithMember>('/reviews/:id/team/:memberId/remove', open, async (request, reply) => {
    const found = await memberOf(request);
    if (!found) return notFound(reply);
    return reply.page('reviews/views/team-remove.njk', {
      pageTitle: 'Remove from the case team',
      ...found,
    });
  });

  app.post<WithMember>('/reviews/:id/team/:memberId/remove', open, async (request, reply) => {
    const found = await memberOf(request);
    if (!found) return notFound(reply);
    const result = await team.remove(
      tenantContext(request),
      found.page.reviewCase.id,
      found.member.id,
      isAdministrator(request),
    );
    if (!result) return notFound(reply);
    if (!result.ok) return render(request, reply.code(400), { errors: result.errors });
    const leftSelf = found.member.userId === request.principal?.userId;
    return reply
      .flash(`${result.value.displayName} removed from the case team`)
      .redirect(leftSelf ? '/reviews' : casePath(found.page.reviewCase.id, '/team'), 303);
  });
}
