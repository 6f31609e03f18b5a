/**
 * The rows of each table, from planned partnerships, in the order their foreign keys need.
 * Columns are listed as the migrations name them; every value is one the app could have
 * written (statuses, versions, timescales, sealed children as the reviews module seals them).
 */
import { createHash } from 'node:crypto';
import { demoPdf } from '../../src/demo/demo-pdf.js';
import { sealChild } from '../../src/modules/reviews/case-children.js';
import { returnedFileName } from '../../src/modules/reviews/information-requests.service.js';
import type { FieldCipher } from '../../src/platform/sealing/field-cipher.js';
import { renderAuditEvent } from './audit-log.js';
import { Json, type Field } from './copy.js';
import type { PartnershipPlan } from './plan.js';
import { Random } from './random.js';
import { TIMESCALES } from './reviews.js';
import { iso, isoOf, type Day } from './timeline.js';
import { UPDATE_NOTES } from './words.js';

/** What rows need beyond the plans: the cipher for children, the accounts' password hash. */
export interface RowContext {
  seed: number;
  cipher: FieldCipher;
  passwordHash: string;
}

export interface Table {
  name: string;
  columns: readonly string[];
  rows(plan: PartnershipPlan, context: RowContext): Iterable<readonly Field[]>;
}

type Plan = PartnershipPlan;
const when = (ms: number | null) => (ms === null ? null : iso(ms));
const on = (day: Day | null) => (day === null ? null : isoOf(day));
const DAY_MS = 86_400_000;

const table = (name: string, columns: string, rows: Table['rows']): Table => ({
  name,
  columns: columns.split(/,\s*/),
  rows,
});

const accounts = table(
  'app_user',
  'id, email, display_name, password_hash, password_changed_at, version, created_at',
  function* (plan, context) {
    for (const account of plan.accounts) {
      const person = plan.people[account.person]!;
      const created = iso(account.createdMs);
      yield [account.id, person.email, person.fullName, context.passwordHash, created, 1, created];
    }
  },
);

const roles = table(
  'partnership_role',
  'partnership_id, user_id, role, created_at',
  function* (plan) {
    for (const account of plan.accounts)
      for (const role of account.roles) yield [plan.id, account.id, role, iso(account.createdMs)];
  },
);

const settings = table(
  'partnership_setting',
  'partnership_id, action_reminder_working_days, notification_working_days, rapid_review_working_days, panel_response_working_days, practice_review_months, final_report_working_days, version',
  function* (plan) {
    yield [
      plan.id,
      5,
      TIMESCALES.notificationWorkingDays,
      TIMESCALES.rapidReviewWorkingDays,
      TIMESCALES.panelResponseWorkingDays,
      TIMESCALES.practiceReviewMonths,
      TIMESCALES.finalReportWorkingDays,
      1,
    ];
  },
);

const agencies = table(
  'agency',
  'id, partnership_id, name, agency_type, is_safeguarding_partner, is_relevant_agency, closed_at, version, created_at',
  function* (plan) {
    for (const agency of plan.agencies)
      yield [
        agency.id,
        plan.id,
        agency.name,
        agency.agencyType,
        agency.isSafeguardingPartner,
        agency.isRelevantAgency,
        when(agency.closedMs),
        agency.closedMs === null ? 1 : 2,
        iso(agency.createdMs),
      ];
  },
);

const people = table(
  'person',
  'id, partnership_id, full_name, job_title, agency_id, email, phone, user_id, closed_at, version, created_at',
  function* (plan) {
    for (const person of plan.people)
      yield [
        person.id,
        plan.id,
        person.fullName,
        person.jobTitle,
        plan.agencies[person.agency]!.id,
        person.email,
        person.phone,
        person.account === null ? null : plan.accounts[person.account]!.id,
        when(person.closedMs),
        person.closedMs === null ? 1 : 2,
        iso(person.createdMs),
      ];
  },
);

const bodies = table(
  'body',
  'id, partnership_id, name, body_type, reports_to_id, purpose, cadence, cadence_note, chair_person_id, chair_appointed_on, chair_review_due_on, vice_chair_person_id, vice_chair_appointed_on, vice_chair_review_due_on, business_officer_person_id, terms_of_reference_review_due_on, quorum_uses_partners, quorum_minimum_head_count, closed_at, version, created_at',
  function* (plan) {
    const yearAfter = (day: Day) => isoOf(day + 365);
    for (const body of plan.bodies) {
      const officer = (role: typeof body.chair) => [
        role === null ? null : plan.people[role.person]!.id,
        role === null ? null : isoOf(role.appointedOn),
        role === null || !role.reviewed ? null : yearAfter(role.appointedOn),
      ];
      yield [
        body.id,
        plan.id,
        body.name,
        body.bodyType,
        body.reportsTo === null ? null : plan.bodies[body.reportsTo]!.id,
        body.purpose,
        body.cadence,
        body.cadenceNote,
        ...officer(body.chair),
        ...officer(body.viceChair),
        body.businessOfficer === null ? null : plan.people[body.businessOfficer]!.id,
        on(body.termsOfReferenceReviewDueOn),
        body.quorumUsesPartners,
        body.minimumHeadCount,
        when(body.closedMs),
        1 + (body.quorumUsesPartners ? 0 : 1) + (body.closedMs === null ? 0 : 1),
        iso(body.createdMs),
      ];
    }
  },
);

