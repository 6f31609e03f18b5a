import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { dateInputValues } from '../../platform/date-input.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { notFound } from '../../platform/http/not-found.js';
import { withRecordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { typedValues } from '../../platform/http/typed-values.js';
import { versionToShow } from '../../platform/records.js';
import { ownerChoices } from '../actions/action-choices.js';
import { actionForm, parseDueDate } from '../actions/actions.forms.js';
import { caseForTeam, casePath, typedWithLists, type WithCaseId } from './case-routing.js';
import { recommendationForm } from './recommendations.forms.js';
import { reviewsPolicies } from './reviews.policy.js';

type Body = Record<string, unknown>;
type WithRecommendation = { Params: { id: string; recommendationId: string } };
type Sent = { values?: Body; errors?: FieldErrors };
type Agency = { id: string; name: string };

const recommendationAnchor = (id: string) => `#recommendation-${id}`;

/** A review's recommendations and the actions that carry each out; for its case team only. */
export function recommendationsRoutes(app: FastifyInstance, services: Services) {
  const open = { config: { policy: reviewsPolicies.open } };
  const { recommendations } = services.reviews;

  /** Open agencies, and any the recommendation already names even if since closed. */
  async function agencyChoices(request: FastifyRequest, named: Agency[] = []) {
    const open = await services.governance.agencies.all(tenantContext(request));
    const shown = new Map(open.map((agency) => [agency.id, agency.name]));
    for (const agency of named) if (!shown.has(agency.id)) shown.set(agency.id, agency.name);
    return [...shown].map(([value, text]) => ({ value, text }));
  }

  const loadRecommendation = (request: FastifyRequest<WithRecommendation>) =>
    withRecordId(request.params.recommendationId, (recommendationId) =>
      withRecordId(request.params.id, (caseId) =>
        recommendations.find(tenantContext(request), caseId, recommendationId),
      ),
    );

  const renderNew = async (
    request: FastifyRequest,
    reply: FastifyReply,
    found: { id: string; reference: string },
    sent: Sent = {},
  ) =>
    reply.page('reviews/views/recommendation-form.njk', {
      pageTitle: 'Add a recommendation',
      reviewCase: found,
      values: sent.values ?? { agencyIds: [] },
      errors: sent.errors,
      agencyChoices: await agencyChoices(request),
    });

  app.get<WithCaseId>('/reviews/:id/recommendations/new', open, async (request, reply) => {
    const found = await caseForTeam(services, request);
    if (!found) return notFound(reply);
    return renderNew(request, reply, found);
  });

  app.post<WithCaseId & { Body: Body }>(
    '/reviews/:id/recommendations/new',
    open,
    async (request, reply) => {
      const found = await caseForTeam(services, request);
      if (!found) return notFound(reply);
      const form = parseForm(recommendationForm, request.body);
      const result = form.ok
        ? await recommendations.add(tenantContext(request), found.id, form.value)
        : form;
      if (!result) return notFound(reply);
      if (!result.ok)
        return renderNew(request, reply.code(400), found, {
          values: typedWithLists(request.body, ['agencyIds']),
          errors: result.errors,
        });
      return reply
        .flash(`Recommendation ${result.value.number} added`)
        .redirect(casePath(found.id, recommendationAnchor(result.value.id)), 303);
    },
  );

  const renderChange = async (
    request: FastifyRequest<WithRecommendation>,
    reply: FastifyReply,
    sent: Sent = {},
  ) => {
    const loaded = await loadRecommendation(request);
    if (!loaded) return notFound(reply);
    const { recommendation } = loaded;
    return reply.page('reviews/views/recommendation-form.njk', {
      pageTitle: `Change recommendation ${recommendation.number}`,
      reviewCase: loaded.reviewCase,
      recommendation,
      values: sent.values ?? {
        text: recommendation.text,
        agencyIds: loaded.agencies.map((agency) => agency.id),
      },
      errors: sent.errors,
      version: versionToShow(sent, recommendation.version),
      agencyChoices: await agencyChoices(request, loaded.agencies),
    });
  };

  const recommendationPath = '/reviews/:id/recommendations/:recommendationId';

  app.get<WithRecommendation>(recommendationPath, open, (request, reply) =>
    renderChange(request, reply),
  );

  app.post<WithRecommendation & { Body: Body }>(
    recommendationPath,
    open,
    async (request, reply) => {
      const loaded = await loadRecommendation(request);
      if (!loaded) return notFound(reply);
      const form = parseForm(recommendationForm, request.body);
      const result = form.ok
        ? await recommendations.change(
            tenantContext(request),
            loaded.reviewCase.id,
            loaded.recommendation.id,
            form.value,
          )
        : form;
      if (!result) return notFound(reply);
      if (!result.ok)
        return renderChange(request, reply.code(400), {
          values: typedWithLists(request.body, ['agencyIds']),
          errors: result.errors,
        });
      return reply
        .flash(`Recommendation ${result.value.number} saved`)
        .redirect(casePath(loaded.reviewCase.id, recommendationAnchor(result.value.id)), 303);
    },
  );

  const renderAction = async (
    request: FastifyRequest<WithRecommendation>,
    reply: FastifyReply,
    sent: Sent = {},
  ) => {
    const loaded = await loadRecommendation(request);
    if (!loaded) return notFound(reply);
    const values = sent.values ?? dateInputValues('dueOn', null);
    return reply.page('reviews/views/recommendation-action.njk', {
      pageTitle: `Add an action for recommendation ${loaded.recommendation.number}`,
      ...loaded,
      values,
      errors: sent.errors,
      ownerChoices: await ownerChoices(services, tenantContext(request), values.ownerPersonId),
    });
  };

  const actionPath = `${recommendationPath}/actions/new`;

  app.get<WithRecommendation>(actionPath, open, (request, reply) => renderAction(request, reply));

  app.post<WithRecommendation & { Body: Body }>(actionPath, open, async (request, reply) => {
    const loaded = await loadRecommendation(request);
    if (!loaded) return notFound(reply);
    const form = parseForm(actionForm, parseDueDate(request.body));
    const result = form.ok
      ? await recommendations.addAction(
          tenantContext(request),
          loaded.reviewCase.id,
          loaded.recommendation.id,
          form.value,
        )
      : form;
    if (!result) return notFound(reply);
    if (!result.ok)
      return renderAction(request, reply.code(400), {
        values: typedValues(request.body),
        errors: result.errors,
      });
    return reply
      .flash(`Action added to the action log for recommendation ${loaded.recommendation.number}`)
      .redirect(
        casePath(loaded.reviewCase.id, recommendationAnchor(loaded.recommendation.id)),
        303,
      );
  });
}
