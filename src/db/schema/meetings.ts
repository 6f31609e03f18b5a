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
import { createdAt, partnershipId, version } from './columns.js';
import { storedFile } from './files.js';
import { body, deputy, membership, person } from './governance.js';

/** A day the partnership does not work beyond weekends and bank holidays (e.g. a closure day). */
export const nonWorkingDay = pgTable(
  'non_working_day',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    day: date('day').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('non_working_day_key').on(t.partnershipId, t.day)],
);

/** Settings a partnership chooses for itself; one row, created when first changed. */
export const partnershipSetting = pgTable('partnership_setting', {
  partnershipId: uuid('partnership_id')
    .primaryKey()
    .references(() => partnership.id),
  actionReminderWorkingDays: integer('action_reminder_working_days').notNull().default(5),
  notificationWorkingDays: integer('notification_working_days').notNull().default(5),
  rapidReviewWorkingDays: integer('rapid_review_working_days').notNull().default(15),
  panelResponseWorkingDays: integer('panel_response_working_days').notNull().default(10),
  practiceReviewMonths: integer('practice_review_months').notNull().default(6),
  finalReportWorkingDays: integer('final_report_working_days').notNull().default(7),
  version: version(),
});

/** One meeting of a body. Cancelled meetings are kept, with the reason. */
export const meeting = pgTable(
  'meeting',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => body.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    location: text('location').notNull().default(''),
    /** scheduled or cancelled */
    status: text('status').notNull().default('scheduled'),
    cancelReason: text('cancel_reason'),
    agendaPublishedAt: timestamp('agenda_published_at', { withTimezone: true }),
    /** draft, circulated or approved (approved minutes are locked) */
    minutesStatus: text('minutes_status').notNull().default('draft'),
    minutesCirculatedAt: timestamp('minutes_circulated_at', { withTimezone: true }),
    minutesApprovedAt: timestamp('minutes_approved_at', { withTimezone: true }),
    minutesApprovedAtMeetingId: uuid('minutes_approved_at_meeting_id').references(
      (): AnyPgColumn => meeting.id,
    ),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    index('meeting_body_starts_idx').on(t.bodyId, t.startsAt),
    index('meeting_partnership_starts_idx').on(t.partnershipId, t.startsAt),
    check('meeting_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('meeting_status_known', sql`${t.status} IN ('scheduled', 'cancelled')`),
    check(
      'meeting_cancel_has_reason',
      sql`${t.status} <> 'cancelled' OR ${t.cancelReason} IS NOT NULL`,
    ),
    check(
      'meeting_minutes_status_known',
      sql`${t.minutesStatus} IN ('draft', 'circulated', 'approved')`,
    ),
  ],
);

/** An item a body's every new agenda starts with (section 15 for the Partnership). */
export const standingItem = pgTable(
  'standing_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => body.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    purpose: text('purpose').notNull(),
    presenter: text('presenter').notNull().default(''),
    durationMinutes: integer('duration_minutes'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [index('standing_item_body_idx').on(t.bodyId, t.position)],
);

/** One item of a meeting's agenda, with its minute. */
export const agendaItem = pgTable(
  'agenda_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meeting.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    presenter: text('presenter').notNull().default(''),
    durationMinutes: integer('duration_minutes'),
    /** decision, discussion, information or ratification */
    purpose: text('purpose').notNull(),
    /** standing, added, proposed, ratification or minutes_approval */
    origin: text('origin').notNull(),
    /** For items members propose: proposed, accepted or declined. Null for other items. */
    proposalStatus: text('proposal_status'),
    proposedBy: uuid('proposed_by').references(() => appUser.id),
    proposalNote: text('proposal_note'),
    ratifiesDecisionId: uuid('ratifies_decision_id').references((): AnyPgColumn => decision.id),
    approvesMinutesOfMeetingId: uuid('approves_minutes_of_meeting_id').references(() => meeting.id),
    minutes: text('minutes').notNull().default(''),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    index('agenda_item_meeting_idx').on(t.meetingId, t.position),
    index('agenda_item_ratifies_idx').on(t.ratifiesDecisionId),
    index('agenda_item_approves_idx').on(t.approvesMinutesOfMeetingId),
  ],
);

