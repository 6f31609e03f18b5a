import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../composition.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { notFound } from '../../platform/http/not-found.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { typedValues } from '../../platform/http/typed-values.js';
import { caseForTeam, casePath, type WithCaseId } from './case-routing.js';
import type { CaseRow } from './cases.repository.js';
import { closeForm } from './reviews.forms.js';
import { reviewsPolicies } from './reviews.policy.js';

type Body = Record<string, unknown>;

/** Closing a case, after a confirmation that says what closing does. */
export function caseClosingRoutes(app: FastifyInstance, services: Services) {
  const open = { config: { policy: reviewsPolicies.open } };

  const render = (
    reply: FastifyReply,
    found: CaseRow,
    sent: { values?: Body; errors?: FieldErrors } = {},
  ) =>
    reply.page('reviews/views/case-close.njk', {
      pageTitle: `Close case ${found.reference}`,
      reviewCase: found,
      values: sent.values ?? {},
      errors: sent.errors,
    });

  app.get<WithCaseId>('/reviews/:id/close', open, async (request, reply) => {
    const found = await caseForTeam(services, request);
    if (!found) return notFound(reply);
    return render(reply, found);
  });

  app.post<WithCaseId & { Body: Body }>('/reviews/:id/close', open, async (request, reply) => {
    const found = await caseForTeam(services, request);
    if (!found) return notFound(reply);
    const form = parseForm(closeForm, request.body);
    const result = form.ok
      ? await services.reviews.cases.close(tenantContext(request), found.id, form.value)
      : form;
    if (!result) return notFound(reply);
    if (!result.ok)
      return render(reply.code(400), found, {
        values: typedValues(request.body),
        errors: result.errors,
      });
    return reply.flash(`Case ${found.reference} closed`).redirect(casePath(found.id), 303);
  });
}
