import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../composition.js';
import { dateInputValues } from '../../platform/date-input.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { notFound } from '../../platform/http/not-found.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { typedValues } from '../../platform/http/typed-values.js';
import { versionToShow } from '../../platform/records.js';
import { caseForTeam, casePath, type WithCaseId } from './case-routing.js';
import { childForm, parseChildForm } from './reviews.forms.js';
import { reviewsPolicies } from './reviews.policy.js';

type Body = Record<string, unknown>;
type WithChild = { Params: { id: string; childId: string } };

/** A case's children: up to four per notification, their details sealed. */
export function caseChildRoutes(app: FastifyInstance, services: Services) {
  const open = { config: { policy: reviewsPolicies.open } };
  const { cases } = services.reviews;

  const render = (
    reply: FastifyReply,
    found: { id: string; reference: string },
    form: { values: Body; errors?: FieldErrors; childId?: string; version?: unknown },
  ) =>
    reply.page('reviews/views/child-form.njk', {
      pageTitle: form.childId ? "Change a child's details" : 'Add a child',
      reviewCase: found,
      ...form,
    });

  app.get<WithCaseId>('/reviews/:id/children/new', open, async (request, reply) => {
    const found = await caseForTeam(services, request);
    if (!found) return notFound(reply);
    return render(reply, found, { values: {} });
  });

  app.post<WithCaseId & { Body: Body }>(
    '/reviews/:id/children/new',
    open,
    async (request, reply) => {
      const found = await caseForTeam(services, request);
      if (!found) return notFound(reply);
      const form = parseForm(childForm, parseChildForm(request.body));
      const result = form.ok
        ? await cases.addChild(tenantContext(request), found.id, form.value)
        : form;
      if (!result) return notFound(reply);
      if (!result.ok)
        return render(reply.code(400), found, {
          values: typedValues(request.body),
          errors: result.errors,
        });
      return reply.flash('Child added').redirect(casePath(found.id, '#children'), 303);
    },
  );

  const childOf = async (
    request: Parameters<typeof caseForTeam>[1] & { params: { childId: string } },
  ) => {
    const file = await caseForTeam(services, request).then((found) =>
      found ? cases.open(tenantContext(request), found.id) : null,
    );
    const child = file?.children.find((each) => each.id === request.params.childId);
    return file && child ? { found: file.reviewCase, child } : null;
  };

  app.get<WithChild>('/reviews/:id/children/:childId', open, async (request, reply) => {
    const loaded = await childOf(request);
    if (!loaded) return notFound(reply);
    const { child } = loaded;
    return render(reply, loaded.found, {
      childId: child.id,
      version: child.version,
      values: {
        childName: child.name,
        nhsNumber: child.nhsNumber ?? '',
        address: child.address ?? '',
        ...dateInputValues('dateOfBirth', child.dateOfBirth),
      },
    });
  });

  app.post<WithChild & { Body: Body }>(
    '/reviews/:id/children/:childId',
    open,
    async (request, reply) => {
      const found = await caseForTeam(services, request);
      if (!found) return notFound(reply);
      const form = parseForm(childForm, parseChildForm(request.body));
      const result = form.ok
        ? await cases.changeChild(
            tenantContext(request),
            found.id,
            request.params.childId,
            form.value,
          )
        : form;
      if (!result) return notFound(reply);
      if (!result.ok) {
        const sent = { values: typedValues(request.body), errors: result.errors };
        const current = await childOf(request);
        return render(reply.code(400), found, {
          ...sent,
          childId: request.params.childId,
          version: versionToShow(sent, current?.child.version ?? 0),
        });
      }
      return reply.flash("Child's details saved").redirect(casePath(found.id, '#children'), 303);
    },
  );
}