const standingItems = table(
  'standing_item',
  'id, partnership_id, body_id, position, title, purpose, presenter, duration_minutes, version, created_at',
  function* (plan) {
    for (const body of plan.bodies)
      for (const [index, item] of body.standingItems.entries())
        yield [
          item.id,
          plan.id,
          body.id,
          index + 1,
          item.title,
          'discussion',
          item.presenter,
          item.durationMinutes,
          1,
          iso(body.createdMs + 60_000 + index * 1000),
        ];
  },
);

const memberships = table(
  'membership',
  'id, partnership_id, body_id, person_id, status, represents_agency_id, decision_making, starts_on, ends_on, induction_booklet, induction_templates, induction_standards, induction_reporting, induction_completed_on, version, created_at',
  function* (plan) {
    const lastDay = plan.timeline.asOf - 1;
    for (const seat of plan.memberships) {
      const done = seat.induction === 'complete' && seat.startsOn + 30 <= lastDay;
      const started = seat.induction !== 'not_started';
      yield [
        seat.id,
        plan.id,
        plan.bodies[seat.body]!.id,
        plan.people[seat.person]!.id,
        seat.status,
        plan.agencies[seat.agency]!.id,
        seat.decisionMaking,
        isoOf(seat.startsOn),
        on(seat.endsOn),
        started,
        started,
        done,
        done,
        done ? isoOf(seat.startsOn + 30) : null,
        seat.endsOn === null ? 1 : 2,
        iso(seat.createdMs),
      ];
    }
  },
);

const deputies = table(
  'deputy',
  'id, partnership_id, membership_id, person_id, starts_on, ends_on, version, created_at',
  function* (plan) {
    for (const deputy of plan.deputies)
      yield [
        deputy.id,
        plan.id,
        plan.memberships[deputy.membership]!.id,
        plan.people[deputy.person]!.id,
        isoOf(deputy.startsOn),
        on(deputy.endsOn),
        1,
        iso(deputy.createdMs),
      ];
  },
);

const meetings = table(
  'meeting',
  'id, partnership_id, body_id, starts_at, ends_at, location, status, cancel_reason, agenda_published_at, minutes_status, minutes_circulated_at, minutes_approved_at, minutes_approved_at_meeting_id, version, created_at',
  function* (plan) {
    for (const meeting of plan.meetings)
      yield [
        meeting.id,
        plan.id,
        plan.bodies[meeting.body]!.id,
        iso(meeting.startsMs),
        iso(meeting.endsMs),
        meeting.location,
        meeting.cancelReason === null ? 'scheduled' : 'cancelled',
        meeting.cancelReason,
        when(meeting.agendaPublishedMs),
        meeting.minutesStatus,
        when(meeting.minutesCirculatedMs),
        when(meeting.minutesApprovedMs),
        meeting.minutesApprovedAtMeeting === null
          ? null
          : plan.meetings[meeting.minutesApprovedAtMeeting]!.id,
        meeting.version,
        iso(meeting.createdMs),
      ];
  },
);

/** Ratification items name their decision, which names its item: that link is set after. */
const agendaItems = table(
  'agenda_item',
  'id, partnership_id, meeting_id, position, title, presenter, duration_minutes, purpose, origin, proposal_status, proposed_by, approves_minutes_of_meeting_id, minutes, version, created_at',
  function* (plan) {
    for (const item of plan.agendaItems)
      yield [
        item.id,
        plan.id,
        plan.meetings[item.meeting]!.id,
        item.position,
        item.title,
        item.presenter,
        item.durationMinutes,
        item.purpose,
        item.origin,
        item.origin === 'proposed' ? 'accepted' : null,
        item.proposedBy === null ? null : plan.accounts[item.proposedBy]!.id,
        item.approvesMinutesOf === null ? null : plan.meetings[item.approvesMinutesOf]!.id,
        item.minutes,
        item.minutedMs === null ? 1 : 2,
        iso(item.createdMs),
      ];
  },
);

