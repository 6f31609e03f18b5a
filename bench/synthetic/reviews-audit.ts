/**
 * The audit events of case reviews, as the reviews services write them: facts and dates,
 * never a child's details or typed text that could name one.
 */
import { auditKind } from './audit-log.js';
import type { CasePlan, PartnershipPlan } from './plan.js';
import { isoOf, type Day } from './timeline.js';

type Plan = PartnershipPlan;

const caseOf = (plan: Plan, index: number) => plan.cases[index]!;
const day = (value: Day | null) => (value === null ? null : isoOf(value));
const onCase = (action: string, after: (plan: Plan, c: CasePlan, b: number) => unknown) =>
  auditKind((plan, a, b) => ({
    action,
    entityType: 'review_case',
    entityId: caseOf(plan, a).id,
    after: after(plan, caseOf(plan, a), b),
  }));

export const OPENED = onCase('reviews.case_opened', (_, c) => ({
  reference: c.reference,
  kind: c.kind,
  awareOn: isoOf(c.awareOn),
}));
export const CHILD = onCase('reviews.child_recorded', (_, __, b) => ({ position: b + 1 }));
export const TEAM_ADDED = onCase('reviews.team_member_added', (plan, c, b) => ({
  userId: plan.accounts[c.team[b]!.account]!.id,
}));
export const TEAM_REMOVED = onCase('reviews.team_member_removed', (plan, c, b) => ({
  userId: plan.accounts[c.team[b]!.account]!.id,
}));
export const RAPID_STARTED = auditKind((plan, a) => ({
  action: 'reviews.rapid_review_started',
  entityType: 'rapid_review',
  entityId: caseOf(plan, a).id,
  after: { panelNotifiedOn: day(caseOf(plan, a).panelNotifiedOn) },
}));
export const REQUESTED = auditKind((plan, a, b) => {
  const request = caseOf(plan, a).rapidReview!.requests[b]!;
  return {
    action: 'reviews.information_requested',
    entityType: 'information_request',
    entityId: request.id,
    after: {
      caseId: caseOf(plan, a).id,
      agencyId: plan.agencies[request.agency]!.id,
      requestedOn: isoOf(request.requestedOn),
      dueOn: isoOf(request.dueOn),
    },
  };
});
export const RETURNED = auditKind((plan, a, b) => {
  const request = caseOf(plan, a).rapidReview!.requests[b]!;
  return {
    action: 'reviews.information_returned',
    entityType: 'information_request',
    entityId: request.id,
    after: {
      caseId: caseOf(plan, a).id,
      returnId: request.returned!.id,
      kind: request.returned!.kind,
      returnedOn: day(request.returnedOn),
    },
  };
});
export const MEETING_LINKED = auditKind((plan, a) => ({
  action: 'reviews.rapid_review_meeting_linked',
  entityType: 'rapid_review',
  entityId: caseOf(plan, a).id,
  before: { meetingId: null },
  after: { meetingId: plan.meetings[caseOf(plan, a).rapidReview!.meeting!]!.id, scheduled: false },
}));
export const OUTCOME = auditKind((plan, a) => {
  const rapid = caseOf(plan, a).rapidReview!;
  return {
    action: 'reviews.rapid_review_outcome_recorded',
    entityType: 'rapid_review',
    entityId: caseOf(plan, a).id,
    before: { outcome: null, learningScope: null, criteriaMet: [], decidedOn: null },
    after: {
      outcome: rapid.outcome,
      learningScope: rapid.learningScope,
      criteriaMet: rapid.criteriaMet,
      decidedOn: day(rapid.decidedOn),
      decidedWithoutMeeting: rapid.meeting === null,
    },
  };
});
export const PANEL = auditKind((plan, a, b) => {
  const rapid = caseOf(plan, a).rapidReview!;
  const responded = b === 1;
  return {
    action: 'reviews.rapid_review_panel_recorded',
    entityType: 'rapid_review',
    entityId: caseOf(plan, a).id,
    after: {
      sentToPanelOn: day(rapid.sentToPanelOn),
      panelResponseOn: responded ? day(rapid.panelResponseOn) : null,
      panelResponseRecorded: responded,
    },
  };
});
const practice = (plan: Plan, a: number) => caseOf(plan, a).practiceReview!;
export const PRACTICE_DECIDED = onCase('reviews.practice_review_decided', (plan, c) => ({
  decidedOn: isoOf(c.practiceReview!.decidedOn),
  targetOn: isoOf(c.practiceReview!.targetOn),
}));
export const MILESTONE = auditKind((plan, a, b) => {
  const milestone = practice(plan, a).milestones[b]!;
  return {
    action: 'reviews.milestone_added',
    entityType: 'review_milestone',
    entityId: milestone.id,
    after: { caseId: caseOf(plan, a).id, dueOn: isoOf(milestone.dueOn), status: milestone.status },
  };
});
export const DRAFT = onCase('reviews.draft_requested', (plan, c, b) => ({
  requestedOn: isoOf(c.practiceReview!.draftRequests[b]!.requestedOn),
}));
export const DELAY = auditKind((plan, a, b) => ({
  action: 'reviews.delay_recorded',
  entityType: 'review_case',
  entityId: caseOf(plan, a).id,
  before: { targetOn: isoOf(practice(plan, a).targetOn) },
  after: { targetOn: isoOf(practice(plan, a).delays[b]!.revisedOn) },
}));
export const FINAL_REPORT = auditKind((plan, a) => ({
  action: 'reviews.final_report_sent',
  entityType: 'review_case',
  entityId: caseOf(plan, a).id,
  before: { finalReportSentOn: null },
  after: { finalReportSentOn: day(practice(plan, a).finalReportSentOn) },
}));
export const PUBLICATION = auditKind((plan, a) => {
  const review = practice(plan, a);
  return {
    action: 'reviews.publication_recorded',
    entityType: 'review_case',
    entityId: caseOf(plan, a).id,
    before: { publishedOn: null, linked: false, notPublished: false, shortNotice: false },
    after: {
      publishedOn: day(review.publishedOn),
      linked: review.publicationUrl !== null,
      notPublished: review.notPublishedReason !== null,
      shortNotice: false,
    },
  };
});
export const RECOMMENDATION = auditKind((plan, a) => {
  const recommendation = plan.recommendations[a]!;
  return {
    action: 'reviews.recommendation_added',
    entityType: 'recommendation',
    entityId: recommendation.id,
    after: {
      caseId: caseOf(plan, recommendation.case).id,
      number: recommendation.number,
      agencyIds: recommendation.agencies.map((agency) => plan.agencies[agency]!.id),
    },
  };
});
export const LEARNING = auditKind((plan, a, b) => ({
  action: 'reviews.learning_point_added',
  entityType: 'learning_point',
  entityId: caseOf(plan, a).learningPoints[b]!.id,
  after: { caseId: caseOf(plan, a).id },
}));
export const DISSEMINATED = onCase('reviews.learning_disseminated', (plan, c, b) => {
  const shared = c.disseminations[b]!;
  return {
    disseminationId: shared.id,
    bodyId: shared.body === null ? null : plan.bodies[shared.body]!.id,
    agencyId: shared.agency === null ? null : plan.agencies[shared.agency]!.id,
    disseminatedOn: isoOf(shared.on),
  };
});
export const CLOSED = onCase('reviews.case_closed', () => ({ closed: true }));