/** A paper for an agenda item: an uploaded document, restricted to members when marked so. */
export const paper = pgTable(
  'paper',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItem.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id),
    title: text('title').notNull(),
    restricted: boolean('restricted').notNull().default(false),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('paper_agenda_item_idx').on(t.agendaItemId)],
);

/**
 * Who came: a member (present, apologies, absent, or represented by a named deputy) or a
 * non-member attendee, named as a guest.
 */
export const attendance = pgTable(
  'attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meeting.id),
    membershipId: uuid('membership_id').references(() => membership.id),
    /** present, apologies, absent or deputy */
    status: text('status').notNull(),
    deputyId: uuid('deputy_id').references(() => deputy.id),
    guestName: text('guest_name'),
    guestRole: text('guest_role'),
    /** When a guest recorded by mistake was removed; members' rows are changed, never removed. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('attendance_member_key')
      .on(t.meetingId, t.membershipId)
      .where(sql`${t.membershipId} IS NOT NULL`),
    index('attendance_meeting_idx').on(t.meetingId),
    check(
      'attendance_member_or_guest',
      sql`(${t.membershipId} IS NOT NULL AND ${t.guestName} IS NULL) OR (${t.membershipId} IS NULL AND ${t.guestName} IS NOT NULL AND ${t.status} = 'present')`,
    ),
    check(
      'attendance_only_guests_withdrawn',
      sql`${t.withdrawnAt} IS NULL OR ${t.membershipId} IS NULL`,
    ),
    check('attendance_deputy_named', sql`(${t.status} = 'deputy') = (${t.deputyId} IS NOT NULL)`),
  ],
);

/**
 * A decision or recommendation on an agenda item. One that affects the arrangements goes
 * for ratification to the body its body reports to; a ratification is itself a decision
 * that names the decision it ratifies, so a chain of several levels is a chain of rows.
 */
export const decision = pgTable(
  'decision',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meeting.id),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItem.id),
    text: text('text').notNull(),
    /** decision or recommendation (a recommendation may be made without a quorum) */
    kind: text('kind').notNull(),
    needsRatification: boolean('needs_ratification').notNull().default(false),
    ratifyingBodyId: uuid('ratifying_body_id').references(() => body.id),
    ratifiesDecisionId: uuid('ratifies_decision_id').references((): AnyPgColumn => decision.id),
    /** ratified, not_ratified or deferred, when this decision is a ratification */
    ratificationOutcome: text('ratification_outcome'),
    quorate: boolean('quorate').notNull(),
    recordedBy: uuid('recorded_by').references(() => appUser.id),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    index('decision_meeting_idx').on(t.meetingId),
    index('decision_ratifies_idx').on(t.ratifiesDecisionId),
    index('decision_ratifying_body_idx').on(t.ratifyingBodyId),
    check('decision_kind_known', sql`${t.kind} IN ('decision', 'recommendation')`),
    check(
      'decision_ratification_has_body',
      sql`NOT ${t.needsRatification} OR ${t.ratifyingBodyId} IS NOT NULL`,
    ),
    check(
      'decision_outcome_with_ratification',
      sql`(${t.ratifiesDecisionId} IS NULL) = (${t.ratificationOutcome} IS NULL)`,
    ),
  ],
);

/** A secret calendar feed URL for a body's meetings or a person's; regenerating revokes it. */
export const calendarFeed = pgTable(
  'calendar_feed',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    bodyId: uuid('body_id').references(() => body.id),
    personId: uuid('person_id').references(() => person.id),
    tokenHash: text('token_hash').notNull().unique(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('calendar_feed_body_idx').on(t.bodyId),
    index('calendar_feed_person_idx').on(t.personId),
    check('calendar_feed_one_owner', sql`(${t.bodyId} IS NULL) <> (${t.personId} IS NULL)`),
  ],
);