const attendance = table(
  'attendance',
  'id, partnership_id, meeting_id, membership_id, status, deputy_id, guest_name, guest_role, version, created_at',
  function* (plan) {
    for (const row of plan.attendance) {
      const meeting = plan.meetings[row.meeting]!;
      yield [
        row.id,
        plan.id,
        meeting.id,
        row.membership === null ? null : plan.memberships[row.membership]!.id,
        row.status,
        row.deputy === null ? null : plan.deputies[row.deputy]!.id,
        row.guestName,
        row.guestRole,
        1,
        iso(meeting.endsMs + 15 * 60_000),
      ];
    }
  },
);

const decisions = table(
  'decision',
  'id, partnership_id, meeting_id, agenda_item_id, text, kind, needs_ratification, ratifying_body_id, ratifies_decision_id, ratification_outcome, quorate, recorded_by, version, created_at',
  function* (plan) {
    for (const decision of plan.decisions)
      yield [
        decision.id,
        plan.id,
        plan.meetings[decision.meeting]!.id,
        plan.agendaItems[decision.item]!.id,
        decision.text,
        decision.kind,
        decision.needsRatification,
        decision.ratifyingBody === null ? null : plan.bodies[decision.ratifyingBody]!.id,
        decision.ratifiesDecision === null ? null : plan.decisions[decision.ratifiesDecision]!.id,
        decision.ratificationOutcome,
        decision.quorate,
        plan.accounts[decision.recordedBy]!.id,
        1,
        iso(decision.createdMs),
      ];
  },
);

/** Which agenda items ratify which decision: set once both tables are loaded. */
export function* ratificationLinks(plan: Plan): Iterable<[string, string]> {
  for (const item of plan.agendaItems)
    if (item.ratifiesDecision !== null) yield [item.id, plan.decisions[item.ratifiesDecision]!.id];
}

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

const actions = table(
  'action',
  'id, partnership_id, title, source_type, agenda_item_id, recommendation_id, owner_person_id, due_on, status, closing_evidence, cancel_reason, reminder_sent_at, overdue_reminder_sent_at, created_by, version, created_at',
  function* (plan) {
    for (const action of plan.actions)
      yield [
        action.id,
        plan.id,
        action.title,
        action.item === null ? 'review_recommendation' : 'meeting_item',
        action.item === null ? null : plan.agendaItems[action.item]!.id,
        action.recommendation === null ? null : plan.recommendations[action.recommendation]!.id,
        plan.people[action.owner]!.id,
        isoOf(action.dueOn),
        action.status,
        action.closingEvidence,
        action.cancelReason,
        when(action.reminderMs),
        when(action.overdueReminderMs),
        plan.accounts[action.createdBy]!.id,
        1 + action.updates,
        iso(action.createdMs),
      ];
  },
);

const actionUpdates = table(
  'action_update',
  'id, partnership_id, action_id, note, status_before, status_after, written_by, created_at',
  function* (plan, context) {
    const ids = Random.of(context.seed, plan.shape.name, plan.index, 'action-update-ids');
    const updates = plan.actionUpdates;
    for (let index = 0; index < updates.count; index += 1)
      yield [
        ids.uuid(),
        plan.id,
        plan.actions[updates.action[index]!]!.id,
        UPDATE_NOTES[updates.note[index]!]!,
        updates.statusBefore(index),
        updates.statusAfter(index),
        plan.accounts[updates.writer[index]!]!.id,
        iso(updates.ms[index]!),
      ];
  },
);

/** Every table but the audit trail, parents before children. */
export const TABLES: readonly Table[] = [
  accounts,
  roles,
  settings,
  agencies,
  people,
  bodies,
  standingItems,
  memberships,
  deputies,
  meetings,
  agendaItems,
  attendance,
  decisions,
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
  actions,
  actionUpdates,
];

/**
 * The audit trail in time order; seq, prev_hash and hash are left to the chaining trigger
 * (hash is NOT NULL, so '' goes in, as the app's own insert does).
 */
export const AUDIT_TABLE = table(
  'audit_event',
  'partnership_id, id, occurred_at, actor_user_id, action, entity_type, entity_id, request_id, before, after, hash',
  function* (plan, context) {
    const ids = Random.of(context.seed, plan.shape.name, plan.index, 'audit-ids');
    const audit = plan.audit;
    let requestId: string | null = null;
    for (const index of audit.inTimeOrder()) {
      const event = audit.event(index);
      const entry = renderAuditEvent(plan, event.kind, event.a, event.b);
      const id = ids.uuid();
      if (!event.sameRequest || requestId === null) requestId = ids.uuid();
      yield [
        plan.id,
        id,
        iso(event.ms),
        event.actor === null ? null : plan.accounts[event.actor]!.id,
        entry.action,
        entry.entityType,
        entry.entityId,
        event.actor === null ? null : requestId,
        new Json(entry.before),
        new Json(entry.after),
        '',
      ];
    }
  },
);
