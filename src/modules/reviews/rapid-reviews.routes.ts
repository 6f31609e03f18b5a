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
import { meetingsPolicies } from '../meetings/meetings.policy.js';
import { casePath, typedWithLists, type WithCaseId } from './case-routing.js';
import { informationRequestRoutes } from './information-requests.routes.js';
import type { RapidReviewRow } from './rapid-reviews.repository.js';
import {
  LEARNING_SCOPES,
  LOCAL_CRITERIA,
  NATIONAL_CRITERIA,
  OUTCOMES,
  inOutcomeOrder,
  meetingForm,
  outcomeForm,
  panelForm,
  parseMeetingForm,
  parseOutcomeForm,
  parsePanelForm,
} from './rapid-reviews.forms.js';
import { reviewsPolicies } from './reviews.policy.js';

type Body = Record<string, unknown>;
type Sent = { values?: Body; errors?: FieldErrors };
type Loaded = {
  reviewCase: { id: string; reference: string; panelNotifiedOn: string | null };
  review: RapidReviewRow;
};

export const rapidReviewPath = (caseId: string, part = '') =>
  `/reviews/${caseId}/rapid-review${part}`;
const SECTION = '#rapid-review';

export const rapidReviewVocabulary = {
  outcomeNames: OUTCOMES.names,
  learningScopeNames: LEARNING_SCOPES.names,
  nationalCriteriaNames: NATIONAL_CRITERIA.names,
  localCriteriaNames: LOCAL_CRITERIA.names,
};

/** Whether the signed-in person may schedule meetings, as the meetings module decides. */
const schedulesMeetings = (request: FastifyRequest) =>
  meetingsPolicies.run.decide(request.principal) === 'allow';

/**
 * The rapid review of a case, for its team only (404 to anyone else, administrators
 * included): starting it, its meeting, its outcome, the Panel, and the Word draft.
 */
