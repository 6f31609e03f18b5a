import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appUser } from './platform.js';
import { closedAt, createdAt, partnershipId, version } from './columns.js';
import { storedFile } from './files.js';
import { agency, body } from './governance.js';
import { meeting } from './meetings.js';

/**
 * A case the partnership reviews: a serious incident (notified to the national Panel) or a
 * case heard for its good practice. Only its reference, stage and deadlines are visible
 * outside its case team. The timescales in force when it was opened are copied onto it, so
 * changing a partnership setting applies to new cases only.
 */
export const reviewCase = pgTable(
  'review_case',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    reference: text('reference').notNull(),
    /** serious_incident or good_practice */
    kind: text('kind').notNull(),
    /** The day the local authority became aware (for good practice: the day it was referred). */
    awareOn: date('aware_on').notNull(),
    /** abuse_or_neglect, death, serious_harm, looked_after, care_leaver */
    criteria: text('criteria')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    panelNotifiedOn: date('panel_notified_on'),
    ofstedNotifiedOn: date('ofsted_notified_on'),
    partnersNotifiedOn: date('partners_notified_on'),
    notificationWorkingDays: integer('notification_working_days').notNull(),
    rapidReviewWorkingDays: integer('rapid_review_working_days').notNull(),
    panelResponseWorkingDays: integer('panel_response_working_days').notNull(),
    practiceReviewMonths: integer('practice_review_months').notNull(),
    finalReportWorkingDays: integer('final_report_working_days').notNull(),
    closeReason: text('close_reason'),
    createdBy: uuid('created_by').references(() => appUser.id),
    version: version(),
    createdAt: createdAt(),
    closedAt: closedAt(),
  },
  (t) => [
    uniqueIndex('review_case_reference_key').on(t.partnershipId, sql`lower(${t.reference})`),
    index('review_case_open_idx').on(t.partnershipId, t.closedAt),
    check('review_case_kind_known', sql`${t.kind} IN ('serious_incident', 'good_practice')`),
    check(
      'review_case_told_after_aware',
      sql`(${t.panelNotifiedOn} IS NULL OR ${t.panelNotifiedOn} >= ${t.awareOn})
        AND (${t.ofstedNotifiedOn} IS NULL OR ${t.ofstedNotifiedOn} >= ${t.awareOn})
        AND (${t.partnersNotifiedOn} IS NULL OR ${t.partnersNotifiedOn} >= ${t.awareOn})`,
    ),
    check(
      'review_case_closed_with_reason',
      sql`${t.closedAt} IS NULL OR ${t.closeReason} IS NOT NULL`,
    ),
  ],
);

/**
 * A child the case concerns (at most four per notification). Every identifying field is
 * sealed by the application (AES-256-GCM, key id inside the value) before it is stored.
 */
export const caseChild = pgTable(
  'case_child',
  {
    id: uuid('id').primaryKey(),
    partnershipId: partnershipId(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => reviewCase.id),
    position: smallint('position').notNull(),
    nameSealed: text('name_sealed').notNull(),
    dateOfBirthSealed: text('date_of_birth_sealed'),
    nhsNumberSealed: text('nhs_number_sealed'),
    addressSealed: text('address_sealed'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('case_child_position_key').on(t.caseId, t.position),
    check('case_child_at_most_four', sql`${t.position} BETWEEN 1 AND 4`),
  ],
);

/** The agencies involved with the child or family. */
export const caseAgency = pgTable(
  'case_agency',
  {
    partnershipId: partnershipId(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => reviewCase.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.agencyId] })],
);

/** Who may open the case. Removing someone ends their place; the row stays for the record. */
export const caseTeamMember = pgTable(
  'case_team_member',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => reviewCase.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    addedBy: uuid('added_by').references(() => appUser.id),
    addedAt: createdAt(),
    removedBy: uuid('removed_by').references(() => appUser.id),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('case_team_member_current_key')
      .on(t.caseId, t.userId)
      .where(sql`${t.removedAt} IS NULL`),
    index('case_team_member_user_idx').on(t.userId),
  ],
);

/** The rapid review of a notified serious incident, and its outcome. */
export const rapidReview = pgTable(
  'rapid_review',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => reviewCase.id),
    partnershipId: partnershipId(),
    meetingId: uuid('meeting_id').references(() => meeting.id),
    /** national_review, local_review or no_review */
    outcome: text('outcome'),
    /** For no_review: single_agency or multi_agency learning */
    learningScope: text('learning_scope'),
    /** Regulation criteria that applied: reg3_*, reg11_a .. reg11_d */
    criteriaMet: text('criteria_met')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    rationale: text('rationale'),
    decidedOn: date('decided_on'),
    sentToPanelOn: date('sent_to_panel_on'),
    panelResponseOn: date('panel_response_on'),
    panelResponse: text('panel_response'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      'rapid_review_outcome_known',
      sql`${t.outcome} IS NULL OR ${t.outcome} IN ('national_review', 'local_review', 'no_review')`,
    ),
    check(
      'rapid_review_outcome_with_rationale',
      sql`${t.outcome} IS NULL OR (${t.rationale} IS NOT NULL AND btrim(${t.rationale}) <> '' AND ${t.decidedOn} IS NOT NULL)`,
    ),
    check(
      'rapid_review_learning_scope',
      sql`(${t.outcome} = 'no_review' AND ${t.learningScope} IN ('single_agency', 'multi_agency'))
        OR (${t.outcome} IS DISTINCT FROM 'no_review' AND ${t.learningScope} IS NULL)`,
    ),
  ],
);

