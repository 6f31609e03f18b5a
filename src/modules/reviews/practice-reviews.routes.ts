import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { TenantContext } from '../../db/client.js';
import type { Services } from '../../composition.js';
import { dateInputValues } from '../../platform/date-input.js';
import { ukDate } from '../../platform/dates.js';
import { parseForm, type FieldErrors, type Outcome } from '../../platform/forms.js';
import { notFound } from '../../platform/http/not-found.js';
import { withRecordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { typedValues } from '../../platform/http/typed-values.js';
import { versionToShow } from '../../platform/records.js';
import { caseForTeam, casePath } from './case-routing.js';
import {
  COMMON_METHODOLOGIES,
  DECISION_DATES,
  DELAY_DATES,
  DRAFT_REQUEST_DATES,
  FINAL_REPORT_DATES,
  MILESTONE_DATES,
  MILESTONE_STATUSES,
  PUBLICATION_DATES,
  decisionForm,
  delayForm,
  draftRequestForm,
  finalReportForm,
  foldDates,
  milestoneForm,
  publicationForm,
} from './practice-reviews.forms.js';
import { PUBLICATION_SETTLED, type PracticeReviewFile } from './practice-reviews.service.js';
import { reviewsPolicies } from './reviews.policy.js';

type Body = Record<string, unknown>;
type Params = { id: string; milestoneId?: string };
type Route = { Params: Params; Body: Body };
type Review = NonNullable<PracticeReviewFile['review']>;

/** What a form shows before anything is typed; null when the page has nothing to show (404). */
type Current = { values: Body; version?: number; refusal?: string | null } | null;

interface FormPage<S extends z.ZodType, R> {
  path: string;
  view: string;
  title: (file: PracticeReviewFile) => string;
  schema: S;
  dates: readonly string[];
  current: (file: PracticeReviewFile, params: Params) => Current;
  save: (
    context: TenantContext,
    caseId: string,
    input: z.infer<S>,
    params: Params,
  ) => Promise<Outcome<R> | null>;
  flash: (saved: R) => string;
}

const SECTION = '#practice-review';
const day = (date: string) => ukDate(`${date}T12:00:00Z`);

/** Values from the stored review, for a form that changes part of it. */
const fromReview = (file: PracticeReviewFile, values: (review: Review) => Body): Current =>
  file.review ? { values: values(file.review), version: file.review.version } : null;
/** A new record of the review: only once the review has been decided. */
const onReview = (file: PracticeReviewFile, values: Body = {}): Current =>
  file.review ? { values } : null;

/**
 * The local child safeguarding practice review's pages, for the case team only (404 to
 * anyone else, administrators included): each a form that re-shows what was typed with
 * the reasons when refused, and returns to the case's practice review section when saved.
 */
export function practiceReviewRoutes(app: FastifyInstance, services: Services) {
  const open = { config: { policy: reviewsPolicies.open } };
  const practice = services.reviews.practiceReviews;

  function formPage<S extends z.ZodType, R>(page: FormPage<S, R>) {
    const render = (
      request: FastifyRequest<Route>,
      reply: FastifyReply,
      file: PracticeReviewFile,
      current: NonNullable<Current>,
      sent: { values?: Body; errors?: FieldErrors } = {},
    ) =>
      reply.page(page.view, {
        pageTitle: page.title(file),
        reviewCase: file.reviewCase,
        file,
        action: request.url.split('?')[0],
        back: casePath(file.reviewCase.id, SECTION),
        values: sent.values ?? current.values,
        errors: sent.errors,
        refusal: sent.errors?.refusal ?? current.refusal,
        version: sent.values ? versionToShow(sent, current.version ?? 0) : current.version,
        statusNames: MILESTONE_STATUSES.names,
        methodologies: COMMON_METHODOLOGIES,
      });

    app.get<Route>(page.path, open, async (request, reply) => {
      const file = await withRecordId(request.params.id, (id) =>
        practice.open(tenantContext(request), id),
      );
      const current = file && page.current(file, request.params);
      if (!file || !current) return notFound(reply);
      return render(request, reply, file, current);
    });

    app.post<Route>(page.path, open, async (request, reply) => {
      const found = await caseForTeam(services, request);
      if (!found) return notFound(reply);
      const context = tenantContext(request);
      const form = parseForm(page.schema, foldDates(request.body, page.dates));
      const result = form.ok
        ? await page.save(context, found.id, form.value, request.params)
        : form;
      if (!result) return notFound(reply);
      if (result.ok)
        return reply.flash(page.flash(result.value)).redirect(casePath(found.id, SECTION), 303);
      const file = await practice.open(context, found.id);
      const current = file && page.current(file, request.params);
      if (!file || !current) return notFound(reply);
      return render(request, reply.code(400), file, current, {
        values: typedValues(request.body),
        errors: result.errors,
      });
    });
  }

  formPage({
    path: '/reviews/:id/practice-review',
    view: 'reviews/views/practice-review-decision.njk',
    title: (file) =>
      file.review ? 'Change the practice review' : 'Decide to hold a practice review',
    schema: decisionForm,
    dates: DECISION_DATES,
    current: (file) =>
      fromReview(file, (review) => ({
        methodology: review.methodology,
        reviewers: review.reviewers,
        termsOfReference: review.termsOfReference,
        ...dateInputValues('decidedOn', review.decidedOn),
      })) ?? { values: {}, refusal: file.refusal },
    save: practice.saveDecision,
    flash: ({ decided }) =>
      decided ? 'Decision to hold a practice review recorded' : 'Practice review saved',
  });

  formPage({
    path: '/reviews/:id/practice-review/milestones/new',
    view: 'reviews/views/practice-review-milestone.njk',
    title: () => 'Add a milestone',
    schema: milestoneForm,
    dates: MILESTONE_DATES,
    current: (file) => onReview(file, { status: 'planned' }),
    save: practice.addMilestone,
    flash: (added) => `Milestone added: ${added.title}`,
  });

  formPage({
    path: '/reviews/:id/practice-review/milestones/:milestoneId',
    view: 'reviews/views/practice-review-milestone.njk',
    title: () => 'Change a milestone',
    schema: milestoneForm,
    dates: MILESTONE_DATES,
    current: (file, params) => {
      const milestone = file.milestones.find((each) => each.id === params.milestoneId);
      if (!milestone) return null;
      return {
        values: {
          title: milestone.title,
          status: milestone.status,
          ...dateInputValues('dueOn', milestone.dueOn),
        },
        version: milestone.version,
      };
    },
    save: (context, caseId, input, params) =>
      practice.changeMilestone(context, caseId, params.milestoneId ?? '', input),
    flash: (saved) => `Milestone saved: ${saved.title}`,
  });

  formPage({
    path: '/reviews/:id/practice-review/draft-requests/new',
    view: 'reviews/views/practice-review-draft-request.njk',
    title: () => 'Record a request for a draft',
    schema: draftRequestForm,
    dates: DRAFT_REQUEST_DATES,
    current: (file) => onReview(file, dateInputValues('requestedOn', services.calendar.today())),
    save: practice.requestDraft,
    flash: () => 'Request for a draft recorded',
  });

  formPage({
    path: '/reviews/:id/practice-review/delays/new',
    view: 'reviews/views/practice-review-delay.njk',
    title: () => 'Record a delay',
    schema: delayForm,
    dates: DELAY_DATES,
    current: (file) =>
      file.review ? { values: {}, refusal: file.settled ? PUBLICATION_SETTLED : null } : null,
    save: practice.recordDelay,
    flash: () => 'Delay recorded: the publication date has moved',
  });

  formPage({
    path: '/reviews/:id/practice-review/final-report',
    view: 'reviews/views/practice-review-final-report.njk',
    title: () => 'Final report sent to the Panel and the Secretary of State',
    schema: finalReportForm,
    dates: FINAL_REPORT_DATES,
    current: (file) =>
      fromReview(file, (review) => dateInputValues('finalReportSentOn', review.finalReportSentOn)),
    save: practice.recordFinalReport,
    flash: (saved) => `Final report recorded as sent on ${day(saved.finalReportSentOn!)}`,
  });

  formPage({
    path: '/reviews/:id/practice-review/publication',
    view: 'reviews/views/practice-review-publication.njk',
    title: () => 'Publication of the practice review',
    schema: publicationForm,
    dates: PUBLICATION_DATES,
    current: (file) =>
      fromReview(file, (review) => ({
        publicationUrl: review.publicationUrl ?? '',
        notPublishedReason: review.notPublishedReason ?? '',
        shortNoticeReason: review.shortNoticeReason ?? '',
        ...dateInputValues('publishedOn', review.publishedOn),
      })),
    save: practice.recordPublication,
    flash: (saved) =>
      saved.publishedOn
        ? `Publication on ${day(saved.publishedOn)} recorded. The case moves on to its action plan.`
        : 'Reason the review is not published recorded. The case moves on to its action plan.',
  });
}