export function rapidReviewRoutes(app: FastifyInstance, services: Services) {
  const open = { config: { policy: reviewsPolicies.open } };
  const { rapidReviews } = services.reviews;

  /** The case and its started rapid review when the user is on the team; else null (404). */
  const loadReview = async (request: FastifyRequest<WithCaseId>): Promise<Loaded | null> => {
    const loaded = await withRecordId(request.params.id, (id) =>
      rapidReviews.load(tenantContext(request), id),
    );
    return loaded?.review ? (loaded as Loaded) : null;
  };

  const renderStart = (
    reply: FastifyReply,
    reviewCase: { id: string; reference: string },
    refusal: string | null,
    errors?: FieldErrors,
  ) =>
    reply.page('reviews/views/rapid-review-start.njk', {
      pageTitle: `Start the rapid review: ${reviewCase.reference}`,
      reviewCase,
      refusal,
      errors,
    });

  app.get<WithCaseId>('/reviews/:id/rapid-review/start', open, async (request, reply) => {
    const loaded = await withRecordId(request.params.id, (id) =>
      rapidReviews.load(tenantContext(request), id),
    );
    if (!loaded) return notFound(reply);
    if (loaded.review) return reply.redirect(casePath(loaded.reviewCase.id, SECTION), 303);
    const section = await rapidReviews.ofCase(tenantContext(request), loaded.reviewCase.id);
    return renderStart(reply, loaded.reviewCase, section?.startRefusal ?? null);
  });

  app.post<WithCaseId>('/reviews/:id/rapid-review/start', open, async (request, reply) => {
    const result = await withRecordId(request.params.id, (id) =>
      rapidReviews.start(tenantContext(request), id),
    );
    if (!result) return notFound(reply);
    const loaded = (await rapidReviews.load(tenantContext(request), request.params.id))!;
    if (!result.ok)
      return renderStart(
        reply.code(400),
        loaded.reviewCase,
        result.errors.form ?? null,
        result.errors,
      );
    return reply
      .flash('Rapid review started')
      .redirect(casePath(loaded.reviewCase.id, SECTION), 303);
  });

  const renderMeeting = async (
    request: FastifyRequest<WithCaseId>,
    reply: FastifyReply,
    loaded: Loaded,
    sent: Sent = {},
  ) => {
    const context = tenantContext(request);
    const choices = await rapidReviews.meetingChoices(context);
    const canSchedule = schedulesMeetings(request);
    const { review } = loaded;
    return reply.page('reviews/views/rapid-review-meeting.njk', {
      pageTitle: `The rapid review meeting: ${loaded.reviewCase.reference}`,
      reviewCase: loaded.reviewCase,
      ...choices,
      canSchedule,
      current: review.meetingId ? await rapidReviews.meetingOf(context, review.meetingId) : null,
      outcomeRecorded: Boolean(review.outcome),
      values: sent.values ?? {
        choice: review.meetingId || !canSchedule ? 'existing' : 'new',
        bodyId: choices.defaultBodyId,
        meetingId: review.meetingId ?? '',
      },
      version: versionToShow(sent, review.version),
      errors: sent.errors,
    });
  };

  app.get<WithCaseId>('/reviews/:id/rapid-review/meeting', open, async (request, reply) => {
    const loaded = await loadReview(request);
    return loaded ? renderMeeting(request, reply, loaded) : notFound(reply);
  });

  app.post<WithCaseId & { Body: Body }>(
    '/reviews/:id/rapid-review/meeting',
    open,
    async (request, reply) => {
      const loaded = await loadReview(request);
      if (!loaded) return notFound(reply);
      const form = parseForm(meetingForm, parseMeetingForm(request.body));
      const result = form.ok
        ? await rapidReviews.linkMeeting(
            tenantContext(request),
            loaded.reviewCase.id,
            form.value,
            schedulesMeetings(request),
          )
        : form;
      if (!result) return notFound(reply);
      if (!result.ok)
        return renderMeeting(request, reply.code(400), loaded, {
          values: typedValues(request.body),
          errors: result.errors,
        });
      return reply
        .flash('Rapid review meeting saved')
        .redirect(casePath(loaded.reviewCase.id, SECTION), 303);
    },
  );

  const renderOutcome = async (
    request: FastifyRequest<WithCaseId>,
    reply: FastifyReply,
    loaded: Loaded,
    sent: Sent = {},
  ) => {
    const { review } = loaded;
    return reply.page('reviews/views/rapid-review-outcome.njk', {
      pageTitle: `The outcome of the rapid review: ${loaded.reviewCase.reference}`,
      reviewCase: loaded.reviewCase,
      meeting: review.meetingId
        ? await rapidReviews.meetingOf(tenantContext(request), review.meetingId)
        : null,
      values: sent.values ?? {
        outcome: review.outcome ?? '',
        learningScope: review.learningScope ?? '',
        criteriaMet: review.criteriaMet,
        rationale: review.rationale ?? '',
        ...dateInputValues('decidedOn', review.decidedOn),
      },
      version: versionToShow(sent, review.version),
      errors: sent.errors,
      ...rapidReviewVocabulary,
    });
  };

  app.get<WithCaseId>('/reviews/:id/rapid-review/outcome', open, async (request, reply) => {
    const loaded = await loadReview(request);
    return loaded ? renderOutcome(request, reply, loaded) : notFound(reply);
  });

  app.post<WithCaseId & { Body: Body }>(
    '/reviews/:id/rapid-review/outcome',
    open,
    async (request, reply) => {
      const loaded = await loadReview(request);
      if (!loaded) return notFound(reply);
      const form = parseForm(outcomeForm, parseOutcomeForm(request.body));
      const result = form.ok
        ? await rapidReviews.recordOutcome(tenantContext(request), loaded.reviewCase.id, form.value)
        : form;
      if (!result) return notFound(reply);
      if (!result.ok)
        return renderOutcome(request, reply.code(400), loaded, {
          values: typedWithLists(request.body, ['criteriaMet']),
          errors: inOutcomeOrder(result.errors),
        });
      return reply
        .flash('Outcome of the rapid review saved')
        .redirect(casePath(loaded.reviewCase.id, SECTION), 303);
    },
  );

  const renderPanel = (reply: FastifyReply, loaded: Loaded, sent: Sent = {}) => {
    const { review } = loaded;
    return reply.page('reviews/views/rapid-review-panel.njk', {
      pageTitle: `The rapid review and the national Panel: ${loaded.reviewCase.reference}`,
      reviewCase: loaded.reviewCase,
      decidedOn: review.decidedOn,
      values: sent.values ?? {
        panelResponse: review.panelResponse ?? '',
        ...dateInputValues('sentToPanelOn', review.sentToPanelOn),
        ...dateInputValues('panelResponseOn', review.panelResponseOn),
      },
      version: versionToShow(sent, review.version),
      errors: sent.errors,
    });
  };

  app.get<WithCaseId>('/reviews/:id/rapid-review/panel', open, async (request, reply) => {
    const loaded = await loadReview(request);
    return loaded ? renderPanel(reply, loaded) : notFound(reply);
  });

  app.post<WithCaseId & { Body: Body }>(
    '/reviews/:id/rapid-review/panel',
    open,
    async (request, reply) => {
      const loaded = await loadReview(request);
      if (!loaded) return notFound(reply);
      const form = parseForm(panelForm, parsePanelForm(request.body));
      const result = form.ok
        ? await rapidReviews.recordPanel(tenantContext(request), loaded.reviewCase.id, form.value)
        : form;
      if (!result) return notFound(reply);
      if (!result.ok)
        return renderPanel(reply.code(400), loaded, {
          values: typedValues(request.body),
          errors: result.errors,
        });
      return reply
        .flash('Panel dates saved')
        .redirect(casePath(loaded.reviewCase.id, SECTION), 303);
    },
  );

  app.get<WithCaseId>('/reviews/:id/rapid-review/report.docx', open, async (request, reply) => {
    const document = await withRecordId(request.params.id, (id) =>
      rapidReviews.report(tenantContext(request), id),
    );
    return document ? sendDocument(reply, document) : notFound(reply);
  });

  informationRequestRoutes(app, services);
}
