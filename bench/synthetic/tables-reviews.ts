/** Rows of case reviews: cases, sealed children, teams, stages, documents, learning. */
import { createHash } from 'node:crypto';
import { demoPdf } from '../../src/demo/demo-pdf.js';
import { sealChild } from '../../src/modules/reviews/case-children.js';
import { returnedFileName } from '../../src/modules/reviews/information-requests.service.js';
import type { PartnershipPlan } from './plan.js';
import { TIMESCALES } from './reviews.js';
import { table, when, on } from './table.js';
import { iso, isoOf } from './timeline.js';

type Plan = PartnershipPlan;
const DAY_MS = 86_400_000;

const cases = table(
  'review_case',
  'id, partnership_id, reference, kind, aware_on, criteria, panel_notified_on, ofsted_notified_on, partners_notified_on, notification_working_days, rapid_review_working_days, panel_response_working_days, practice_review_months, final_report_working_days, close_reason, created_by, version, created_at, closed_at',
  function* (plan) {
    for (const review of plan.cases)
      yield [
        review.id,
        plan.id,
        review.reference,
        review.kind,
        isoOf(review.awareOn),
        review.criteria,
        on(review.panelNotifiedOn),
        on(review.ofstedNotifiedOn),
        on(review.partnersNotifiedOn),
        TIMESCALES.notificationWorkingDays,
        TIMESCALES.rapidReviewWorkingDays,
        TIMESCALES.panelResponseWorkingDays,
        TIMESCALES.practiceReviewMonths,
        TIMESCALES.finalReportWorkingDays,
        review.closeReason,
        plan.accounts[review.createdBy]!.id,
        review.closedMs === null ? 1 : 2,
        iso(review.createdMs),
        when(review.closedMs),
      ];
  },
);

const children = table(
  'case_child',
  'id, partnership_id, case_id, position, name_sealed, date_of_birth_sealed, nhs_number_sealed, address_sealed, version, created_at',
  function* (plan, context) {
    for (const review of plan.cases)
      for (const [index, child] of review.children.entries()) {
        const sealed = sealChild(context.cipher, child.id, child);
        yield [
          child.id,
          plan.id,
          review.id,
          index + 1,
          sealed.nameSealed,
          sealed.dateOfBirthSealed,
          sealed.nhsNumberSealed,
          sealed.addressSealed,
          1,
          iso(review.createdMs),
        ];
      }
  },
);

const caseAgencies = table('case_agency', 'partnership_id, case_id, agency_id', function* (plan) {
  for (const review of plan.cases)
    for (const agency of review.agencies) yield [plan.id, review.id, plan.agencies[agency]!.id];
});

const team = table(
  'case_team_member',
  'id, partnership_id, case_id, user_id, added_by, created_at, removed_by, removed_at',
  function* (plan) {
    for (const review of plan.cases)
      for (const member of review.team)
        yield [
          member.id,
          plan.id,
          review.id,
          plan.accounts[member.account]!.id,
          plan.accounts[member.addedBy]!.id,
          iso(member.ms),
          member.removedMs === null ? null : plan.accounts[review.createdBy]!.id,
          when(member.removedMs),
        ];
  },
);

const rapidReviews = table(
  'rapid_review',
  'case_id, partnership_id, meeting_id, outcome, learning_scope, criteria_met, rationale, decided_on, sent_to_panel_on, panel_response_on, panel_response, version, created_at',
  function* (plan) {
    for (const review of plan.cases) {
      const rapid = review.rapidReview;
      if (!rapid) continue;
      const changes = [rapid.meeting, rapid.outcome, rapid.sentToPanelOn, rapid.panelResponseOn];
      yield [
        review.id,
        plan.id,
        rapid.meeting === null ? null : plan.meetings[rapid.meeting]!.id,
        rapid.outcome,
        rapid.learningScope,
        rapid.criteriaMet,
        rapid.rationale,
        on(rapid.decidedOn),
        on(rapid.sentToPanelOn),
        on(rapid.panelResponseOn),
        rapid.panelResponse,
        1 + changes.filter((change) => change !== null).length,
        iso(rapid.createdMs),
      ];
    }
  },
);

const requests = table(
  'information_request',
  'id, partnership_id, case_id, agency_id, asked_for, requested_on, due_on, returned_on, version, created_at',
  function* (plan) {
    for (const review of plan.cases)
      for (const request of review.rapidReview?.requests ?? [])
        yield [
          request.id,
          plan.id,
          review.id,
          plan.agencies[request.agency]!.id,
          request.askedFor,
          isoOf(request.requestedOn),
          isoOf(request.dueOn),
          on(request.returnedOn),
          request.returnedOn === null ? 1 : 2,
          iso(request.createdMs),
        ];
  },
);

/** A returned chronology: a small PDF, sealed as the information requests service seals it. */
function* returnedDocuments(plan: Plan) {
  for (const review of plan.cases)
    for (const request of review.rapidReview?.requests ?? []) {
      if (!request.returned) continue;
      const agency = plan.agencies[request.agency]!.name;
      const document = demoPdf(`Chronology for ${review.reference}`, [
        `Returned by ${agency}.`,
        'A synthetic chronology for the benchmark: no real person or event.',
      ]);
      yield { review, request, agency, document };
    }
}

