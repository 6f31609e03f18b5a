import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { appUser, partnership } from './platform.js';
import { closedAt, createdAt, partnershipId, version } from './columns.js';
import { storedFile } from './files.js';

/** An organisation in the partnership's area: a safeguarding partner, a relevant agency, or other. */
export const agency = pgTable(
  'agency',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    name: text('name').notNull(),
    agencyType: text('agency_type').notNull(),
    isSafeguardingPartner: boolean('is_safeguarding_partner').notNull().default(false),
    isRelevantAgency: boolean('is_relevant_agency').notNull().default(false),
    closedAt: closedAt(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('agency_name_key').on(t.partnershipId, sql`lower(${t.name})`)],
);

/** Someone who takes part in the partnership's bodies; may or may not be able to sign in. */
export const person = pgTable(
  'person',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    fullName: text('full_name').notNull(),
    jobTitle: text('job_title').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    email: text('email').notNull(),
    phone: text('phone'),
    userId: uuid('user_id').references(() => appUser.id),
    closedAt: closedAt(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('person_email_key').on(t.partnershipId, sql`lower(${t.email})`),
    index('person_agency_idx').on(t.agencyId),
    index('person_name_idx').on(t.partnershipId, sql`lower(${t.fullName})`),
    // Pages find the signed-in person's own record (their actions, their seats) by account.
    index('person_user_idx').on(t.userId),
  ],
);

/** A partnership meeting, forum, sub-group, priority/reference group, or board reported to. */
export const body = pgTable(
  'body',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    name: text('name').notNull(),
    bodyType: text('body_type').notNull(),
    reportsToId: uuid('reports_to_id').references((): AnyPgColumn => body.id),
    purpose: text('purpose').notNull().default(''),
    cadence: text('cadence').notNull(),
    cadenceNote: text('cadence_note'),
    chairPersonId: uuid('chair_person_id').references(() => person.id),
    chairAppointedOn: date('chair_appointed_on'),
    chairReviewDueOn: date('chair_review_due_on'),
    viceChairPersonId: uuid('vice_chair_person_id').references(() => person.id),
    viceChairAppointedOn: date('vice_chair_appointed_on'),
    viceChairReviewDueOn: date('vice_chair_review_due_on'),
    businessOfficerPersonId: uuid('business_officer_person_id').references(() => person.id),
    termsOfReferenceFileId: uuid('terms_of_reference_file_id').references(() => storedFile.id),
    termsOfReferenceReviewDueOn: date('terms_of_reference_review_due_on'),
    /** True: the required agencies are the partnership's statutory safeguarding partners. */
    quorumUsesPartners: boolean('quorum_uses_partners').notNull().default(true),
    quorumMinimumHeadCount: integer('quorum_minimum_head_count'),
    closedAt: closedAt(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('body_name_key').on(t.partnershipId, sql`lower(${t.name})`),
    index('body_reports_to_idx').on(t.reportsToId),
    check('body_not_own_parent', sql`${t.reportsToId} IS NULL OR ${t.reportsToId} <> ${t.id}`),
    check(
      'body_minimum_head_count_positive',
      sql`${t.quorumMinimumHeadCount} IS NULL OR ${t.quorumMinimumHeadCount} > 0`,
    ),
  ],
);

/** The agencies a body's quorum names, when it does not use the partners by default. */
export const quorumRequiredAgency = pgTable(
  'quorum_required_agency',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => body.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
  },
  (t) => [uniqueIndex('quorum_required_agency_key').on(t.bodyId, t.agencyId)],
);

/** A person's seat on a body, representing an agency, between two dates. */
export const membership = pgTable(
  'membership',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => body.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    status: text('status').notNull(),
    representsAgencyId: uuid('represents_agency_id')
      .notNull()
      .references(() => agency.id),
    decisionMaking: boolean('decision_making').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    inductionBooklet: boolean('induction_booklet').notNull().default(false),
    inductionTemplates: boolean('induction_templates').notNull().default(false),
    inductionStandards: boolean('induction_standards').notNull().default(false),
    inductionReporting: boolean('induction_reporting').notNull().default(false),
    inductionCompletedOn: date('induction_completed_on'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    index('membership_body_idx').on(t.bodyId),
    index('membership_person_idx').on(t.personId),
    index('membership_agency_idx').on(t.representsAgencyId),
    check('membership_dates_ordered', sql`${t.endsOn} IS NULL OR ${t.endsOn} >= ${t.startsOn}`),
    check(
      'membership_observers_never_decide',
      sql`${t.status} <> 'participant_observer' OR NOT ${t.decisionMaking}`,
    ),
  ],
);

/** A named deputy with delegated authority to act for a member over a date range (section 11). */
export const deputy = pgTable(
  'deputy',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => membership.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    index('deputy_membership_idx').on(t.membershipId),
    index('deputy_person_idx').on(t.personId),
    check('deputy_dates_ordered', sql`${t.endsOn} IS NULL OR ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** One row of the version-control table at the top of the published arrangements. */
export const arrangementsVersion = pgTable(
  'arrangements_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    versionNumber: text('version_number').notNull(),
    issuedOn: date('issued_on').notNull(),
    author: text('author').notNull(),
    reason: text('reason').notNull(),
    fileId: uuid('file_id').references(() => storedFile.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('arrangements_version_number_key').on(
      t.partnershipId,
      sql`lower(${t.versionNumber})`,
    ),
  ],
);

/** When the partnership next reviews its arrangements (yearly, section 26). */
export const arrangementsReview = pgTable('arrangements_review', {
  partnershipId: uuid('partnership_id')
    .primaryKey()
    .references(() => partnership.id),
  nextReviewDueOn: date('next_review_due_on').notNull(),
  version: version(),
});

/** A member's written request to the chair to amend the arrangements (section 26). */
export const amendmentRequest = pgTable(
  'amendment_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => appUser.id),
    summary: text('summary').notNull(),
    details: text('details').notNull(),
    status: text('status').notNull().default('received'),
    statusNote: text('status_note'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [index('amendment_request_partnership_idx').on(t.partnershipId, t.createdAt)],
);

/** A personal token for the read-only API, acting as its owner in one partnership. */
export const apiToken = pgTable(
  'api_token',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('api_token_user_idx').on(t.userId, t.partnershipId)],
);
