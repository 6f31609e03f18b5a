import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { dateInputValues } from '../../platform/date-input.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { notFound } from '../../platform/http/not-found.js';
import { withRecordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { versionToShow } from '../../platform/records.js';
import { caseChildRoutes } from './case-children.routes.js';
import { caseClosingRoutes } from './case-closing.routes.js';
import { caseDashboardRoutes } from './case-dashboard.routes.js';
import { caseFile } from './case-file.js';
import { caseForTeam, casePath, typedWithLists, type WithCaseId } from './case-routing.js';
import { caseTeamRoutes } from './case-team.routes.js';
import { learningRoutes } from './learning.routes.js';
import { recommendationsRoutes } from './recommendations.routes.js';
import { practiceReviewRoutes } from './practice-reviews.routes.js';
import { rapidReviewRoutes } from './rapid-reviews.routes.js';
import { STAGE_NAMES, URGENCY_NAMES } from './case-progress.js';
import {
  CASE_KINDS,
  CRITERIA,
  notificationChangeForm,
  notificationForm,
  parseNotificationForm,
} from './reviews.forms.js';
import { reviewsPolicies } from './reviews.policy.js';

type Body = Record<string, unknown>;
type Sent = { values?: Body; errors?: FieldErrors };
const LISTS = ['criteria', 'agencyIds'] as const;

export const reviewVocabulary = {
  stageNames: STAGE_NAMES,
  urgencyNames: URGENCY_NAMES,
  kindNames: CASE_KINDS.names,
  criteriaNames: CRITERIA.names,
};

/** Cases: a new notification, the case page its team sees, and the list everyone sees. */
export function reviewsRoutes(app: FastifyInstance, services: Services) {
  const { cases } = services.reviews;
  const notify = { config: { policy: reviewsPolicies.notify } };
  const open = { config: { policy: reviewsPolicies.open } };

  const agencyChoices = async (request: FastifyRequest) =>
    (await services.governance.agencies.all(tenantContext(request))).map((agency) => ({
      value: agency.id,
      text: agency.name,
    }));

  const renderNew = async (request: FastifyRequest, reply: FastifyReply, sent: Sent = {}) =>
    reply.page('reviews/views/notification-new.njk', {
      pageTitle: 'Record a serious incident notification',
      values: sent.values ?? { kind: 'serious_incident', criteria: [], agencyIds: [] },
      errors: sent.errors,
      agencyChoices: await agencyChoices(request),
      ...reviewVocabulary,
    });

  app.get('/reviews/new', notify, (request, reply) => renderNew(request, reply));

  app.post<{ Body: Body }>('/reviews/new', notify, async (request, reply) => {
    const form = parseForm(notificationForm, parseNotificationForm(request.body));
    const result = form.ok ? await cases.notify(tenantContext(request), form.value) : form;
    if (!result.ok)
      return renderNew(request, reply.code(400), {
        values: typedWithLists(request.body, LISTS),
        errors: result.errors,
      });
    return reply
      .flash(`Case ${result.value.reference} recorded. You are on its case team.`)
      .redirect(casePath(result.value.id), 303);
  });

  app.get<WithCaseId>('/reviews/:id', open, async (request, reply) => {
    const file = await withRecordId(request.params.id, (id) =>
      caseFile(services, tenantContext(request), id),
    );
    if (!file) return notFound(reply);
    return reply.page('reviews/views/case.njk', {
      pageTitle: `Case ${file.reviewCase.reference}`,
      ...file,
      ...reviewVocabulary,
    });
  });

  const renderNotification = async (
    request: FastifyRequest<WithCaseId>,
    reply: FastifyReply,
    found: { id: string; reference: string; version: number },
    sent: Sent,
    current: Body,
  ) =>
    reply.page('reviews/views/notification-change.njk', {
      pageTitle: `Change the notification: ${found.reference}`,
      reviewCase: found,
      values: sent.values ?? current,
      version: versionToShow(sent, found.version),
      errors: sent.errors,
      agencyChoices: await agencyChoices(request),
      ...reviewVocabulary,
    });

  app.get<WithCaseId>('/reviews/:id/notification', open, async (request, reply) => {
    const file = await withRecordId(request.params.id, (id) =>
      cases.open(tenantContext(request), id),
    );
    if (!file) return notFound(reply);
    const found = file.reviewCase;
    return renderNotification(
      request,
      reply,
      found,
      {},
      {
        criteria: found.criteria,
        agencyIds: file.agencies.map((agency) => agency.id),
        ...dateInputValues('awareOn', found.awareOn),
        ...dateInputValues('panelNotifiedOn', found.panelNotifiedOn),
        ...dateInputValues('ofstedNotifiedOn', found.ofstedNotifiedOn),
        ...dateInputValues('partnersNotifiedOn', found.partnersNotifiedOn),
      },
    );
  });

  app.post<WithCaseId & { Body: Body }>(
    '/reviews/:id/notification',
    open,
    async (request, reply) => {
      const found = await caseForTeam(services, request);
      if (!found) return notFound(reply);
      const form = parseForm(notificationChangeForm, parseNotificationForm(request.body));
      const result = form.ok
        ? await cases.changeNotification(tenantContext(request), found.id, form.value)
        : form;
      if (!result) return notFound(reply);
      if (!result.ok)
        return renderNotification(
          request,
          reply.code(400),
          found,
          { values: typedWithLists(request.body, LISTS), errors: result.errors },
          {},
        );
      return reply
        .flash('Notification details saved')
        .redirect(casePath(found.id, '#notification'), 303);
    },
  );

  caseDashboardRoutes(app, services);
  caseChildRoutes(app, services);
  caseClosingRoutes(app, services);
  caseTeamRoutes(app, services);
  recommendationsRoutes(app, services);
  learningRoutes(app, services);
  practiceReviewRoutes(app, services);
  rapidReviewRoutes(app, services);
}