const files = table(
  'stored_file',
  'id, partnership_id, file_name, content_type, byte_size, sha256, content, uploaded_by, created_at',
  function* (plan, context) {
    for (const { review, request, agency, document } of returnedDocuments(plan)) {
      const sealed = context.cipher.seal(
        document.toString('base64'),
        `information_return:${request.id}`,
      );
      yield [
        request.returned!.fileId,
        plan.id,
        returnedFileName(review.reference, 'chronology', agency, 'application/pdf'),
        'application/pdf',
        document.length,
        createHash('sha256').update(document).digest('hex'),
        Buffer.from(sealed, 'utf8'),
        plan.accounts[request.returned!.uploadedBy]!.id,
        iso(request.returned!.ms),
      ];
    }
  },
);

const returns = table(
  'information_return',
  'id, partnership_id, request_id, file_id, kind, uploaded_by, created_at',
  function* (plan) {
    for (const review of plan.cases)
      for (const request of review.rapidReview?.requests ?? []) {
        const returned = request.returned;
        if (!returned) continue;
        yield [
          returned.id,
          plan.id,
          request.id,
          returned.fileId,
          returned.kind,
          plan.accounts[returned.uploadedBy]!.id,
          iso(returned.ms),
        ];
      }
  },
);

const practiceReviews = table(
  'practice_review',
  'case_id, partnership_id, decided_on, methodology, reviewers, terms_of_reference, target_on, final_report_sent_on, published_on, publication_url, not_published_reason, version, created_at',
  function* (plan) {
    for (const review of plan.cases) {
      const practice = review.practiceReview;
      if (!practice) continue;
      const published = practice.publishedOn !== null || practice.notPublishedReason !== null;
      yield [
        review.id,
        plan.id,
        isoOf(practice.decidedOn),
        practice.methodology,
        practice.reviewers,
        practice.termsOfReference,
        isoOf(practice.targetOn),
        on(practice.finalReportSentOn),
        on(practice.publishedOn),
        practice.publicationUrl,
        practice.notPublishedReason,
        1 + (practice.finalReportSentOn === null ? 0 : 1) + (published ? 1 : 0),
        iso(practice.createdMs),
      ];
    }
  },
);

const milestones = table(
  'review_milestone',
  'id, partnership_id, case_id, title, due_on, status, version, created_at',
  function* (plan) {
    for (const review of plan.cases)
      for (const [index, milestone] of (review.practiceReview?.milestones ?? []).entries())
        yield [
          milestone.id,
          plan.id,
          review.id,
          milestone.title,
          isoOf(milestone.dueOn),
          milestone.status,
          1,
          iso(review.practiceReview!.createdMs + (index + 1) * DAY_MS),
        ];
  },
);

const draftRequests = table(
  'draft_request',
  'id, partnership_id, case_id, requested_on, request, requested_by, created_at',
  function* (plan) {
    for (const review of plan.cases)
      for (const draft of review.practiceReview?.draftRequests ?? [])
        yield [
          draft.id,
          plan.id,
          review.id,
          isoOf(draft.requestedOn),
          draft.request,
          plan.accounts[review.createdBy]!.id,
          iso(plan.timeline.at(draft.requestedOn, 11 * 60)),
        ];
  },
);

const delays = table(
  'review_delay',
  'id, partnership_id, case_id, reason, revised_on, recorded_by, created_at',
  function* (plan) {
    for (const review of plan.cases)
      for (const delay of review.practiceReview?.delays ?? [])
        yield [
          delay.id,
          plan.id,
          review.id,
          delay.reason,
          isoOf(delay.revisedOn),
          plan.accounts[review.createdBy]!.id,
          iso(delay.ms),
        ];
  },
);

const recommendations = table(
  'recommendation',
  'id, partnership_id, case_id, number, text, version, created_at',
  function* (plan) {
    for (const recommendation of plan.recommendations)
      yield [
        recommendation.id,
        plan.id,
        plan.cases[recommendation.case]!.id,
        recommendation.number,
        recommendation.text,
        1,
        iso(recommendation.createdMs),
      ];
  },
);

const recommendationAgencies = table(
  'recommendation_agency',
  'partnership_id, recommendation_id, agency_id',
  function* (plan) {
    for (const recommendation of plan.recommendations)
      for (const agency of recommendation.agencies)
        yield [plan.id, recommendation.id, plan.agencies[agency]!.id];
  },
);

const learningPoints = table(
  'learning_point',
  'id, partnership_id, case_id, text, version, created_at',
  function* (plan) {
    for (const review of plan.cases)
      for (const point of review.learningPoints)
        yield [point.id, plan.id, review.id, point.text, 1, iso(point.ms)];
  },
);

const disseminations = table(
  'learning_dissemination',
  'id, partnership_id, case_id, body_id, agency_id, disseminated_on, recorded_by, created_at',
  function* (plan) {
    for (const review of plan.cases)
      for (const shared of review.disseminations)
        yield [
          shared.id,
          plan.id,
          review.id,
          shared.body === null ? null : plan.bodies[shared.body]!.id,
          shared.agency === null ? null : plan.agencies[shared.agency]!.id,
          isoOf(shared.on),
          plan.accounts[review.createdBy]!.id,
          iso(shared.ms),
        ];
  },
);

export const REVIEW_TABLES = [
  cases,
  children,
  caseAgencies,
  team,
  rapidReviews,
  requests,
  files,
  returns,
  practiceReviews,
  milestones,
  draftRequests,
  delays,
  recommendations,
  recommendationAgencies,
  learningPoints,
  disseminations,
];
