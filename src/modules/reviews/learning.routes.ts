import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { dateInputValues } from '../../platform/date-input.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { sendDocument } from '../../platform/http/downloads.js';
import { notFound } from '../../platform/http/not-found.js';
import { withRecordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { typedValues } from '../../platform/http/typed-values.js';
import { versionToShow } from '../../platform/records.js';
import { caseForTeam, casePath, type WithCaseId } from './case-routing.js';
import { disseminationForm, learningPointForm, parseDisseminationForm } from './learning.forms.js';
import { reviewsPolicies } from './reviews.policy.js';

type Body = Record<string, unknown>;
type WithPoint = { Params: { id: string; pointId: string } };
type Sent = { values?: Body; errors?: FieldErrors };
type CaseShown = { id: string; reference: string };

const LEARNING = '#learning';

/** Learning from a review: its points, where it was shared, and the briefing; team only. */
export function learningRoutes(app: FastifyInstance, services: Services) {
  const open = { config: { policy: reviewsPolicies.open } };
  const { learning } = services.reviews;

  const renderPoint = (
    reply: FastifyReply,
    found: CaseShown,
    form: Sent & { pointId?: string; version?: unknown },
  ) =>
    reply.page('reviews/views/learning-point-form.njk', {
      pageTitle: form.pointId ? 'Change a learning point' : 'Add a learning point',
      reviewCase: found,
      values: form.values ?? {},
      ...form,
    });

  app.get<WithCaseId>('/reviews/:id/learning/points/new', open, async (request, reply) => {
    const found = await caseForTeam(services, request);
    if (!found) return notFound(reply);
    return renderPoint(reply, found, {});
  });

  app.post<WithCaseId & { Body: Body }>(
    '/reviews/:id/learning/points/new',
    open,
    async (request, reply) => {
      const found = await caseForTeam(services, request);
      if (!found) return notFound(reply);
      const form = parseForm(learningPointForm, request.body);
      const result = form.ok
        ? await learning.addPoint(tenantContext(request), found.id, form.value)
        : form;
      if (!result) return notFound(reply);
      if (!result.ok)
        return renderPoint(reply.code(400), found, {
          values: typedValues(request.body),
          errors: result.errors,
        });
      return reply.flash('Learning point added').redirect(casePath(found.id, LEARNING), 303);
    },
  );

  const loadPoint = (request: FastifyRequest<WithPoint>) =>
    withRecordId(request.params.pointId, (pointId) =>
      withRecordId(request.params.id, (caseId) =>
        learning.findLearningPoint(tenantContext(request), caseId, pointId),
      ),
    );

  const pointPath = '/reviews/:id/learning/points/:pointId';

  app.get<WithPoint>(pointPath, open, async (request, reply) => {
    const loaded = await loadPoint(request);
    if (!loaded) return notFound(reply);
    return renderPoint(reply, loaded.reviewCase, {
      pointId: loaded.point.id,
      version: loaded.point.version,
      values: { text: loaded.point.text },
    });
  });

  app.post<WithPoint & { Body: Body }>(pointPath, open, async (request, reply) => {
    const loaded = await loadPoint(request);
    if (!loaded) return notFound(reply);
    const { reviewCase, point } = loaded;
    const form = parseForm(learningPointForm, request.body);
    const result = form.ok
      ? await learning.changePoint(tenantContext(request), reviewCase.id, point.id, form.value)
      : form;
    if (!result) return notFound(reply);
    if (!result.ok) {
      const sent = { values: typedValues(request.body), errors: result.errors };
      return renderPoint(reply.code(400), reviewCase, {
        ...sent,
        pointId: point.id,
        version: versionToShow(sent, point.version),
      });
    }
    return reply.flash('Learning point saved').redirect(casePath(reviewCase.id, LEARNING), 303);
  });

  const renderDissemination = async (
    request: FastifyRequest,
    reply: FastifyReply,
    found: CaseShown,
    sent: Sent = {},
  ) => {
    const context = tenantContext(request);
    const choices = (rows: { id: string; name: string }[], none: string) =>
      [{ value: '', text: none }].concat(rows.map((row) => ({ value: row.id, text: row.name })));
    return reply.page('reviews/views/dissemination-form.njk', {
      pageTitle: 'Record where the learning was shared',
      reviewCase: found,
      values: sent.values ?? dateInputValues('disseminatedOn', null),
      errors: sent.errors,
      bodyChoices: choices(await services.governance.bodies.all(context), 'Not a body'),
      agencyChoices: choices(await services.governance.agencies.all(context), 'Not an agency'),
    });
  };

  const disseminationPath = '/reviews/:id/learning/disseminations/new';

  app.get<WithCaseId>(disseminationPath, open, async (request, reply) => {
    const found = await caseForTeam(services, request);
    if (!found) return notFound(reply);
    return renderDissemination(request, reply, found);
  });

  app.post<WithCaseId & { Body: Body }>(disseminationPath, open, async (request, reply) => {
    const found = await caseForTeam(services, request);
    if (!found) return notFound(reply);
    const form = parseForm(disseminationForm, parseDisseminationForm(request.body));
    const result = form.ok
      ? await learning.addDissemination(tenantContext(request), found.id, form.value)
      : form;
    if (!result) return notFound(reply);
    if (!result.ok)
      return renderDissemination(request, reply.code(400), found, {
        values: typedValues(request.body),
        errors: result.errors,
      });
    return reply.flash('Sharing recorded').redirect(casePath(found.id, LEARNING), 303);
  });

  app.get<WithCaseId>('/reviews/:id/learning/briefing.docx', open, async (request, reply) => {
    const document = await withRecordId(request.params.id, (id) =>
      learning.briefing(tenantContext(request), id),
    );
    if (!document) return notFound(reply);
    return sendDocument(reply, document);
  });
}