/** What the rapid review asked an agency for (chronology, summary), by when, and its return. */
export const informationRequest = pgTable(
  'information_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => reviewCase.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    askedFor: text('asked_for').notNull(),
    requestedOn: date('requested_on').notNull(),
    dueOn: date('due_on').notNull(),
    returnedOn: date('returned_on'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    index('information_request_case_idx').on(t.caseId),
    check('information_request_due_after_request', sql`${t.dueOn} >= ${t.requestedOn}`),
  ],
);

/** A document an agency returned: its chronology, its summary, or another paper. */
export const informationReturn = pgTable(
  'information_return',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => informationRequest.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id),
    /** chronology, summary or other */
    kind: text('kind').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('information_return_request_idx').on(t.requestId),
    check('information_return_kind_known', sql`${t.kind} IN ('chronology', 'summary', 'other')`),
  ],
);

/** A local child safeguarding practice review the partners decided to hold. */
export const practiceReview = pgTable(
  'practice_review',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => reviewCase.id),
    partnershipId: partnershipId(),
    decidedOn: date('decided_on').notNull(),
    methodology: text('methodology').notNull(),
    reviewers: text('reviewers').notNull(),
    termsOfReference: text('terms_of_reference').notNull(),
    /** Decision date plus the case's months: publication is due by then unless delayed. */
    targetOn: date('target_on').notNull(),
    finalReportSentOn: date('final_report_sent_on'),
    publishedOn: date('published_on'),
    publicationUrl: text('publication_url'),
    notPublishedReason: text('not_published_reason'),
    /** Why it was published sooner than the notice the Panel should have. */
    shortNoticeReason: text('short_notice_reason'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    check('practice_review_target_after_decision', sql`${t.targetOn} >= ${t.decidedOn}`),
    check(
      'practice_review_published_after_report',
      sql`${t.publishedOn} IS NULL OR (${t.finalReportSentOn} IS NOT NULL AND ${t.publishedOn} >= ${t.finalReportSentOn})`,
    ),
    check(
      'practice_review_published_or_why_not',
      sql`${t.publishedOn} IS NULL OR ${t.notPublishedReason} IS NULL`,
    ),
  ],
);

/** A step of a practice review with its date and status. */
export const reviewMilestone = pgTable(
  'review_milestone',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => practiceReview.caseId),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    /** planned, in_progress or done */
    status: text('status').notNull().default('planned'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    index('review_milestone_case_idx').on(t.caseId, t.dueOn),
    check('review_milestone_status_known', sql`${t.status} IN ('planned', 'in_progress', 'done')`),
  ],
);

/** A request to the reviewer for a draft, recorded in writing (SI 2018/789 reg. 14). */
export const draftRequest = pgTable(
  'draft_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => practiceReview.caseId),
    requestedOn: date('requested_on').notNull(),
    request: text('request').notNull(),
    requestedBy: uuid('requested_by').references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [index('draft_request_case_idx').on(t.caseId)],
);

/** A delay to a practice review (e.g. parallel criminal proceedings), with its revised date. */
export const reviewDelay = pgTable(
  'review_delay',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => practiceReview.caseId),
    reason: text('reason').notNull(),
    revisedOn: date('revised_on').notNull(),
    recordedBy: uuid('recorded_by').references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [index('review_delay_case_idx').on(t.caseId, t.createdAt)],
);

/** A recommendation of a review; its actions live in the partnership's action log. */
export const recommendation = pgTable(
  'recommendation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => reviewCase.id),
    number: integer('number').notNull(),
    text: text('text').notNull(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('recommendation_number_key').on(t.caseId, t.number)],
);

export const recommendationAgency = pgTable(
  'recommendation_agency',
  {
    partnershipId: partnershipId(),
    recommendationId: uuid('recommendation_id')
      .notNull()
      .references(() => recommendation.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
  },
  (t) => [primaryKey({ columns: [t.recommendationId, t.agencyId] })],
);

/** A point of learning from any review, including good-practice reviews. */
export const learningPoint = pgTable(
  'learning_point',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => reviewCase.id),
    text: text('text').notNull(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [index('learning_point_case_idx').on(t.caseId)],
);

/** The learning of a review shared with a body or an agency, and when. */
export const learningDissemination = pgTable(
  'learning_dissemination',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => reviewCase.id),
    bodyId: uuid('body_id').references(() => body.id),
    agencyId: uuid('agency_id').references(() => agency.id),
    disseminatedOn: date('disseminated_on').notNull(),
    recordedBy: uuid('recorded_by').references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('learning_dissemination_case_idx').on(t.caseId),
    check('learning_dissemination_to_one', sql`(${t.bodyId} IS NULL) <> (${t.agencyId} IS NULL)`),
  ],
);

/**
 * Which encryption keys the database has seen: a known value sealed with each, so that a
 * wrong key is caught at start-up instead of when a child's name will not open.
 */
export const encryptionKeyCheck = pgTable('encryption_key_check', {
  keyId: text('key_id').primaryKey(),
  sealedCheck: text('sealed_check').notNull(),
  createdAt: createdAt(),
});
