import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './platform.js';
import { createdAt, partnershipId, version } from './columns.js';
import { person } from './governance.js';
import { agendaItem } from './meetings.js';
import { recommendation } from './reviews.js';

/**
 * One entry in the partnership's single action log. Overdue is derived from the due date and
 * status, never stored. Its source has a kind (meeting, review, audit, plan, escalation or
 * other) and is held one of three ways (source_type): an agenda item, a review
 * recommendation, or a written reference. A capability built later links its own records
 * with a column of its own and a source_type naming it, as the first two do (decision 0023).
 */
export const action = pgTable(
  'action',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    title: text('title').notNull(),
    /** How the source is held: meeting_item, review_recommendation or reference */
    sourceType: text('source_type').notNull(),
    /** meeting, review, audit, plan, escalation or other: what the log is filtered by */
    sourceKind: text('source_kind').notNull(),
    /** The source in words, e.g. "Section 11 audit 2026", when no record is linked */
    sourceReference: text('source_reference'),
    agendaItemId: uuid('agenda_item_id').references(() => agendaItem.id),
    recommendationId: uuid('recommendation_id').references(() => recommendation.id),
    ownerPersonId: uuid('owner_person_id')
      .notNull()
      .references(() => person.id),
    dueOn: date('due_on').notNull(),
    /** open, in_progress, done, closed or cancelled */
    status: text('status').notNull().default('open'),
    closingEvidence: text('closing_evidence'),
    cancelReason: text('cancel_reason'),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    overdueReminderSentAt: timestamp('overdue_reminder_sent_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => appUser.id),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    index('action_partnership_due_idx').on(t.partnershipId, t.dueOn),
    index('action_outstanding_due_idx')
      .on(t.partnershipId, t.dueOn)
      .where(sql`status IN ('open', 'in_progress')`),
    index('action_owner_idx').on(t.ownerPersonId),
    index('action_agenda_item_idx').on(t.agendaItemId),
    index('action_recommendation_idx').on(t.recommendationId),
    index('action_source_kind_due_idx').on(t.partnershipId, t.sourceKind, t.dueOn),
    check(
      'action_status_known',
      sql`${t.status} IN ('open', 'in_progress', 'done', 'closed', 'cancelled')`,
    ),
    check(
      'action_closed_with_evidence',
      sql`${t.status} <> 'closed' OR ${t.closingEvidence} IS NOT NULL`,
    ),
    check(
      'action_cancelled_with_reason',
      sql`${t.status} <> 'cancelled' OR ${t.cancelReason} IS NOT NULL`,
    ),
    check(
      'action_source_present',
      sql`${t.sourceType} <> 'meeting_item' OR ${t.agendaItemId} IS NOT NULL`,
    ),
    check(
      'action_recommendation_present',
      sql`${t.sourceType} <> 'review_recommendation' OR ${t.recommendationId} IS NOT NULL`,
    ),
    check(
      'action_source_kind_known',
      sql`${t.sourceKind} IN ('meeting', 'review', 'audit', 'plan', 'escalation', 'other')`,
    ),
    check(
      'action_source_kind_matches',
      sql`(${t.sourceType} <> 'meeting_item' OR ${t.sourceKind} = 'meeting') AND (${t.sourceType} <> 'review_recommendation' OR ${t.sourceKind} = 'review')`,
    ),
    check(
      'action_reference_present',
      sql`${t.sourceType} <> 'reference' OR length(trim(${t.sourceReference})) BETWEEN 1 AND 200`,
    ),
  ],
);

/** A dated update on an action: what was done, and any change of status. */
export const actionUpdate = pgTable(
  'action_update',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: partnershipId(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => action.id),
    note: text('note').notNull(),
    statusBefore: text('status_before').notNull(),
    statusAfter: text('status_after').notNull(),
    writtenBy: uuid('written_by').references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [index('action_update_action_idx').on(t.actionId, t.createdAt)],
);
